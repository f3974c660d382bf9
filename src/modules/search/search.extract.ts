/**
 * Text from stored files for the index: PDF through `unpdf` (pdf.js, pinned), DOCX / ODT by reading
 * the XML part out of the zip (a small reader here: central directory + inflateRaw from node:zlib,
 * with an output cap against zip bombs), plain text as UTF-8. The type is decided by the bytes
 * (%PDF, PK zip with word/document.xml or content.xml), never by the name. Output capped at
 * MAX_FILE_TEXT characters; anything unreadable gives "" (the letter is still indexed).
 */
import { inflateRawSync } from "node:zlib";

export const MAX_FILE_TEXT = 200_000;
const MAX_XML_BYTES = 20 * 1024 * 1024;

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** One entry of a zip archive by name, or null. Stored and deflated entries only. */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: the last 0x06054b50 within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const entryName = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (entryName === name) {
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) return new Uint8Array(inflateRawSync(data, { maxOutputLength: MAX_XML_BYTES }));
      return null;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Paragraph-aware plain text of WordprocessingML / ODF XML. */
export function xmlToText(xml: string): string {
  return xml
    .replace(/<\/(w:p|text:p|text:h)>|<(w:br|w:tab|text:line-break|text:tab)\b[^>]*\/?>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith("#x") || e.startsWith("#X")) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? m;
    })
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } finally {
    await pdf.destroy();
  }
}

/** Readable text of a file, by content; "" when the format is not one we read or it is damaged. */
export async function extractText(bytes: Uint8Array): Promise<string> {
  try {
    let text = "";
    if (startsWith(bytes, "%PDF-")) {
      text = await pdfText(bytes);
    } else if (startsWith(bytes, "PK\u0003\u0004")) {
      const xml = readZipEntry(bytes, "word/document.xml") ?? readZipEntry(bytes, "content.xml");
      if (xml) text = xmlToText(new TextDecoder().decode(xml));
    } else if (!bytes.subarray(0, 4096).includes(0)) {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, MAX_FILE_TEXT * 4));
    }
    return text.replace(/\u0000/g, "").slice(0, MAX_FILE_TEXT);
  } catch {
    return "";
  }
}
