/** Folding and word splitting shared by both engines and the highlighter. */
import { foldText } from "@/lib/polish";

/** Folded words: letters and digits only ("RPW/12/2026" → rpw 12 2026, "Łódź" → lodz). */
export function words(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Folded text as space-separated words (what the engines index). */
export function foldedWords(text: string): string {
  return words(text).join(" ");
}

/** Distinct words of the vocabulary kept for typo tolerance (4–30 letters, digits excluded). */
export function vocabulary(texts: string[], max = 3000): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const w of words(t)) {
      if (w.length >= 4 && w.length <= 30 && !/^\d+$/.test(w)) out.add(w);
      if (out.size >= max) return [...out];
    }
  }
  return [...out];
}
