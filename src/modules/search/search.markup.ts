/**
 * The service returns highlights as HTML-escaped text with <mark> around matches
 * (search.highlight.ts). The UI does not inject that HTML: it is split here into plain-text
 * segments, each marked or not, and React renders them as text (escaping them again). Client-safe.
 */
export interface MarkupSegment {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

function unescapeHtml(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** "a &lt;b&gt; <mark>c</mark>" → [{ text: "a <b> ", mark: false }, { text: "c", mark: true }]. */
export function markupSegments(markup: string): MarkupSegment[] {
  const out: MarkupSegment[] = [];
  let marked = false;
  for (const part of markup.split(/(<\/?mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) {
      const text = unescapeHtml(part);
      const last = out.at(-1);
      if (last && last.mark === marked) last.text += text;
      else out.push({ text, mark: marked });
    }
  }
  return out;
}
