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
