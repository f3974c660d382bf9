/**
 * Incoming letters (RPW), internal letters and their dekretacja. Framework-free; every read starts
 * from `documentVisibleWhere` (a hidden letter answers NOT_FOUND), every move of an assignment is
 * re-checked against the state machine in letters.workflow.ts inside its transaction, and every
 * change writes its audit entry (with documentId) in the same transaction.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { CAPPED_COUNT, pageWindow } from "@/lib/paging";
import { foldText } from "@/lib/polish";
import { createTranslator, formatDate, formatDateTime, isLocale, todayInPoland } from "@/lib/i18n/translator";
import { documentLabel } from "@/modules/documents/document-label";
import { caseVisibleWhere, documentVisibleWhere, loadWorkScope, type WorkScope } from "@/modules/documents/documents.policy";
import { nextRegisterNumber, polishYear } from "@/modules/documents/registers";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { AppError, badRequest, conflict, notFound } from "@/server/errors";
import { renderTextPdf } from "@/server/pdf/table-pdf";
import { sealSystemPdf } from "@/modules/signatures/signatures.seal.service";
import { notifyLetterAssigned } from "./letters.notify";
import { dateToWarsawLocal, fromDateOnly, toDateOnly, warsawDayStart, warsawLocalToDate } from "./letters.dates";
import {
  INBOX_PAGE_SIZE,
  LETTERS_PAGE_SIZE,
  type AssignmentAction,
  type AssignmentDto,
  type HistoryEntry,
  type InboxItem,
  type LetterDetail,
  type LetterInboxCounts,
  type LetterList,
  type LetterListItem,
  type LetterOptions,
  type LetterSort,
  type LetterStatus,
  type MyAssignments,
  type Option,
  type SavedFilterDto,
  type ZAssignToUserInput,
  type ZDecreeInput,
  type ZForwardInput,
  type ZInboxInput,
  type ZInternalLetterInput,
  type ZLetterListInput,
  type ZRegisterLetterInput,
  type ZReturnInput,
  type ZSavedFilterInput,
  type ZUpdateInternalInput,
} from "./letters.schemas";
import { allowedActions, canAct, decreeMode, documentEffect, nextStatus, replacedByDecree, type DocumentState } from "./letters.workflow";

type RegisterInput = z.output<typeof ZRegisterLetterInput>;
type ListInput = z.output<typeof ZLetterListInput>;
type DecreeInput = z.output<typeof ZDecreeInput>;
type AssignInput = z.output<typeof ZAssignToUserInput>;
type ReturnInput = z.output<typeof ZReturnInput>;
type ForwardInput = z.output<typeof ZForwardInput>;
type InternalInput = z.output<typeof ZInternalLetterInput>;
type UpdateInternalInput = z.output<typeof ZUpdateInternalInput>;
type InboxInput = z.output<typeof ZInboxInput>;
type SavedFilterInput = z.output<typeof ZSavedFilterInput>;

const NOT_FOUND = "Nie znaleziono takiego pisma albo nie masz do niego dostępu.";
const ASSIGNMENT_NOT_FOUND = "Nie znaleziono takiej dekretacji albo nie masz do niej dostępu.";
const STALE = "Tej czynności nie można już wykonać: dekretacja pisma zmieniła się w międzyczasie albo nie należy ona do Ciebie. Odśwież stronę.";

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
const personRef = (u: { id: string; firstName: string; lastName: string }) => ({ id: u.id, name: fullName(u) });
const nullIfEmpty = (v: string) => (v === "" ? null : v);
const count = (v: string) => (v === "" ? null : Number.parseInt(v, 10));
const person = { select: { id: true, firstName: true, lastName: true } } as const;
const department = { select: { id: true, symbol: true, name: true } } as const;

// Listing -------------------------------------------------------------------------------------

const listSelect = {
  id: true,
  kind: true,
  seq: true,
  registerNo: true,
  receivedAt: true,
  createdAt: true,
  senderReference: true,
  subject: true,
  channel: true,
  status: true,
  dueDate: true,
  confidential: true,
  sender: { select: { name: true } },
  department,
  assignee: { select: { firstName: true, lastName: true } },
  recipients: { select: { department: { select: { symbol: true } } }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.DocumentSelect;

function orderOf(sort: LetterSort, kind: "INCOMING" | "INTERNAL"): Prisma.DocumentOrderByWithRelationInput[] {
  switch (sort) {
    case "number":
      // Every registered letter has its number (drafts of internal letters come first).
      return [{ registerYear: "desc" }, { registerSeq: "desc" }, { seq: "desc" }];
    case "subject":
      return [{ subject: "asc" }, { seq: "desc" }];
    case "sender":
      return [{ sender: { sortKey: "asc" } }, { seq: "desc" }];
    case "received":
      // Registration always records receivedAt for incoming letters.
      return kind === "INCOMING" ? [{ receivedAt: "desc" }, { seq: "desc" }] : [{ createdAt: "desc" }, { seq: "desc" }];
  }
}

function listWhere(scope: WorkScope, input: ListInput): Prisma.DocumentWhereInput {
  const and: Prisma.DocumentWhereInput[] = [{ kind: input.kind }, documentVisibleWhere(scope, { kind: input.kind })];
  if (input.year) {
    and.push({ registerYear: input.year });
    // The same year as a range of receipt times, so the RPW's sort index by receipt serves it too.
    if (input.kind === "INCOMING") and.push({ receivedAt: { gte: warsawDayStart(`${input.year}-01-01`), lt: warsawDayStart(`${input.year + 1}-01-01`) } });
  }
  for (const word of foldText(input.q ?? "").split(" ").filter(Boolean)) and.push({ searchText: { contains: word } });
  if (input.channel) and.push({ channel: input.channel });
  if (input.status) and.push({ status: input.status });
  if (input.departmentId) and.push({ OR: [{ departmentId: input.departmentId }, { assignments: { some: { departmentId: input.departmentId } } }] });
  const dateField = input.kind === "INCOMING" ? "receivedAt" : "createdAt";
  if (input.from) and.push({ [dateField]: { gte: warsawDayStart(input.from) } });
  if (input.to) and.push({ [dateField]: { lt: warsawDayStart(input.to, 1) } });
  // For incoming letters the register year is the year of receipt: the bounds let the by-number index serve a date range too.
  if (input.kind === "INCOMING" && (input.from || input.to)) {
    and.push({ registerYear: { ...(input.from ? { gte: Number(input.from.slice(0, 4)) } : {}), ...(input.to ? { lte: Number(input.to.slice(0, 4)) } : {}) } });
  }
  if (input.mine) {
    const users = { in: scope.userIds };
    and.push({ OR: [{ assigneeId: users }, { createdById: users }, { assignments: { some: { userId: users, status: { in: ["TO_USER", "ACCEPTED", "RETURNED"] } } } }] });
  }
  return { AND: and };
}

type ListRow = Prisma.DocumentGetPayload<{ select: typeof listSelect }>;

function toListItem(r: ListRow): LetterListItem {
  return {
    id: r.id,
    kind: r.kind as LetterListItem["kind"],
    label: documentLabel(r),
    registerNo: r.registerNo,
    receivedAt: r.receivedAt,
    createdAt: r.createdAt,
    senderName: r.sender?.name ?? null,
    senderReference: r.senderReference,
    subject: r.subject,
    channel: r.channel,
    status: r.status as LetterStatus,
    department: r.department,
    assigneeName: r.assignee ? fullName(r.assignee) : null,
    dueDate: r.dueDate ? toDateOnly(r.dueDate) : null,
    confidential: r.confidential,
    recipients: r.recipients.map((x) => x.department?.symbol).filter((s): s is string => Boolean(s)),
  };
}

/** One page of the RPW (or of internal letters) the actor may see, filtered and sorted on the server. */
export async function listLetters(ctx: ServiceContext, input: ListInput): Promise<LetterList> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const where = listWhere(scope, input);
  const { total, totalCapped, page, pages } = pageWindow(input.page, await ctx.db.document.count({ where, orderBy: orderOf(input.sort, input.kind), ...CAPPED_COUNT }), LETTERS_PAGE_SIZE);
  const rows = await ctx.db.document.findMany({ where, orderBy: orderOf(input.sort, input.kind), skip: (page - 1) * LETTERS_PAGE_SIZE, take: LETTERS_PAGE_SIZE, select: listSelect });
  return { items: rows.map(toListItem), total, totalCapped, page, pages, pageSize: LETTERS_PAGE_SIZE };
}

// Detail --------------------------------------------------------------------------------------

const assignmentSelect = {
  id: true,
  role: true,
  status: true,
  departmentId: true,
  userId: true,
  note: true,
  dueDate: true,
  reason: true,
  createdAt: true,
  decidedAt: true,
  department,
  user: person,
  assignedBy: { select: { firstName: true, lastName: true } },
} as const satisfies Prisma.DocumentAssignmentSelect;

const detailSelect = {
  id: true,
  seq: true,
  kind: true,
  registerNo: true,
  status: true,
  channel: true,
  subject: true,
  body: true,
  description: true,
  senderReference: true,
  letterDate: true,
  receivedAt: true,
  pages: true,
  attachmentsCount: true,
  confidential: true,
  dueDate: true,
  caseId: true,
  departmentId: true,
  assigneeId: true,
  createdById: true,
  createdAt: true,
  sender: { select: { id: true, name: true, addresses: { select: { street: true, postalCode: true, city: true }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }], take: 1 } } },
  department,
  assignee: person,
  case: { select: { id: true, mark: true, title: true } },
  createdBy: person,
  access: { select: { user: person }, orderBy: { grantedAt: "asc" } },
  recipients: { select: { department }, orderBy: { createdAt: "asc" } },
  assignments: { select: assignmentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.DocumentSelect;

type AssignmentRow = Prisma.DocumentAssignmentGetPayload<{ select: typeof assignmentSelect }>;

function toAssignmentDto(a: AssignmentRow, scope: WorkScope): AssignmentDto {
  return {
    id: a.id,
    role: a.role,
    status: a.status,
    department: a.department,
    user: a.user ? personRef(a.user) : null,
    note: a.note,
    dueDate: a.dueDate ? toDateOnly(a.dueDate) : null,
    reason: a.reason,
    assignedByName: fullName(a.assignedBy),
    createdAt: a.createdAt,
    decidedAt: a.decidedAt,
    actions: allowedActions(a, scope),
  };
}

async function findVisible(ctx: ServiceContext, scope: WorkScope, id: string, kind?: "INCOMING" | "INTERNAL") {
  const doc = await ctx.db.document.findFirst({ where: { AND: [{ id, kind: kind ?? { in: ["INCOMING", "INTERNAL"] } }, documentVisibleWhere(scope)] }, select: detailSelect });
  if (!doc) throw notFound(NOT_FOUND);
  return doc;
}

/** A letter with its dekretacja and what the actor may do with it. Hidden → NOT_FOUND. */
export async function getLetter(ctx: ServiceContext, id: string, kind?: "INCOMING" | "INTERNAL"): Promise<LetterDetail> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const d = await findVisible(ctx, scope, id, kind);
  const mine = (userId: string | null) => userId !== null && scope.userIds.includes(userId);
  const head = d.departmentId !== null && scope.headOfDepartmentIds.includes(d.departmentId);
  const address = d.sender?.addresses[0];
  const status = d.status as LetterStatus;
  const letterKind = d.kind as "INCOMING" | "INTERNAL";
  const open = status !== "DONE" && status !== "CANCELLED";
  const responsible = mine(d.assigneeId) || head || d.assignments.some((a) => a.role === "LEADING" && (a.status === "ACCEPTED" || a.status === "TO_USER") && mine(a.userId));
  return {
    id: d.id,
    seq: d.seq,
    kind: letterKind,
    label: documentLabel(d),
    registerNo: d.registerNo,
    status,
    channel: d.channel,
    subject: d.subject,
    body: d.body,
    description: d.description,
    sender: d.sender ? { id: d.sender.id, name: d.sender.name, address: address ? `${address.street}, ${address.postalCode} ${address.city}` : null } : null,
    senderReference: d.senderReference,
    letterDate: d.letterDate ? toDateOnly(d.letterDate) : null,
    receivedAt: d.receivedAt,
    pages: d.pages,
    attachmentsCount: d.attachmentsCount,
    confidential: d.confidential,
    accessPeople: d.access.map((a) => personRef(a.user)),
    department: d.department,
    assignee: d.assignee ? personRef(d.assignee) : null,
    dueDate: d.dueDate ? toDateOnly(d.dueDate) : null,
    case: d.case,
    recipients: d.recipients.map((r) => r.department).filter((r): r is NonNullable<typeof r> => r !== null),
    createdBy: personRef(d.createdBy),
    createdAt: d.createdAt,
    assignments: d.assignments.map((a) => toAssignmentDto(a, scope)),
    can: {
      decree: decreeMode({ kind: letterKind, status }, d.assignments, scope),
      upload: open && ((letterKind === "INCOMING" && scope.registry) || mine(d.createdById) || mine(d.assigneeId)),
      openCase: open && !d.caseId && responsible,
      reply: letterKind === "INCOMING" && responsible,
      edit: letterKind === "INTERNAL" && status === "DRAFT" && mine(d.createdById),
      send: letterKind === "INTERNAL" && status === "DRAFT" && mine(d.createdById),
    },
  };
}

/** The letter's history: its audit entries (who, when, what), oldest first. */
export async function listLetterHistory(ctx: ServiceContext, id: string): Promise<HistoryEntry[]> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  await findVisible(ctx, scope, id);
  const rows = await ctx.db.auditEvent.findMany({
    where: { documentId: id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, occurredAt: true, action: true, actorName: true, actorPosition: true, data: true },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    occurredAt: r.occurredAt,
    action: r.action,
    actorName: r.actorName,
    actorPosition: r.actorPosition,
    data: r.data && typeof r.data === "object" && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : {},
  }));
}

export interface LetterConfirmation {
  office: { name: string; address: string };
  registerNo: string;
  seq: number;
  receivedAt: Date;
  subject: string;
  senderName: string | null;
  senderAddress: string | null;
  senderReference: string | null;
  letterDate: string | null;
  channel: string;
  pages: number | null;
  attachmentsCount: number | null;
  registeredBy: string;
  registeredByPosition: string | null;
}

/** What the confirmation slip for the person at the desk shows. Only registered incoming letters. */
export async function getLetterConfirmation(ctx: ServiceContext, id: string): Promise<LetterConfirmation> {
  const letter = await getLetter(ctx, id, "INCOMING");
  if (!letter.registerNo || !letter.receivedAt) throw notFound(NOT_FOUND);
  const [office, creator] = await Promise.all([
    ctx.db.office.findUnique({ where: { id: 1 }, select: { name: true, street: true, postalCode: true, city: true } }),
    ctx.db.user.findUnique({ where: { id: letter.createdBy.id }, select: { position: { select: { name: true } } } }),
  ]);
  return {
    office: { name: office?.name ?? "", address: office ? `${office.street}, ${office.postalCode} ${office.city}` : "" },
    registerNo: letter.registerNo,
    seq: letter.seq,
    receivedAt: letter.receivedAt,
    subject: letter.subject,
    senderName: letter.sender?.name ?? null,
    senderAddress: letter.sender?.address ?? null,
    senderReference: letter.senderReference,
    letterDate: letter.letterDate,
    channel: letter.channel,
    pages: letter.pages,
    attachmentsCount: letter.attachmentsCount,
    registeredBy: letter.createdBy.name,
    registeredByPosition: creator?.position?.name ?? null,
  };
}

/** The confirmation slip as a PDF (A4), in the actor's language, sealed with the office's electronic seal. */
export async function renderLetterConfirmationPdf(ctx: ServiceContext, id: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const c = await getLetterConfirmation(ctx, id);
  const locale = isLocale(ctx.actor.locale) ? ctx.actor.locale : "pl";
  const t = createTranslator(locale);
  const none = t("common.noData");
  const meta: [string, string][] = [
    [t("letters.slip.number"), c.registerNo],
    [t("letters.slip.systemId"), `ID ${c.seq}`],
    [t("letters.slip.received"), formatDateTime(c.receivedAt, locale)],
    [t("letters.slip.sender"), [c.senderName, c.senderAddress].filter(Boolean).join(", ") || none],
    [t("letters.slip.senderReference"), c.senderReference ?? none],
    [t("letters.slip.letterDate"), c.letterDate ? formatDate(`${c.letterDate}T12:00:00Z`, locale) : none],
    [t("letters.slip.subject"), c.subject],
    [t("letters.slip.channel"), t(`letters.channels.${c.channel as "PAPER"}`)],
    [t("letters.slip.pages"), c.pages === null ? none : String(c.pages)],
    [t("letters.slip.attachments"), c.attachmentsCount === null ? none : String(c.attachmentsCount)],
    [t("letters.slip.registeredBy"), [c.registeredBy, c.registeredByPosition].filter(Boolean).join(", ")],
  ];
  const bytes = await renderTextPdf({
    title: t("letters.slip.heading"),
    meta,
    paragraphs: [`${c.office.name}, ${c.office.address}`],
    signatureLines: [t("letters.slip.signature")],
    author: c.office.name,
  });
  const sealed = await sealSystemPdf(ctx, bytes, { purpose: "letter-confirmation", reason: t("letters.slip.sealReason"), location: c.office.name, documentId: id });
  return { bytes: sealed, fileName: `potwierdzenie-${c.registerNo.replace(/[^\p{L}\p{N}]+/gu, "-")}.pdf` };
}

// Options -------------------------------------------------------------------------------------

/** Departments and people for the forms (dekretacja, confidential access, forwarding, filters). */
export async function getLetterOptions(ctx: ServiceContext, now = new Date()): Promise<LetterOptions> {
  assertCan(ctx.actor, "documents.work");
  const [departments, people] = await Promise.all([
    ctx.db.department.findMany({ where: { active: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: { id: true, symbol: true, name: true } }),
    ctx.db.user.findMany({ where: { active: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: { id: true, firstName: true, lastName: true, department: { select: { symbol: true } } } }),
  ]);
  const year = polishYear(now);
  return {
    departments: departments.map((d) => ({ id: d.id, label: `${d.symbol} — ${d.name}` })),
    people: people.map((u) => ({ id: u.id, label: `${u.lastName} ${u.firstName}${u.department ? ` (${u.department.symbol})` : ""}` })),
    now: dateToWarsawLocal(now),
    years: Array.from({ length: 6 }, (_, i) => year - i),
  };
}

/** The clerks a head may give this assignment to: active people of its department and its referaty. */
export async function listClerksFor(ctx: ServiceContext, assignmentId: string): Promise<Option[]> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const a = await ctx.db.documentAssignment.findFirst({ where: { id: assignmentId, document: documentVisibleWhere(scope) }, select: { departmentId: true } });
  if (!a) throw notFound(ASSIGNMENT_NOT_FOUND);
  if (!scope.headOfDepartmentIds.includes(a.departmentId)) return [];
  const users = await ctx.db.user.findMany({
    where: { active: true, OR: [{ departmentId: a.departmentId }, { department: { parentId: a.departmentId } }] },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true, department: { select: { symbol: true } }, position: { select: { name: true } } },
  });
  return users.map((u) => ({ id: u.id, label: `${u.lastName} ${u.firstName}${u.department ? ` (${u.department.symbol}` : ""}${u.position ? `, ${u.position.name}` : ""}${u.department ? ")" : ""}` }));
}

// Registration --------------------------------------------------------------------------------

async function activeDepartments(tx: Tx, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { id: string; symbol: string; name: string }>();
  const rows = await tx.department.findMany({ where: { id: { in: unique }, active: true }, select: { id: true, symbol: true, name: true } });
  if (rows.length !== unique.length) throw badRequest("Wybrana komórka nie istnieje albo jest nieaktywna.", { [field]: "Wybierz aktywną komórkę organizacyjną." });
  return new Map(rows.map((r) => [r.id, r]));
}

interface DecreeTargets {
  leadingDepartmentId: string;
  cooperatingDepartmentIds: string[];
  infoDepartmentIds: string[];
}

/** Creates the TO_DEPARTMENT rows of a dekretacja and returns the symbols for the audit entry. */
async function createDecree(tx: Tx, ctx: ServiceContext, documentId: string, d: DecreeTargets) {
  const leading = await activeDepartments(tx, [d.leadingDepartmentId], "leadingDepartmentId");
  const cooperating = await activeDepartments(tx, d.cooperatingDepartmentIds, "cooperatingDepartmentIds");
  const info = await activeDepartments(tx, d.infoDepartmentIds, "infoDepartmentIds");
  const rows = [
    { role: "LEADING" as const, departmentId: d.leadingDepartmentId },
    ...[...cooperating.keys()].map((id) => ({ role: "COOPERATING" as const, departmentId: id })),
    ...[...info.keys()].map((id) => ({ role: "INFO" as const, departmentId: id })),
  ];
  await tx.documentAssignment.createMany({ data: rows.map((r) => ({ ...r, documentId, status: "TO_DEPARTMENT" as const, assignedById: ctx.actor.id })) });
  for (const role of ["LEADING", "COOPERATING", "INFO"] as const) {
    const departmentIds = rows.filter((r) => r.role === role).map((r) => r.departmentId);
    if (departmentIds.length > 0) await notifyLetterAssigned(tx, ctx, documentId, { role, departmentIds });
  }
  return {
    leading: leading.get(d.leadingDepartmentId)!.symbol,
    cooperating: [...cooperating.values()].map((x) => x.symbol),
    info: [...info.values()].map((x) => x.symbol),
  };
}

async function activeUsers(tx: Tx, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx.user.findMany({ where: { id: { in: unique }, active: true }, select: { id: true } });
  if (rows.length !== unique.length) throw badRequest("Wybrana osoba nie istnieje albo ma nieaktywne konto.", { [field]: "Wybierz aktywnych pracowników." });
  return unique;
}

/**
 * Registers an incoming letter in the RPW: the next number of the year of receipt (in Poland),
 * the document, the confidential access list, an optional immediate dekretacja and the audit
 * entries, in one transaction.
 */
export async function registerLetter(ctx: ServiceContext, input: RegisterInput, now = new Date()): Promise<{ id: string; registerNo: string; seq: number }> {
  assertCan(ctx.actor, "letters.register");
  const receivedAt = warsawLocalToDate(input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    const message = "Data i godzina wpływu nie mogą być późniejsze niż teraz.";
    throw badRequest(message, { receivedAt: message });
  }
  if (input.letterDate && input.letterDate > todayInPoland(receivedAt)) {
    const message = "Data pisma nie może być późniejsza niż data wpływu.";
    throw badRequest(message, { letterDate: message });
  }
  return ctx.db.$transaction(async (tx) => {
    const sender = await tx.contact.findFirst({ where: { id: input.senderId, active: true }, select: { id: true, name: true } });
    if (!sender) throw new AppError("BAD_REQUEST", "Nie znaleziono nadawcy w bazie teleadresowej.", { fieldErrors: { senderId: "Wybierz nadawcę z bazy teleadresowej." } });
    const access = await activeUsers(tx, input.confidential ? input.accessUserIds : [], "accessUserIds");
    // Departments are checked before the number is taken (a refused save uses none).
    if (input.leadingDepartmentId) await activeDepartments(tx, [input.leadingDepartmentId, ...input.cooperatingDepartmentIds, ...input.infoDepartmentIds], "leadingDepartmentId");
    const number = await nextRegisterNumber(tx, "RPW", receivedAt);
    const doc = await tx.document.create({
      data: {
        kind: "INCOMING",
        status: "REGISTERED",
        channel: input.channel,
        ...number,
        subject: input.subject,
        description: nullIfEmpty(input.notes),
        senderId: sender.id,
        senderReference: nullIfEmpty(input.senderReference),
        letterDate: input.letterDate ? fromDateOnly(input.letterDate) : null,
        receivedAt,
        pages: count(input.pages),
        attachmentsCount: count(input.attachmentsCount),
        departmentId: nullIfEmpty(input.leadingDepartmentId),
        confidential: input.confidential,
        createdById: ctx.actor.id,
        searchText: foldText([input.subject, number.registerNo, sender.name, input.senderReference].join(" ")),
      },
      select: { id: true, seq: true },
    });
    if (access.length) await tx.documentAccess.createMany({ data: access.map((userId) => ({ documentId: doc.id, userId })) });
    await recordAudit(tx, ctx, {
      action: "letter.registered",
      entityType: "document",
      entityId: doc.id,
      documentId: doc.id,
      data: { registerNo: number.registerNo, channel: input.channel, subject: input.subject, confidential: input.confidential },
    });
    if (input.leadingDepartmentId) {
      const symbols = await createDecree(tx, ctx, doc.id, input);
      await recordAudit(tx, ctx, { action: "letter.decreed", entityType: "document", entityId: doc.id, documentId: doc.id, data: { ...symbols, correction: false, reason: null } });
    }
    return { id: doc.id, registerNo: number.registerNo, seq: doc.seq };
  });
}

/** The kancelaria's dekretacja of an incoming letter to departments, or its correction (with a reason). */
export async function decreeLetter(ctx: ServiceContext, input: DecreeInput): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor);
    const doc = await tx.document.findFirst({
      where: { AND: [{ id: input.documentId }, documentVisibleWhere(scope)] },
      select: { id: true, kind: true, status: true, caseId: true, assignments: { select: { id: true, role: true, status: true, departmentId: true, userId: true } } },
    });
    if (!doc) throw notFound(NOT_FOUND);
    await tx.$queryRaw`SELECT "id" FROM "Document" WHERE "id" = ${doc.id} FOR UPDATE`;
    const mode = doc.kind === "INCOMING" || doc.kind === "INTERNAL" ? decreeMode({ kind: doc.kind, status: doc.status as LetterStatus }, doc.assignments, scope) : null;
    if (!mode) throw conflict("Tego pisma nie możesz teraz dekretować: dekretację prowadzi kancelaria, dopóki pracownik nie przyjmie pisma. Później kierownik lub pracownik przekazuje je dalej.");
    if (mode === "fix" && !input.reason) throw badRequest("Podaj powód zmiany dekretacji.", { reason: "Podaj powód zmiany dekretacji." });
    if (mode === "fix") {
      const replaced = doc.assignments.filter(replacedByDecree).map((a) => a.id);
      await tx.documentAssignment.updateMany({ where: { id: { in: replaced } }, data: { status: "FORWARDED", reason: input.reason, decidedAt: new Date() } });
    }
    const symbols = await createDecree(tx, ctx, doc.id, input);
    await tx.document.update({ where: { id: doc.id }, data: { departmentId: input.leadingDepartmentId, assigneeId: null, status: "REGISTERED" } });
    await recordAudit(tx, ctx, {
      action: "letter.decreed",
      entityType: "document",
      entityId: doc.id,
      documentId: doc.id,
      caseId: doc.caseId,
      data: { ...symbols, correction: mode === "fix", reason: nullIfEmpty(input.reason) },
    });
  });
}

// Assignment moves ----------------------------------------------------------------------------

const moveSelect = {
  id: true,
  role: true,
  status: true,
  departmentId: true,
  userId: true,
  dueDate: true,
  department: { select: { symbol: true } },
  user: { select: { firstName: true, lastName: true } },
  document: { select: { id: true, kind: true, status: true, departmentId: true, assigneeId: true, dueDate: true, caseId: true } },
} as const satisfies Prisma.DocumentAssignmentSelect;
type MoveRow = Prisma.DocumentAssignmentGetPayload<{ select: typeof moveSelect }>;

/** Loads and locks the assignment (visible through its document), checks the move, runs `apply`. */
async function move(ctx: ServiceContext, assignmentId: string, action: AssignmentAction, apply: (tx: Tx, row: MoveRow, scope: WorkScope) => Promise<void>): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  await ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor);
    const visible = await tx.documentAssignment.findFirst({ where: { id: assignmentId, document: documentVisibleWhere(scope) }, select: { id: true, documentId: true } });
    if (!visible) throw notFound(ASSIGNMENT_NOT_FOUND);
    // The document's row is the lock of its dekretacja: concurrent moves queue here.
    await tx.$queryRaw`SELECT "id" FROM "Document" WHERE "id" = ${visible.documentId} FOR UPDATE`;
    const row = await tx.documentAssignment.findUniqueOrThrow({ where: { id: assignmentId }, select: moveSelect });
    if (!canAct(row, action, scope)) throw conflict(STALE);
    await apply(tx, row, scope);
  });
}

/** Applies the leading assignment's effect on its document (status, responsible clerk, deadline, department). */
async function followDocument(tx: Tx, row: MoveRow, action: AssignmentAction, target?: { departmentId: string }) {
  const doc = row.document;
  const state: DocumentState = { status: doc.status as LetterStatus, departmentId: doc.departmentId, assigneeId: doc.assigneeId, dueDate: doc.dueDate ? toDateOnly(doc.dueDate) : null };
  const effect = documentEffect({ ...row, dueDate: row.dueDate ? toDateOnly(row.dueDate) : null }, action, state, target);
  // An internal letter stays its author's department's; only the recipients' rows move.
  if (doc.kind === "INTERNAL") delete effect.departmentId;
  if (Object.keys(effect).length === 0) return;
  await tx.document.update({
    where: { id: doc.id },
    data: {
      ...(effect.status !== undefined && { status: effect.status }),
      ...(effect.assigneeId !== undefined && { assigneeId: effect.assigneeId }),
      ...(effect.departmentId !== undefined && { departmentId: effect.departmentId }),
      ...(effect.dueDate !== undefined && { dueDate: effect.dueDate ? fromDateOnly(effect.dueDate) : null }),
    },
  });
}

const audited = (row: MoveRow) => ({ entityType: "document" as const, entityId: row.document.id, documentId: row.document.id, caseId: row.document.caseId });

/** The head (or their substitute) gives the letter to a clerk of the department or of its referaty. */
export async function assignToUser(ctx: ServiceContext, input: AssignInput, now = new Date()): Promise<void> {
  if (input.dueDate && input.dueDate < todayInPoland(now)) throw badRequest("Termin nie może być w przeszłości.", { dueDate: "Termin nie może być w przeszłości." });
  await move(ctx, input.assignmentId, "assign", async (tx, row) => {
    const user = await tx.user.findFirst({
      where: { id: input.userId, active: true, OR: [{ departmentId: row.departmentId }, { department: { parentId: row.departmentId } }] },
      select: { firstName: true, lastName: true },
    });
    if (!user) throw badRequest("Wybierz aktywnego pracownika tej komórki lub jej referatu.", { userId: "Wybierz aktywnego pracownika tej komórki lub jej referatu." });
    await tx.documentAssignment.update({
      where: { id: row.id },
      data: { status: nextStatus("assign"), userId: input.userId, note: nullIfEmpty(input.note), dueDate: input.dueDate ? fromDateOnly(input.dueDate) : null, assignedById: ctx.actor.id, reason: null, decidedAt: null },
    });
    await recordAudit(tx, ctx, {
      action: "assignment.assigned",
      ...audited(row),
      data: { assignmentId: row.id, role: row.role, department: row.department.symbol, to: fullName(user), dueDate: nullIfEmpty(input.dueDate), note: nullIfEmpty(input.note) },
    });
    await notifyLetterAssigned(tx, ctx, row.document.id, { role: row.role, userIds: [input.userId] });
  });
}

/** The clerk (or their substitute) accepts the letter: for the leading row the clerk becomes responsible. */
export async function acceptAssignment(ctx: ServiceContext, assignmentId: string, now = new Date()): Promise<void> {
  await move(ctx, assignmentId, "accept", async (tx, row) => {
    await tx.documentAssignment.update({ where: { id: row.id }, data: { status: nextStatus("accept"), decidedAt: now } });
    await followDocument(tx, row, "accept");
    await recordAudit(tx, ctx, { action: "assignment.accepted", ...audited(row), data: { assignmentId: row.id, role: row.role, department: row.department.symbol, user: row.user ? fullName(row.user) : "" } });
  });
}

/** The clerk gives the letter back with a reason; it returns to the head's queue. */
export async function returnAssignment(ctx: ServiceContext, input: ReturnInput, now = new Date()): Promise<void> {
  await move(ctx, input.assignmentId, "return", async (tx, row) => {
    await tx.documentAssignment.update({ where: { id: row.id }, data: { status: nextStatus("return"), reason: input.reason, decidedAt: now } });
    await followDocument(tx, row, "return");
    await recordAudit(tx, ctx, { action: "assignment.returned", ...audited(row), data: { assignmentId: row.id, role: row.role, department: row.department.symbol, reason: input.reason } });
  });
}

/** The head or the clerk passes the letter to another department (its head decides) or straight to a person. */
export async function forwardAssignment(ctx: ServiceContext, input: ForwardInput, now = new Date()): Promise<void> {
  await move(ctx, input.assignmentId, "forward", async (tx, row) => {
    let target: { departmentId: string; userId: string | null; label: string };
    if (input.userId) {
      const user = await tx.user.findFirst({ where: { id: input.userId, active: true }, select: { id: true, firstName: true, lastName: true, departmentId: true, department: { select: { symbol: true } } } });
      if (!user) throw badRequest("Wybierz aktywnego pracownika.", { userId: "Wybierz aktywnego pracownika." });
      if (!user.departmentId) throw badRequest("Ta osoba nie należy do żadnej komórki — przekaż pismo komórce.", { userId: "Ta osoba nie należy do żadnej komórki." });
      target = { departmentId: user.departmentId, userId: user.id, label: `${fullName(user)} (${user.department?.symbol ?? ""})` };
    } else {
      const dep = await tx.department.findFirst({ where: { id: input.departmentId, active: true }, select: { id: true, symbol: true } });
      if (!dep) throw badRequest("Wybierz aktywną komórkę organizacyjną.", { departmentId: "Wybierz aktywną komórkę organizacyjną." });
      if (dep.id === row.departmentId && (row.status === "TO_DEPARTMENT" || row.status === "RETURNED")) {
        throw badRequest("Pismo już czeka w tej komórce — wybierz inną komórkę albo przydziel je pracownikowi.", { departmentId: "Pismo już czeka w tej komórce." });
      }
      target = { departmentId: dep.id, userId: null, label: dep.symbol };
    }
    await tx.documentAssignment.update({ where: { id: row.id }, data: { status: nextStatus("forward"), reason: input.reason, decidedAt: now } });
    await tx.documentAssignment.create({
      data: { documentId: row.document.id, role: row.role, status: target.userId ? "TO_USER" : "TO_DEPARTMENT", departmentId: target.departmentId, userId: target.userId, note: input.reason, assignedById: ctx.actor.id },
    });
    await followDocument(tx, row, "forward", { departmentId: target.departmentId });
    await notifyLetterAssigned(tx, ctx, row.document.id, target.userId ? { role: row.role, userIds: [target.userId] } : { role: row.role, departmentIds: [target.departmentId] });
    const from = row.user ? `${fullName(row.user)} (${row.department.symbol})` : row.department.symbol;
    await recordAudit(tx, ctx, { action: "assignment.forwarded", ...audited(row), data: { assignmentId: row.id, role: row.role, from, to: target.label, reason: input.reason } });
  });
}

/** "Zapoznałem(-am) się" on a copy "do wiadomości". */
export async function markAssignmentRead(ctx: ServiceContext, assignmentId: string, now = new Date()): Promise<void> {
  await move(ctx, assignmentId, "read", async (tx, row) => {
    await tx.documentAssignment.update({ where: { id: row.id }, data: { status: nextStatus("read"), decidedAt: now } });
    await recordAudit(tx, ctx, { action: "assignment.read", ...audited(row), data: { assignmentId: row.id, department: row.department.symbol } });
  });
}

/** "Załatwione": the clerk finishes their part; for the leading row the letter is done. */
export async function completeAssignment(ctx: ServiceContext, assignmentId: string, now = new Date()): Promise<void> {
  await move(ctx, assignmentId, "done", async (tx, row) => {
    await tx.documentAssignment.update({ where: { id: row.id }, data: { status: nextStatus("done"), decidedAt: now } });
    await followDocument(tx, row, "done");
    await recordAudit(tx, ctx, { action: "assignment.done", ...audited(row), data: { assignmentId: row.id, role: row.role, department: row.department.symbol } });
  });
}

// Inbox ("Do mnie") -------------------------------------------------------------------------------

const inboxSelect = {
  id: true,
  role: true,
  status: true,
  departmentId: true,
  userId: true,
  note: true,
  reason: true,
  dueDate: true,
  createdAt: true,
  updatedAt: true,
  department: { select: { symbol: true } },
  user: { select: { firstName: true, lastName: true } },
  document: { select: { id: true, kind: true, seq: true, registerNo: true, subject: true, caseId: true, sender: { select: { name: true } } } },
} as const satisfies Prisma.DocumentAssignmentSelect;

function myWhere(scope: WorkScope): Prisma.DocumentAssignmentWhereInput {
  const users = { in: scope.userIds };
  return {
    document: documentVisibleWhere(scope),
    OR: [
      { role: { in: ["LEADING", "COOPERATING"] }, status: { in: ["TO_USER", "ACCEPTED"] }, userId: users },
      { role: "INFO", status: "TO_USER", userId: users },
    ],
  };
}

function departmentQueueWhere(scope: WorkScope): Prisma.DocumentAssignmentWhereInput {
  return {
    document: documentVisibleWhere(scope),
    departmentId: { in: scope.headOfDepartmentIds },
    OR: [{ role: { in: ["LEADING", "COOPERATING"] }, status: { in: ["TO_DEPARTMENT", "RETURNED"] } }, { role: "INFO", status: "TO_DEPARTMENT" }],
  };
}

async function inboxPage(ctx: ServiceContext, scope: WorkScope, where: Prisma.DocumentAssignmentWhereInput, requested: number, today: string) {
  const total = await ctx.db.documentAssignment.count({ where });
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(requested, pages);
  const rows = await ctx.db.documentAssignment.findMany({
    where,
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { updatedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: inboxSelect,
  });
  const items: InboxItem[] = rows.map((r) => {
    const due = r.dueDate ? toDateOnly(r.dueDate) : null;
    return {
      assignmentId: r.id,
      documentId: r.document.id,
      href: r.document.kind === "INTERNAL" ? `/pisma/wewnetrzne/${r.document.id}` : `/pisma/przychodzace/${r.document.id}`,
      label: documentLabel(r.document),
      subject: r.document.subject,
      senderName: r.document.sender?.name ?? null,
      role: r.role,
      status: r.status,
      departmentSymbol: r.department.symbol,
      userName: r.user ? fullName(r.user) : null,
      note: r.note,
      reason: r.reason,
      dueDate: due,
      overdue: due !== null && due < today,
      assignedAt: r.updatedAt,
      actions: allowedActions(r, scope),
    };
  });
  return { items, total, page, pages };
}

/**
 * "Do mnie": letters assigned to the actor or to the people they substitute today (to accept, in
 * progress, copies to read) and, for heads, the department queue (new or returned letters waiting
 * for dekretacja to a clerk, department copies "do wiadomości").
 */
export async function listMyAssignments(ctx: ServiceContext, input: Partial<InboxInput> = {}, now = new Date()): Promise<MyAssignments> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const today = todayInPoland(now);
  const isHead = scope.headOfDepartmentIds.length > 0;
  const [mine, department] = await Promise.all([
    inboxPage(ctx, scope, myWhere(scope), input.page ?? 1, today),
    isHead ? inboxPage(ctx, scope, departmentQueueWhere(scope), input.deptPage ?? 1, today) : { items: [], total: 0, page: 1, pages: 1 },
  ]);
  return { mine, department, isHead };
}

/** Counts for the dashboard and the menu: to accept, to assign (heads), copies to read. */
export async function countLetterInbox(ctx: ServiceContext, now = new Date(), loaded?: WorkScope): Promise<LetterInboxCounts> {
  assertCan(ctx.actor, "documents.work");
  const scope = loaded ?? (await loadWorkScope(ctx.db, ctx.actor, now));
  const visible = { document: documentVisibleWhere(scope) };
  const users = { in: scope.userIds };
  const heads = { in: scope.headOfDepartmentIds };
  const [toAccept, toAssign, info] = await Promise.all([
    ctx.db.documentAssignment.count({ where: { ...visible, role: { in: ["LEADING", "COOPERATING"] }, status: "TO_USER", userId: users } }),
    scope.headOfDepartmentIds.length
      ? ctx.db.documentAssignment.count({ where: { ...visible, role: { in: ["LEADING", "COOPERATING"] }, status: { in: ["TO_DEPARTMENT", "RETURNED"] }, departmentId: heads } })
      : 0,
    ctx.db.documentAssignment.count({
      where: { ...visible, role: "INFO", OR: [{ status: "TO_USER", userId: users }, ...(scope.headOfDepartmentIds.length ? [{ status: "TO_DEPARTMENT" as const, departmentId: heads }] : [])] },
    }),
  ]);
  return { toAccept, toAssign, info };
}

// Internal letters ------------------------------------------------------------------------------

async function checkCase(tx: Tx, scope: WorkScope, caseId: string) {
  if (!caseId) return null;
  const found = await tx.case.findFirst({ where: { AND: [{ id: caseId }, caseVisibleWhere(scope)] }, select: { id: true } });
  if (!found) throw badRequest("Nie znaleziono takiej sprawy albo nie masz do niej dostępu.", { caseId: "Nie znaleziono takiej sprawy." });
  return found.id;
}

async function setRecipients(tx: Tx, documentId: string, departmentIds: string[]) {
  const deps = await activeDepartments(tx, departmentIds, "recipientDepartmentIds");
  await tx.documentRecipient.deleteMany({ where: { documentId } });
  const ordered = [...new Set(departmentIds)].map((id) => deps.get(id)!);
  if (ordered.length) await tx.documentRecipient.createMany({ data: ordered.map((d) => ({ documentId, departmentId: d.id, name: `${d.symbol} — ${d.name}`, channel: "INTERNAL" as const })) });
  return ordered;
}

/** Registers a draft internal letter (INTERNAL register) and routes it to the recipient departments. */
async function sendInternal(tx: Tx, ctx: ServiceContext, documentId: string, subject: string, recipients: { id: string; symbol: string }[], caseId: string | null, now: Date) {
  if (recipients.length === 0) throw badRequest("Wybierz co najmniej jedną komórkę, do której wysyłasz pismo.", { recipientDepartmentIds: "Wybierz co najmniej jedną komórkę." });
  const number = await nextRegisterNumber(tx, "INTERNAL", now);
  await tx.document.update({
    where: { id: documentId },
    data: { ...number, status: "REGISTERED", receivedAt: now, assigneeId: null, searchText: foldText([subject, number.registerNo, ...recipients.map((r) => r.symbol)].join(" ")) },
  });
  // The first recipient leads; the others cooperate.
  await tx.documentAssignment.createMany({
    data: recipients.map((r, i) => ({ documentId, role: i === 0 ? ("LEADING" as const) : ("COOPERATING" as const), status: "TO_DEPARTMENT" as const, departmentId: r.id, assignedById: ctx.actor.id })),
  });
  await notifyLetterAssigned(tx, ctx, documentId, { role: "LEADING", departmentIds: recipients.slice(0, 1).map((r) => r.id) });
  if (recipients.length > 1) await notifyLetterAssigned(tx, ctx, documentId, { role: "COOPERATING", departmentIds: recipients.slice(1).map((r) => r.id) });
  await recordAudit(tx, ctx, { action: "internal.sent", entityType: "document", entityId: documentId, documentId, caseId, data: { registerNo: number.registerNo, recipients: recipients.map((r) => r.symbol) } });
  return number.registerNo;
}

/** A clerk drafts an internal letter (optionally in a case) and, when asked, sends it at once. */
export async function createInternalLetter(ctx: ServiceContext, input: InternalInput, now = new Date()): Promise<{ id: string; registerNo: string | null; sent: boolean }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor);
    const caseId = await checkCase(tx, scope, input.caseId);
    const doc = await tx.document.create({
      data: {
        kind: "INTERNAL",
        status: "DRAFT",
        channel: "INTERNAL",
        subject: input.subject,
        body: nullIfEmpty(input.body),
        departmentId: ctx.actor.departmentId,
        assigneeId: ctx.actor.id,
        caseId,
        confidential: input.confidential,
        createdById: ctx.actor.id,
        searchText: foldText(input.subject),
      },
      select: { id: true },
    });
    const recipients = await setRecipients(tx, doc.id, input.recipientDepartmentIds);
    await recordAudit(tx, ctx, { action: "internal.drafted", entityType: "document", entityId: doc.id, documentId: doc.id, caseId, data: { subject: input.subject } });
    const registerNo = input.send ? await sendInternal(tx, ctx, doc.id, input.subject, recipients, caseId, now) : null;
    return { id: doc.id, registerNo, sent: input.send };
  });
}

/** The author changes a draft and, when asked, sends it. */
export async function updateInternalLetter(ctx: ServiceContext, input: UpdateInternalInput, now = new Date()): Promise<{ id: string; registerNo: string | null; sent: boolean }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor);
    const doc = await tx.document.findFirst({
      where: { AND: [{ id: input.id, kind: "INTERNAL" }, documentVisibleWhere(scope)] },
      select: { id: true, status: true, createdById: true, subject: true, body: true, caseId: true, confidential: true },
    });
    if (!doc) throw notFound(NOT_FOUND);
    await tx.$queryRaw`SELECT "id" FROM "Document" WHERE "id" = ${doc.id} FOR UPDATE`;
    if (!scope.userIds.includes(doc.createdById)) throw notFound(NOT_FOUND);
    const current = await tx.document.findUniqueOrThrow({ where: { id: doc.id }, select: { status: true } });
    if (current.status !== "DRAFT") throw conflict("To pismo zostało już wysłane — nie można go zmienić.");
    const caseId = await checkCase(tx, scope, input.caseId);
    await tx.document.update({ where: { id: doc.id }, data: { subject: input.subject, body: nullIfEmpty(input.body), caseId, confidential: input.confidential, searchText: foldText(input.subject) } });
    const recipients = await setRecipients(tx, doc.id, input.recipientDepartmentIds);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (doc.subject !== input.subject) changes.subject = { from: doc.subject, to: input.subject };
    if ((doc.body ?? "") !== input.body) changes.body = { from: doc.body ? "…" : null, to: input.body ? "…" : null };
    if (doc.caseId !== caseId) changes.caseId = { from: doc.caseId, to: caseId };
    if (doc.confidential !== input.confidential) changes.confidential = { from: doc.confidential, to: input.confidential };
    if (Object.keys(changes).length) await recordAudit(tx, ctx, { action: "internal.updated", entityType: "document", entityId: doc.id, documentId: doc.id, caseId, data: { changes } });
    const registerNo = input.send ? await sendInternal(tx, ctx, doc.id, input.subject, recipients, caseId, now) : null;
    return { id: doc.id, registerNo, sent: input.send };
  });
}

/** Sends a saved draft as it is. */
export async function sendInternalLetter(ctx: ServiceContext, id: string, now = new Date()): Promise<{ id: string; registerNo: string | null; sent: boolean }> {
  const d = await getLetter(ctx, id, "INTERNAL");
  if (!d.can.send) throw conflict("To pismo zostało już wysłane albo nie jesteś jego autorem.");
  return updateInternalLetter(
    ctx,
    { id, subject: d.subject, body: d.body ?? "", recipientDepartmentIds: d.recipients.map((r) => r.id), caseId: d.case?.id ?? "", confidential: d.confidential, send: true },
    now,
  );
}

// Saved filters ---------------------------------------------------------------------------------

export async function listSavedFilters(ctx: ServiceContext, view: string): Promise<SavedFilterDto[]> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.savedFilter.findMany({ where: { userId: ctx.actor.id, view }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, query: true } });
}

/** Saves the list's query string under a name (an existing filter of that name is replaced). */
export async function saveFilter(ctx: ServiceContext, input: SavedFilterInput): Promise<SavedFilterDto> {
  assertCan(ctx.actor, "documents.work");
  const query = input.query.replace(/^\?/, "");
  const params = new URLSearchParams(query);
  params.delete("strona");
  return ctx.db.savedFilter.upsert({
    where: { userId_view_name: { userId: ctx.actor.id, view: input.view, name: input.name } },
    create: { userId: ctx.actor.id, view: input.view, name: input.name, query: params.toString() },
    update: { query: params.toString() },
    select: { id: true, name: true, query: true },
  });
}

export async function deleteSavedFilter(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  const { count: deleted } = await ctx.db.savedFilter.deleteMany({ where: { id, userId: ctx.actor.id } });
  if (deleted === 0) throw notFound("Nie znaleziono takiego zapisanego filtra.");
}
