import { describe, expect, it } from "vitest";
import { checkFileType, formatFileSize, sanitizeFileName } from "./files.types";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("checkFileType", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(checkFileType("skan.pdf", bytes("%PDF-1.7\n"))).toMatchObject({ ok: true, type: { mime: "application/pdf", preview: "pdf" } });
    expect(checkFileType("zdjęcie.PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject({ ok: true, type: { mime: "image/png" } });
    expect(checkFileType("foto.jpeg", bytes([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ ok: true, type: { mime: "image/jpeg", preview: "image" } });
  });

  it("refuses a file whose content does not match its extension, in Polish", () => {
    const r = checkFileType("faktura.pdf", bytes("<html><script>alert(1)</script>"));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe("Zawartość pliku „faktura.pdf” nie jest prawidłowym plikiem PDF — nie zgadza się z rozszerzeniem .pdf. Sprawdź plik i wyślij go ponownie.");
    expect(checkFileType("a.png", bytes([0xff, 0xd8, 0xff])).ok).toBe(false);
    expect(checkFileType("a.jpg", bytes("%PDF-")).ok).toBe(false);
  });

  it("refuses unknown and missing extensions", () => {
    const exe = checkFileType("program.exe", bytes("MZ"));
    expect(!exe.ok && exe.message).toMatch(/^Plik „program.exe” ma nieobsługiwany rodzaj\. Dozwolone są: PDF, JPEG/);
    expect(checkFileType("bez-rozszerzenia", bytes("%PDF-")).ok).toBe(false);
    expect(checkFileType("strona.html", bytes("<html>")).ok).toBe(false);
    expect(checkFileType("obraz.svg", bytes("<svg>")).ok).toBe(false);
  });

  it("recognises office containers, TIFF, WebP, HEIC, RTF, XML and text", () => {
    const zip = [0x50, 0x4b, 0x03, 0x04];
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect(checkFileType("pismo.docx", bytes(zip)).ok).toBe(true);
    expect(checkFileType("pismo.odt", bytes(zip)).ok).toBe(true);
    expect(checkFileType("tabela.xlsx", bytes(zip)).ok).toBe(true);
    expect(checkFileType("pismo.doc", bytes(ole)).ok).toBe(true);
    expect(checkFileType("pismo.doc", bytes(zip)).ok).toBe(false);
    expect(checkFileType("skan.tif", bytes([0x49, 0x49, 0x2a, 0]))).toMatchObject({ ok: true, type: { mime: "image/tiff", preview: null } });
    expect(checkFileType("a.webp", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 ")).ok).toBe(true);
    expect(checkFileType("IMG_1.HEIC", bytes([0, 0, 0, 0x18], "ftypheic")).ok).toBe(true);
    expect(checkFileType("a.rtf", bytes("{\\rtf1\\ansi")).ok).toBe(true);
    expect(checkFileType("upp.xml", bytes([0xef, 0xbb, 0xbf], "\n<?xml version='1.0'?>")).ok).toBe(true);
    expect(checkFileType("upp.xml", bytes("nie xml")).ok).toBe(false);
    expect(checkFileType("notatka.txt", bytes("Zażółć gęślą jaźń")).ok).toBe(true);
    expect(checkFileType("notatka.txt", bytes([0x41, 0, 0x42])).ok).toBe(false);
  });
});

describe("sanitizeFileName", () => {
  it("keeps Polish letters and drops paths and forbidden characters", () => {
    expect(sanitizeFileName("C:\\Users\\ala\\Wniosek o wydanie zaświadczenia.pdf")).toBe("Wniosek o wydanie zaświadczenia.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName('a"b<c>\u0007.pdf')).toBe("a_b_c__.pdf");
    expect(sanitizeFileName("   ")).toBe("plik");
    expect(sanitizeFileName(".ukryty.pdf")).toBe("ukryty.pdf");
    const long = sanitizeFileName(`${"ż".repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});

describe("formatFileSize", () => {
  it("uses Polish decimal commas", () => {
    expect(formatFileSize(12)).toBe("12 B");
    expect(formatFileSize(1536)).toBe("1,5 kB");
    expect(formatFileSize(5 * 1024 * 1024 + 200 * 1024)).toBe("5,2 MB");
  });
});
