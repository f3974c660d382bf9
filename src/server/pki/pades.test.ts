import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as asn1js from "asn1js";
import fontkit from "@pdf-lib/fontkit";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, rgb } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { verifyCades } from "./cades";
import { buildCaHierarchy } from "./ca";
import { EC_KEY_ALGORITHM, OID, ab, pkijs, subtle, toPem, u8 } from "./crypto";
import { encryptPrivateKey, getPkiMasterKey } from "./master-key";
import { embedPdfSignature, parsePdfDate, preparePdfSignature, readPdfSignatures, sealPdf, signPdfWithKey, type PdfSignatureInput } from "./pades";
import { tempDir, writeFiles } from "./test-helpers";

const has = (tool: string, args: string[]) => spawnSync(tool, args).error === undefined;
const HAS_PDFSIG = has("pdfsig", ["-v"]) && has("certutil", ["-H"]);
const HAS_PDFTOPPM = has("pdftoppm", ["-v"]);
if (!HAS_PDFSIG) console.warn("pdfsig/certutil are missing: the poppler cross-checks of pades.ts are skipped (CI installs poppler-utils and libnss3-tools).");

const NOW = new Date("2026-11-25T08:14:00Z");

interface Ca {
  rootDer: Uint8Array;
  issuingDer: Uint8Array;
  sealDer: Uint8Array;
  sealKey: CryptoKey;
  pkcs8: Record<string, Uint8Array>;
}

let ca: Ca;
let nssDir = "";

beforeAll(async () => {
  const created = await buildCaHierarchy("Urząd Gminy Testowo", new Date(NOW.getTime() - 86_400_000));
  const by = (kind: string) => created.find((c) => c.kind === kind)!;
  ca = {
    rootDer: u8(by("ROOT").cert.rawData),
    issuingDer: u8(by("ISSUING").cert.rawData),
    sealDer: u8(by("SEAL").cert.rawData),
    sealKey: await subtle.importKey("pkcs8", ab(by("SEAL").pkcs8), EC_KEY_ALGORITHM, false, ["sign"]),
    pkcs8: Object.fromEntries(created.map((c) => [c.kind, c.pkcs8])),
  };
  if (HAS_PDFSIG) {
    nssDir = tempDir();
    writeFiles(nssDir, { "root.pem": toPem(ca.rootDer, "CERTIFICATE"), "issuing.pem": toPem(ca.issuingDer, "CERTIFICATE") });
    const run = (args: string[]) => expect(spawnSync("certutil", args, { cwd: nssDir, encoding: "utf8" }).status).toBe(0);
    run(["-N", "-d", `sql:${nssDir}`, "--empty-password"]);
    run(["-A", "-d", `sql:${nssDir}`, "-n", "root", "-t", "CT,C,C", "-i", "root.pem"]);
    run(["-A", "-d", `sql:${nssDir}`, "-n", "issuing", "-t", ",,", "-i", "issuing.pem"]);
  }
}, 30_000);

/** A small letter with Polish text, saved with object streams (pdf-lib's default) or a classic xref table. */
async function letter(useObjectStreams: boolean, pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(path.resolve("node_modules/geist/dist/fonts/geist-sans/Geist-Regular.ttf")), { subset: true });
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Zażółć gęślą jaźń — strona ${i + 1}`, { x: 50, y: 780, size: 14, font, color: rgb(0, 0, 0) });
  }
  return doc.save({ useObjectStreams });
}

function input(n = 1): PdfSignatureInput {
  return {
    signerName: n === 1 ? "Jan Kowalski" : "Żaneta Łęcka",
    reason: `Akceptacja pisma PWY/${n}/2026`,
    location: "Urząd Gminy Testowo",
    signingTime: new Date(NOW.getTime() + n * 60_000),
    appearance: ["Podpisano elektronicznie", n === 1 ? "Jan Kowalski" : "Żaneta Łęcka", "Inspektor, Wydział Gospodarki Komunalnej", "25 listopada 2026, 09:14", "Certyfikat nr 4f3a…"],
  };
}

const signer = () => ({ certDer: ca.sealDer, privateKey: ca.sealKey, chainDer: [ca.issuingDer] });

/** verifyCades against an in-memory "database": our issuing CA, nothing revoked. */
function fakeDb(): Db {
  return {
    caKey: { findMany: async () => [{ certificate: Buffer.from(ca.issuingDer) }], findFirst: async () => null },
    signingCertificate: { findFirst: async () => null },
  } as unknown as Db;
}

function messageDigestOf(cms: Uint8Array): Uint8Array {
  const info = pkijs.ContentInfo.fromBER(ab(cms));
  const sd = new pkijs.SignedData({ schema: info.content });
  const attr = sd.signerInfos[0]!.signedAttrs!.attributes.find((a) => a.type === OID.messageDigest)!;
  expect(sd.signerInfos[0]!.signedAttrs!.attributes.some((a) => a.type === OID.signingTime)).toBe(false);
  return new Uint8Array((attr.values[0] as asn1js.OctetString).valueBlock.valueHexView);
}

function pdfsig(pdf: Uint8Array): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, "doc.pdf"), pdf);
  const r = spawnSync("pdfsig", ["-nssdir", `sql:${nssDir}`, "-no-ocsp", "doc.pdf"], { cwd: dir, encoding: "utf8" });
  return `${r.stdout}${r.stderr}`;
}

const count = (text: string, what: string) => text.split(what).length - 1;
const startsWith = (whole: Uint8Array, prefix: Uint8Array) => Buffer.from(whole.subarray(0, prefix.length)).equals(Buffer.from(prefix));

async function lastPageWidgets(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPages().at(-1)!;
  const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
  const rects = (annots?.asArray() ?? []).map((ref) => {
    const rect = doc.context.lookup(ref, PDFDict).lookup(PDFName.of("Rect"), PDFArray);
    return rect.asArray().map((v) => (v as PDFNumber).asNumber());
  });
  return { doc, page, rects };
}

describe.each([
  ["an xref stream (object streams)", true],
  ["a classic xref table", false],
])("PAdES on a PDF with %s", (_label, useObjectStreams) => {
  let original: Uint8Array;
  let once: Uint8Array;
  let twice: Uint8Array;

  beforeAll(async () => {
    original = await letter(useObjectStreams);
    once = await signPdfWithKey(original, input(1), signer());
    twice = await signPdfWithKey(once, input(2), signer());
  }, 30_000);

  it("appends an incremental update: the original is a prefix, pages and content are kept", async () => {
    expect(startsWith(once, original)).toBe(true);
    expect(startsWith(twice, once)).toBe(true);
    const tail = Buffer.from(once.subarray(original.length)).toString("latin1");
    expect(tail).toMatch(useObjectStreams ? /\/Type \/XRef/ : /\nxref\n/);
    expect(tail).toMatch(/\/Prev \d+/);
    const { doc } = await lastPageWidgets(twice);
    expect(doc.getPageCount()).toBe(2);
  });

  it("reads one signature after one signing, with the dictionary's values and a digest the CMS signs", async () => {
    expect(readPdfSignatures(original)).toEqual([]);
    const [entry, ...rest] = readPdfSignatures(once);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      fieldName: "Podpis1",
      signerName: "Jan Kowalski",
      reason: "Akceptacja pisma PWY/1/2026",
      location: "Urząd Gminy Testowo",
      subFilter: "ETSI.CAdES.detached",
      coversWholeFile: true,
      byteRangeSane: true,
    });
    expect(entry!.signingTime?.toISOString()).toBe("2026-11-25T08:15:00.000Z");
    expect(entry!.cms[0]).toBe(0x30);
    expect(Buffer.from(messageDigestOf(entry!.cms)).equals(Buffer.from(entry!.digest))).toBe(true);
    const report = await verifyCades(fakeDb(), { contentSha256: entry!.digest, p7s: entry!.cms, now: NOW, claimedSigningTime: entry!.signingTime });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ intact: true, chainTrusted: true, validAtSigning: true });
  });

  it("keeps the first signature when a second is added on top", async () => {
    const entries = readPdfSignatures(twice);
    expect(entries.map((e) => [e.fieldName, e.signerName, e.coversWholeFile, e.byteRangeSane])).toEqual([
      ["Podpis1", "Jan Kowalski", false, true],
      ["Podpis2", "Żaneta Łęcka", true, true],
    ]);
    for (const e of entries) expect(Buffer.from(messageDigestOf(e.cms)).equals(Buffer.from(e.digest))).toBe(true);
  });

  it("puts the widgets on the last page inside the MediaBox, without overlapping (three signatures)", async () => {
    const thrice = await signPdfWithKey(twice, input(3), signer());
    expect(readPdfSignatures(thrice).map((e) => e.fieldName)).toEqual(["Podpis1", "Podpis2", "Podpis3"]);
    const { page, rects } = await lastPageWidgets(thrice);
    const box = page.getMediaBox();
    expect(rects).toHaveLength(3);
    for (const [x1 = NaN, y1 = NaN, x2 = NaN, y2 = NaN] of rects) {
      expect(x1).toBeGreaterThanOrEqual(box.x);
      expect(y1).toBeGreaterThanOrEqual(box.y);
      expect(x2).toBeLessThanOrEqual(box.x + box.width);
      expect(y2).toBeLessThanOrEqual(box.y + box.height);
      expect(x2 - x1).toBeGreaterThan(100);
    }
    const overlap = (a: number[], b: number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i]!, rects[j]!)).toBe(false);
  });

  it.runIf(HAS_PDFSIG)("pdfsig: both signatures valid, the certificate trusted, signer, time and ranges shown", () => {
    const out = pdfsig(twice);
    const [first, second] = out.split("Signature #2:") as [string, string];
    expect(second).toBeDefined();
    for (const part of [first, second]) {
      expect(part).toContain("Signature Validation: Signature is Valid.");
      expect(part).toContain("Pieczęć elektroniczna — Urząd Gminy Testowo");
      expect(part).toContain("Signature Type: ETSI.CAdES.detached");
    }
    expect(first).toContain("Signature Field Name: Podpis1");
    expect(first).toMatch(/Signing Time: +Nov 25 2026 08:15:00/);
    expect(first).toContain("Not total document signed");
    expect(first).toContain("Certificate Validation: Certificate is Trusted.");
    expect(second).toContain("Signature Field Name: Podpis2");
    expect(second).toMatch(/Signing Time: +Nov 25 2026 08:16:00/);
    expect(second).toMatch(/- Total document signed/);
    // poppler 22.12 validates only the first signature's certificate ("Unknown issue" for any later
    // one, its own signatures included); the second's chain is checked through verifyCades above.
    expect(pdfsig(once)).toContain("Certificate Validation: Certificate is Trusted.");
  });

  it.runIf(HAS_PDFSIG)("pdfsig: one changed byte in the signed range makes the signature invalid", () => {
    const tampered = new Uint8Array(once);
    const pos = Buffer.from(tampered).indexOf("/T (Podpis1)", original.length, "latin1");
    expect(pos).toBeGreaterThan(0);
    tampered[pos + 10] = 0x39; // Podpis1 → Podpis9, inside the first byte range
    const out = pdfsig(tampered);
    expect(out).toContain("Signature Validation:");
    expect(out).not.toContain("Signature is Valid");
    const [entry] = readPdfSignatures(tampered);
    expect(Buffer.from(messageDigestOf(entry!.cms)).equals(Buffer.from(entry!.digest))).toBe(false);
    // An untouched copy still passes (the test can tell the difference).
    expect(pdfsig(once)).toContain("Signature is Valid");
  });

  it.runIf(HAS_PDFTOPPM)("renders the last page with the signature blocks (pdftoppm)", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "doc.pdf"), twice);
    const r = spawnSync("pdftoppm", ["-png", "-r", "50", "-f", "2", "-l", "2", "doc.pdf", "page"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("embedPdfSignature and the byte range", () => {
  it("covers everything but the /Contents hex string and refuses a CMS that does not fit", async () => {
    const pdf = await letter(true, 1);
    const prepared = await preparePdfSignature(pdf, { ...input(1), contentsBytes: 4096 });
    const [a, b, c, d] = prepared.byteRange;
    expect(a).toBe(0);
    expect(c + d).toBe(prepared.prepared.length);
    expect(c - b).toBe(4096 * 2 + 2);
    expect(String.fromCharCode(prepared.prepared[b]!, prepared.prepared[c - 1]!)).toBe("<>");
    expect(() => embedPdfSignature(prepared.prepared, new Uint8Array(4097))).toThrow(/za duży/);
    const signed = embedPdfSignature(prepared.prepared, Uint8Array.of(0x30, 0x03, 1, 2, 3));
    expect(signed.length).toBe(prepared.prepared.length);
    expect(() => embedPdfSignature(signed, Uint8Array.of(0x30, 0))).toThrow(/nie jest przygotowany/);
    expect(() => embedPdfSignature(pdf, Uint8Array.of(0x30, 0))).toThrow(/nie jest przygotowany/);
    const [entry] = readPdfSignatures(signed);
    expect(Array.from(entry!.cms)).toEqual([0x30, 0x03, 1, 2, 3]);
    expect(entry!.byteRangeSane).toBe(true);
  });

  it("flags a byte range that does not frame /Contents", async () => {
    const signed = await signPdfWithKey(await letter(false, 1), input(1), signer());
    const text = Buffer.from(signed).toString("latin1");
    const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\] */.exec(text)!;
    const shifted = `[0 ${Number(m[1]) - 1} ${m[2]} ${m[3]}]`.padEnd(m[0].length - "/ByteRange ".length, " ");
    const broken = Buffer.from(text.replace(m[0], `/ByteRange ${shifted}`), "latin1");
    const [entry] = readPdfSignatures(broken);
    expect(entry!.byteRangeSane).toBe(false);
  });

  it("parses PDF dates", () => {
    expect(parsePdfDate("D:20261125091400+01'00'")?.toISOString()).toBe("2026-11-25T08:14:00.000Z");
    expect(parsePdfDate("D:20261125081400Z")?.toISOString()).toBe("2026-11-25T08:14:00.000Z");
    expect(parsePdfDate("nonsense")).toBeNull();
  });
});

describe("refusals", () => {
  const userMessage = async (p: Promise<unknown>) => {
    const error = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).userMessage;
  };

  it("refuses a file that is not a PDF", async () => {
    expect(await userMessage(preparePdfSignature(new TextEncoder().encode("To nie jest PDF, tylko tekst."), input()))).toMatch(/nie jest dokumentem PDF/);
    expect(readPdfSignatures(new Uint8Array([1, 2, 3]))).toEqual([]);
  });

  it("refuses an encrypted PDF", async () => {
    const text = Buffer.from(await letter(false, 1)).toString("latin1");
    // An /Encrypt entry in the trailer is what makes a PDF encrypted.
    const encrypted = text.replace(/trailer\s*<</, "trailer\n<< /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00> /U <00> >>");
    expect(encrypted).not.toBe(text);
    expect(await userMessage(preparePdfSignature(Buffer.from(encrypted, "latin1"), input()))).toMatch(/zaszyfrowany/);
  });

  it("refuses a PDF that cannot be parsed", async () => {
    const broken = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    expect(await userMessage(preparePdfSignature(broken, input()))).toMatch(/Nie udało się odczytać/);
    const garbage = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0xa7)]);
    expect(await userMessage(preparePdfSignature(garbage, input()))).toMatch(/Nie udało się odczytać|nie zawiera żadnej strony/);
    expect(readPdfSignatures(garbage)).toEqual([]);
  });
});

describe("signatures from another producer (pdfsig -add-signature)", () => {
  const HAS_TOOLS = HAS_PDFSIG && has("openssl", ["version"]) && has("pk12util", ["-h"]);
  it.runIf(HAS_TOOLS)("reads poppler's own signature, and a signature of ours on top keeps all valid", async () => {
    const dir = tempDir();
    const sh = (cmd: string, args: string[]) => {
      const r = spawnSync(cmd, args, { cwd: dir, encoding: "utf8" });
      expect(r.status, `${cmd} ${args.join(" ")}: ${r.stderr}`).toBe(0);
      return `${r.stdout}${r.stderr}`;
    };
    sh("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-subj", "/CN=Inny Wystawca", "-days", "30"]);
    sh("openssl", ["pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-name", "other", "-passout", "pass:", "-out", "o.p12"]);
    sh("certutil", ["-N", "-d", "sql:.", "--empty-password"]);
    sh("pk12util", ["-i", "o.p12", "-d", "sql:.", "-W", ""]);
    // poppler 22.12's -add-signature fails on a file without a form, so ours goes first; and it sizes
    // /Contents from a trial signature, so an ECDSA key (DER length varies) fails at random: RSA here.
    const ours = await signPdfWithKey(await letter(true, 1), input(1), signer());
    writeFileSync(path.join(dir, "in.pdf"), ours);
    sh("pdfsig", ["-nssdir", "sql:.", "-add-signature", "-nick", "other", "-new-signature-field-name", "Zewnetrzny", "-reason", "Test", "in.pdf", "out.pdf"]);
    const foreign = new Uint8Array(readFileSync(path.join(dir, "out.pdf")));
    const entries = readPdfSignatures(foreign);
    expect(entries.map((e) => [e.fieldName, e.coversWholeFile, e.byteRangeSane])).toEqual([
      ["Podpis1", false, true],
      ["Zewnetrzny", true, true],
    ]);
    expect(entries[1]).toMatchObject({ subFilter: "adbe.pkcs7.detached", signerName: "Inny Wystawca", reason: "Test" });
    for (const e of entries) expect(Buffer.from(messageDigestOf(e.cms)).equals(Buffer.from(e.digest))).toBe(true);

    const all = await signPdfWithKey(foreign, input(2), signer());
    expect(readPdfSignatures(all).map((e) => [e.fieldName, e.coversWholeFile])).toEqual([
      ["Podpis1", false],
      ["Zewnetrzny", false],
      ["Podpis3", true],
    ]);
    expect(count(pdfsig(all), "Signature Validation: Signature is Valid.")).toBe(3);
  });
});

describe("sealPdf", () => {
  it.runIf(HAS_PDFSIG)("seals with the office seal from the database (in-memory stand-in)", async () => {
    const certs: Record<string, Uint8Array> = { ROOT: ca.rootDer, ISSUING: ca.issuingDer, SEAL: ca.sealDer };
    const rows = Object.entries(certs).map(([kind, der]) => ({
      id: kind,
      kind,
      certificate: Buffer.from(der),
      encryptedKey: Buffer.from(encryptPrivateKey(ca.pkcs8[kind]!, getPkiMasterKey())),
    }));
    const db = {
      caKey: {
        findMany: async () => rows,
        findFirst: async ({ where }: { where: { kind: string } }) => rows.find((r) => r.kind === where.kind) ?? null,
      },
    } as unknown as Db;
    const sealed = await sealPdf(db, await letter(true, 1), { reason: "Pieczęć urzędu", signingTime: NOW, appearance: ["Pieczęć elektroniczna", "Urząd Gminy Testowo"] });
    const [entry] = readPdfSignatures(sealed);
    expect(entry!.signerName).toBe("Pieczęć elektroniczna — Urząd Gminy Testowo");
    const out = pdfsig(sealed);
    expect(out).toContain("Signature is Valid.");
    expect(out).toContain("Certificate is Trusted.");
  });
});
