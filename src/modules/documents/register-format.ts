/**
 * Register numbers (RPW/12/2026 …): a configurable pattern with {n} (the number in the year) and
 * {yyyy} or {yy} (the year). Pure and client-safe: the settings form validates with it, the
 * registering transaction formats with it.
 */
export const REGISTERS = ["RPW", "OUTGOING", "INTERNAL", "DISPATCH_BOOK"] as const;
export type RegisterName = (typeof REGISTERS)[number];

export const DEFAULT_FORMATS: Record<RegisterName, string> = {
  RPW: "RPW/{n}/{yyyy}",
  OUTGOING: "PWY/{n}/{yyyy}",
  INTERNAL: "WEW/{n}/{yyyy}",
  DISPATCH_BOOK: "KN/{n}/{yyyy}",
};

/** Why a pattern cannot be used, in Polish; null when it is fine. */
export function registerFormatProblem(format: string): string | null {
  if (format.trim() !== format || format.length === 0) return "Wzór nie może być pusty ani zaczynać się lub kończyć spacją.";
  if (format.length > 40) return "Wzór może mieć najwyżej 40 znaków.";
  if ((format.match(/\{n\}/g) ?? []).length !== 1) return "Wzór musi zawierać dokładnie jedno pole {n} (numer kolejny).";
  if (!/\{yyyy\}|\{yy\}/.test(format)) return "Wzór musi zawierać rok: {yyyy} albo {yy} — numeracja zaczyna się od 1 w każdym roku.";
  const rest = format.replace(/\{n\}|\{yyyy\}|\{yy\}/g, "");
  if (/[{}]/.test(rest)) return "Dozwolone pola to {n}, {yyyy} i {yy}.";
  if (!/^[\p{L}\p{N} ./\-_]*$/u.test(rest)) return "Poza polami wzór może zawierać litery, cyfry, spacje i znaki . / - _";
  return null;
}

export function formatRegisterNumber(format: string, n: number, year: number): string {
  return format
    .replace("{n}", String(n))
    .replace("{yyyy}", String(year))
    .replace("{yy}", String(year % 100).padStart(2, "0"));
}
