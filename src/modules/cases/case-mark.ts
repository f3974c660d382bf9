/**
 * Znak sprawy: KOMÓRKA.SYMBOL_JRWA.NUMER.ROK[.INICJAŁY], e.g. "GK.6220.5.2026" or, for a referat
 * (its symbol written with a hyphen), "GK-D.7021.3.2026.JK". Dots separate the parts; a hyphen
 * appears only inside a referat's symbol. Pure and client-safe.
 */
const UPPER = "A-ZĄĆĘŁŃÓŚŹŻ";
const DEPARTMENT = new RegExp(`^[${UPPER}0-9]+(-[${UPPER}0-9]+)*$`);
const INITIALS = new RegExp(`^[${UPPER}]{1,4}$`);

export interface CaseMarkParts {
  departmentSymbol: string;
  jrwaSymbol: string;
  number: number;
  year: number;
  initials?: string | null;
}

/** Upper-cased initials with everything but letters removed ("j.k." → "JK"); empty → null. */
export function normalizeInitials(value: string | null | undefined): string | null {
  const letters = (value ?? "").toLocaleUpperCase("pl").replace(new RegExp(`[^${UPPER}]`, "g"), "");
  return letters || null;
}

export function isValidInitials(value: string): boolean {
  return INITIALS.test(value);
}

export function formatCaseMark(parts: CaseMarkParts): string {
  const { departmentSymbol, jrwaSymbol, number, year } = parts;
  if (!DEPARTMENT.test(departmentSymbol)) throw new Error(`Invalid department symbol: ${departmentSymbol}`);
  if (!/^\d{1,4}$/.test(jrwaSymbol)) throw new Error(`Invalid JRWA symbol: ${jrwaSymbol}`);
  if (!Number.isInteger(number) || number < 1) throw new Error(`Invalid case number: ${number}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Invalid year: ${year}`);
  const initials = parts.initials ? parts.initials.toLocaleUpperCase("pl") : null;
  if (initials !== null && !INITIALS.test(initials)) throw new Error(`Invalid initials: ${parts.initials}`);
  return [departmentSymbol, jrwaSymbol, String(number), String(year), ...(initials ? [initials] : [])].join(".");
}
