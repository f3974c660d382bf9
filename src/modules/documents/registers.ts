/**
 * Gap-free register numbering. The counter row of (register, year) is incremented inside the
 * registering transaction: concurrent registrations queue on its row lock, and a transaction that
 * rolls back takes its number back with it — no gaps, no duplicates.
 */
import "server-only";
import { todayInPoland } from "@/lib/i18n/translator";
import type { Tx } from "@/server/db";
import { DEFAULT_FORMATS, formatRegisterNumber, type RegisterName } from "./register-format";

export interface RegisterNumber {
  registerNo: string;
  registerYear: number;
  registerSeq: number;
}

const FORMAT_FIELD = {
  RPW: "rpwFormat",
  OUTGOING: "outgoingFormat",
  INTERNAL: "internalFormat",
  DISPATCH_BOOK: "dispatchBookFormat",
} as const satisfies Record<RegisterName, string>;

/** The year of a moment in Poland (a letter received on 31 December 23:30 UTC belongs to the next year). */
export function polishYear(at: Date): number {
  return Number(todayInPoland(at).slice(0, 4));
}

/** Takes the next number of `register` in the Polish year of `at`. Call inside a transaction. */
export async function nextRegisterNumber(tx: Tx, register: RegisterName, at: Date): Promise<RegisterNumber> {
  const year = polishYear(at);
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "RegisterCounter" ("register", "year", "last") VALUES (${register}, ${year}, 1)
    ON CONFLICT ("register", "year") DO UPDATE SET "last" = "RegisterCounter"."last" + 1
    RETURNING "last"`;
  const seq = Number(rows[0]!.last);
  const office = await tx.office.findUnique({ where: { id: 1 }, select: { [FORMAT_FIELD[register]]: true } });
  const format = (office as Record<string, string> | null)?.[FORMAT_FIELD[register]] ?? DEFAULT_FORMATS[register];
  return { registerNo: formatRegisterNumber(format, seq, year), registerYear: year, registerSeq: seq };
}
