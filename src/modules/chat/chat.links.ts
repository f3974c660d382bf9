/**
 * Links to letters and cases inside a message ("/pisma/przychodzace/<id>", "/sprawy/<id>", also as
 * full addresses of this office's app). Pure: the service decides whether the reader may open them.
 */
export interface RecordLink {
  type: "document" | "case";
  id: string;
  /** The path inside the app. */
  href: string;
}

const PATH = /(?:^|[\s(<"'])((?:https?:\/\/[^\s/]+)?\/(pisma\/(?:przychodzace|wychodzace|wewnetrzne)|sprawy)\/([a-z0-9]{8,40}))(?=$|[\s).,;:!?>"'#/])/g;

/** Record links in the text, once each, in order of appearance; only paths or this app's own addresses. */
export function extractRecordLinks(text: string, appOrigin: string, max = 5): RecordLink[] {
  const origin = appOrigin.replace(/\/+$/, "").toLowerCase();
  const out: RecordLink[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(PATH)) {
    const [, whole, section, id] = m as unknown as [string, string, string, string];
    if (/^https?:/i.test(whole) && !whole.toLowerCase().startsWith(`${origin}/`)) continue;
    const href = `/${section}/${id}`;
    if (seen.has(href)) continue;
    seen.add(href);
    out.push({ type: section === "sprawy" ? "case" : "document", id, href });
    if (out.length >= max) break;
  }
  return out;
}

/** The key of a direct conversation between two people (the same whoever starts it). */
export function directKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** A one-line preview of a message for conversation lists. */
export function messagePreview(body: string, max = 120): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
