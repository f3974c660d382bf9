/**
 * PAdES (ETSI.CAdES.detached) signatures inside PDF files, as incremental updates: the original
 * bytes stay a prefix, so earlier signatures stay valid. Signing is split like CAdES: the server
 * prepares the file with a zeroed /Contents placeholder and returns the byte range's digest, the
 * browser signs the CMS signed attributes (cades.ts), and the server embeds the CMS.
 */
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFObjectParser,
  PDFPage,
  PDFRawStream,
  PDFRef,
  PDFString,
  decodePDFRawStream,
  type PDFFont,
} from "pdf-lib";
import type { Db } from "@/server/db";
import { badRequest } from "@/server/errors";
import { assembleCadesSignature, prepareCadesSignature } from "./cades";
import { loadCaSigner } from "./ca";
import { EC_SIGNING_ALGORITHM, ab, concat, sha256, subtle, u8 } from "./crypto";

export interface PdfSignatureInput {
  signerName: string;
  reason: string;
  location?: string;
  signingTime: Date;
  /** Lines of the visible signature block (the first one is drawn bold). */
  appearance: string[];
  /** Bytes reserved for the CMS (default 16384; the file holds twice as many hex digits). */
  contentsBytes?: number;
}

export interface PreparedPdf {
  prepared: Uint8Array;
  byteRange: [number, number, number, number];
  /** SHA-256 of the two byte ranges. */
  digest: Uint8Array;
}

export interface PdfSignatureEntry {
  fieldName: string;
  signerName: string | null;
  reason: string | null;
  location: string | null;
  signingTime: Date | null;
  subFilter: string | null;
  byteRange: [number, number, number, number];
  cms: Uint8Array;
  digest: Uint8Array;
  coversWholeFile: boolean;
  byteRangeSane: boolean;
}

const DEFAULT_CONTENTS_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = "[0 ********** ********** **********]";
const FONT_DIR = path.join("node_modules", "geist", "dist", "fonts", "geist-sans");

const latin1 = (s: string) => Buffer.from(s, "latin1");
const textOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

// — input checks —

function assertPdfHeader(pdf: Uint8Array): void {
  const head = textOf(pdf.subarray(0, 1024));
  if (!head.includes("%PDF-")) throw badRequest("Plik nie jest dokumentem PDF. Prosimy wybrać plik w formacie PDF.");
}

async function loadPdf(pdf: Uint8Array): Promise<{ doc: PDFDocument; page: PDFPage }> {
  assertPdfHeader(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    throw badRequest("Nie udało się odczytać pliku PDF — plik może być uszkodzony. Prosimy zapisać go ponownie jako PDF i spróbować jeszcze raz.");
  }
  if (doc.isEncrypted) {
    throw badRequest("Plik PDF jest zaszyfrowany lub chroniony hasłem, więc nie można go podpisać. Prosimy zapisać go bez zabezpieczeń i spróbować ponownie.");
  }
  let pages: PDFPage[];
  try {
    pages = doc.getPages();
  } catch {
    throw badRequest("Nie udało się odczytać stron pliku PDF — plik może być uszkodzony. Prosimy zapisać go ponownie jako PDF i spróbować jeszcze raz.");
  }
  if (pages.length === 0) throw badRequest("Plik PDF nie zawiera żadnej strony, więc nie można na nim złożyć podpisu.");
  if (!(doc.context.trailerInfo.Root instanceof PDFRef)) throw badRequest("Nie udało się odczytać pliku PDF — brakuje katalogu dokumentu.");
  return { doc, page: pages[pages.length - 1]! };
}

// — PDF values —

/** A PDF text string: UTF-16BE with BOM, as a hex string. */
function pdfText(value: string): string {
  const units = Buffer.from(value, "utf16le").swap16();
  return `<FEFF${units.toString("hex").toUpperCase()}>`;
}

function pdfDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `(D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00')`;
}

/** Parses a PDF date (D:YYYYMMDDHHmmSSOHH'mm'), missing parts defaulting as the spec says. */
export function parsePdfDate(value: string): Date | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?/.exec(value.trim());
  if (!m) return null;
  const n = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
  let t = Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0));
  if (m[7] === "+" || m[7] === "-") {
    const offset = (n(m[8], 0) * 60 + n(m[9], 0)) * 60_000;
    t += m[7] === "+" ? -offset : offset;
  }
  return Number.isNaN(t) ? null : new Date(t);
}

function decodeText(obj: PDFObject | undefined): string | null {
  if (obj instanceof PDFString || obj instanceof PDFHexString) {
    try {
      return obj.decodeText();
    } catch {
      return null;
    }
  }
  return obj instanceof PDFName ? obj.decodeText() : null;
}

function stringBytes(obj: PDFObject | undefined): Uint8Array | null {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.asBytes() : null;
}

function serialize(obj: PDFObject): Uint8Array {
  const out = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(out, 0);
  return out;
}

// — the previous revision's cross-reference section —

interface PreviousXref {
  offset: number;
  isStream: boolean;
  size: number;
}

function readPreviousXref(pdf: Uint8Array): PreviousXref {
  const tail = textOf(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const m = /startxref\s+(\d+)\s*(?:%%EOF)?[\s\0]*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  if (!m) throw badRequest("Nie udało się odczytać pliku PDF — brakuje tablicy odsyłaczy. Prosimy zapisać go ponownie jako PDF.");
  const offset = Number(m[1]);
  const section = textOf(pdf.subarray(offset, Math.min(pdf.length, offset + 4096)));
  const isStream = !/^\s*xref/.test(section);
  // The trailer (or the xref stream's dictionary) gives /Size; for a table it follows the entries.
  let dictText = section;
  if (!isStream) {
    const at = textOf(pdf.subarray(offset)).indexOf("trailer");
    dictText = at >= 0 ? textOf(pdf.subarray(offset + at, Math.min(pdf.length, offset + at + 4096))) : "";
  }
  const size = /\/Size\s+(\d+)/.exec(dictText);
  return { offset, isStream, size: size ? Number(size[1]) : 0 };
}

// — appearance —

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined;
function loadFontBytes() {
  fontBytes ??= {
    regular: readFileSync(path.resolve(FONT_DIR, "Geist-Regular.ttf")),
    bold: readFileSync(path.resolve(FONT_DIR, "Geist-SemiBold.ttf")),
  };
  return fontBytes;
}

const PAD = 6;
const LINE = 11;
const SIZE = 8.5;
const MARGIN = 28;
const GAP = 6;

interface Block {
  width: number;
  height: number;
  lines: { font: "F1" | "F2"; size: number; hex: string }[];
}

/** Lays out the lines: shrinks a long line down to 6 pt, then cuts it with an ellipsis. */
function layoutBlock(fonts: Fonts, lines: string[], maxWidth: number): Block {
  const inner = maxWidth - 2 * PAD;
  const laid = lines.map((raw, i) => {
    const font = i === 0 ? fonts.bold : fonts.regular;
    let text = raw.replace(/[\r\n\t]+/g, " ");
    let size = SIZE;
    while (size > 6 && font.widthOfTextAtSize(text, size) > inner) size -= 0.5;
    while (text.length > 1 && font.widthOfTextAtSize(text, size) > inner) text = `${text.slice(0, -2)}…`;
    return { font: i === 0 ? ("F2" as const) : ("F1" as const), size, text, width: font.widthOfTextAtSize(text, size), pdfFont: font };
  });
  const width = Math.min(maxWidth, Math.max(180, ...laid.map((l) => l.width + 2 * PAD)));
  const height = laid.length * LINE + 2 * PAD - 2;
  return { width, height, lines: laid.map((l) => ({ font: l.font, size: l.size, hex: l.pdfFont.encodeText(l.text).toString() })) };
}

function appearanceContent(block: Block): string {
  const f = (n: number) => n.toFixed(2);
  const ops = [
    "q",
    "0.97 0.98 1 rg 0.55 0.62 0.75 RG 0.8 w",
    `0.4 0.4 ${f(block.width - 0.8)} ${f(block.height - 0.8)} re B`,
    "Q",
    "BT 0.1 0.12 0.2 rg",
  ];
  block.lines.forEach((line, i) => {
    const y = block.height - PAD - (i + 1) * LINE + 2.5;
    ops.push(`/${line.font} ${f(line.size)} Tf 1 0 0 1 ${PAD} ${f(y)} Tm ${line.hex} Tj`);
  });
  ops.push("ET");
  return ops.join("\n");
}

// — fields —

function isSignatureField(context: PDFContext, dict: PDFDict): boolean {
  for (let d: PDFDict | undefined = dict, depth = 0; d && depth < 32; depth++) {
    const ft = d.get(PDFName.of("FT"));
    if (ft) return ft === PDFName.of("Sig");
    d = context.lookupMaybe(d.get(PDFName.of("Parent")), PDFDict);
  }
  return false;
}

interface FieldVisit {
  dict: PDFDict;
  name: string;
}

/** All terminal fields and widgets under the AcroForm, with their fully qualified names. */
function walkFields(context: PDFContext, catalog: PDFDict | undefined): FieldVisit[] {
  const acroForm = catalog && context.lookupMaybe(catalog.get(PDFName.of("AcroForm")), PDFDict);
  const fields = acroForm && context.lookupMaybe(acroForm.get(PDFName.of("Fields")), PDFArray);
  const out: FieldVisit[] = [];
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined, prefix: string, depth: number) => {
    const dict = context.lookupMaybe(obj, PDFDict);
    if (!dict || seen.has(dict) || depth > 32) return;
    seen.add(dict);
    const t = decodeText(dict.get(PDFName.of("T")));
    const name = t === null ? prefix : prefix ? `${prefix}.${t}` : t;
    out.push({ dict, name });
    const kids = context.lookupMaybe(dict.get(PDFName.of("Kids")), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.get(i), name, depth + 1);
  };
  for (let i = 0; fields && i < fields.size(); i++) visit(fields.get(i), "", 0);
  return out;
}

// — prepare —

interface IncrementalObject {
  ref: PDFRef;
  bytes: Uint8Array;
}

function writeXrefTable(entries: { num: number; gen: number; offset: number }[]): string {
  const lines: string[] = ["xref"];
  let i = 0;
  while (i < entries.length) {
    let j = i;
    while (j + 1 < entries.length && entries[j + 1]!.num === entries[j]!.num + 1) j++;
    lines.push(`${entries[i]!.num} ${j - i + 1}`);
    for (let k = i; k <= j; k++) lines.push(`${String(entries[k]!.offset).padStart(10, "0")} ${String(entries[k]!.gen).padStart(5, "0")} n\r`);
    i = j + 1;
  }
  return `${lines.join("\n")}\n`;
}

function xrefIndex(nums: number[]): number[] {
  const index: number[] = [];
  for (const num of nums) {
    const last = index.length - 2;
    if (last >= 0 && index[last]! + index[last + 1]! === num) index[last + 1]!++;
    else index.push(num, 1);
  }
  return index;
}

function trailerRefs(doc: PDFDocument): string {
  const t = doc.context.trailerInfo;
  const parts = [`/Root ${t.Root!.toString()}`];
  if (t.Info) parts.push(`/Info ${t.Info.toString()}`);
  if (t.ID) parts.push(`/ID ${t.ID.toString()}`);
  return parts.join(" ");
}

/**
 * Appends an incremental update with a signature field on the last page (visible block at the
 * bottom, stacked above earlier signatures) and a signature dictionary whose /Contents is a zeroed
 * placeholder. Returns the file and the SHA-256 of its byte range, for prepareCadesSignature.
 */
export async function preparePdfSignature(pdf: Uint8Array, input: PdfSignatureInput): Promise<PreparedPdf> {
  const { doc, page } = await loadPdf(pdf);
  const context = doc.context;
  const previous = readPreviousXref(pdf);
  const contentsBytes = Math.max(1024, Math.floor(input.contentsBytes ?? DEFAULT_CONTENTS_BYTES));

  // New objects are numbered after every existing one.
  const firstNew = Math.max(previous.size, context.largestObjectNumber + 1);
  context.largestObjectNumber = firstNew - 1;
  const changed = new Map<string, PDFRef>();
  const markChanged = (ref: PDFRef) => changed.set(ref.toString(), ref);

  // Existing fields: a unique name, and how many signature blocks already sit on the last page.
  const fields = walkFields(context, doc.catalog);
  const names = new Set(fields.map((f) => f.name));
  const signatureCount = fields.filter((f) => isSignatureField(context, f.dict) && f.dict.has(PDFName.of("V"))).length;
  let n = signatureCount + 1;
  while (names.has(`Podpis${n}`)) n++;
  const fieldName = `Podpis${n}`;
  const annotsObj = page.node.get(PDFName.of("Annots"));
  const annots = context.lookupMaybe(annotsObj, PDFArray);
  let slot = 0;
  for (let i = 0; annots && i < annots.size(); i++) {
    const a = context.lookupMaybe(annots.get(i), PDFDict);
    if (a && a.get(PDFName.of("Subtype")) === PDFName.of("Widget") && isSignatureField(context, a)) {
      const rect = context.lookupMaybe(a.get(PDFName.of("Rect")), PDFArray);
      const w = rect && rect.size() === 4 ? Math.abs(rect.lookup(2, PDFNumber).asNumber() - rect.lookup(0, PDFNumber).asNumber()) : 0;
      if (w > 0) slot++; // invisible signatures take no place
    }
  }

  // Appearance: fonts (subset), then the form XObject.
  doc.registerFontkit(fontkit);
  const bytes = loadFontBytes();
  const fonts: Fonts = { regular: await doc.embedFont(bytes.regular, { subset: true }), bold: await doc.embedFont(bytes.bold, { subset: true }) };
  const box = page.getCropBox();
  const columns = box.width >= 2 * 200 + 3 * MARGIN ? 2 : 1;
  const maxWidth = Math.max(60, Math.min(260, (box.width - (columns + 1) * MARGIN) / columns));
  const lines = input.appearance.length ? input.appearance : [input.signerName];
  const block = layoutBlock(fonts, lines, maxWidth);
  const col = slot % columns;
  const row = Math.floor(slot / columns);
  const x = col === 0 ? box.x + MARGIN : box.x + box.width - MARGIN - block.width;
  const y = Math.min(box.y + MARGIN + row * (block.height + GAP), box.y + box.height - block.height);
  const rect = [x, y, x + block.width, y + block.height].map((v) => Math.round(v * 100) / 100);
  const ap = context.register(
    context.flateStream(appearanceContent(block), {
      Type: "XObject",
      Subtype: "Form",
      BBox: [0, 0, block.width, block.height].map((v) => Math.round(v * 100) / 100),
      Resources: { Font: { F1: fonts.regular.ref, F2: fonts.bold.ref } },
    }),
  );
  await doc.flush();

  // Signature dictionary (written by hand, placeholders at known offsets) and its widget.
  const sigRef = context.nextRef();
  const widget = context.register(
    context.obj({
      Type: "Annot",
      Subtype: "Widget",
      FT: "Sig",
      T: PDFString.of(fieldName),
      F: 4,
      Rect: rect,
      P: page.ref,
      V: sigRef,
      AP: { N: ap },
    }),
  );

  // Page /Annots (or the indirect array), AcroForm /Fields (or the indirect array/dictionary).
  if (annotsObj instanceof PDFRef && annots) {
    annots.push(widget);
    markChanged(annotsObj);
  } else {
    page.node.set(PDFName.of("Annots"), annots ? (annots.push(widget), annots) : context.obj([widget]));
    markChanged(page.ref);
  }
  const catalogRef = context.trailerInfo.Root as PDFRef;
  const acroFormObj = doc.catalog.get(PDFName.of("AcroForm"));
  let acroForm = context.lookupMaybe(acroFormObj, PDFDict);
  if (!acroForm) {
    acroForm = context.obj({});
    doc.catalog.set(PDFName.of("AcroForm"), context.register(acroForm));
    markChanged(catalogRef);
  } else if (acroFormObj instanceof PDFRef) markChanged(acroFormObj);
  else markChanged(catalogRef);
  const fieldsObj = acroForm.get(PDFName.of("Fields"));
  const fieldsArr = context.lookupMaybe(fieldsObj, PDFArray);
  if (fieldsObj instanceof PDFRef && fieldsArr) {
    fieldsArr.push(widget);
    markChanged(fieldsObj);
  } else acroForm.set(PDFName.of("Fields"), fieldsArr ? (fieldsArr.push(widget), fieldsArr) : context.obj([widget]));
  acroForm.set(PDFName.of("SigFlags"), PDFNumber.of(3));

  const contentsHex = "0".repeat(contentsBytes * 2);
  const sigParts = [
    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached",
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents <${contentsHex}>`,
    `/M ${pdfDate(input.signingTime)}`,
    `/Name ${pdfText(input.signerName)}`,
    `/Reason ${pdfText(input.reason)}`,
    ...(input.location ? [`/Location ${pdfText(input.location)}`] : []),
    ">>",
  ];
  const objects: IncrementalObject[] = [{ ref: sigRef, bytes: latin1(sigParts.join("\n")) }];
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber >= firstNew || changed.has(ref.toString())) objects.push({ ref, bytes: serialize(obj) });
  }
  objects.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);

  // Write: original bytes, objects, xref (table or stream, like the previous section), trailer.
  const parts: Uint8Array[] = [pdf];
  let offset = pdf.length;
  const push = (b: Uint8Array) => {
    parts.push(b);
    offset += b.length;
  };
  const last = pdf[pdf.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(latin1("\n"));
  const entries: { num: number; gen: number; offset: number }[] = [];
  let sigOffset = 0;
  for (const o of objects) {
    entries.push({ num: o.ref.objectNumber, gen: o.ref.generationNumber, offset });
    if (o.ref === sigRef) sigOffset = offset + latin1(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`).length;
    push(latin1(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`));
    push(o.bytes);
    push(latin1("\nendobj\n"));
  }
  const maxNum = Math.max(firstNew - 1, ...objects.map((o) => o.ref.objectNumber));
  const xrefOffset = offset;
  if (previous.isStream) {
    const xrefNum = maxNum + 1;
    entries.push({ num: xrefNum, gen: 0, offset: xrefOffset });
    const data = new Uint8Array(entries.length * 7);
    entries.forEach((e, i) => {
      const v = new DataView(data.buffer, i * 7, 7);
      v.setUint8(0, 1);
      v.setUint32(1, e.offset);
      v.setUint16(5, e.gen);
    });
    const index = xrefIndex(entries.map((e) => e.num));
    const dict = `<< /Type /XRef /Size ${xrefNum + 1} /W [1 4 2] /Index [${index.join(" ")}] /Prev ${previous.offset} ${trailerRefs(doc)} /Length ${data.length} >>`;
    push(latin1(`${xrefNum} 0 obj\n${dict}\nstream\n`));
    push(data);
    push(latin1(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`));
  } else {
    const table = writeXrefTable(entries);
    const trailer = `trailer\n<< /Size ${maxNum + 1} /Prev ${previous.offset} ${trailerRefs(doc)} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    push(latin1(table + trailer));
  }
  const prepared = concat(parts);

  // Byte range: everything but the /Contents hex string (with its angle brackets).
  const sigText = textOf(prepared.subarray(sigOffset, sigOffset + 400));
  const brAt = sigOffset + sigText.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsAt = sigOffset + sigText.indexOf("/Contents <") + "/Contents ".length;
  const contentsEnd = contentsAt + contentsHex.length + 2;
  const byteRange: [number, number, number, number] = [0, contentsAt, contentsEnd, prepared.length - contentsEnd];
  const brText = `[${byteRange.join(" ")}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, " ");
  if (brText.length !== BYTE_RANGE_PLACEHOLDER.length) throw new Error("ByteRange placeholder too small");
  prepared.set(latin1(brText), brAt);
  return { prepared, byteRange, digest: rangeDigest(prepared, byteRange) };
}

function rangeDigest(pdf: Uint8Array, br: [number, number, number, number]): Uint8Array {
  const clamp = (v: number) => Math.max(0, Math.min(pdf.length, v));
  return sha256(concat([pdf.subarray(clamp(br[0]), clamp(br[0] + br[1])), pdf.subarray(clamp(br[2]), clamp(br[2] + br[3]))]));
}

/** The byte range of the last signature dictionary in the file (the one prepared last). */
function lastByteRange(pdf: Uint8Array): [number, number, number, number] | null {
  const text = textOf(pdf);
  const m = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].pop();
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** Writes the CMS (DER) as hex into the zeroed /Contents placeholder; the byte range is unchanged. */
export function embedPdfSignature(prepared: Uint8Array, cms: Uint8Array): Uint8Array {
  const br = lastByteRange(prepared);
  const notPrepared = () => badRequest("Plik PDF nie jest przygotowany do podpisu (brak miejsca na podpis) albo został już podpisany.");
  if (!br || br[0] !== 0 || br[2] + br[3] !== prepared.length || br[2] <= br[1]) throw notPrepared();
  const [, start, end] = br;
  if (prepared[start] !== 0x3c || prepared[end - 1] !== 0x3e) throw notPrepared();
  const room = end - start - 2;
  for (let i = start + 1; i < end - 1; i++) if (prepared[i] !== 0x30) throw notPrepared();
  const hex = Buffer.from(cms).toString("hex").toUpperCase();
  if (hex.length > room) throw badRequest(`Podpis jest za duży dla miejsca zarezerwowanego w pliku PDF (${cms.length} z ${room / 2} bajtów).`);
  const out = new Uint8Array(prepared);
  out.set(latin1(hex), start + 1);
  return out;
}

// — read —

/** The DER element's full length from its header, or null when it is not definite-length DER. */
function derTotalLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let len = 0;
  for (let i = 0; i < count; i++) len = len * 256 + bytes[2 + i]!;
  return 2 + count + len <= bytes.length ? 2 + count + len : null;
}

function numberArray(context: PDFContext, obj: PDFObject | undefined): [number, number, number, number] | null {
  const arr = context.lookupMaybe(obj, PDFArray);
  if (!arr || arr.size() !== 4) return null;
  const values = arr.asArray().map((v) => context.lookup(v));
  if (!values.every((v) => v instanceof PDFNumber)) return null;
  return values.map((v) => (v as PDFNumber).asNumber()) as [number, number, number, number];
}

function isHexDigit(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

function checkByteRange(pdf: Uint8Array, br: [number, number, number, number], contents: Uint8Array): boolean {
  const [a, b, c, d] = br;
  if (!br.every((v) => Number.isInteger(v) && v >= 0)) return false;
  if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length) return false;
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return false;
  // The gap is the value of this dictionary's /Contents: preceded by the key, hex inside.
  if (!/\/Contents\s*$/.test(textOf(pdf.subarray(Math.max(0, b - 32), b)))) return false;
  const digits: number[] = [];
  for (let i = b + 1; i < c - 1; i++) {
    const v = pdf[i]!;
    if (isHexDigit(v)) digits.push(v);
    else if (![0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00].includes(v)) return false;
  }
  let hex = Buffer.from(digits).toString("latin1");
  if (hex.length % 2) hex += "0";
  return Buffer.from(hex, "hex").equals(Buffer.from(contents));
}

function entryOf(pdf: Uint8Array, context: PDFContext, sig: PDFDict, fieldName: string): PdfSignatureEntry | null {
  const byteRange = numberArray(context, sig.get(PDFName.of("ByteRange")));
  const contents = stringBytes(context.lookup(sig.get(PDFName.of("Contents"))));
  if (!byteRange || !contents) return null;
  const derLength = derTotalLength(contents);
  const m = decodeText(context.lookup(sig.get(PDFName.of("M"))));
  const subFilter = context.lookup(sig.get(PDFName.of("SubFilter")));
  return {
    fieldName,
    signerName: decodeText(context.lookup(sig.get(PDFName.of("Name")))),
    reason: decodeText(context.lookup(sig.get(PDFName.of("Reason")))),
    location: decodeText(context.lookup(sig.get(PDFName.of("Location")))),
    signingTime: m ? parsePdfDate(m) : null,
    subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : null,
    byteRange,
    cms: derLength === null ? contents : contents.slice(0, derLength),
    digest: rangeDigest(pdf, byteRange),
    coversWholeFile: byteRange[2] + byteRange[3] === pdf.length,
    byteRangeSane: checkByteRange(pdf, byteRange, contents),
  };
}

/**
 * Signatures in the file, oldest revision first: signature fields of the AcroForm (with kids),
 * then any other signature dictionary with /ByteRange and /Contents. [] for an unsigned PDF.
 */
function readPdfSignaturesFrom(pdf: Uint8Array, context: PDFContext, catalog: PDFDict | undefined): PdfSignatureEntry[] {
  const entries: PdfSignatureEntry[] = [];
  const seen = new Set<PDFDict>();
  for (const field of walkFields(context, catalog)) {
    if (!isSignatureField(context, field.dict)) continue;
    const sig = context.lookupMaybe(field.dict.get(PDFName.of("V")), PDFDict);
    if (!sig || seen.has(sig)) continue;
    seen.add(sig);
    const entry = entryOf(pdf, context, sig, field.name);
    if (entry) entries.push(entry);
  }
  for (const [, obj] of context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || seen.has(obj) || !obj.has(PDFName.of("ByteRange")) || !obj.has(PDFName.of("Contents"))) continue;
    const type = obj.get(PDFName.of("Type"));
    if (type && type !== PDFName.of("Sig")) continue;
    seen.add(obj);
    const entry = entryOf(pdf, context, obj, "");
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

/** Signatures in the file, oldest first; [] for an unsigned PDF or one that cannot be parsed. */
export function readPdfSignatures(pdf: Uint8Array): PdfSignatureEntry[] {
  try {
    const parsed = parseSync(pdf);
    return parsed ? readPdfSignaturesFrom(pdf, parsed.context, parsed.catalog) : [];
  } catch {
    return [];
  }
}

const isDelimiter = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00 || c === 0x3e || c === 0x5d || c === 0x29;

function parseAt(bytes: Uint8Array, start: number, context: PDFContext): { obj: PDFObject; end: number } {
  const parser = PDFObjectParser.forBytes(bytes.subarray(start), context);
  const obj = parser.parseObject();
  return { obj, end: start + (parser as unknown as { bytes: { offset(): number } }).bytes.offset() };
}

function parseObjectStream(stream: PDFRawStream, context: PDFContext): void {
  const decoded = decodePDFRawStream(stream).decode();
  const count = context.lookupMaybe(stream.dict.get(PDFName.of("N")), PDFNumber)?.asNumber() ?? 0;
  const first = context.lookupMaybe(stream.dict.get(PDFName.of("First")), PDFNumber)?.asNumber() ?? 0;
  const header = textOf(decoded.subarray(0, first)).trim().split(/\s+/).map(Number);
  for (let i = 0; i < count && 2 * i + 1 < header.length; i++) {
    try {
      context.assign(PDFRef.of(header[2 * i]!, 0), parseAt(decoded, first + header[2 * i + 1]!, context).obj);
    } catch {
      // a broken entry: skip it
    }
  }
}

/**
 * A synchronous whole-file parse (pdf-lib's own parser is async): every "N G obj" in file order,
 * later revisions overriding earlier ones, object streams unpacked; the catalog from the last trailer.
 */
function parseSync(pdf: Uint8Array): { context: PDFContext; catalog: PDFDict | undefined } | null {
  if (!textOf(pdf.subarray(0, 1024)).includes("%PDF-")) return null;
  const context = PDFContext.create();
  const text = textOf(pdf);
  let root: { at: number; ref: PDFObject | undefined } = { at: -1, ref: undefined };
  const objRe = /(\d+)\s+(\d+)\s+obj\b/g;
  for (let m = objRe.exec(text); m; m = objRe.exec(text)) {
    if (m.index > 0 && !isDelimiter(text.charCodeAt(m.index - 1))) continue;
    try {
      const { obj, end } = parseAt(pdf, m.index + m[0].length, context);
      objRe.lastIndex = end; // skip stream data
      if (obj instanceof PDFRawStream) {
        const type = obj.dict.get(PDFName.of("Type"));
        if (type === PDFName.of("ObjStm")) {
          parseObjectStream(obj, context);
          continue;
        }
        if (type === PDFName.of("XRef")) {
          root = { at: m.index, ref: obj.dict.get(PDFName.of("Root")) };
          continue;
        }
      }
      context.assign(PDFRef.of(Number(m[1]), Number(m[2])), obj);
    } catch {
      // not an object after all (or a broken one): go on scanning
    }
  }
  const trailerRe = /trailer\s*<</g;
  for (let m = trailerRe.exec(text); m; m = trailerRe.exec(text)) {
    if (m.index < root.at) continue;
    try {
      const { obj } = parseAt(pdf, m.index + "trailer".length, context);
      if (obj instanceof PDFDict && obj.has(PDFName.of("Root"))) root = { at: m.index, ref: obj.get(PDFName.of("Root")) };
    } catch {
      // ignore a broken trailer
    }
  }
  let catalog = context.lookupMaybe(root.ref, PDFDict);
  if (!catalog) {
    for (const [, obj] of context.enumerateIndirectObjects()) {
      if (obj instanceof PDFDict && obj.get(PDFName.of("Type")) === PDFName.of("Catalog")) catalog = obj;
    }
  }
  return { context, catalog };
}

// — office seal —

/** Signs `input` with a key held here (office seal; tests): prepare, sign the attributes, embed. */
export async function signPdfWithKey(
  pdf: Uint8Array,
  input: PdfSignatureInput,
  signer: { certDer: Uint8Array; privateKey: CryptoKey; chainDer: Uint8Array[] },
): Promise<Uint8Array> {
  const prepared = await preparePdfSignature(pdf, input);
  const { toBeSigned } = await prepareCadesSignature({ contentSha256: prepared.digest, signerCertDer: signer.certDer, signingTime: null });
  const signature = u8(await subtle.sign(EC_SIGNING_ALGORITHM, signer.privateKey, ab(toBeSigned)));
  const cms = await assembleCadesSignature({ toBeSigned, signature, signerCertDer: signer.certDer, chainDer: signer.chainDer });
  return embedPdfSignature(prepared.prepared, cms);
}

/** The office seal on a PDF (server-held key; chain: the issuing CA), like sealCades. */
export async function sealPdf(db: Db, pdf: Uint8Array, input: Omit<PdfSignatureInput, "signerName">): Promise<Uint8Array> {
  const seal = await loadCaSigner(db, "SEAL");
  const issuing = await loadCaSigner(db, "ISSUING");
  const signerName = seal.cert.subjectName.getField("CN")[0] ?? seal.cert.subject;
  return signPdfWithKey(pdf, { ...input, signerName }, { certDer: seal.der, privateKey: seal.privateKey, chainDer: [issuing.der] });
}
