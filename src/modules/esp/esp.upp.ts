/**
 * The UPP (urzędowe poświadczenie przedłożenia): the XML proof (sealed by the caller with the
 * office's XAdES seal) and its readable PDF with a QR code pointing to the case status page.
 * buildUppXml is pure; renderUppPdf uses pdf-lib through the shared text PDF renderer.
 */
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import QRCode from "qrcode";
import { formatFileSize } from "@/modules/files/files.types";
import { renderTextPdf } from "@/server/pdf/table-pdf";

export const UPP_NAMESPACE = "urn:obieg:esp:upp:1";

export interface UppFile {
  fileName: string;
  size: number;
  sha256: string;
  /** The letter's own text rendered by the system, or an attachment of the sender. */
  role: "letter" | "attachment";
}

export interface UppData {
  office: { name: string; address: string };
  sender: { name: string; email: string };
  submissionNumber: string;
  registerNo: string;
  receivedAt: Date;
  formCode: string;
  title: string;
  files: UppFile[];
  /** For the PDF only (never in the XML). */
  statusUrl?: string;
  accessCode?: string;
}

const escapeXml = (v: string) =>
  v
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The moment in Poland with its offset: 2026-11-25T09:01:02+01:00. */
export function warsawIso(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offsetMin = Math.round((Date.parse(`${local}Z`) - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The UPP document before sealing (UTF-8 bytes). */
export function buildUppXml(d: UppData, generatedAt: Date = d.receivedAt): Uint8Array {
  const el = (name: string, value: string, attrs = "") => `<${name}${attrs}>${escapeXml(value)}</${name}>`;
  const files = d.files
    .map(
      (f, i) =>
        `    <Dokument lp="${i + 1}" rodzaj="${f.role === "letter" ? "pismo" : "zalacznik"}">${el("NazwaPliku", f.fileName)}${el("Rozmiar", String(f.size))}${el("SkrotSHA256", f.sha256)}</Dokument>`,
    )
    .join("\n");
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<UPP xmlns="${UPP_NAMESPACE}" wersja="1">
  <Adresat>${el("Nazwa", d.office.name)}${el("Adres", d.office.address)}</Adresat>
  <Nadawca>${el("Nazwa", d.sender.name)}${el("Email", d.sender.email)}</Nadawca>
  ${el("NumerZgloszenia", d.submissionNumber)}
  ${el("NumerRPW", d.registerNo)}
  <Formularz kod="${escapeXml(d.formCode)}">${el("Tytul", d.title)}</Formularz>
  ${el("DataPrzedlozenia", d.receivedAt.toISOString(), ` czasLokalny="${warsawIso(d.receivedAt)}" strefa="Europe/Warsaw"`)}
  ${el("DataWytworzenia", generatedAt.toISOString(), ` czasLokalny="${warsawIso(generatedAt)}" strefa="Europe/Warsaw"`)}
  <Dokumenty liczba="${d.files.length}">
${files}
  </Dokumenty>
</UPP>
`;
  return new TextEncoder().encode(xml);
}

export interface UppPdfTexts {
  heading: string;
  intro: string;
  labels: { office: string; sender: string; number: string; registerNo: string; received: string; form: string; accessCode: string; files: string; status: string };
  accessCodeHint: string;
  legalNote: string;
}

/** The readable UPP (A4, Polish letters) with a QR code to the status page in the bottom right corner of the last page. */
export async function renderUppPdf(d: UppData, texts: UppPdfTexts, receivedLocal: string): Promise<Uint8Array> {
  const meta: [string, string][] = [
    [texts.labels.office, `${d.office.name}, ${d.office.address}`],
    [texts.labels.sender, `${d.sender.name} <${d.sender.email}>`],
    [texts.labels.number, d.submissionNumber],
    [texts.labels.registerNo, d.registerNo],
    [texts.labels.received, receivedLocal],
    [texts.labels.form, d.title],
  ];
  if (d.accessCode) meta.push([texts.labels.accessCode, d.accessCode]);
  const paragraphs = [
    texts.intro,
    `${texts.labels.files}:`,
    ...d.files.map((f, i) => `${i + 1}. ${f.fileName} (${formatFileSize(f.size)}) — SHA-256: ${f.sha256}`),
    ...(d.accessCode ? [texts.accessCodeHint] : []),
    texts.legalNote,
  ];
  const base = await renderTextPdf({ title: texts.heading, meta, paragraphs, author: d.office.name });
  if (!d.statusUrl) return base;
  const pdf = await PDFDocument.load(base);
  const page = pdf.getPages().at(-1)!;
  const qr = QRCode.create(d.statusUrl, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const side = 90;
  const cell = side / n;
  const x0 = page.getWidth() - 40 - side;
  const y0 = 70;
  page.drawRectangle({ x: x0 - 4, y: y0 - 4, width: side + 8, height: side + 8, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) page.drawRectangle({ x: x0 + c * cell, y: y0 + side - (r + 1) * cell, width: cell + 0.05, height: cell + 0.05, color: rgb(0, 0, 0) });
    }
  }
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const caption = d.statusUrl.replace(/^https?:\/\//, "");
  const size = Math.min(7, (side + 120) / Math.max(1, font.widthOfTextAtSize(caption, 1)));
  page.drawText(caption, { x: page.getWidth() - 40 - font.widthOfTextAtSize(caption, size), y: y0 - 14, size, font, color: rgb(0.2, 0.2, 0.25) });
  return pdf.save();
}
