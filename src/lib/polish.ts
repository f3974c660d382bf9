/**
 * Polish text rules shared by the server and the browser: diacritic folding for search ("zolc"
 * finds "żółć") and a sort key that orders by the Polish alphabet (a ą b c ć … ż) under any
 * database collation, so server-side pagination sorts names as a Polish reader expects.
 */
const FOLD: Record<string, string> = { ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z" };

/** Lower-case, Polish letters folded to ASCII, other accents removed, white space collapsed. */
export function foldText(text: string): string {
  return text
    .toLocaleLowerCase("pl")
    .replace(/[ąćęłńóśźż]/g, (ch) => FOLD[ch] ?? ch)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

const ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż";

/**
 * A string whose byte order is Polish alphabetical order, case-insensitive: each letter becomes two
 * characters — its base letter and a rank among its variants — so "Łukasz" sorts after "Lucyna"
 * and before "Maria", and "Żak" after "Zając".
 */
export function polishSortKey(text: string): string {
  let key = "";
  for (const ch of text.toLocaleLowerCase("pl").normalize("NFC")) {
    const i = ALPHABET.indexOf(ch);
    if (i >= 0) {
      key += String.fromCharCode(0x61 + i); // a… in alphabet order (34 letters, all printable)
    } else if (/\s/.test(ch)) {
      key += " ";
    } else if (/[0-9]/.test(ch)) {
      key += ch; // digits sort before letters
    } else {
      const folded = foldText(ch);
      const j = ALPHABET.indexOf(folded);
      key += j >= 0 ? String.fromCharCode(0x61 + j) : "";
    }
  }
  return key;
}

/** Compare for in-memory sorting (Intl.Collator knows Polish). */
export const polishCollator = new Intl.Collator("pl", { sensitivity: "base", numeric: true });
