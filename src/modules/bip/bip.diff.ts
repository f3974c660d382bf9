/**
 * "What changed" between two versions of a BIP article: a word diff of their plain-text bodies
 * (longest common subsequence), paragraph breaks kept as tokens so the result can be shown in
 * paragraphs. Pure and client-safe; the change register renders it with <ins>/<del>.
 */

export type DiffKind = "same" | "added" | "removed";
export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

/** Above this many LCS cells the diff works paragraph by paragraph (long bodies stay fast). */
const MAX_CELLS = 4_000_000;

/** Words (with their trailing space) and paragraph breaks ("\n\n") as tokens. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
  paragraphs.forEach((p, i) => {
    if (i > 0) tokens.push("\n\n");
    const words = p.split(" ");
    words.forEach((w, j) => tokens.push(j < words.length - 1 ? `${w} ` : w));
  });
  return tokens;
}

/** Edit script of two token lists by LCS (common prefix and suffix trimmed first). */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffSegment[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffSegment[] = [];
  const push = (kind: DiffKind, text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text !== "") out.push({ kind, text });
  };
  for (let i = 0; i < start; i++) push("same", a[i]!);

  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    // Too large for a word table: everything in the middle counts as replaced.
    for (const t of midA) push("removed", t);
    for (const t of midB) push("added", t);
  } else {
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], in one flat array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push("same", midA[i]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
        push("removed", midA[i]!);
        i++;
      } else {
        push("added", midB[j]!);
        j++;
      }
    }
    while (i < n) push("removed", midA[i++]!);
    while (j < m) push("added", midB[j++]!);
  }
  for (let i = endA; i < a.length; i++) push("same", a[i]!);
  return out;
}

/**
 * The diff of two texts. Words compare exactly (case and punctuation count); white space inside
 * a paragraph does not. For very long texts the comparison is made paragraph by paragraph.
 */
export function diffText(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length <= MAX_CELLS) return diffTokens(a, b);
  // Paragraph-level first: unchanged paragraphs stay whole, changed ones are compared word by word.
  const paraA = splitParagraphs(before);
  const paraB = splitParagraphs(after);
  const coarse = diffTokens(paraA.map((p) => `${p}\u0000`), paraB.map((p) => `${p}\u0000`));
  return coarse.map((s) => ({ kind: s.kind, text: s.text.replace(/\u0000/g, "\n\n").replace(/\n\n$/, "") }));
}

function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
}

/** Counts of added and removed words, for a short summary ("dodano 3 słowa, usunięto 1"). */
export function diffStats(segments: readonly DiffSegment[]): { added: number; removed: number } {
  const words = (t: string) => t.split(/\s+/).filter((w) => w !== "").length;
  let added = 0;
  let removed = 0;
  for (const s of segments) {
    if (s.kind === "added") added += words(s.text);
    if (s.kind === "removed") removed += words(s.text);
  }
  return { added, removed };
}

/** The diff split into paragraphs (each a list of segments), for rendering as <p> elements. */
export function diffParagraphs(segments: readonly DiffSegment[]): DiffSegment[][] {
  const paragraphs: DiffSegment[][] = [[]];
  for (const s of segments) {
    const parts = s.text.split("\n\n");
    parts.forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part !== "") paragraphs[paragraphs.length - 1]!.push({ kind: s.kind, text: part });
    });
  }
  return paragraphs.filter((p) => p.length > 0);
}
