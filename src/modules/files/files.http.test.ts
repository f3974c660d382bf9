import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, encodeRfc5987, fileResponseHeaders } from "./files.http";

describe("Content-Disposition", () => {
  it("sends the Polish name as RFC 5987 filename* with an ASCII fallback", () => {
    expect(contentDisposition("Żółć — pismo (1).pdf", false)).toBe(
      `attachment; filename="Zolc _ pismo (1).pdf"; filename*=UTF-8''%C5%BB%C3%B3%C5%82%C4%87%20%E2%80%94%20pismo%20%281%29.pdf`,
    );
    expect(contentDisposition("skan.pdf", true)).toBe(`inline; filename="skan.pdf"; filename*=UTF-8''skan.pdf`);
  });

  it("cannot be broken out of by quotes, semicolons or new lines", () => {
    expect(asciiFileName('a";b\\c\r\n.pdf')).toBe("a__b_c__.pdf");
    expect(encodeRfc5987("it's*;x")).toBe("it%27s%2A%3Bx");
    expect(asciiFileName("Łódź.txt")).toBe("Lodz.txt");
    expect(asciiFileName("日本")).toBe("__");
  });

  it("decodes back to the original name", () => {
    const name = "Wniosek – Łukasz Żółtowski 100%.docx";
    const value = contentDisposition(name, false).split("filename*=UTF-8''")[1]!;
    expect(decodeURIComponent(value)).toBe(name);
  });
});

describe("fileResponseHeaders", () => {
  it("forbids sniffing and caching, sandboxes everything but PDFs", () => {
    const pdf = fileResponseHeaders({ fileName: "a.pdf", mimeType: "application/pdf", size: 10 }, true);
    expect(pdf).toMatchObject({ "Content-Type": "application/pdf", "Content-Length": "10", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" });
    expect(pdf["Content-Security-Policy"]).toBeUndefined();
    const txt = fileResponseHeaders({ fileName: "a.txt", mimeType: "text/plain", size: 3 }, false);
    expect(txt["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(txt["Content-Security-Policy"]).toMatch(/^sandbox/);
    expect(txt["Content-Disposition"]).toMatch(/^attachment;/);
  });
});
