/** Register number settings (the /admin/rejestry form and the documents.registers procedures). Client-safe. */
import { z } from "zod";
import { formatRegisterNumber, registerFormatProblem, REGISTERS, type RegisterName } from "./register-format";

export const REGISTER_FIELDS = {
  RPW: "rpwFormat",
  OUTGOING: "outgoingFormat",
  INTERNAL: "internalFormat",
  DISPATCH_BOOK: "dispatchBookFormat",
} as const satisfies Record<RegisterName, string>;
export type RegisterField = (typeof REGISTER_FIELDS)[RegisterName];

const ZFormat = z.string({ error: "Podaj wzór numeru." }).superRefine((value, ctx) => {
  const problem = registerFormatProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Registers whose numbers share one namespace (Document.registerNo is unique across them). */
const SHARED: RegisterName[] = ["RPW", "OUTGOING", "INTERNAL"];

/**
 * Two registers whose patterns would give the same number (e.g. both "{n}/{yyyy}"), checked on the
 * first 500 numbers of the year: the example number, or null when they never meet.
 */
export function registerFormatsClash(a: string, b: string, year: number): string | null {
  const seen = new Set<string>();
  for (let n = 1; n <= 500; n++) seen.add(formatRegisterNumber(a, n, year));
  for (let n = 1; n <= 500; n++) {
    const number = formatRegisterNumber(b, n, year);
    if (seen.has(number)) return number;
  }
  return null;
}

export const ZRegisterFormatsInput = z
  .object({ rpwFormat: ZFormat, outgoingFormat: ZFormat, internalFormat: ZFormat, dispatchBookFormat: ZFormat })
  .superRefine((v, ctx) => {
    const year = new Date().getUTCFullYear();
    for (let i = 0; i < SHARED.length; i++) {
      for (let j = i + 1; j < SHARED.length; j++) {
        const [a, b] = [REGISTER_FIELDS[SHARED[i]!], REGISTER_FIELDS[SHARED[j]!]];
        if (registerFormatProblem(v[a]) || registerFormatProblem(v[b])) continue;
        const clash = registerFormatsClash(v[a], v[b], year);
        if (clash) ctx.addIssue({ code: "custom", path: [b], message: `Ten wzór dawałby te same numery co inny rejestr (np. „${clash}”). Dodaj wyróżnik, np. inny przedrostek.` });
      }
    }
  });
export type RegisterFormatsInput = z.infer<typeof ZRegisterFormatsInput>;

export const ZRegisterSetting = z.object({
  register: z.enum(REGISTERS),
  field: z.enum(["rpwFormat", "outgoingFormat", "internalFormat", "dispatchBookFormat"]),
  format: z.string(),
  /** Numbers issued so far in `year` (the next one is last + 1). */
  last: z.number().int(),
});

export const ZRegisterSettings = z.object({
  /** The current year in Poland. */
  year: z.number().int(),
  registers: z.array(ZRegisterSetting),
});
export type RegisterSettings = z.infer<typeof ZRegisterSettings>;
