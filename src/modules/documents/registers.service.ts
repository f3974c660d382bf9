/**
 * Register number settings: the patterns of the RPW, outgoing, internal and dispatch-book numbers
 * (Office.*Format) and the counters of the current Polish year. A changed pattern applies to
 * numbers issued afterwards; issued numbers never change and the year's numbering continues.
 */
import "server-only";
import { diffFields } from "@/server/audit/audit.events";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { conflict, notFound } from "@/server/errors";
import { DEFAULT_FORMATS, formatRegisterNumber, REGISTERS } from "./register-format";
import { polishYear } from "./registers";
import { REGISTER_FIELDS, type RegisterFormatsInput, type RegisterSettings } from "./registers.schemas";

const FIELDS = Object.values(REGISTER_FIELDS);
const formatSelect = { rpwFormat: true, outgoingFormat: true, internalFormat: true, dispatchBookFormat: true } as const;

async function readSettings(db: Db | Tx, now: Date): Promise<RegisterSettings> {
  const year = polishYear(now);
  const [office, counters] = await Promise.all([
    db.office.findUnique({ where: { id: 1 }, select: formatSelect }),
    db.registerCounter.findMany({ where: { year, register: { in: [...REGISTERS] } }, select: { register: true, last: true } }),
  ]);
  const last = new Map(counters.map((c) => [c.register, c.last]));
  return {
    year,
    registers: REGISTERS.map((register) => ({
      register,
      field: REGISTER_FIELDS[register],
      format: office?.[REGISTER_FIELDS[register]] ?? DEFAULT_FORMATS[register],
      last: last.get(register) ?? 0,
    })),
  };
}

export async function getRegisterSettings(ctx: ServiceContext, now = new Date()): Promise<RegisterSettings> {
  assertCan(ctx.actor, "org.manage");
  return readSettings(ctx.db, now);
}

/** Saves the patterns (validated by ZRegisterFormatsInput), audited as "registers.updated". */
export async function updateRegisterFormats(ctx: ServiceContext, input: RegisterFormatsInput, now = new Date()): Promise<RegisterSettings> {
  assertCan(ctx.actor, "org.manage");
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.office.findUnique({ where: { id: 1 }, select: formatSelect });
    if (!before) throw notFound("Najpierw uzupełnij dane urzędu (Administracja → Urząd).");
    const changes = diffFields(before, input, FIELDS);
    if (Object.keys(changes).length === 0) return readSettings(tx, now);

    // The next number under a new pattern must not be one already issued (a pattern going back to another register's shape).
    const current = await readSettings(tx, now);
    for (const r of current.registers) {
      const field = REGISTER_FIELDS[r.register];
      if (!(field in changes)) continue;
      const next = formatRegisterNumber(input[field], r.last + 1, current.year);
      const taken =
        r.register === "DISPATCH_BOOK"
          ? await tx.dispatchBook.findUnique({ where: { number: next }, select: { id: true } })
          : await tx.document.findUnique({ where: { registerNo: next }, select: { id: true } });
      if (taken) {
        const message = `Numer „${next}” został już nadany — z tym wzorem numery by się powtórzyły. Wybierz inny wzór.`;
        throw conflict(message, { [field]: message });
      }
    }

    await tx.office.update({ where: { id: 1 }, data: input });
    await recordAudit(tx, ctx, { action: "registers.updated", entityType: "office", entityId: "1", data: { changes } });
    return readSettings(tx, now);
  });
}
