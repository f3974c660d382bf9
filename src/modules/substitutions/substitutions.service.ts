/**
 * Substitutions (zastępstwa): while a person is absent (dateFrom..dateTo, inclusive calendar days in
 * Poland), a named substitute receives their work. Records are created and cancelled, never deleted.
 * Framework-free; every read and write is limited by `substitutionScope` (substitutions.policy.ts).
 */
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { formatDate, todayInPoland } from "@/lib/i18n/translator";
import { foldText } from "@/lib/polish";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, badRequest, conflict, notFound } from "@/server/errors";
import { fromDateOnly, substitutionStatus, toDateOnly } from "./substitutions.dates";
import { peopleInScopeWhere, substitutionScope, substitutionsVisibleWhere } from "./substitutions.policy";
import {
  SUBSTITUTION_VIEWS,
  SUBSTITUTIONS_PAGE_SIZE,
  type SubstitutionDto,
  type SubstitutionList,
  type SubstitutionOptions,
  type SubstitutionView,
  type ZCreateSubstitutionInput,
  type ZSubstitutionListInput,
} from "./substitutions.schemas";

type ListInput = z.output<typeof ZSubstitutionListInput>;
type CreateInput = z.output<typeof ZCreateSubstitutionInput>;

const NOT_FOUND = "Nie znaleziono takiego zastępstwa albo nie masz do niego dostępu.";
const PERSON_OUT_OF_SCOPE = "Nie znaleziono takiej osoby wśród pracowników, których zastępstwa możesz ustalać.";

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
const period = (from: string, to: string) => (from === to ? formatDate(from) : `${formatDate(from)}–${formatDate(to)}`);

const person = { select: { id: true, firstName: true, lastName: true, department: { select: { symbol: true } } } } as const;
const listSelect = {
  id: true,
  dateFrom: true,
  dateTo: true,
  reason: true,
  createdAt: true,
  cancelledAt: true,
  absent: person,
  substitute: person,
  createdBy: { select: { firstName: true, lastName: true } },
} as const satisfies Prisma.SubstitutionSelect;

function viewWhere(view: SubstitutionView, today: Date): Prisma.SubstitutionWhereInput {
  switch (view) {
    case "biezace":
      return { cancelledAt: null, dateFrom: { lte: today }, dateTo: { gte: today } };
    case "nadchodzace":
      return { cancelledAt: null, dateFrom: { gt: today } };
    case "minione":
      return { cancelledAt: null, dateTo: { lt: today } };
    case "anulowane":
      return { cancelledAt: { not: null } };
  }
}

const VIEW_ORDER: Record<SubstitutionView, Prisma.SubstitutionOrderByWithRelationInput[]> = {
  biezace: [{ dateTo: "asc" }, { absent: { sortKey: "asc" } }, { id: "asc" }],
  nadchodzace: [{ dateFrom: "asc" }, { absent: { sortKey: "asc" } }, { id: "asc" }],
  minione: [{ dateTo: "desc" }, { absent: { sortKey: "asc" } }, { id: "asc" }],
  anulowane: [{ cancelledAt: "desc" }, { id: "asc" }],
};

function searchWhere(q: string | undefined): Prisma.SubstitutionWhereInput[] {
  return foldText(q ?? "")
    .split(" ")
    .filter(Boolean)
    .map((word) => ({ OR: [{ absent: { searchText: { contains: word } } }, { substitute: { searchText: { contains: word } } }] }));
}

/** One page of the actor's substitutions in one view (current, upcoming, past, cancelled), with the count of each view. */
export async function listSubstitutions(ctx: ServiceContext, input: ListInput, now = new Date()): Promise<SubstitutionList> {
  assertCan(ctx.actor, "substitutions.manage");
  const scope = await substitutionScope(ctx.db, ctx.actor);
  const todayStr = todayInPoland(now);
  const today = fromDateOnly(todayStr);
  const base = [substitutionsVisibleWhere(scope), ...searchWhere(input.q)];
  const counts = Object.fromEntries(
    await Promise.all(SUBSTITUTION_VIEWS.map(async (v) => [v, await ctx.db.substitution.count({ where: { AND: [...base, viewWhere(v, today)] } })] as const)),
  ) as Record<SubstitutionView, number>;
  const total = counts[input.view];
  const pages = Math.max(1, Math.ceil(total / SUBSTITUTIONS_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const rows = await ctx.db.substitution.findMany({
    where: { AND: [...base, viewWhere(input.view, today)] },
    orderBy: VIEW_ORDER[input.view],
    skip: (page - 1) * SUBSTITUTIONS_PAGE_SIZE,
    take: SUBSTITUTIONS_PAGE_SIZE,
    select: listSelect,
  });
  return { items: rows.map((r) => toDto(r, todayStr)), total, page, pages, pageSize: SUBSTITUTIONS_PAGE_SIZE, today: todayStr, counts };
}

function toDto(r: Prisma.SubstitutionGetPayload<{ select: typeof listSelect }>, today: string): SubstitutionDto {
  const ref = (p: typeof r.absent) => ({ id: p.id, name: fullName(p), departmentSymbol: p.department?.symbol ?? null });
  const dates = { dateFrom: toDateOnly(r.dateFrom), dateTo: toDateOnly(r.dateTo) };
  const status = substitutionStatus({ ...dates, cancelledAt: r.cancelledAt }, today);
  return {
    id: r.id,
    absent: ref(r.absent),
    substitute: ref(r.substitute),
    ...dates,
    reason: r.reason,
    createdByName: fullName(r.createdBy),
    createdAt: r.createdAt,
    cancelledAt: r.cancelledAt,
    status,
    canCancel: status === "current" || status === "upcoming",
  };
}

/** The people the form offers: absentees from the actor's scope, substitutes from all active staff. */
export async function getSubstitutionOptions(ctx: ServiceContext, now = new Date()): Promise<SubstitutionOptions> {
  assertCan(ctx.actor, "substitutions.manage");
  const scope = await substitutionScope(ctx.db, ctx.actor);
  const select = { id: true, firstName: true, lastName: true, department: { select: { symbol: true } } } as const;
  const orderBy = [{ sortKey: "asc" as const }, { id: "asc" as const }];
  const [absentees, substitutes] = await Promise.all([
    ctx.db.user.findMany({ where: { AND: [{ active: true }, peopleInScopeWhere(scope)] }, select, orderBy }),
    ctx.db.user.findMany({ where: { active: true }, select, orderBy }),
  ]);
  const option = (u: (typeof absentees)[number]) => ({ id: u.id, label: `${u.lastName} ${u.firstName}${u.department ? ` (${u.department.symbol})` : ""}` });
  return { absentees: absentees.map(option), substitutes: substitutes.map(option), today: todayInPoland(now) };
}

/**
 * Records a substitution. Refused when it starts before today, when the absent person already has an
 * active substitution on any of these days, or when the substitute is absent on any of them.
 */
export async function createSubstitution(ctx: ServiceContext, input: CreateInput, now = new Date()): Promise<SubstitutionDto> {
  assertCan(ctx.actor, "substitutions.manage");
  const today = todayInPoland(now);
  if (input.dateFrom < today) {
    const message = `Zastępstwo nie może zaczynać się w przeszłości — najwcześniej dziś (${formatDate(today)}).`;
    throw badRequest(message, { dateFrom: message });
  }
  if (input.dateTo < input.dateFrom) throw badRequest("Ostatni dzień nie może być wcześniejszy niż pierwszy.", { dateTo: "Ostatni dzień nie może być wcześniejszy niż pierwszy." });
  if (input.absentId === input.substituteId) throw badRequest("Osoba nie może zastępować samej siebie.", { substituteId: "Osoba nie może zastępować samej siebie." });

  const from = fromDateOnly(input.dateFrom);
  const to = fromDateOnly(input.dateTo);
  const overlapping = { cancelledAt: null, dateFrom: { lte: to }, dateTo: { gte: from } } satisfies Prisma.SubstitutionWhereInput;

  return ctx.db.$transaction(async (tx) => {
    const scope = await substitutionScope(tx, ctx.actor);
    // Both people's rows are locked (in id order) so two concurrent entries cannot both pass the overlap checks.
    await lockUsers(tx, [input.absentId, input.substituteId]);
    const [absent, substitute] = await Promise.all([
      tx.user.findFirst({ where: { AND: [{ id: input.absentId }, peopleInScopeWhere(scope)] }, select: { firstName: true, lastName: true, active: true } }),
      tx.user.findUnique({ where: { id: input.substituteId }, select: { firstName: true, lastName: true, active: true } }),
    ]);
    if (!absent) throw new AppError("NOT_FOUND", PERSON_OUT_OF_SCOPE, { fieldErrors: { absentId: PERSON_OUT_OF_SCOPE } });
    if (!absent.active) throw badRequest("To konto jest nieaktywne: nie wyznacza się dla niego zastępstw.", { absentId: "To konto jest nieaktywne." });
    if (!substitute || !substitute.active) throw badRequest("Wybierz aktywnego użytkownika jako zastępcę.", { substituteId: "Wybierz aktywnego użytkownika jako zastępcę." });

    const clash = await tx.substitution.findFirst({
      where: { absentId: input.absentId, ...overlapping },
      orderBy: { dateFrom: "asc" },
      select: { dateFrom: true, dateTo: true, substitute: { select: { firstName: true, lastName: true } } },
    });
    if (clash) {
      const message = `${fullName(absent)} ma już zastępstwo w dniach ${period(toDateOnly(clash.dateFrom), toDateOnly(clash.dateTo))} (zastępuje: ${fullName(clash.substitute)}). Zmień daty albo najpierw anuluj tamto zastępstwo.`;
      throw conflict(message, { dateFrom: message });
    }
    const away = await tx.substitution.findFirst({ where: { absentId: input.substituteId, ...overlapping }, orderBy: { dateFrom: "asc" }, select: { dateFrom: true, dateTo: true } });
    if (away) {
      const message = `Osoba zastępująca (${fullName(substitute)}) sama jest nieobecna w dniach ${period(toDateOnly(away.dateFrom), toDateOnly(away.dateTo))}. Wybierz kogoś innego albo zmień daty.`;
      throw conflict(message, { substituteId: message });
    }

    const created = await tx.substitution.create({
      data: { absentId: input.absentId, substituteId: input.substituteId, dateFrom: from, dateTo: to, reason: input.reason, createdById: ctx.actor.id },
      select: listSelect,
    });
    await recordAudit(tx, ctx, {
      action: "substitution.created",
      entityType: "substitution",
      entityId: created.id,
      data: { absentId: input.absentId, substituteId: input.substituteId, dateFrom: input.dateFrom, dateTo: input.dateTo },
    });
    return toDto(created, today);
  });
}

/** Cancels a current or upcoming substitution (the record stays, with the time of cancellation). */
export async function cancelSubstitution(ctx: ServiceContext, id: string, now = new Date()): Promise<void> {
  assertCan(ctx.actor, "substitutions.manage");
  const today = todayInPoland(now);
  await ctx.db.$transaction(async (tx) => {
    const scope = await substitutionScope(tx, ctx.actor);
    const s = await tx.substitution.findFirst({
      where: { AND: [{ id }, substitutionsVisibleWhere(scope)] },
      select: { absentId: true, substituteId: true, dateTo: true, cancelledAt: true },
    });
    if (!s) throw notFound(NOT_FOUND);
    if (s.cancelledAt) throw badRequest("To zastępstwo zostało już anulowane.");
    if (toDateOnly(s.dateTo) < today) throw badRequest("Zastępstwo już się zakończyło — nie można go anulować.");
    await tx.substitution.update({ where: { id }, data: { cancelledAt: now } });
    await recordAudit(tx, ctx, { action: "substitution.cancelled", entityType: "substitution", entityId: id, data: { absentId: s.absentId, substituteId: s.substituteId } });
  });
}

async function lockUsers(tx: Tx, ids: string[]): Promise<void> {
  const [a, b] = [...new Set(ids)].sort();
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${a} OR "id" = ${b ?? a} ORDER BY "id" FOR UPDATE`;
}

export interface ActiveSubstitute {
  userId: string;
  name: string;
  email: string;
  /** The substitution that makes them the substitute (of the user, or of an absent substitute along the chain). */
  substitutionId: string;
  /** Whose work they take over directly: the user, or a substitute who is away too. */
  forUserId: string;
  dateTo: string;
}

const MAX_CHAIN = 5;

/**
 * Who receives the work of `userId` on `date` (a `YYYY-MM-DD` calendar day, or a moment taken as
 * that day in Poland): the active, non-cancelled substitutions of the user on that day. When a
 * substitute is away on that day too, their own substitutes step in (up to five links, loops
 * ignored). An empty list means the user is not absent, or nobody present covers them. For other
 * modules (routing of documents and tasks); not limited by anyone's scope.
 */
export async function findActiveSubstitutes(db: Db | Tx, userId: string, date: Date | string): Promise<ActiveSubstitute[]> {
  const day = fromDateOnly(typeof date === "string" ? date : todayInPoland(date));
  const onDay = { cancelledAt: null, dateFrom: { lte: day }, dateTo: { gte: day } } satisfies Prisma.SubstitutionWhereInput;
  const result: ActiveSubstitute[] = [];
  const seen = new Set<string>([userId]);
  let absent = [userId];
  for (let depth = 0; depth < MAX_CHAIN && absent.length > 0; depth += 1) {
    const rows = await db.substitution.findMany({
      where: { ...onDay, absentId: { in: absent }, substitute: { active: true } },
      orderBy: [{ substitute: { sortKey: "asc" } }, { id: "asc" }],
      select: { id: true, absentId: true, dateTo: true, substitute: { select: { id: true, firstName: true, lastName: true, email: true } } },
    });
    const fresh = rows.filter((r) => !seen.has(r.substitute.id));
    fresh.forEach((r) => seen.add(r.substitute.id));
    const alsoAway = new Set(
      (await db.substitution.findMany({ where: { ...onDay, absentId: { in: fresh.map((r) => r.substitute.id) } }, select: { absentId: true } })).map((r) => r.absentId),
    );
    for (const r of fresh) {
      if (alsoAway.has(r.substitute.id)) continue;
      result.push({ userId: r.substitute.id, name: fullName(r.substitute), email: r.substitute.email, substitutionId: r.id, forUserId: r.absentId, dateTo: toDateOnly(r.dateTo) });
    }
    absent = fresh.filter((r) => alsoAway.has(r.substitute.id)).map((r) => r.substitute.id);
  }
  return result;
}

export interface AbsenceToday {
  userId: string;
  /** Every non-cancelled absence of the person still running or ahead (for how long the absence lasts). */
  ranges: { dateFrom: string; dateTo: string; reason: string | null }[];
  /** Today's substitutes, by name. */
  substitutes: string[];
}

/**
 * The people absent on `day` (`YYYY-MM-DD`) with their absences from that day on and today's
 * substitutes, for the presence shown to every staff member. Not limited by anyone's scope: the
 * caller decides what to show (presence shows no reason, only "on leave" or "absent").
 */
export async function findAbsencesOn(db: Db | Tx, day: string, userIds?: string[]): Promise<AbsenceToday[]> {
  const date = fromDateOnly(day);
  const today = await db.substitution.findMany({
    where: { cancelledAt: null, dateFrom: { lte: date }, dateTo: { gte: date }, ...(userIds && { absentId: { in: userIds } }) },
    orderBy: [{ substitute: { sortKey: "asc" } }, { id: "asc" }],
    select: { absentId: true, substitute: { select: { firstName: true, lastName: true } } },
  });
  if (!today.length) return [];
  const absentIds = [...new Set(today.map((s) => s.absentId))];
  const ahead = await db.substitution.findMany({
    where: { cancelledAt: null, dateTo: { gte: date }, absentId: { in: absentIds } },
    orderBy: [{ dateFrom: "asc" }, { id: "asc" }],
    select: { absentId: true, dateFrom: true, dateTo: true, reason: true },
  });
  return absentIds.map((userId) => ({
    userId,
    ranges: ahead.filter((r) => r.absentId === userId).map((r) => ({ dateFrom: toDateOnly(r.dateFrom), dateTo: toDateOnly(r.dateTo), reason: r.reason })),
    substitutes: [...new Set(today.filter((s) => s.absentId === userId).map((s) => fullName(s.substitute)))],
  }));
}
