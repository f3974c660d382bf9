import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderTablePdf, renderTextPdf, wrapText } from "./table-pdf";

const columns = [
  { header: "Lp.", width: 1, align: "right" as const },
  { header: "Adresat", width: 5 },
  { header: "Dokładne miejsce doręczenia", width: 6 },
];

describe("renderTablePdf", () => {
  it("produces a valid PDF with its title and Polish letters", async () => {
    const bytes = await renderTablePdf({ title: "Książka nadawcza KN/1/2026", subtitle: ["Urząd Miasta Boguchwała"], columns, rows: [["1", "Zofia Żółć", "ul. Źródlana 5, 36-040 Boguchwała"]] });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Książka nadawcza KN/1/2026");
    expect(doc.getPageCount()).toBe(1);
  });

  it("continues on further pages when rows do not fit", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), `Adresat ${i + 1}`, "ul. Długa 1, 36-040 Boguchwała"]);
    const doc = await PDFDocument.load(await renderTablePdf({ title: "Spis", columns, rows, signatureLines: ["Podpis przyjmującego"] }));
    expect(doc.getPageCount()).toBeGreaterThan(2);
  });

  it("renders an empty table and a landscape page", async () => {
    const doc = await PDFDocument.load(await renderTablePdf({ title: "Metryka", columns, rows: [], landscape: true }));
    const page = doc.getPage(0);
    expect(page.getWidth()).toBeGreaterThan(page.getHeight());
  });
});

describe("renderTextPdf", () => {
  it("lays out meta, paragraphs and signatures", async () => {
    const doc = await PDFDocument.load(
      await renderTextPdf({ title: "Zawiadomienie", meta: [["Znak sprawy", "GK.6220.1.2026"]], paragraphs: ["Treść ".repeat(2000)], signatureLines: ["Podpis"] }),
    );
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
  });
});

describe("wrapText", () => {
  const font = { widthOfTextAtSize: (text: string, size: number) => text.length * size * 0.5 };
  it("breaks at spaces and cuts words longer than the column", () => {
    expect(wrapText("ala ma kota", font, 10, 35)).toEqual(["ala ma", "kota"]);
    expect(wrapText("abcdefghij", font, 10, 20)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapText("a\nb", font, 10, 100)).toEqual(["a", "b"]);
  });
});
