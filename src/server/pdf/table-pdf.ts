/**
 * Printable PDFs of the office's registers and letters: tables (książka nadawcza, spis spraw,
 * metryka sprawy) and simple text documents (zawiadomienia). A4, the Geist font embedded (Polish
 * letters), the header row repeated on every page, "Strona 1 z 3" at the foot. Framework-free.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

export interface PdfColumn {
  header: string;
  /** Relative width; the columns share the page width in these proportions. */
  width: number;
  align?: "left" | "right";
}

export interface TablePdfSpec {
  title: string;
  subtitle?: string[];
  columns: PdfColumn[];
  rows: string[][];
  /** Lines printed after the table (totals, remarks). */
  footer?: string[];
  /** Captions of signature lines at the end ("Podpis przyjmującego"). */
  signatureLines?: string[];
  landscape?: boolean;
  /** Shown when there are no rows. */
  emptyText?: string;
  author?: string;
}

export interface TextPdfSpec {
  title: string;
  /** Label/value pairs printed above the text (znak sprawy, data, adresat …). */
  meta?: [string, string][];
  paragraphs: string[];
  signatureLines?: string[];
  author?: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const FONT_DIR = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.6, 0.6, 0.65);

let fontBytes: Promise<[Uint8Array, Uint8Array]> | undefined;

function loadFonts(): Promise<[Uint8Array, Uint8Array]> {
  fontBytes ??= Promise.all([readFile(path.join(FONT_DIR, "Geist-Regular.ttf")), readFile(path.join(FONT_DIR, "Geist-Bold.ttf"))]).catch(
    (error: unknown) => {
      fontBytes = undefined;
      throw error;
    },
  );
  return fontBytes;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

async function createDocument(title: string, author: string | undefined): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const fonts = { regular: await pdf.embedFont(regularBytes, { subset: true }), bold: await pdf.embedFont(boldBytes, { subset: true }) };
  pdf.setTitle(title);
  pdf.setLanguage("pl-PL");
  pdf.setCreator("Obieg");
  pdf.setProducer("Obieg");
  if (author) pdf.setAuthor(author);
  pdf.setCreationDate(new Date());
  return { pdf, fonts };
}

/** Characters the font cannot draw (control characters, tabs) become spaces. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, " ");
}

/** Splits text into lines that fit `width` at `size`, breaking at spaces (and inside over-long words). */
export function wrapText(text: string, font: Pick<PDFFont, "widthOfTextAtSize">, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of clean(paragraph).split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the column is cut into pieces that fit.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function addPageNumbers(pdf: PDFDocument, font: PDFFont) {
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const text = `Strona ${i + 1} z ${pages.length}`;
    const size = 8;
    page.drawText(text, { x: page.getWidth() - MARGIN - font.widthOfTextAtSize(text, size), y: MARGIN / 2, size, font, color: MUTED });
  });
}

function drawSignatures(page: PDFPage, fonts: Fonts, captions: string[], y: number): number {
  const width = page.getWidth() - 2 * MARGIN;
  const slot = width / captions.length;
  const top = y - 40;
  captions.forEach((caption, i) => {
    const x = MARGIN + i * slot + 10;
    page.drawLine({ start: { x, y: top }, end: { x: x + slot - 30, y: top }, thickness: 0.5, color: RULE, dashArray: [2, 2] });
    page.drawText(clean(caption), { x, y: top - 11, size: 8, font: fonts.regular, color: MUTED });
  });
  return top - 20;
}

/** A table over as many pages as it needs. */
export async function renderTablePdf(spec: TablePdfSpec): Promise<Uint8Array> {
  const { pdf, fonts } = await createDocument(spec.title, spec.author);
  const size: [number, number] = spec.landscape ? [A4[1], A4[0]] : A4;
  const innerWidth = size[0] - 2 * MARGIN;
  const totalWeight = spec.columns.reduce((s, c) => s + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / totalWeight) * innerWidth);
  const fontSize = 8.5;
  const lineHeight = fontSize * 1.25;
  const pad = 4;

  let page = pdf.addPage(size);
  let y = size[1] - MARGIN;

  const drawTitle = () => {
    page.drawText(clean(spec.title), { x: MARGIN, y: y - 14, size: 14, font: fonts.bold, color: INK });
    y -= 22;
    for (const line of spec.subtitle ?? []) {
      for (const part of wrapText(line, fonts.regular, 9, innerWidth)) {
        page.drawText(part, { x: MARGIN, y: y - 9, size: 9, font: fonts.regular, color: MUTED });
        y -= 12;
      }
    }
    y -= 8;
  };

  const drawRow = (cells: string[], font: PDFFont, shaded: boolean) => {
    const wrapped = cells.map((cell, i) => wrapText(cell ?? "", font, fontSize, widths[i]! - 2 * pad));
    const height = Math.max(...wrapped.map((l) => l.length)) * lineHeight + 2 * pad;
    if (shaded) page.drawRectangle({ x: MARGIN, y: y - height, width: innerWidth, height, color: rgb(0.93, 0.94, 0.96) });
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      const w = widths[i]!;
      lines.forEach((line, j) => {
        const textWidth = font.widthOfTextAtSize(line, fontSize);
        const tx = spec.columns[i]!.align === "right" ? x + w - pad - textWidth : x + pad;
        page.drawText(line, { x: tx, y: y - pad - (j + 1) * lineHeight + 2.5, size: fontSize, font, color: INK });
      });
      page.drawLine({ start: { x, y }, end: { x, y: y - height }, thickness: 0.4, color: RULE });
      x += w;
    });
    page.drawLine({ start: { x, y }, end: { x, y: y - height }, thickness: 0.4, color: RULE });
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + innerWidth, y }, thickness: 0.4, color: RULE });
    page.drawLine({ start: { x: MARGIN, y: y - height }, end: { x: MARGIN + innerWidth, y: y - height }, thickness: 0.4, color: RULE });
    y -= height;
    return height;
  };

  const rowHeight = (cells: string[], font: PDFFont) =>
    Math.max(...cells.map((cell, i) => wrapText(cell ?? "", font, fontSize, widths[i]! - 2 * pad).length)) * lineHeight + 2 * pad;

  const headers = spec.columns.map((c) => c.header);
  drawTitle();
  drawRow(headers, fonts.bold, true);
  if (spec.rows.length === 0) {
    page.drawText(clean(spec.emptyText ?? "Brak pozycji."), { x: MARGIN + pad, y: y - 14, size: 9, font: fonts.regular, color: MUTED });
    y -= 22;
  }
  for (const row of spec.rows) {
    if (y - rowHeight(row, fonts.regular) < MARGIN + 10) {
      page = pdf.addPage(size);
      y = size[1] - MARGIN;
      drawRow(headers, fonts.bold, true);
    }
    drawRow(row, fonts.regular, false);
  }

  const tailHeight = (spec.footer?.length ?? 0) * 12 + (spec.signatureLines?.length ? 70 : 0) + 10;
  if (y - tailHeight < MARGIN + 10) {
    page = pdf.addPage(size);
    y = size[1] - MARGIN;
  }
  y -= 10;
  for (const line of spec.footer ?? []) {
    for (const part of wrapText(line, fonts.regular, 9, innerWidth)) {
      page.drawText(part, { x: MARGIN, y: y - 9, size: 9, font: fonts.regular, color: INK });
      y -= 12;
    }
  }
  if (spec.signatureLines?.length) drawSignatures(page, fonts, spec.signatureLines, y);
  addPageNumbers(pdf, fonts.regular);
  return pdf.save();
}

/** A letter-like document: title, label/value pairs, paragraphs, signature lines. */
export async function renderTextPdf(spec: TextPdfSpec): Promise<Uint8Array> {
  const { pdf, fonts } = await createDocument(spec.title, spec.author);
  const innerWidth = A4[0] - 2 * MARGIN - 20;
  const left = MARGIN + 10;
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN - 10;
  const ensure = (height: number) => {
    if (y - height < MARGIN + 20) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN - 10;
    }
  };

  for (const [label, value] of spec.meta ?? []) {
    const labelText = `${clean(label)}: `;
    const labelWidth = fonts.bold.widthOfTextAtSize(labelText, 10);
    const lines = wrapText(value, fonts.regular, 10, innerWidth - labelWidth);
    ensure(lines.length * 13);
    page.drawText(labelText, { x: left, y: y - 10, size: 10, font: fonts.bold, color: INK });
    lines.forEach((line, i) => page.drawText(line, { x: left + labelWidth, y: y - 10 - i * 13, size: 10, font: fonts.regular, color: INK }));
    y -= lines.length * 13 + 2;
  }
  y -= 16;
  for (const line of wrapText(spec.title, fonts.bold, 14, innerWidth)) {
    ensure(18);
    page.drawText(line, { x: left, y: y - 14, size: 14, font: fonts.bold, color: INK });
    y -= 18;
  }
  y -= 10;
  for (const paragraph of spec.paragraphs) {
    const lines = wrapText(paragraph, fonts.regular, 11, innerWidth);
    for (const line of lines) {
      ensure(15);
      page.drawText(line, { x: left, y: y - 11, size: 11, font: fonts.regular, color: INK });
      y -= 15;
    }
    y -= 8;
  }
  if (spec.signatureLines?.length) {
    ensure(70);
    drawSignatures(page, fonts, spec.signatureLines, y);
  }
  addPageNumbers(pdf, fonts.regular);
  return pdf.save();
}
