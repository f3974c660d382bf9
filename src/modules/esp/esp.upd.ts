/**
 * The UPD (urzędowe poświadczenie doręczenia): the XML proof that the addressee confirmed receipt of
 * an office letter in the ESP (sealed by the caller with the office's XAdES seal), and its readable
 * PDF. buildUpdXml is pure; renderUpdPdf uses the shared text PDF renderer (Polish letters).
 */
import { formatFileSize } from "@/modules/files/files.types";
import { renderTextPdf } from "@/server/pdf/table-pdf";
import { warsawIso } from "./esp.upp";

export const UPD_NAMESPACE = "urn:obieg:esp:upd:1";

export interface UpdFile {
  fileName: string;
  size: number;
  sha256: string;
}

export interface UpdData {
  office: { name: string; address: string };
  recipient: { name: string; email: string };
  /** The outgoing letter's register number and subject. */
  registerNo: string;
  subject: string;
  /** The delivery's id (the ESP's own reference of this delivery). */
  deliveryId: string;
  /** When the letter entered the system (dispatch to the ESP account). */
  sentAt: Date;
  /** When the addressee confirmed receipt. */
  confirmedAt: Date;
  files: UpdFile[];
}

const escapeXml = (v: string) =>
  v
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

const moment = (name: string, at: Date) => `<${name} czasLokalny="${warsawIso(at)}" strefa="Europe/Warsaw">${at.toISOString()}</${name}>`;

/** The UPD document before sealing (UTF-8 bytes). */
export function buildUpdXml(d: UpdData, generatedAt: Date = d.confirmedAt): Uint8Array {
  const el = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const files = d.files
    .map((f, i) => `    <Dokument lp="${i + 1}">${el("NazwaPliku", f.fileName)}${el("Rozmiar", String(f.size))}${el("SkrotSHA256", f.sha256)}</Dokument>`)
    .join("\n");
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<UPD xmlns="${UPD_NAMESPACE}" wersja="1">
  <Nadawca>${el("Nazwa", d.office.name)}${el("Adres", d.office.address)}</Nadawca>
  <Adresat>${el("Nazwa", d.recipient.name)}${el("Email", d.recipient.email)}</Adresat>
  <Pismo>${el("Numer", d.registerNo)}${el("Tytul", d.subject)}</Pismo>
  ${el("IdentyfikatorDoreczenia", d.deliveryId)}
  ${moment("DataWprowadzenia", d.sentAt)}
  ${moment("DataPotwierdzeniaOdbioru", d.confirmedAt)}
  ${moment("DataWytworzenia", generatedAt)}
  <Dokumenty liczba="${d.files.length}">
${files}
  </Dokumenty>
</UPD>
`;
  return new TextEncoder().encode(xml);
}

export interface UpdPdfTexts {
  heading: string;
  intro: string;
  labels: { office: string; recipient: string; registerNo: string; subject: string; sent: string; confirmed: string; generated: string; files: string };
  legalNote: string;
}

/** The readable UPD (A4, Polish letters); dates already formatted in the reader's language. */
export async function renderUpdPdf(d: UpdData, texts: UpdPdfTexts, when: { sent: string; confirmed: string; generated: string }): Promise<Uint8Array> {
  const meta: [string, string][] = [
    [texts.labels.office, `${d.office.name}, ${d.office.address}`],
    [texts.labels.recipient, `${d.recipient.name} <${d.recipient.email}>`],
    [texts.labels.registerNo, d.registerNo],
    [texts.labels.subject, d.subject],
    [texts.labels.sent, when.sent],
    [texts.labels.confirmed, when.confirmed],
    [texts.labels.generated, when.generated],
  ];
  const paragraphs = [
    texts.intro,
    `${texts.labels.files}:`,
    ...d.files.map((f, i) => `${i + 1}. ${f.fileName} (${formatFileSize(f.size)}) — SHA-256: ${f.sha256}`),
    texts.legalNote,
  ];
  return renderTextPdf({ title: texts.heading, meta, paragraphs, author: d.office.name });
}
