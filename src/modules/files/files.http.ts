/**
 * HTTP details of serving a stored file: the Content-Disposition with a Polish file name (RFC 6266
 * with an RFC 5987 `filename*` and an ASCII fallback for old clients) and the response headers.
 * Pure: unit-tested without a server.
 */
const POLISH_ASCII: Record<string, string> = { ł: "l", Ł: "L" };

/** "Żółć.pdf" → "Zolc.pdf": diacritics dropped, anything outside printable ASCII (and " \ ;) → "_". */
export function asciiFileName(name: string): string {
  const folded = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[łŁ]/g, (c) => POLISH_ASCII[c] ?? c);
  return folded.replace(/[^\x20-\x7e]|["\\;%]/g, "_") || "plik";
}

/** RFC 5987 value-chars: percent-encode everything but attr-char. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string, inline: boolean): string {
  return `${inline ? "inline" : "attachment"}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Response headers of a download (`inline` only for types the browser shows: PDF and common images). */
export function fileResponseHeaders(file: { fileName: string; mimeType: string; size: number }, inline: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": file.mimeType === "text/plain" ? "text/plain; charset=utf-8" : file.mimeType,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(file.fileName, inline),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
  // Nothing served from here may run scripts in our origin; Chrome's PDF viewer refuses a sandboxed frame, so PDFs get no sandbox.
  if (file.mimeType !== "application/pdf") headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
  return headers;
}
