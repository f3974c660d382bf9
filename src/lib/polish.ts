/**
 * Polish text rules shared by the server and the browser: diacritic folding for search ("zolc"
 * finds "żółć") and a sort key whose byte order is the Polish alphabet (a ą b c ć … ż), so
 * server-side pagination sorts names as a Polish reader expects whatever language the database
 * was set up for, as long as it compares the key byte by byte (the "C" / "C.UTF-8" collation).
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

/** The Polish alphabet with q, v and x (foreign names), 35 letters in order. */
const ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż";

/**
 * A string whose byte order (the "C" collation) is Polish alphabetical order, case-insensitive:
 * each letter becomes one printable ASCII character by its rank in ALPHABET ("A" … "c", all
 * above the digits, which sort first), so "Łukasz" sorts after "Lucyna" and before "Maria", and
 * "Żak" after "Zając". Other marks (hyphens, apostrophes) are left out.
 */
export function polishSortKey(text: string): string {
  let key = "";
  for (const ch of text.toLocaleLowerCase("pl").normalize("NFC")) {
    const i = ALPHABET.indexOf(ch);
    if (i >= 0) {
      key += String.fromCharCode(0x41 + i); // "A" (0x41) … "c" (0x63): 35 printable ASCII characters
    } else if (/\s/.test(ch)) {
      key += " ";
    } else if (/[0-9]/.test(ch)) {
      key += ch; // digits sort before letters
    } else {
      const folded = foldText(ch);
      const j = ALPHABET.indexOf(folded);
      key += j >= 0 ? String.fromCharCode(0x41 + j) : "";
    }
  }
  return key;
}

/** Compare for in-memory sorting (Intl.Collator knows Polish). */
export const polishCollator = new Intl.Collator("pl", { sensitivity: "base", numeric: true });
