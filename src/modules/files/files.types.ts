/**
 * Which files the office accepts (the 2018 regulation's list, trimmed to what staff attach) and
 * how their type is recognised: by the extension, confirmed by the first bytes where that is cheap
 * (PDF, images, OLE/ZIP office containers, RTF, XML). Pure and client-safe: the upload form checks
 * the same list before sending, the server decides.
 */
export type FileFamily = "pdf" | "image" | "office" | "text" | "archive" | "signature";

export interface FileTypeInfo {
  /** Canonical MIME type stored with the record and sent back on download. */
  mime: string;
  family: FileFamily;
  /** What the type is called in messages ("PDF", "JPEG" …). */
  label: string;
  /** Shown in the browser (PDF in a frame, images as <img>); everything else is download-only. */
  preview: "pdf" | "image" | null;
  /** Checks the first bytes; absent when there is no cheap signature. */
  magic?: (b: Uint8Array) => boolean;
}

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = (b: Uint8Array) => starts(b, ascii("%PDF-"));
const PNG = (b: Uint8Array) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = (b: Uint8Array) => starts(b, [0xff, 0xd8, 0xff]);
const TIFF = (b: Uint8Array) => starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a]);
const WEBP = (b: Uint8Array) => starts(b, ascii("RIFF")) && starts(b, ascii("WEBP"), 8);
const HEIC = (b: Uint8Array) => starts(b, ascii("ftyp"), 4) && ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].some((brand) => starts(b, ascii(brand), 8));
/** OLE compound file (DOC, XLS). */
const OLE = (b: Uint8Array) => starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** ZIP container (DOCX, XLSX, ODT, ODS, ZIP); an empty archive starts with PK\5\6. */
const ZIP = (b: Uint8Array) => starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06]);
const RTF = (b: Uint8Array) => starts(b, ascii("{\\rtf"));
const BOM = [0xef, 0xbb, 0xbf];
/** XML: optional UTF-8 BOM and whitespace, then "<". */
const XML = (b: Uint8Array) => {
  let i = starts(b, BOM) ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c;
};
/** Plain text: no NUL byte in the first 4 KiB. */
const TEXT = (b: Uint8Array) => !b.subarray(0, 4096).includes(0);
/** CAdES / PKCS#7: DER SEQUENCE, or PEM armour. */
const P7S = (b: Uint8Array) => b[0] === 0x30 || starts(b, ascii("-----BEGIN"));

const OOXML = "application/vnd.openxmlformats-officedocument";

export const FILE_TYPES: Record<string, FileTypeInfo> = {
  pdf: { mime: "application/pdf", family: "pdf", label: "PDF", preview: "pdf", magic: PDF },
  jpg: { mime: "image/jpeg", family: "image", label: "JPEG", preview: "image", magic: JPEG },
  jpeg: { mime: "image/jpeg", family: "image", label: "JPEG", preview: "image", magic: JPEG },
  png: { mime: "image/png", family: "image", label: "PNG", preview: "image", magic: PNG },
  tif: { mime: "image/tiff", family: "image", label: "TIFF", preview: null, magic: TIFF },
  tiff: { mime: "image/tiff", family: "image", label: "TIFF", preview: null, magic: TIFF },
  webp: { mime: "image/webp", family: "image", label: "WebP", preview: "image", magic: WEBP },
  heic: { mime: "image/heic", family: "image", label: "HEIC", preview: null, magic: HEIC },
  heif: { mime: "image/heif", family: "image", label: "HEIF", preview: null, magic: HEIC },
  doc: { mime: "application/msword", family: "office", label: "DOC", preview: null, magic: OLE },
  docx: { mime: `${OOXML}.wordprocessingml.document`, family: "office", label: "DOCX", preview: null, magic: ZIP },
  odt: { mime: "application/vnd.oasis.opendocument.text", family: "office", label: "ODT", preview: null, magic: ZIP },
  xls: { mime: "application/vnd.ms-excel", family: "office", label: "XLS", preview: null, magic: OLE },
  xlsx: { mime: `${OOXML}.spreadsheetml.sheet`, family: "office", label: "XLSX", preview: null, magic: ZIP },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", family: "office", label: "ODS", preview: null, magic: ZIP },
  rtf: { mime: "application/rtf", family: "office", label: "RTF", preview: null, magic: RTF },
  txt: { mime: "text/plain", family: "text", label: "TXT", preview: null, magic: TEXT },
  xml: { mime: "application/xml", family: "text", label: "XML", preview: null, magic: XML },
  zip: { mime: "application/zip", family: "archive", label: "ZIP", preview: null, magic: ZIP },
  p7s: { mime: "application/pkcs7-signature", family: "signature", label: "CAdES (P7S)", preview: null, magic: P7S },
};

/** For <input accept>: every extension and the MIME types phones understand. */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(FILE_TYPES).map((ext) => `.${ext}`),
  ...new Set(Object.values(FILE_TYPES).map((t) => t.mime)),
].join(",");

/** The extensions in a sentence: "PDF, JPEG, PNG …". */
export const ALLOWED_TYPES_TEXT = [...new Set(Object.values(FILE_TYPES).map((t) => t.label))].join(", ");

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : "";
}

export type FileTypeCheck = { ok: true; type: FileTypeInfo } | { ok: false; message: string };

/**
 * Recognises an upload by its name, confirmed by its first bytes. `bytes` may be just the head of
 * the file (the first 4 KiB are enough). Messages are Polish and name the file.
 */
export function checkFileType(fileName: string, bytes: Uint8Array): FileTypeCheck {
  const ext = extensionOf(fileName);
  const type = ext ? FILE_TYPES[ext] : undefined;
  if (!type) {
    return { ok: false, message: `Plik „${fileName}” ma nieobsługiwany rodzaj. Dozwolone są: ${ALLOWED_TYPES_TEXT}.` };
  }
  if (type.magic && !type.magic(bytes)) {
    return { ok: false, message: `Zawartość pliku „${fileName}” nie jest prawidłowym plikiem ${type.label} — nie zgadza się z rozszerzeniem .${ext}. Sprawdź plik i wyślij go ponownie.` };
  }
  return { ok: true, type };
}

/** Largest accepted file; the server's MAX_UPLOAD_MB, passed to the client as a number. */
export function tooLargeMessage(fileName: string, maxMb: number): string {
  return `Plik „${fileName}” jest za duży — największy dozwolony rozmiar to ${maxMb} MB.`;
}

/**
 * A name safe to store and show: the last path segment, without control characters and the
 * characters Windows forbids, trimmed to 200 characters keeping the extension.
 */
export function sanitizeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? "";
  let name = last.normalize("NFC").replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_").replace(/\s+/g, " ").trim();
  name = name.replace(/^\.+/, "");
  if (!name) return "plik";
  if (name.length > 200) {
    const ext = extensionOf(name);
    name = ext ? `${name.slice(0, 199 - ext.length)}.${ext}` : name.slice(0, 200);
  }
  return name;
}

/** "1,2 MB", "830 kB", "12 B" in the user's language. */
export function formatFileSize(bytes: number, locale: "pl" | "en" = "pl"): string {
  const fmt = (v: number) => new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", { maximumFractionDigits: 1 }).format(v);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} kB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}
