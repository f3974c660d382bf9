/**
 * Polish official identifiers and their checksums. Pure and client-safe: the same functions check
 * a form in the browser and its input on the server. Each validator takes the value as typed
 * (spaces and hyphens allowed, e.g. "817-199-74-06") — normalise with `digitsOf` before storing.
 */

/** The value without spaces and hyphens (what the registers store). */
export function digitsOf(value: string): string {
  return value.replace(/[\s-]/g, "");
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (const [i, w] of weights.entries()) sum += w * Number(digits[i]);
  return sum;
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/**
 * NIP (numer identyfikacji podatkowej): 10 digits; the weighted sum of the first nine modulo 11 is
 * the tenth digit (a remainder of 10 is never issued). An optional "PL" prefix (EU VAT form) is accepted.
 */
export function isValidNip(value: string): boolean {
  const nip = digitsOf(value).replace(/^PL/i, "");
  if (!/^\d{10}$/.test(nip)) return false;
  const check = weightedSum(nip, NIP_WEIGHTS) % 11;
  return check !== 10 && check === Number(nip[9]);
}

const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

function regonCheck(digits: string, weights: readonly number[]): boolean {
  const rest = weightedSum(digits, weights) % 11;
  return (rest === 10 ? 0 : rest) === Number(digits[weights.length]);
}

/**
 * REGON: 9 digits (an entity) or 14 digits (a local unit: the entity's 9 digits, 4 more, a check
 * digit). Weighted sum modulo 11, a remainder of 10 gives 0. A 14-digit number must also carry a
 * valid 9-digit REGON in front.
 */
export function isValidRegon(value: string): boolean {
  const regon = digitsOf(value);
  if (/^\d{9}$/.test(regon)) return regonCheck(regon, REGON9_WEIGHTS);
  if (/^\d{14}$/.test(regon)) return regonCheck(regon.slice(0, 9), REGON9_WEIGHTS) && regonCheck(regon, REGON14_WEIGHTS);
  return false;
}

/** Polish postal code: NN-NNN. */
export function isValidPostalCode(value: string): boolean {
  return /^\d{2}-\d{3}$/.test(value.trim());
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/**
 * The birth date a PESEL encodes, as YYYY-MM-DD, or null when the digits name no real day. The
 * century is carried by the month: +80 for 1800–1899, +0 for 1900–1999, +20 for 2000–2099, +40 for
 * 2100–2199, +60 for 2200–2299 (so 1 March 2005 is "05 23 01").
 */
export function peselBirthDate(value: string): string | null {
  const pesel = digitsOf(value);
  if (!/^\d{11}$/.test(pesel)) return null;
  const yy = Number(pesel.slice(0, 2));
  const mm = Number(pesel.slice(2, 4));
  const dd = Number(pesel.slice(4, 6));
  const centuries: [number, number][] = [
    [80, 1800],
    [60, 2200],
    [40, 2100],
    [20, 2000],
    [0, 1900],
  ];
  const [offset, century] = centuries.find(([o]) => mm > o && mm <= o + 12) ?? [-1, 0];
  if (offset < 0) return null;
  const year = century + yy;
  const month = mm - offset;
  const date = new Date(Date.UTC(year, month - 1, dd));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dd) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/**
 * PESEL: 11 digits; a real birth date in the first six (month carrying the century, see
 * `peselBirthDate`); the check digit is (10 − the weighted sum 1 3 7 9 1 3 7 9 1 3 mod 10) mod 10.
 */
export function isValidPesel(value: string): boolean {
  const pesel = digitsOf(value);
  if (!/^\d{11}$/.test(pesel)) return false;
  const check = (10 - (weightedSum(pesel, PESEL_WEIGHTS) % 10)) % 10;
  return check === Number(pesel[10]) && peselBirthDate(pesel) !== null;
}

/** The sex a valid PESEL encodes (the tenth digit: even for women, odd for men). */
export function peselSex(value: string): "F" | "M" {
  return Number(digitsOf(value)[9]) % 2 === 0 ? "F" : "M";
}

/**
 * KRS (numer w Krajowym Rejestrze Sądowym): exactly 10 digits, usually written with leading zeros
 * ("0000123456"). The KRS number has NO check digit — it is a plain sequence number — so only the
 * format can be validated, not whether the number was ever issued.
 */
export function isValidKrs(value: string): boolean {
  return /^\d{10}$/.test(digitsOf(value));
}

/**
 * An e-Doręczenia address (adres do doręczeń elektronicznych), as written in the national register
 * (BAE): "AE:PL-" and four groups: 5 digits, 5 digits, 5 letters or digits, 2 digits, e.g.
 * "AE:PL-12345-67890-ABCDE-12". Case and surrounding spaces are ignored (normalise with
 * `normalizeEDoreczeniaAddress` before storing). The groups carry no public checksum.
 */
export function isValidEDoreczeniaAddress(value: string): boolean {
  return /^AE:PL-\d{5}-\d{5}-[A-Z0-9]{5}-\d{2}$/.test(normalizeEDoreczeniaAddress(value));
}

/** Upper case without spaces: how an e-Doręczenia address is stored. */
export function normalizeEDoreczeniaAddress(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

/**
 * An ePUAP address of an electronic submission box (skrytka): "/" the entity's identifier "/" the
 * box's name, e.g. "/UMBoguchwala/SkrytkaESP" (letters, digits, "_", "-", ".").
 */
export function isValidEpuapAddress(value: string): boolean {
  return /^\/[A-Za-z0-9_.-]{2,64}\/[A-Za-z0-9_.-]{1,64}$/.test(value.trim());
}
