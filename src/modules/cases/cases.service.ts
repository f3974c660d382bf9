/**
 * Sprawy (cases): opening with a znak sprawy from the spis spraw counter, documents of the case,
 * statuses (suspension, closing, reopening), transfer, KPA deadlines and the art. 36 notice, the
 * case list and inbox, the metryka (a live view over the audit trail) and the spis spraw.
 * Framework-free; every read starts from caseVisibleWhere / documentVisibleWhere.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { CAPPED_COUNT, pageWindow } from "@/lib/paging";
import { todayInPoland } from "@/lib/i18n/translator";
import { foldText } from "@/lib/polish";
import { getContactSummaries } from "@/modules/contacts/contacts.service";
import { documentHref, documentLabel } from "@/modules/documents/document-label";
import { caseVisibleWhere, documentVisibleWhere, isHeadOf, loadWorkScope, actsFor, type WorkScope } from "@/modules/documents/documents.policy";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, badRequest, conflict, forbidden, isUniqueViolation, notFound } from "@/server/errors";
import { formatCaseMark } from "./case-mark";
import { canManageCase, openingDepartmentIds } from "./cases.policy";
import {
  ACTIVE_CASE_STATUSES,
  CASE_REGISTER_PAGE_SIZE,
  CASES_PAGE_SIZE,
  ZOpenCaseInput,
  type CaseDetail,
  type CaseList,
  type CaseListItem,
  type CaseRegister,
  type CaseRegisterRow,
  type CaseSort,
  type CaseView,
  type Metryka,
  type OpenCaseInput,
  type OpenCaseOptions,
  type ZAddNoteInput,
  type ZCaseListInput,
  type ZCaseRegisterInput,
  type ZDeadlineNoticeInput,
  type ZTransferCaseInput,
} from "./cases.schemas";
import { addDays, computeDueDate, deadlineState, extendDueDate, suspendedDays, type DeadlineType } from "./deadlines";

export const CASE_NOT_FOUND = "Nie znaleziono takiej sprawy albo nie masz do niej dostępu.";
const DOCUMENT_NOT_FOUND = "Nie znaleziono takiego pisma albo nie masz do niego dostępu.";
const NOT_MANAGER = "Tę czynność wykonuje prowadzący sprawę albo kierownik komórki.";

const toDay = (d: Date) => d.toISOString().slice(0, 10);
const fromDay = (s: string) => new Date(`${s}T00:00:00.000Z`);
const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
const unique = <T>(v: T[]) => [...new Set(v)];

async function scopeOf(ctx: ServiceContext, db: Db | Tx = ctx.db): Promise<WorkScope> {
  assertCan(ctx.actor, "documents.work");
  return loadWorkScope(db, ctx.actor);
}

// ——— Opening ———

/** What the "Załóż sprawę" form offers: departments, clerks, and the letter it starts from. */
export async function getOpenCaseOptions(ctx: ServiceContext, input: { documentId?: string | null }, now = new Date()): Promise<OpenCaseOptions> {
  const scope = await scopeOf(ctx);
  const departmentIds = openingDepartmentIds(scope, ctx.actor.departmentId);
  const departments = await ctx.db.department.findMany({ where: { id: { in: departmentIds } }, orderBy: { sortKey: "asc" }, select: { id: true, symbol: true, name: true } });
  const personSelect = { id: true, firstName: true, lastName: true, departmentId: true, department: { select: { symbol: true } } } as const;
  const label = (u: { firstName: string; lastName: string; department: { symbol: string } | null }) => `${u.lastName} ${u.firstName}${u.department ? ` (${u.department.symbol})` : ""}`;
  const [clerks, people] = await Promise.all([
    scope.headOfDepartmentIds.length
      ? ctx.db.user.findMany({ where: { active: true, OR: [{ id: ctx.actor.id }, { departmentId: { in: scope.headOfDepartmentIds } }] }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: personSelect })
      : ctx.db.user.findMany({ where: { id: ctx.actor.id }, select: personSelect }),
    ctx.db.user.findMany({ where: { active: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: personSelect }),
  ]);
  let source: OpenCaseOptions["source"] = null;
  if (input.documentId) {
    const doc = await ctx.db.document.findFirst({
      where: { AND: [{ id: input.documentId }, documentVisibleWhere(scope)] },
      select: { id: true, seq: true, registerNo: true, subject: true, receivedAt: true, createdAt: true, departmentId: true, assigneeId: true, senderId: true, case: { select: { mark: true } } },
    });
    if (!doc) throw notFound(DOCUMENT_NOT_FOUND);
    const [sender] = doc.senderId ? await getContactSummaries(ctx.db, [doc.senderId]) : [];
    source = {
      id: doc.id,
      label: documentLabel(doc),
      subject: doc.subject,
      startDate: todayInPoland(doc.receivedAt ?? doc.createdAt),
      departmentId: doc.departmentId,
      sender: sender ?? null,
      caseMark: doc.case?.mark ?? null,
      canOpen: !doc.case && (actsFor(scope, doc.assigneeId) || (doc.departmentId !== null && isHeadOf(scope, doc.departmentId))),
    };
  }
  const defaultDepartmentId = source?.departmentId && departmentIds.includes(source.departmentId) ? source.departmentId : (ctx.actor.departmentId ?? departments[0]?.id ?? null);
  return {
    today: todayInPoland(now),
    departments: departments.map((d) => ({ id: d.id, symbol: d.symbol, label: `${d.symbol} — ${d.name}` })),
    defaultDepartmentId,
    clerks: clerks.map((u) => ({ id: u.id, label: label(u), departmentId: u.departmentId })),
    people: people.map((u) => ({ id: u.id, label: label(u) })),
    selfId: ctx.actor.id,
    source,
  };
}

/**
 * Opens a case (contract 3): standalone, or from a letter (`sourceDocumentId`: the letter joins the
 * case and its sender becomes a party). The number comes from the spis spraw counter of the
 * department, JRWA class and Polish year, incremented in this transaction (gap-free, concurrency-safe).
 */
export async function openCase(ctx: ServiceContext, raw: OpenCaseInput, now = new Date()): Promise<{ id: string; mark: string }> {
  const input = ZOpenCaseInput.parse(raw);
  const scope = await scopeOf(ctx);
  const allowed = openingDepartmentIds(scope, ctx.actor.departmentId);
  if (allowed.length === 0) throw badRequest("Nie należysz do żadnej komórki organizacyjnej — nie możesz zakładać spraw.");

  let source: { id: string; departmentId: string | null; senderId: string | null; day: string } | null = null;
  if (input.sourceDocumentId) {
    const doc = await ctx.db.document.findFirst({
      where: { AND: [{ id: input.sourceDocumentId }, documentVisibleWhere(scope)] },
      select: { id: true, kind: true, departmentId: true, assigneeId: true, senderId: true, receivedAt: true, createdAt: true, caseId: true, case: { select: { mark: true } } },
    });
    if (!doc) throw notFound(DOCUMENT_NOT_FOUND);
    if (doc.case) throw conflict(`To pismo należy już do sprawy ${doc.case.mark}.`);
    if (doc.kind === "NOTE") throw badRequest("Sprawę zakłada się z pisma przychodzącego, wewnętrznego albo wychodzącego — nie z notatki.");
    if (!actsFor(scope, doc.assigneeId) && !(doc.departmentId && isHeadOf(scope, doc.departmentId))) {
      throw forbidden("Sprawę z tego pisma zakłada osoba, której je przydzielono, albo kierownik komórki.");
    }
    source = { id: doc.id, departmentId: doc.departmentId, senderId: doc.senderId, day: todayInPoland(doc.receivedAt ?? doc.createdAt) };
  }

  const departmentId = input.departmentId ?? (source?.departmentId && allowed.includes(source.departmentId) ? source.departmentId : (ctx.actor.departmentId ?? allowed[0]!));
  if (!allowed.includes(departmentId)) throw new AppError("NOT_FOUND", "Sprawy zakładasz w swojej komórce (kierownik — także w komórkach, którymi kieruje).", { fieldErrors: { departmentId: "Wybierz swoją komórkę." } });

  const responsibleId = input.responsibleId ?? ctx.actor.id;
  if (responsibleId !== ctx.actor.id) {
    if (!isHeadOf(scope, departmentId)) throw forbidden("Prowadzącego sprawę innego niż Ty wyznacza kierownik komórki.");
    const person = await ctx.db.user.findFirst({ where: { id: responsibleId, active: true, departmentId: { in: scope.headOfDepartmentIds } }, select: { id: true } });
    if (!person) throw badRequest("Wybierz aktywnego pracownika swojej komórki.", { responsibleId: "Wybierz aktywnego pracownika swojej komórki." });
  }

  const jrwa = await ctx.db.jrwaClass.findUnique({ where: { id: input.jrwaClassId }, select: { id: true, symbol: true, isLeaf: true, active: true } });
  if (!jrwa || !jrwa.active) throw badRequest("Wybierz klasę z wykazu akt (JRWA).", { jrwaClassId: "Wybierz klasę z wykazu akt (JRWA)." });
  if (!jrwa.isLeaf) throw badRequest(`Klasa ${jrwa.symbol} grupuje inne klasy — wybierz klasę końcową (czterocyfrową).`, { jrwaClassId: "Wybierz klasę końcową (czterocyfrową)." });

  const partyIds = unique([...(source?.senderId ? [source.senderId] : []), ...input.partyIds]);
  const parties = await getContactSummaries(ctx.db, partyIds);
  if (parties.length !== partyIds.length) throw badRequest("Nie znaleziono jednej ze stron w bazie teleadresowej.", { partyIds: "Nie znaleziono jednej ze stron." });
  const accessIds = unique(input.accessUserIds.filter((id) => id !== responsibleId));
  if (accessIds.length && (await ctx.db.user.count({ where: { id: { in: accessIds }, active: true } })) !== accessIds.length) {
    throw badRequest("Wybierz aktywnych użytkowników.", { accessUserIds: "Wybierz aktywnych użytkowników." });
  }

  const today = todayInPoland(now);
  const startDate = input.startDate ?? source?.day ?? today;
  const dueDate = computeDueDate({ type: input.deadlineType, startDate, customDate: input.customDueDate });
  const year = Number(today.slice(0, 4));

  try {
    return await ctx.db.$transaction(async (tx) => {
      const department = await tx.department.findUniqueOrThrow({ where: { id: departmentId }, select: { symbol: true } });
      // Spis spraw: the next number of this department, class and year; the row stays locked until commit.
      const [counter] = await tx.$queryRaw<{ last: number }[]>`
        INSERT INTO "CaseCounter" ("departmentId", "jrwaClassId", "year", "last") VALUES (${departmentId}, ${jrwa.id}, ${year}, 1)
        ON CONFLICT ("departmentId", "jrwaClassId", "year") DO UPDATE SET "last" = "CaseCounter"."last" + 1
        RETURNING "last"`;
      const number = Number(counter!.last);
      const mark = formatCaseMark({ departmentSymbol: department.symbol, jrwaSymbol: jrwa.symbol, number, year, initials: input.initials });
      const created = await tx.case.create({
        data: {
          mark,
          departmentId,
          departmentSymbol: department.symbol,
          jrwaClassId: jrwa.id,
          year,
          number,
          initials: input.initials,
          title: input.title,
          description: input.description,
          responsibleId,
          deadlineType: input.deadlineType,
          startDate: fromDay(startDate),
          dueDate: dueDate ? fromDay(dueDate) : null,
          confidential: input.confidential,
          sourceDocumentId: source?.id ?? null,
          createdById: ctx.actor.id,
          searchText: foldText(`${mark} ${input.title}`),
          parties: { create: partyIds.map((contactId) => ({ contactId })) },
          access: { create: input.confidential ? accessIds.map((userId) => ({ userId })) : [] },
        },
        select: { id: true, mark: true },
      });
      if (source) {
        const linked = await tx.document.updateMany({ where: { id: source.id, caseId: null }, data: { caseId: created.id } });
        if (linked.count !== 1) throw conflict("To pismo zostało właśnie dołączone do innej sprawy.");
      }
      await recordAudit(tx, ctx, {
        action: "case.opened",
        entityType: "case",
        entityId: created.id,
        caseId: created.id,
        documentId: source?.id ?? null,
        data: { mark, title: input.title, jrwaSymbol: jrwa.symbol, responsibleId, sourceDocumentId: source?.id ?? null, dueDate },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error) && source) throw conflict("To pismo zostało właśnie dołączone do innej sprawy.");
    throw error;
  }
}

// ——— Reading one case ———

const caseSelect = {
  id: true,
  mark: true,
  title: true,
  description: true,
  status: true,
  year: true,
  number: true,
  departmentId: true,
  responsibleId: true,
  deadlineType: true,
  startDate: true,
  dueDate: true,
  suspendedReason: true,
  closedAt: true,
  confidential: true,
  sourceDocumentId: true,
  createdAt: true,
  department: { select: { id: true, symbol: true, name: true } },
  jrwaClass: { select: { id: true, symbol: true, name: true, category: true } },
  responsible: { select: { id: true, firstName: true, lastName: true, position: { select: { name: true } } } },
  createdBy: { select: { id: true, firstName: true, lastName: true, position: { select: { name: true } } } },
  parties: { orderBy: { createdAt: "asc" }, select: { contactId: true } },
  access: { select: { user: { select: { id: true, firstName: true, lastName: true } } } },
  suspensions: { orderBy: { startedOn: "asc" }, select: { id: true, reason: true, startedOn: true, endedOn: true } },
  deadlineNotices: { orderBy: { createdAt: "asc" }, select: { id: true, reason: true, previousDue: true, newDue: true, createdAt: true } },
} as const satisfies Prisma.CaseSelect;

async function findVisibleCase(db: Db | Tx, scope: WorkScope, id: string) {
  const c = await db.case.findFirst({ where: { AND: [{ id }, caseVisibleWhere(scope)] }, select: caseSelect });
  if (!c) throw notFound(CASE_NOT_FOUND);
  return c;
}

export async function getCase(ctx: ServiceContext, id: string, now = new Date()): Promise<CaseDetail> {
  const scope = await scopeOf(ctx);
  const c = await findVisibleCase(ctx.db, scope, id);
  const today = todayInPoland(now);
  const [parties, docs] = await Promise.all([
    getContactSummaries(
      ctx.db,
      c.parties.map((p) => p.contactId),
    ),
    ctx.db.document.findMany({
      where: { AND: [{ caseId: id }, documentVisibleWhere(scope)] },
      orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
      select: {
        id: true,
        kind: true,
        status: true,
        seq: true,
        registerNo: true,
        subject: true,
        body: true,
        receivedAt: true,
        createdAt: true,
        caseId: true,
        sender: { select: { name: true } },
        recipients: { take: 1, orderBy: { createdAt: "asc" }, select: { name: true } },
        _count: { select: { files: { where: { supersededAt: null } } } },
      },
    }),
  ]);
  const person = (u: (typeof c)["responsible"]) => ({ id: u.id, name: fullName(u), position: u.position?.name ?? null });
  const dueDate = c.dueDate ? toDay(c.dueDate) : null;
  return {
    id: c.id,
    mark: c.mark,
    title: c.title,
    description: c.description,
    status: c.status,
    department: c.department,
    jrwa: c.jrwaClass,
    year: c.year,
    number: c.number,
    responsible: person(c.responsible),
    createdBy: person(c.createdBy),
    createdAt: c.createdAt,
    startDate: toDay(c.startDate),
    deadlineType: c.deadlineType,
    dueDate,
    deadlineState: deadlineState({ dueDate, today, status: c.status }),
    suspendedReason: c.suspendedReason,
    closedAt: c.closedAt,
    confidential: c.confidential,
    access: c.access.map((a) => ({ id: a.user.id, label: fullName(a.user) })),
    parties,
    documents: docs
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        status: d.status,
        label: documentLabel(d),
        href: documentHref(d),
        subject: d.subject,
        body: d.kind === "NOTE" ? d.body : null,
        date: d.receivedAt ?? d.createdAt,
        counterpart: d.kind === "INCOMING" ? (d.sender?.name ?? null) : (d.recipients[0]?.name ?? null),
        fileCount: d._count.files,
      }))
      .sort((a, b) => a.date.getTime() - b.date.getTime()),
    suspensions: c.suspensions.map((s) => ({ id: s.id, reason: s.reason, startedOn: toDay(s.startedOn), endedOn: s.endedOn ? toDay(s.endedOn) : null })),
    notices: c.deadlineNotices.map((n) => ({ id: n.id, reason: n.reason, previousDue: n.previousDue ? toDay(n.previousDue) : null, newDue: toDay(n.newDue), createdAt: n.createdAt })),
    sourceDocumentId: c.sourceDocumentId,
    canManage: canManageCase(scope, c),
    canTransferToOthers: canManageCase(scope, c),
    today,
  };
}

// ——— Changing a case ———

/** Loads the case for a change: visible (else NOT_FOUND), and the actor manages it (else FORBIDDEN). */
async function caseForChange(tx: Tx, ctx: ServiceContext, id: string) {
  const scope = await loadWorkScope(tx, ctx.actor);
  const c = await tx.case.findFirst({
    where: { AND: [{ id }, caseVisibleWhere(scope)] },
    select: { id: true, mark: true, status: true, departmentId: true, responsibleId: true, dueDate: true, deadlineType: true, confidential: true },
  });
  if (!c) throw notFound(CASE_NOT_FOUND);
  if (!canManageCase(scope, c)) throw forbidden(NOT_MANAGER);
  // One change of a case at a time.
  await tx.$queryRaw`SELECT "id" FROM "Case" WHERE "id" = ${id} FOR UPDATE`;
  return { c, scope };
}

const STATUS_TEXT: Record<string, string> = { NEW: "nowa", IN_PROGRESS: "w toku", SUSPENDED: "zawieszona", CLOSED: "zakończona", REOPENED: "wznowiona" };

async function moveStatus(tx: Tx, id: string, from: readonly string[], data: Prisma.CaseUpdateManyMutationInput, current: string, what: string) {
  const r = await tx.case.updateMany({ where: { id, status: { in: from as Prisma.EnumCaseStatusFilter["in"] } }, data });
  if (r.count !== 1) throw badRequest(`Sprawa jest ${STATUS_TEXT[current] ?? current} — nie można jej teraz ${what}.`);
}

/** Contract 3: attaches a visible document without a case to the case. */
export async function addDocumentToCase(ctx: ServiceContext, input: { caseId: string; documentId: string }): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const { c, scope } = await caseForChange(tx, ctx, input.caseId);
    if (c.status === "CLOSED") throw badRequest("Sprawa jest zakończona — aby dołączyć pismo, najpierw ją wznów.");
    const doc = await tx.document.findFirst({
      where: { AND: [{ id: input.documentId }, documentVisibleWhere(scope)] },
      select: { id: true, caseId: true, case: { select: { mark: true } } },
    });
    if (!doc) throw new AppError("NOT_FOUND", DOCUMENT_NOT_FOUND, { fieldErrors: { documentId: DOCUMENT_NOT_FOUND } });
    if (doc.caseId === c.id) return;
    if (doc.case) throw conflict(`To pismo należy już do sprawy ${doc.case.mark}.`, { documentId: `Pismo należy już do sprawy ${doc.case.mark}.` });
    const r = await tx.document.updateMany({ where: { id: doc.id, caseId: null }, data: { caseId: c.id } });
    if (r.count !== 1) throw conflict("To pismo zostało właśnie dołączone do innej sprawy.");
    await recordAudit(tx, ctx, { action: "case.document-added", entityType: "case", entityId: c.id, caseId: c.id, documentId: doc.id, data: { mark: c.mark, documentId: doc.id } });
  });
}

/** Visible letters without a case, for "Dołącz pismo" (newest first, by text). */
export async function listAttachCandidates(ctx: ServiceContext, input: { caseId: string; q?: string }) {
  const scope = await scopeOf(ctx);
  await findVisibleCase(ctx.db, scope, input.caseId);
  const words = foldText(input.q ?? "").split(" ").filter(Boolean);
  const rows = await ctx.db.document.findMany({
    where: { AND: [documentVisibleWhere(scope), { caseId: null, kind: { in: ["INCOMING", "OUTGOING", "INTERNAL"] }, status: { not: "CANCELLED" } }, ...words.map((w) => ({ searchText: { contains: w } }))] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
    select: { id: true, seq: true, registerNo: true, subject: true, kind: true },
  });
  return rows.map((d) => ({ id: d.id, label: documentLabel(d), subject: d.subject, kind: d.kind }));
}

/** A note (a NOTE document of the case); files are added to it through the files module. */
export async function addCaseNote(ctx: ServiceContext, input: z.output<typeof ZAddNoteInput>): Promise<{ id: string }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, input.caseId);
    if (c.status === "CLOSED") throw badRequest("Sprawa jest zakończona — aby dodać notatkę, najpierw ją wznów.");
    const doc = await tx.document.create({
      data: {
        kind: "NOTE",
        status: "DONE",
        channel: "INTERNAL",
        subject: input.subject,
        body: input.body,
        departmentId: c.departmentId,
        caseId: c.id,
        confidential: c.confidential,
        createdById: ctx.actor.id,
        searchText: foldText(`${c.mark} ${input.subject}`),
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "case.note-added", entityType: "case", entityId: c.id, caseId: c.id, documentId: doc.id, data: { mark: c.mark, subject: input.subject } });
    return doc;
  });
}

/** NEW → IN_PROGRESS ("Podejmij sprawę"). */
export async function startCase(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, id);
    await moveStatus(tx, id, ["NEW"], { status: "IN_PROGRESS" }, c.status, "podjąć");
    await recordAudit(tx, ctx, { action: "case.started", entityType: "case", entityId: id, caseId: id, data: { mark: c.mark } });
  });
}

export async function suspendCase(ctx: ServiceContext, id: string, reason: string, now = new Date()): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, id);
    await moveStatus(tx, id, ACTIVE_CASE_STATUSES, { status: "SUSPENDED", suspendedReason: reason }, c.status, "zawiesić");
    await tx.caseSuspension.create({ data: { caseId: id, reason, startedOn: fromDay(todayInPoland(now)) } });
    await recordAudit(tx, ctx, { action: "case.suspended", entityType: "case", entityId: id, caseId: id, data: { mark: c.mark, reason } });
  });
}

/** SUSPENDED → IN_PROGRESS; the due date moves by the days of the suspension (art. 35 §5 KPA). */
export async function resumeCase(ctx: ServiceContext, id: string, now = new Date()): Promise<{ dueDate: string | null }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, id);
    const today = todayInPoland(now);
    const open = await tx.caseSuspension.findFirst({ where: { caseId: id, endedOn: null }, orderBy: { startedOn: "desc" }, select: { id: true, startedOn: true } });
    const days = open ? suspendedDays(toDay(open.startedOn), today) : 0;
    const dueDate = extendDueDate(c.dueDate ? toDay(c.dueDate) : null, days);
    await moveStatus(tx, id, ["SUSPENDED"], { status: "IN_PROGRESS", suspendedReason: null, dueDate: dueDate ? fromDay(dueDate) : null }, c.status, "podjąć");
    if (open) await tx.caseSuspension.update({ where: { id: open.id }, data: { endedOn: fromDay(today) } });
    await recordAudit(tx, ctx, { action: "case.resumed", entityType: "case", entityId: id, caseId: id, data: { mark: c.mark, suspendedDays: days, dueDate } });
    return { dueDate };
  });
}

/** Closes the case; its incoming letters still in progress are done. */
export async function closeCase(ctx: ServiceContext, id: string, note: string | null, now = new Date()): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, id);
    if (c.status === "SUSPENDED") throw badRequest("Sprawa jest zawieszona — najpierw ją podejmij, potem zakończ.");
    await moveStatus(tx, id, ACTIVE_CASE_STATUSES, { status: "CLOSED", closedAt: now }, c.status, "zakończyć");
    const done = await tx.document.updateMany({ where: { caseId: id, kind: "INCOMING", status: "IN_PROGRESS" }, data: { status: "DONE" } });
    await recordAudit(tx, ctx, { action: "case.closed", entityType: "case", entityId: id, caseId: id, data: { mark: c.mark, note, documentsDone: done.count } });
  });
}

export async function reopenCase(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, id);
    await moveStatus(tx, id, ["CLOSED"], { status: "REOPENED", closedAt: null }, c.status, "wznowić");
    await recordAudit(tx, ctx, { action: "case.reopened", entityType: "case", entityId: id, caseId: id, data: { mark: c.mark, reason } });
  });
}

/** People a case can be handed to: active staff with a department. */
export async function getTransferOptions(ctx: ServiceContext, id: string) {
  const scope = await scopeOf(ctx);
  await findVisibleCase(ctx.db, scope, id);
  const people = await ctx.db.user.findMany({
    where: { active: true, departmentId: { not: null } },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true, departmentId: true, department: { select: { symbol: true } } },
  });
  return { people: people.map((u) => ({ id: u.id, label: `${u.lastName} ${u.firstName} (${u.department!.symbol})`, departmentId: u.departmentId })) };
}

/** Hands the case to another clerk (and their department); the znak sprawy stays. */
export async function transferCase(ctx: ServiceContext, input: z.output<typeof ZTransferCaseInput>): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, input.id);
    if (c.status === "CLOSED") throw badRequest("Sprawa jest zakończona — nie można jej przekazać.");
    const to = await tx.user.findFirst({ where: { id: input.responsibleId, active: true, departmentId: { not: null } }, select: { id: true, departmentId: true } });
    if (!to) throw badRequest("Wybierz aktywnego pracownika.", { responsibleId: "Wybierz aktywnego pracownika." });
    if (to.id === c.responsibleId) throw badRequest("Ta osoba już prowadzi sprawę.", { responsibleId: "Ta osoba już prowadzi sprawę." });
    await tx.case.update({ where: { id: c.id }, data: { responsibleId: to.id, departmentId: to.departmentId! } });
    await recordAudit(tx, ctx, {
      action: "case.transferred",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      data: { mark: c.mark, fromResponsibleId: c.responsibleId, toResponsibleId: to.id, fromDepartmentId: c.departmentId, toDepartmentId: to.departmentId!, reason: input.reason },
    });
  });
}

/** Art. 36 KPA: the deadline will be missed — reason, new date; the case's due date moves. */
export async function issueDeadlineNotice(ctx: ServiceContext, input: z.output<typeof ZDeadlineNoticeInput>, now = new Date()): Promise<{ id: string }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const { c } = await caseForChange(tx, ctx, input.id);
    if (c.status === "CLOSED") throw badRequest("Sprawa jest zakończona — zawiadomienie nie jest potrzebne.");
    const today = todayInPoland(now);
    const previousDue = c.dueDate ? toDay(c.dueDate) : null;
    if (input.newDueDate <= today) throw badRequest("Nowy termin musi przypadać po dzisiejszym dniu.", { newDueDate: "Nowy termin musi przypadać po dzisiejszym dniu." });
    if (previousDue && input.newDueDate <= previousDue) throw badRequest("Nowy termin musi być późniejszy niż obecny.", { newDueDate: "Nowy termin musi być późniejszy niż obecny." });
    const notice = await tx.caseDeadlineNotice.create({
      data: { caseId: c.id, reason: input.reason, previousDue: c.dueDate, newDue: fromDay(input.newDueDate), createdById: ctx.actor.id },
      select: { id: true },
    });
    await tx.case.update({ where: { id: c.id }, data: { dueDate: fromDay(input.newDueDate) } });
    await recordAudit(tx, ctx, {
      action: "case.deadline-notice",
      entityType: "case",
      entityId: c.id,
      caseId: c.id,
      data: { mark: c.mark, reason: input.reason, previousDue, newDue: input.newDueDate, noticeId: notice.id },
    });
    return notice;
  });
}

/** What the art. 36 notice PDF needs (visible case only). */
export async function getDeadlineNotice(ctx: ServiceContext, caseId: string, noticeId: string) {
  const scope = await scopeOf(ctx);
  const c = await findVisibleCase(ctx.db, scope, caseId);
  const notice = await ctx.db.caseDeadlineNotice.findFirst({ where: { id: noticeId, caseId }, select: { id: true, reason: true, previousDue: true, newDue: true, createdAt: true, createdById: true } });
  if (!notice) throw notFound("Nie znaleziono takiego zawiadomienia.");
  const [parties, author, office] = await Promise.all([
    getContactSummaries(
      ctx.db,
      c.parties.map((p) => p.contactId),
    ),
    ctx.db.user.findUnique({ where: { id: notice.createdById }, select: { firstName: true, lastName: true, position: { select: { name: true } } } }),
    ctx.db.office.findFirst({ select: { name: true, city: true } }),
  ]);
  return {
    mark: c.mark,
    title: c.title,
    deadlineType: c.deadlineType as DeadlineType,
    startDate: toDay(c.startDate),
    parties,
    reason: notice.reason,
    previousDue: notice.previousDue ? toDay(notice.previousDue) : null,
    newDue: toDay(notice.newDue),
    issuedOn: todayInPoland(notice.createdAt),
    author: author ? { name: fullName(author), position: author.position?.name ?? null } : null,
    office: office ? { name: office.name, city: office.city } : null,
  };
}

// ——— Lists ———

const listSelect = {
  id: true,
  mark: true,
  title: true,
  status: true,
  departmentSymbol: true,
  startDate: true,
  dueDate: true,
  confidential: true,
  createdAt: true,
  jrwaClass: { select: { symbol: true } },
  responsible: { select: { firstName: true, lastName: true } },
} as const satisfies Prisma.CaseSelect;

function toListItem(r: Prisma.CaseGetPayload<{ select: typeof listSelect }>, today: string): CaseListItem {
  const dueDate = r.dueDate ? toDay(r.dueDate) : null;
  return {
    id: r.id,
    mark: r.mark,
    title: r.title,
    status: r.status,
    departmentSymbol: r.departmentSymbol,
    jrwaSymbol: r.jrwaClass.symbol,
    responsibleName: fullName(r.responsible),
    startDate: toDay(r.startDate),
    dueDate,
    deadlineState: deadlineState({ dueDate, today, status: r.status }),
    confidential: r.confidential,
    createdAt: r.createdAt,
  };
}

function viewWhere(view: CaseView, scope: WorkScope, today: string): Prisma.CaseWhereInput {
  const active = { in: [...ACTIVE_CASE_STATUSES] };
  switch (view) {
    case "moje":
      return { responsibleId: { in: scope.userIds }, status: { not: "CLOSED" } };
    case "komorki":
      return { departmentId: { in: scope.departmentIds }, status: { not: "CLOSED" } };
    case "po-terminie":
      return { status: active, dueDate: { lt: fromDay(today) } };
    case "termin":
      return { status: active, dueDate: { gte: fromDay(today), lte: fromDay(addDays(today, 7)) } };
    case "zakonczone":
      return { status: "CLOSED" };
    case "wszystkie":
      return {};
  }
}

const SORTS: Record<CaseSort, Prisma.CaseOrderByWithRelationInput[]> = {
  najnowsze: [{ createdAt: "desc" }, { id: "asc" }],
  najstarsze: [{ createdAt: "asc" }, { id: "asc" }],
  termin: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  znak: [{ departmentSymbol: "asc" }, { jrwaClass: { symbol: "asc" } }, { year: "desc" }, { number: "asc" }, { id: "asc" }],
};

async function visibleDepartments(db: Db, scope: WorkScope) {
  const rows = await db.department.findMany({ where: scope.all ? {} : { id: { in: scope.departmentIds } }, orderBy: { sortKey: "asc" }, select: { id: true, symbol: true, name: true } });
  return rows.map((d) => ({ id: d.id, symbol: d.symbol, label: `${d.symbol} — ${d.name}` }));
}

export async function listCases(ctx: ServiceContext, input: z.output<typeof ZCaseListInput>, now = new Date()): Promise<CaseList> {
  const scope = await scopeOf(ctx);
  const today = todayInPoland(now);
  const where: Prisma.CaseWhereInput = {
    AND: [
      caseVisibleWhere(scope),
      viewWhere(input.view, scope, today),
      ...(input.departmentId ? [{ departmentId: input.departmentId }] : []),
      ...(input.jrwa ? [{ jrwaClass: { symbol: { startsWith: input.jrwa } } }] : []),
      ...(input.year ? [{ year: input.year }] : []),
      ...(input.status ? [{ status: input.status }] : []),
      ...foldText(input.q ?? "")
        .split(" ")
        .filter(Boolean)
        .map((w) => ({ searchText: { contains: w } })),
    ],
  };
  const { total, totalCapped, page, pages } = pageWindow(input.page, await ctx.db.case.count({ where, orderBy: SORTS[input.sort], ...CAPPED_COUNT }), CASES_PAGE_SIZE);
  const [rows, departments] = await Promise.all([
    ctx.db.case.findMany({ where, orderBy: SORTS[input.sort], skip: (page - 1) * CASES_PAGE_SIZE, take: CASES_PAGE_SIZE, select: listSelect }),
    visibleDepartments(ctx.db, scope),
  ]);
  return { items: rows.map((r) => toListItem(r, today)), total, totalCapped, page, pages, pageSize: CASES_PAGE_SIZE, today, departments };
}

/** Contract 5: my cases (and those of people I substitute) that are overdue or due within 7 days. */
export async function listCaseInbox(ctx: ServiceContext, input: { page?: number }, now = new Date()) {
  const scope = await scopeOf(ctx);
  const today = todayInPoland(now);
  const where: Prisma.CaseWhereInput = { responsibleId: { in: scope.userIds }, status: { in: [...ACTIVE_CASE_STATUSES] }, dueDate: { lte: fromDay(addDays(today, 7)) } };
  const total = await ctx.db.case.count({ where });
  const pages = Math.max(1, Math.ceil(total / CASES_PAGE_SIZE));
  const page = Math.min(input.page ?? 1, pages);
  const rows = await ctx.db.case.findMany({ where, orderBy: [{ dueDate: "asc" }, { id: "asc" }], skip: (page - 1) * CASES_PAGE_SIZE, take: CASES_PAGE_SIZE, select: listSelect });
  return { items: rows.map((r) => toListItem(r, today)), total, page, pages, today };
}

/** Contract 5: counts for the dashboard and "Do mnie". */
export async function countCaseInbox(ctx: ServiceContext, now = new Date(), loaded?: WorkScope): Promise<{ open: number; overdue: number; dueSoon: number }> {
  assertCan(ctx.actor, "documents.work");
  const scope = loaded ?? (await loadWorkScope(ctx.db, ctx.actor, now));
  const today = fromDay(todayInPoland(now));
  const mine = { responsibleId: { in: scope.userIds } };
  const active = { in: [...ACTIVE_CASE_STATUSES] };
  const [open, overdue, dueSoon] = await Promise.all([
    ctx.db.case.count({ where: { ...mine, status: { not: "CLOSED" } } }),
    ctx.db.case.count({ where: { ...mine, status: active, dueDate: { lt: today } } }),
    ctx.db.case.count({ where: { ...mine, status: active, dueDate: { gte: today, lte: fromDay(addDays(todayInPoland(now), 7)) } } }),
  ]);
  return { open, overdue, dueSoon };
}

// ——— Metryka ———

/**
 * The metryka sprawy: every audit event of the case or of a document of the case, oldest first —
 * date, person (name, position at the time), action, document identifier.
 */
export async function getMetryka(ctx: ServiceContext, caseId: string): Promise<Metryka> {
  const scope = await scopeOf(ctx);
  const c = await findVisibleCase(ctx.db, scope, caseId);
  const docs = await ctx.db.document.findMany({ where: { caseId }, select: { id: true, seq: true, registerNo: true, kind: true, caseId: true } });
  const byId = new Map(docs.map((d) => [d.id, d]));
  const events = await ctx.db.auditEvent.findMany({
    where: { OR: [{ caseId }, ...(docs.length ? [{ documentId: { in: docs.map((d) => d.id) } }] : [])] },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: 5000,
    select: { id: true, occurredAt: true, actorName: true, actorPosition: true, action: true, documentId: true },
  });
  const missing = unique(events.map((e) => e.documentId).filter((id): id is string => Boolean(id) && !byId.has(id as string)));
  if (missing.length) {
    for (const d of await ctx.db.document.findMany({ where: { id: { in: missing } }, select: { id: true, seq: true, registerNo: true, kind: true, caseId: true } })) byId.set(d.id, d);
  }
  return {
    caseId: c.id,
    mark: c.mark,
    title: c.title,
    rows: events.map((e) => {
      const d = e.documentId ? byId.get(e.documentId) : undefined;
      return {
        id: e.id.toString(),
        occurredAt: e.occurredAt,
        actorName: e.actorName,
        actorPosition: e.actorPosition,
        action: e.action,
        documentLabel: d ? documentLabel(d) : null,
        documentHref: d ? documentHref(d) : null,
      };
    }),
  };
}

// ——— Spis spraw ———

const CONFIDENTIAL_TITLE = "Sprawa poufna — dane dostępne tylko dla osób upoważnionych";

/**
 * The spis spraw of one department, JRWA class and year: every case numbered from its counter
 * (confidential ones the actor may not see keep their line, without the title and party).
 */
export async function getCaseRegister(ctx: ServiceContext, input: z.output<typeof ZCaseRegisterInput>, options: { all?: boolean } = {}): Promise<CaseRegister> {
  const scope = await scopeOf(ctx);
  const departments = await visibleDepartments(ctx.db, scope);
  const yearsRows = await ctx.db.case.groupBy({ by: ["year"], orderBy: { year: "desc" } });
  const currentYear = Number(todayInPoland().slice(0, 4));
  const years = unique([currentYear, ...yearsRows.map((r) => r.year)]).sort((a, b) => b - a);
  const empty = { departments, years, selection: null, rows: [], total: 0, page: 1, pages: 1, classesWithCases: [] };
  const department = departments.find((d) => d.id === input.departmentId);
  if (!department) return empty;
  const year = input.year ?? currentYear;
  const dept = await ctx.db.department.findUniqueOrThrow({ where: { id: department.id }, select: { id: true, symbol: true, name: true } });
  const classIds = await ctx.db.case.groupBy({ by: ["jrwaClassId"], where: { departmentSymbol: dept.symbol, year } });
  const classesWithCases = await ctx.db.jrwaClass.findMany({ where: { id: { in: classIds.map((r) => r.jrwaClassId) } }, orderBy: { symbol: "asc" }, select: { id: true, symbol: true, name: true, category: true } });
  const jrwa = input.jrwa ? await ctx.db.jrwaClass.findFirst({ where: { symbol: input.jrwa, isLeaf: true }, select: { id: true, symbol: true, name: true, category: true } }) : null;
  if (!jrwa) return { ...empty, classesWithCases };

  const where: Prisma.CaseWhereInput = { departmentSymbol: dept.symbol, jrwaClassId: jrwa.id, year };
  const total = await ctx.db.case.count({ where });
  const pageSize = options.all ? 100_000 : CASE_REGISTER_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(input.page, pages);
  const rows = await ctx.db.case.findMany({
    where,
    orderBy: { number: "asc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      number: true,
      mark: true,
      title: true,
      status: true,
      departmentId: true,
      startDate: true,
      closedAt: true,
      sourceDocumentId: true,
      parties: { take: 1, orderBy: { createdAt: "asc" }, select: { contact: { select: { name: true } } } },
      department: { select: { symbol: true } },
    },
  });
  const visible = new Set((await ctx.db.case.findMany({ where: { AND: [{ id: { in: rows.map((r) => r.id) } }, caseVisibleWhere(scope)] }, select: { id: true } })).map((r) => r.id));
  const sourceIds = rows.map((r) => r.sourceDocumentId).filter((id): id is string => Boolean(id));
  const senders = new Map(
    (await ctx.db.document.findMany({ where: { id: { in: sourceIds } }, select: { id: true, sender: { select: { name: true } } } })).map((d) => [d.id, d.sender?.name ?? null]),
  );
  const remarks = (r: (typeof rows)[number]): string | null => {
    const notes: string[] = [];
    if (r.status === "SUSPENDED") notes.push("zawieszona");
    if (r.status === "REOPENED") notes.push("wznowiona");
    if (r.departmentId !== dept.id) notes.push(`przekazana do ${r.department.symbol}`);
    return notes.length ? notes.join("; ") : null;
  };
  const out: CaseRegisterRow[] = rows.map((r) => {
    const seen = visible.has(r.id);
    return {
      id: seen ? r.id : null,
      number: r.number,
      mark: r.mark,
      title: seen ? r.title : CONFIDENTIAL_TITLE,
      from: seen ? ((r.sourceDocumentId ? senders.get(r.sourceDocumentId) : null) ?? r.parties[0]?.contact.name ?? null) : null,
      startDate: toDay(r.startDate),
      closedOn: r.status === "CLOSED" && r.closedAt ? todayInPoland(r.closedAt) : null,
      remarks: remarks(r),
    };
  });
  return { departments, years, selection: { department: dept, jrwa, year }, rows: out, total, page, pages, classesWithCases };
}
