import { deflateRawSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { extractText, MAX_FILE_TEXT, readZipEntry, xmlToText } from "./search.extract";

/** A minimal zip (deflated entries) for the tests. */
function zip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = deflateRawSync(Buffer.from(text));
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(text.length, 22);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(text.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

describe("text extraction", () => {
  it("reads DOCX and ODT text from the zip, paragraph by paragraph", async () => {
    const docx = zip({ "[Content_Types].xml": "<x/>", "word/document.xml": `<w:document><w:body><w:p><w:r><w:t>Wniosek o wycinkę</w:t></w:r></w:p><w:p><w:r><w:t>drzew &amp; krzewów</w:t></w:r></w:p></w:body></w:document>` });
    expect(await extractText(docx)).toBe("Wniosek o wycinkę\ndrzew & krzewów");
    const odt = zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": `<office:text><text:h>Łódź</text:h><text:p>ul. Żółcia&#x20;1</text:p></office:text>` });
    expect(await extractText(odt)).toBe("Łódź\nul. Żółcia 1");
    expect(readZipEntry(docx, "missing.xml")).toBeNull();
  });

  it("reads PDF text, plain text, and gives nothing for other binaries", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText("Decyzja o warunkach zabudowy", { x: 40, y: 700, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
    expect(await extractText(await pdf.save())).toContain("Decyzja o warunkach zabudowy");
    expect(await extractText(new TextEncoder().encode("Zażółć gęślą jaźń"))).toBe("Zażółć gęślą jaźń");
    expect(await extractText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]))).toBe("");
    expect(await extractText(new TextEncoder().encode("%PDF-1.7 broken"))).toBe("");
    expect((await extractText(new TextEncoder().encode("a".repeat(MAX_FILE_TEXT + 10)))).length).toBe(MAX_FILE_TEXT);
    expect(xmlToText("<a>x</a><b>y</b>")).toBe("xy");
  });
});
