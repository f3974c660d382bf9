/**
 * Highlighting, the same for both engines: the original text is folded character by character
 * (keeping a map back to the original), words matching a query word — as a prefix, or within one
 * typo (two for long words, a swap counts as one) — are wrapped in <mark>. Output is HTML-escaped.
 */
import { foldText } from "@/lib/polish";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped. */
export function typoDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

export function wordMatches(word: string, query: string): boolean {
  if (word.startsWith(query)) return true;
  if (query.length < 4 || /^\d+$/.test(query)) return false;
  const allowed = query.length >= 8 ? 2 : 1;
  return typoDistance(word, query, allowed) <= allowed || (word.length > query.length && typoDistance(word.slice(0, query.length), query, allowed) <= allowed);
}

interface Span {
  start: number;
  end: number;
}

/** Original-text ranges of matching words. */
export function matchSpans(text: string, queryWords: string[]): Span[] {
  if (!queryWords.length) return [];
  const spans: Span[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const folded = foldText(m[0]).replace(/[^a-z0-9]/g, "");
    if (folded && queryWords.some((q) => wordMatches(folded, q))) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function mark(text: string, spans: Span[], from = 0, to = text.length): string {
  let out = "";
  let at = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    const a = Math.max(s.start, at);
    const b = Math.min(s.end, to);
    out += escapeHtml(text.slice(at, a)) + "<mark>" + escapeHtml(text.slice(a, b)) + "</mark>";
    at = b;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** The whole text with matches marked (titles, subtitles); null when nothing matches. */
export function highlightAll(text: string, queryWords: string[]): string | null {
  const spans = matchSpans(text, queryWords);
  return spans.length ? mark(text, spans) : null;
}

/** Up to `count` fragments of about `width` characters around matches in a long text. */
export function highlightFragments(text: string, queryWords: string[], count = 2, width = 160): string[] {
  const spans = matchSpans(text, queryWords);
  const out: string[] = [];
  let after = 0;
  for (const s of spans) {
    if (out.length >= count) break;
    if (s.start < after) continue;
    let from = Math.max(0, s.start - Math.floor(width / 3));
    let to = Math.min(text.length, from + width);
    // Cut at word boundaries.
    if (from > 0) from = text.indexOf(" ", from) + 1 || from;
    if (to < text.length) to = text.lastIndexOf(" ", to) > s.end ? text.lastIndexOf(" ", to) : to;
    out.push(`${from > 0 ? "… " : ""}${mark(text, spans, from, to).replace(/\s+/g, " ").trim()}${to < text.length ? " …" : ""}`);
    after = to;
  }
  return out;
}
