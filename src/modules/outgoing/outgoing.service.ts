/**
 * Outgoing letters (przesyłki wychodzące): drafts with recipients, the approval path, dispatch by
 * the kancelaria with the outgoing register number, and return receipts (ZPO). Framework-free;
 * every read starts from `documentVisibleWhere` / `caseVisibleWhere`, so hidden letters answer
 * NOT_FOUND.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { CAPPED_COUNT, pageWindow } from "@/lib/paging";
import { todayInPoland } from "@/lib/i18n/translator";
import { can } from "@/lib/permissions";
import { foldText } from "@/lib/polish";
import { getContactSummaries } from "@/modules/contacts/contacts.service";
import { documentLabel } from "@/modules/documents/document-label";
import { actsFor, caseVisibleWhere, documentVisibleWhere, loadWorkScope, type WorkScope } from "@/modules/documents/documents.policy";
import { nextRegisterNumber } from "@/modules/documents/registers";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, badRequest, conflict, forbidden, notFound } from "@/server/errors";
import { decide, initialStepStatuses, resolveApprovers, statusAllows, withdrawUpdates, type StepState } from "./outgoing.approval";
import { loadApprovalConfig } from "./approval-path.service";
import {
  deliveryAddressFor,
  OUTGOING_PAGE_SIZE,
  OUTGOING_VIEWS,
  recipientChannelProblem,
  type DraftForm,
  type InboxApprovalsDto,
  type OutgoingChannel,
  type OutgoingDetail,
  type OutgoingInboxCounts,
  type OutgoingList,
  type OutgoingListItem,
  type OutgoingStatus,
  type OutgoingView,
  type ZApproveInput,
  type ZCreateDraftInput,
  type ZOutgoingListInput,
  type ZRecordDeliveryInput,
  type ZRejectInput,
  type ZUpdateDraftInput,
} from "./outgoing.schemas";
import { notifyApprovalDecided, notifyApprovalRequested } from "./outgoing.notify";
import { deliverToEspAccounts } from "./outgoing.esp";

type CreateInput = z.output<typeof ZCreateDraftInput>;
type UpdateInput = z.output<typeof ZUpdateDraftInput>;
type ListInput = z.output<typeof ZOutgoingListInput>;

export const OUTGOING_NOT_FOUND = "Nie znaleziono takiego pisma wychodzącego albo nie masz do niego dostępu.";
const CASE_NOT_FOUND = "Nie znaleziono takiej sprawy albo nie masz do niej dostępu.";
const LETTER_NOT_FOUND = "Nie znaleziono takiego pisma przychodzącego albo nie masz do niego dostępu.";

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
export const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
export const fromDateOnly = (s: string) => new Date(`${s}T00:00:00.000Z`);

/** Midnight in Poland at the start of a calendar day, as a moment. */
export function polishDayStart(day: string): Date {
  const utc = fromDateOnly(day);
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Warsaw", hour: "numeric", hour12: false }).format(utc));
  return new Date(utc.getTime() - hour * 3_600_000);
}

function nextDay(day: string): string {
  const d = fromDateOnly(day);
  d.setUTCDate(d.getUTCDate() + 1);
  return dateOnly(d);
}

async function findVisible(db: Db | Tx, scope: WorkScope, id: string) {
  const doc = await db.document.findFirst({
    where: { AND: [{ id, kind: "OUTGOING" }, documentVisibleWhere(scope)] },
    select: { id: true, seq: true, status: true, createdById: true, departmentId: true, caseId: true, subject: true, registerNo: true },
  });
  if (!doc) throw notFound(OUTGOING_NOT_FOUND);
  return { ...doc, status: doc.status as OutgoingStatus };
}

// ——— Drafts ———

interface ResolvedRecipient {
  contactId: string;
  name: string;
  address: string | null;
  email: string | null;
  channel: OutgoingChannel;
}

async function resolveRecipients(db: Db | Tx, recipients: CreateInput["recipients"]): Promise<ResolvedRecipient[]> {
  const contacts = new Map((await getContactSummaries(db, recipients.map((r) => r.contactId))).map((c) => [c.id, c]));
  const fieldErrors: Record<string, string> = {};
  const out: ResolvedRecipient[] = [];
  recipients.forEach((r, i) => {
    const c = contacts.get(r.contactId);
    if (!c) {
      fieldErrors[`recipients.${i}.contactId`] = "Nie znaleziono tego kontaktu — wybierz adresata ponownie.";
      return;
    }
    const problem = recipientChannelProblem(c, r.channel);
    if (problem) {
      fieldErrors[`recipients.${i}.channel`] = `${c.name}: ${problem}`;
      return;
    }
    out.push({ contactId: c.id, name: c.name, address: deliveryAddressFor(c, r.channel), email: c.email, channel: r.channel });
  });
  const messages = Object.values(fieldErrors);
  if (messages.length > 0) throw badRequest(messages.length === 1 ? messages[0]! : "Popraw dane adresatów zaznaczone w formularzu.", fieldErrors);
  return out;
}

async function resolveLinks(db: Db | Tx, scope: WorkScope, input: { caseId?: string | null; replyToId?: string | null }) {
  let caseId = input.caseId || null;
  const replyToId = input.replyToId || null;
  if (replyToId) {
    const letter = await db.document.findFirst({ where: { AND: [{ id: replyToId, kind: "INCOMING" }, documentVisibleWhere(scope)] }, select: { caseId: true } });
    if (!letter) throw new AppError("NOT_FOUND", LETTER_NOT_FOUND, { fieldErrors: { replyToId: LETTER_NOT_FOUND } });
    if (!caseId && letter.caseId) {
      const visible = await db.case.count({ where: { AND: [{ id: letter.caseId }, caseVisibleWhere(scope)] } });
      if (visible) caseId = letter.caseId;
    }
  }
  if (caseId) {
    const found = await db.case.findFirst({ where: { AND: [{ id: caseId }, caseVisibleWhere(scope)] }, select: { status: true, mark: true } });
    if (!found) throw new AppError("NOT_FOUND", CASE_NOT_FOUND, { fieldErrors: { caseId: CASE_NOT_FOUND } });
    if (found.status === "CLOSED") throw badRequest(`Sprawa ${found.mark} jest zakończona — wznów ją, zanim dodasz do niej pismo.`, { caseId: "Sprawa jest zakończona." });
  }
  return { caseId, replyToId };
}

async function searchTextOf(db: Db | Tx, doc: { subject: string; registerNo?: string | null; caseId: string | null }, names: string[]): Promise<string> {
  const mark = doc.caseId ? (await db.case.findUnique({ where: { id: doc.caseId }, select: { mark: true } }))?.mark : null;
  return foldText([doc.subject, doc.registerNo, mark, ...names].filter(Boolean).join(" "));
}

/** Creates a draft (status DRAFT) of the actor's department; the actor is its author and assignee. */
export async function createDraft(ctx: ServiceContext, input: CreateInput): Promise<{ id: string; label: string }> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const recipients = await resolveRecipients(ctx.db, input.recipients);
  const links = await resolveLinks(ctx.db, scope, input);
  const searchText = await searchTextOf(ctx.db, { subject: input.subject, caseId: links.caseId }, recipients.map((r) => r.name));
  return ctx.db.$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: {
        kind: "OUTGOING",
        status: "DRAFT",
        channel: recipients[0]!.channel,
        subject: input.subject,
        body: input.body,
        departmentId: ctx.actor.departmentId,
        assigneeId: ctx.actor.id,
        createdById: ctx.actor.id,
        caseId: links.caseId,
        replyToId: links.replyToId,
        searchText,
        recipients: { create: recipients },
      },
      select: { id: true, seq: true, registerNo: true },
    });
    await recordAudit(tx, ctx, {
      action: "outgoing.drafted",
      entityType: "document",
      entityId: doc.id,
      documentId: doc.id,
      caseId: links.caseId,
      data: { subject: input.subject, recipients: recipients.length },
    });
    return { id: doc.id, label: documentLabel(doc) };
  });
}

/** Changes a draft: only while it is a DRAFT, only by its author (or the author's substitute). */
export async function updateDraft(ctx: ServiceContext, input: UpdateInput): Promise<{ id: string; label: string }> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const doc = await findVisible(ctx.db, scope, input.id);
  if (!actsFor(scope, doc.createdById)) throw forbidden("Projekt pisma może zmieniać tylko jego autor.");
  if (!statusAllows(doc.status, "edit")) throw badRequest("Pismo nie jest już projektem — nie można go zmieniać.");
  const recipients = await resolveRecipients(ctx.db, input.recipients);
  const links = await resolveLinks(ctx.db, scope, input);
  const searchText = await searchTextOf(ctx.db, { subject: input.subject, caseId: links.caseId }, recipients.map((r) => r.name));
  return ctx.db.$transaction(async (tx) => {
    const claimed = await tx.document.updateMany({
      where: { id: doc.id, status: "DRAFT" },
      data: { subject: input.subject, body: input.body, channel: recipients[0]!.channel, caseId: links.caseId, replyToId: links.replyToId, searchText },
    });
    if (claimed.count === 0) throw conflict("Pismo zostało w międzyczasie przekazane dalej — odśwież stronę.");
    await tx.documentRecipient.deleteMany({ where: { documentId: doc.id } });
    await tx.documentRecipient.createMany({ data: recipients.map((r) => ({ ...r, documentId: doc.id })) });
    await recordAudit(tx, ctx, {
      action: "outgoing.updated",
      entityType: "document",
      entityId: doc.id,
      documentId: doc.id,
      caseId: links.caseId,
      data: { subject: input.subject, recipients: recipients.length },
    });
    return { id: doc.id, label: documentLabel(doc) };
  });
}

/** The draft form's starting point: empty, from a case (?sprawa=) or replying to an incoming letter (?odpowiedzNa=). */
export async function getNewDraftForm(ctx: ServiceContext, input: { caseId?: string; replyToId?: string }): Promise<DraftForm> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const form: DraftForm = { id: null, subject: "", body: "", recipients: [], case: null, replyTo: null };
  let caseId = input.caseId || null;
  if (input.replyToId) {
    const letter = await ctx.db.document.findFirst({
      where: { AND: [{ id: input.replyToId, kind: "INCOMING" }, documentVisibleWhere(scope)] },
      select: { id: true, seq: true, registerNo: true, subject: true, senderId: true, caseId: true },
    });
    if (!letter) throw notFound(LETTER_NOT_FOUND);
    form.replyTo = { id: letter.id, label: documentLabel(letter), subject: letter.subject };
    form.subject = `Odpowiedź na: ${letter.subject}`.slice(0, 300);
    if (letter.senderId) {
      const [sender] = await getContactSummaries(ctx.db, [letter.senderId]);
      if (sender) form.recipients.push({ contact: sender, channel: sender.eDoreczeniaAddress ? "E_DORECZENIA" : "REGISTERED_MAIL" });
    }
    caseId ??= letter.caseId;
  }
  if (caseId) {
    const found = await ctx.db.case.findFirst({ where: { AND: [{ id: caseId }, caseVisibleWhere(scope)] }, select: { id: true, mark: true, title: true } });
    if (found) form.case = found;
    else if (input.caseId) throw notFound(CASE_NOT_FOUND);
  }
  return form;
}

/** The draft form filled with an existing draft (author only, DRAFT only). */
export async function getDraftForm(ctx: ServiceContext, id: string): Promise<DraftForm> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const doc = await findVisible(ctx.db, scope, id);
  if (!actsFor(scope, doc.createdById)) throw forbidden("Projekt pisma może zmieniać tylko jego autor.");
  if (!statusAllows(doc.status, "edit")) throw badRequest("Pismo nie jest już projektem — nie można go zmieniać.");
  const row = await ctx.db.document.findUniqueOrThrow({
    where: { id },
    select: {
      subject: true,
      body: true,
      case: { select: { id: true, mark: true, title: true } },
      replyTo: { select: { id: true, seq: true, registerNo: true, subject: true } },
      recipients: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { contactId: true, channel: true } },
    },
  });
  const contacts = new Map((await getContactSummaries(ctx.db, row.recipients.map((r) => r.contactId).filter((c): c is string => Boolean(c)))).map((c) => [c.id, c]));
  return {
    id,
    subject: row.subject,
    body: row.body ?? "",
    case: row.case,
    replyTo: row.replyTo ? { id: row.replyTo.id, label: documentLabel(row.replyTo), subject: row.replyTo.subject } : null,
    recipients: row.recipients.flatMap((r) => {
      const contact = r.contactId ? contacts.get(r.contactId) : undefined;
      return contact ? [{ contact, channel: r.channel as OutgoingChannel }] : [];
    }),
  };
}

// ——— Approval ———

/**
 * "Przekaż do akceptacji": builds the approval steps from the department's path (the author
 * skipped). The first step is PENDING, the rest WAITING; with nobody left the letter is APPROVED.
 */
export async function submitForApproval(ctx: ServiceContext, id: string, signatureId?: string, now = new Date()): Promise<{ status: OutgoingStatus }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor);
    const doc = await findVisible(tx, scope, id);
    if (!actsFor(scope, doc.createdById)) throw forbidden("Do akceptacji przekazuje autor projektu.");
    if (signatureId) await assertOwnFreshSignature(tx, ctx, id, signatureId, now);
    if (!statusAllows(doc.status, "submit")) throw badRequest("Pismo nie jest projektem — nie można go przekazać do akceptacji.");
    if ((await tx.documentRecipient.count({ where: { documentId: id } })) === 0) throw badRequest("Dodaj co najmniej jednego adresata.");

    const department = doc.departmentId
      ? await tx.department.findUnique({ where: { id: doc.departmentId }, select: { headId: true, parent: { select: { headId: true } } } })
      : null;
    const config = doc.departmentId ? await loadApprovalConfig(tx, doc.departmentId) : [];
    const resolved = resolveApprovers(config, department ? { headId: department.headId, parentHeadId: department.parent?.headId ?? null } : null, doc.createdById);
    if (!resolved.ok) {
      throw badRequest(
        resolved.problem === "NO_HEAD"
          ? "Nie można ustalić kierownika komórki, który zaakceptuje pismo. Poproś administratora o uzupełnienie struktury albo ścieżki akceptacji."
          : "Ścieżka akceptacji komórki wskazuje krok bez osoby. Poproś administratora o jej poprawienie.",
      );
    }
    const approvers = await tx.user.findMany({ where: { id: { in: resolved.approverIds } }, select: { id: true, active: true, firstName: true, lastName: true } });
    const inactive = approvers.find((a) => !a.active);
    if (inactive) throw badRequest(`Ścieżka akceptacji wskazuje nieaktywne konto (${fullName(inactive)}). Poproś administratora o jej poprawienie.`);

    const claimed = await tx.document.updateMany({ where: { id, status: "DRAFT" }, data: { status: resolved.approverIds.length ? "AWAITING_APPROVAL" : "APPROVED" } });
    if (claimed.count === 0) throw conflict("Pismo zostało w międzyczasie przekazane — odśwież stronę.");
    const last = await tx.approvalStep.aggregate({ where: { documentId: id }, _max: { order: true } });
    const base = (last._max.order ?? -1) + 1;
    const statuses = initialStepStatuses(resolved.approverIds.length);
    await tx.approvalStep.createMany({ data: resolved.approverIds.map((approverId, i) => ({ documentId: id, order: base + i, approverId, status: statuses[i]! })) });
    await recordAudit(tx, ctx, { action: "outgoing.submitted", entityType: "document", entityId: id, documentId: id, caseId: doc.caseId, data: { approverIds: resolved.approverIds, signatureId: signatureId ?? null } });
    await notifyApprovalRequested(tx, ctx, id);
    return { status: resolved.approverIds.length ? "AWAITING_APPROVAL" : "APPROVED" };
  });
}

/** The author takes a letter back from approval (open steps closed as SKIPPED; DRAFT again). */
export async function withdrawFromApproval(ctx: ServiceContext, id: string): Promise<{ status: OutgoingStatus }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor);
    const doc = await findVisible(tx, scope, id);
    if (!actsFor(scope, doc.createdById)) throw forbidden("Z akceptacji wycofuje autor projektu.");
    if (!statusAllows(doc.status, "withdraw")) throw badRequest("Pismo nie czeka na akceptację.");
    const claimed = await tx.document.updateMany({ where: { id, status: "AWAITING_APPROVAL" }, data: { status: "DRAFT" } });
    if (claimed.count === 0) throw conflict("Stan pisma zmienił się w międzyczasie — odśwież stronę.");
    const steps = await tx.approvalStep.findMany({ where: { documentId: id }, select: { id: true, order: true, status: true } });
    for (const u of withdrawUpdates(steps)) await tx.approvalStep.update({ where: { id: u.id }, data: { status: u.status, decidedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "outgoing.withdrawn", entityType: "document", entityId: id, documentId: id, caseId: doc.caseId, data: {} });
    return { status: "DRAFT" };
  });
}

/** How long after signing the letter's file the signature may be attached to the approval act. */
const SIGNATURE_FRESH_MS = 30 * 60 * 1000;

/** The signature must be the actor's own, on a file of this letter, made within the last 30 minutes. */
async function assertOwnFreshSignature(tx: Tx, ctx: ServiceContext, documentId: string, signatureId: string, now: Date) {
  const found = await tx.documentSignature.findFirst({
    where: { id: signatureId, certificate: { userId: ctx.actor.id }, createdAt: { gte: new Date(now.getTime() - SIGNATURE_FRESH_MS) }, file: { documentId } },
    select: { id: true },
  });
  if (!found) throw badRequest("Wskazany podpis nie jest Twoim świeżym podpisem pliku tego pisma. Podpisz pismo jeszcze raz.");
}

async function decideStep(
  ctx: ServiceContext,
  id: string,
  decision: "approve" | "reject",
  comment: string | null,
  now: Date,
  signatureId: string | null = null,
): Promise<{ status: OutgoingStatus }> {
  assertCan(ctx.actor, "documents.work");
  return ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor, now);
    const doc = await findVisible(tx, scope, id);
    if (!statusAllows(doc.status, "decide")) throw badRequest("Pismo nie czeka na akceptację.");
    if (signatureId) await assertOwnFreshSignature(tx, ctx, id, signatureId, now);
    const steps = await tx.approvalStep.findMany({ where: { documentId: id }, select: { id: true, order: true, status: true, approverId: true } });
    const pending = steps.find((s) => s.status === "PENDING");
    if (!pending || !actsFor(scope, pending.approverId)) throw forbidden("To pismo czeka na decyzję innej osoby.");
    const outcome = decide(steps as StepState[], decision)!;
    const decided = await tx.approvalStep.updateMany({
      where: { id: pending.id, status: "PENDING" },
      data: { status: decision === "approve" ? "APPROVED" : "REJECTED", comment, decidedAt: now, signatureId },
    });
    if (decided.count === 0) throw conflict("Ktoś już podjął decyzję w tej sprawie — odśwież stronę.");
    // Steps skipped by a rejection share its moment: the latest decision tells whether the draft came back rejected.
    for (const u of outcome.updates) if (u.id !== pending.id) await tx.approvalStep.update({ where: { id: u.id }, data: { status: u.status, decidedAt: u.status === "SKIPPED" ? now : null } });
    await tx.document.update({ where: { id }, data: { status: outcome.documentStatus } });
    const onBehalfOf = pending.approverId === ctx.actor.id ? null : pending.approverId;
    if (decision === "approve") {
      await recordAudit(tx, ctx, {
        action: "outgoing.approved",
        entityType: "document",
        entityId: id,
        documentId: id,
        caseId: doc.caseId,
        data: { order: pending.order, final: outcome.documentStatus === "APPROVED", comment, onBehalfOf, signatureId },
      });
    } else {
      await recordAudit(tx, ctx, { action: "outgoing.rejected", entityType: "document", entityId: id, documentId: id, caseId: doc.caseId, data: { order: pending.order, comment: comment ?? "", onBehalfOf } });
    }
    if (outcome.documentStatus === "AWAITING_APPROVAL") await notifyApprovalRequested(tx, ctx, id);
    else await notifyApprovalDecided(tx, ctx, id, { approved: decision === "approve", comment });
    return { status: outcome.documentStatus };
  });
}

/** The approver of the PENDING step (or their substitute) approves: the next step, or APPROVED after the last. */
export async function approveLetter(ctx: ServiceContext, input: z.output<typeof ZApproveInput>, now = new Date()): Promise<{ status: OutgoingStatus }> {
  return decideStep(ctx, input.id, "approve", input.comment || null, now, input.signatureId ?? null);
}

/** The approver returns the draft to its author with a required comment (DRAFT again). */
export async function rejectLetter(ctx: ServiceContext, input: z.output<typeof ZRejectInput>, now = new Date()): Promise<{ status: OutgoingStatus }> {
  if (!input.comment.trim()) throw badRequest("Podaj powód zwrotu.", { comment: "Podaj powód zwrotu." });
  return decideStep(ctx, input.id, "reject", input.comment.trim(), now);
}

// ——— Dispatch and ZPO ———

/** "Wyślij": the kancelaria gives an APPROVED letter its outgoing register number (gap-free) and marks it DISPATCHED. */
export async function dispatchLetter(ctx: ServiceContext, id: string, now = new Date()): Promise<{ registerNo: string }> {
  assertCan(ctx.actor, "letters.dispatch");
  return ctx.db.$transaction(async (tx) => {
    const scope = await loadWorkScope(tx, ctx.actor, now);
    const doc = await findVisible(tx, scope, id);
    if (!statusAllows(doc.status, "dispatch")) throw badRequest(doc.status === "DISPATCHED" ? "To pismo zostało już wysłane." : "Wysłać można tylko pismo zaakceptowane.");
    const claimed = await tx.document.updateMany({ where: { id, status: "APPROVED" }, data: { status: "DISPATCHED", dispatchedAt: now, dispatchedById: ctx.actor.id } });
    if (claimed.count === 0) throw conflict("Pismo zostało już wysłane przez kogoś innego — odśwież stronę.");
    const recipients = await tx.documentRecipient.findMany({ where: { documentId: id }, select: { name: true, channel: true } });
    const number = await nextRegisterNumber(tx, "OUTGOING", now);
    const searchText = await searchTextOf(tx, { subject: doc.subject, registerNo: number.registerNo, caseId: doc.caseId }, recipients.map((r) => r.name));
    await tx.document.update({ where: { id }, data: { ...number, searchText } });
    await recordAudit(tx, ctx, {
      action: "outgoing.dispatched",
      entityType: "document",
      entityId: id,
      documentId: id,
      caseId: doc.caseId,
      data: { registerNo: number.registerNo, channels: [...new Set(recipients.map((r) => r.channel))] },
    });
    await deliverToEspAccounts(tx, ctx, doc, now);
    return { registerNo: number.registerNo };
  });
}

/** "Zarejestruj zwrotkę": the date of delivery from the ZPO (or the proof of an electronic delivery). */
export async function recordDelivery(ctx: ServiceContext, input: z.output<typeof ZRecordDeliveryInput>, now = new Date()): Promise<void> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const recipient = await ctx.db.documentRecipient.findFirst({
    where: { id: input.recipientId, document: { AND: [{ kind: "OUTGOING" }, documentVisibleWhere(scope)] } },
    select: { id: true, name: true, channel: true, document: { select: { id: true, status: true, createdById: true, caseId: true, dispatchedAt: true } } },
  });
  if (!recipient) throw notFound("Nie znaleziono takiego adresata albo nie masz dostępu do pisma.");
  const doc = recipient.document;
  if (!can(ctx.actor.roles, "letters.dispatch") && !actsFor(scope, doc.createdById)) throw forbidden("Zwrotkę rejestruje kancelaria albo autor pisma.");
  if (!statusAllows(doc.status as OutgoingStatus, "recordDelivery")) throw badRequest("Pismo nie zostało jeszcze wysłane.");
  if (recipient.channel === "ORDINARY_MAIL") throw badRequest("List zwykły nie ma potwierdzenia odbioru.");
  const today = todayInPoland(now);
  const field = (message: string) => badRequest(message, { deliveredOn: message });
  if (input.deliveredOn > today) throw field("Data doręczenia nie może być późniejsza niż dzisiejsza.");
  if (doc.dispatchedAt && input.deliveredOn < todayInPoland(doc.dispatchedAt)) throw field("Data doręczenia nie może być wcześniejsza niż data wysłania pisma.");
  await ctx.db.$transaction(async (tx) => {
    await tx.documentRecipient.update({ where: { id: recipient.id }, data: { deliveredOn: fromDateOnly(input.deliveredOn), returnedAt: now } });
    await recordAudit(tx, ctx, {
      action: "outgoing.delivery-recorded",
      entityType: "document",
      entityId: doc.id,
      documentId: doc.id,
      caseId: doc.caseId,
      data: { recipientId: recipient.id, name: recipient.name, deliveredOn: input.deliveredOn },
    });
  });
}

// ——— Reading ———

const listSelect = {
  id: true,
  seq: true,
  registerNo: true,
  subject: true,
  status: true,
  createdAt: true,
  dispatchedAt: true,
  department: { select: { symbol: true } },
  createdBy: { select: { firstName: true, lastName: true } },
  case: { select: { mark: true } },
  recipients: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { name: true, channel: true, deliveredOn: true } },
} as const satisfies Prisma.DocumentSelect;

function toListItem(r: Prisma.DocumentGetPayload<{ select: typeof listSelect }>): OutgoingListItem {
  return {
    id: r.id,
    seq: r.seq,
    label: documentLabel(r),
    registerNo: r.registerNo,
    subject: r.subject,
    status: r.status as OutgoingStatus,
    departmentSymbol: r.department?.symbol ?? null,
    authorName: fullName(r.createdBy),
    createdAt: r.createdAt,
    dispatchedAt: r.dispatchedAt,
    caseMark: r.case?.mark ?? null,
    recipients: r.recipients.map((x) => ({ name: x.name, channel: x.channel as OutgoingChannel, deliveredOn: x.deliveredOn ? dateOnly(x.deliveredOn) : null })),
  };
}

const VIEW_STATUSES = {
  robocze: ["DRAFT"],
  "do-akceptacji": ["AWAITING_APPROVAL"],
  "do-wysylki": ["APPROVED"],
  wyslane: ["DISPATCHED"],
} as const satisfies Record<OutgoingView, readonly string[]>;

function viewWhere(view: OutgoingView, scope: WorkScope): Prisma.DocumentWhereInput {
  switch (view) {
    case "robocze":
      return { status: "DRAFT", createdById: { in: scope.userIds } };
    case "do-akceptacji":
      return { status: "AWAITING_APPROVAL" };
    case "do-wysylki":
      return { status: "APPROVED" };
    case "wyslane":
      return { status: "DISPATCHED" };
  }
}

function filterWhere(input: ListInput, view: OutgoingView): Prisma.DocumentWhereInput[] {
  const out: Prisma.DocumentWhereInput[] = [];
  const dispatched = view === "wyslane";
  if (input.year) {
    out.push(
      dispatched
        ? { registerYear: input.year }
        : { createdAt: { gte: polishDayStart(`${input.year}-01-01`), lt: polishDayStart(`${input.year + 1}-01-01`) } },
    );
  }
  if (input.channel) out.push({ recipients: { some: { channel: input.channel } } });
  if (input.departmentId) out.push({ departmentId: input.departmentId });
  const range: Prisma.DateTimeFilter = {};
  if (input.from) range.gte = polishDayStart(input.from);
  if (input.to) range.lt = polishDayStart(nextDay(input.to));
  if (input.from || input.to) out.push(dispatched ? { dispatchedAt: range } : { createdAt: range });
  for (const word of foldText(input.q ?? "").split(" ").filter(Boolean)) out.push({ searchText: { contains: word } });
  return out;
}

function orderFor(input: ListInput, view: OutgoingView): Prisma.DocumentOrderByWithRelationInput[] {
  const dispatched = view === "wyslane";
  if (input.sort === "numer") return dispatched ? [{ registerYear: "desc" }, { registerSeq: "desc" }, { id: "asc" }] : [{ seq: "desc" }];
  const dir = input.sort === "najstarsze" ? "asc" : "desc";
  return dispatched ? [{ dispatchedAt: dir }, { id: "asc" }] : [{ createdAt: dir }, { id: "asc" }];
}

/** The outgoing register and working views, filtered, sorted and paginated on the server. */
export async function listOutgoing(ctx: ServiceContext, input: ListInput): Promise<OutgoingList> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const base = (view: OutgoingView): Prisma.DocumentWhereInput => ({
    AND: [{ kind: "OUTGOING" }, documentVisibleWhere(scope, { kind: "OUTGOING", statuses: VIEW_STATUSES[view] }), viewWhere(view, scope), ...filterWhere(input, view)],
  });
  const counts = Object.fromEntries(
    await Promise.all(OUTGOING_VIEWS.map(async (v) => [v, await ctx.db.document.count({ where: base(v), orderBy: orderFor(input, v), ...CAPPED_COUNT })] as const)),
  ) as Record<OutgoingView, number>;
  const { total, totalCapped, page, pages } = pageWindow(input.page, counts[input.view], OUTGOING_PAGE_SIZE);
  const [rows, departments] = await Promise.all([
    ctx.db.document.findMany({ where: base(input.view), orderBy: orderFor(input, input.view), skip: (page - 1) * OUTGOING_PAGE_SIZE, take: OUTGOING_PAGE_SIZE, select: listSelect }),
    ctx.db.department.findMany({ where: { active: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: { id: true, symbol: true, name: true } }),
  ]);
  return {
    items: rows.map(toListItem),
    total,
    totalCapped,
    page,
    pages,
    pageSize: OUTGOING_PAGE_SIZE,
    counts,
    departments: departments.map((d) => ({ id: d.id, label: `${d.symbol} — ${d.name}` })),
    canDispatch: can(ctx.actor.roles, "letters.dispatch"),
  };
}

/** One letter with its recipients, approval path, history and the actions the actor may take. */
export async function getOutgoing(ctx: ServiceContext, id: string): Promise<OutgoingDetail> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const doc = await ctx.db.document.findFirst({
    where: { AND: [{ id, kind: "OUTGOING" }, documentVisibleWhere(scope)] },
    select: {
      id: true,
      seq: true,
      registerNo: true,
      subject: true,
      body: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      dispatchedAt: true,
      createdById: true,
      department: { select: { id: true, symbol: true, name: true } },
      createdBy: { select: { id: true, firstName: true, lastName: true } },
      dispatchedBy: { select: { id: true, firstName: true, lastName: true } },
      case: { select: { id: true, mark: true, title: true } },
      replyTo: { select: { id: true, seq: true, registerNo: true, subject: true } },
      recipients: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, contactId: true, name: true, address: true, email: true, channel: true, trackingNo: true, deliveredOn: true, dispatchBook: { select: { id: true, number: true } } },
      },
      approvalSteps: {
        orderBy: { order: "asc" },
        select: {
          id: true,
          order: true,
          status: true,
          comment: true,
          decidedAt: true,
          approverId: true,
          signatureId: true,
          approver: { select: { id: true, firstName: true, lastName: true, position: { select: { name: true } } } },
        },
      },
    },
  });
  if (!doc) throw notFound(OUTGOING_NOT_FOUND);
  const signatures = await ctx.db.documentSignature.findMany({
    where: { file: { documentId: id } },
    orderBy: [{ signedAt: "asc" }, { id: "asc" }],
    select: { id: true, signerName: true, signedAt: true, format: true, file: { select: { fileName: true } } },
  });
  const history = await ctx.db.auditEvent.findMany({
    where: { documentId: id },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, action: true, actorName: true, actorPosition: true, occurredAt: true, data: true },
  });
  const status = doc.status as OutgoingStatus;
  const author = actsFor(scope, doc.createdById);
  const pending = doc.approvalSteps.find((s) => s.status === "PENDING");
  const lastStep = latestDecision(doc.approvalSteps);
  const dispatcher = can(ctx.actor.roles, "letters.dispatch");
  return {
    id: doc.id,
    seq: doc.seq,
    label: documentLabel(doc),
    registerNo: doc.registerNo,
    subject: doc.subject,
    body: doc.body ?? "",
    status,
    department: doc.department,
    author: { id: doc.createdBy.id, name: fullName(doc.createdBy) },
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    dispatchedAt: doc.dispatchedAt,
    dispatchedBy: doc.dispatchedBy ? { id: doc.dispatchedBy.id, name: fullName(doc.dispatchedBy) } : null,
    case: doc.case,
    replyTo: doc.replyTo ? { id: doc.replyTo.id, label: documentLabel(doc.replyTo), subject: doc.replyTo.subject } : null,
    recipients: doc.recipients.map((r) => ({
      id: r.id,
      contactId: r.contactId,
      name: r.name,
      address: r.address,
      email: r.email,
      channel: r.channel as OutgoingChannel,
      trackingNo: r.trackingNo,
      deliveredOn: r.deliveredOn ? dateOnly(r.deliveredOn) : null,
      dispatchBook: r.dispatchBook,
    })),
    approvalSteps: doc.approvalSteps.map((s) => ({
      id: s.id,
      order: s.order,
      approver: { id: s.approver.id, name: fullName(s.approver), position: s.approver.position?.name ?? null },
      status: s.status,
      comment: s.comment,
      decidedAt: s.decidedAt,
      signed: s.signatureId !== null,
    })),
    signatures: signatures.map((s) => ({ id: s.id, signerName: s.signerName, signedAt: s.signedAt, format: s.format, fileName: s.file.fileName })),
    rejection:
      status === "DRAFT" && lastStep?.status === "REJECTED" ? { comment: lastStep.comment, by: fullName(lastStep.approver), at: lastStep.decidedAt ?? doc.updatedAt } : null,
    history: history.map((h) => {
      const data = (h.data ?? {}) as { comment?: unknown };
      return {
        id: String(h.id),
        action: h.action,
        actorName: h.actorName,
        actorPosition: h.actorPosition,
        occurredAt: h.occurredAt,
        comment: typeof data.comment === "string" && data.comment ? data.comment : null,
      };
    }),
    can: {
      edit: author && statusAllows(status, "edit"),
      submit: author && statusAllows(status, "submit"),
      withdraw: author && statusAllows(status, "withdraw"),
      decide: statusAllows(status, "decide") && Boolean(pending) && actsFor(scope, pending?.approverId),
      dispatch: dispatcher && statusAllows(status, "dispatch"),
      recordDelivery: (dispatcher || author) && statusAllows(status, "recordDelivery"),
      uploadFiles: author && statusAllows(status, "edit"),
    },
  };
}

// ——— "Do mnie" (contract 5) ———

const inboxSelect = {
  id: true,
  seq: true,
  registerNo: true,
  subject: true,
  updatedAt: true,
  createdBy: { select: { firstName: true, lastName: true } },
  department: { select: { symbol: true } },
  approvalSteps: { where: { decidedAt: { not: null } }, orderBy: [{ decidedAt: "desc" }, { order: "asc" }], take: 1, select: { status: true, comment: true, decidedAt: true } },
} as const satisfies Prisma.DocumentSelect;

/** The most recent decision on a letter's steps (a rejection and the steps it skipped share one moment; the rejected step comes first). */
function latestDecision<T extends { order: number; decidedAt: Date | null }>(steps: T[]): T | undefined {
  return steps
    .filter((s) => s.decidedAt)
    .sort((a, b) => b.decidedAt!.getTime() - a.decidedAt!.getTime() || a.order - b.order)[0];
}

function awaitingMeWhere(scope: WorkScope): Prisma.DocumentWhereInput {
  return { kind: "OUTGOING", status: "AWAITING_APPROVAL", approvalSteps: { some: { status: "PENDING", approverId: { in: scope.userIds } } } };
}

function rejectedCandidatesWhere(scope: WorkScope): Prisma.DocumentWhereInput {
  return { kind: "OUTGOING", status: "DRAFT", createdById: { in: scope.userIds }, approvalSteps: { some: { status: "REJECTED" } } };
}

/** Letters waiting for the actor's (or the absent person's they substitute) approval, and the actor's drafts returned with a comment. */
export async function listInboxApprovals(ctx: ServiceContext, input: { page?: number } = {}): Promise<InboxApprovalsDto> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const take = 20;
  const page = Math.max(1, input.page ?? 1);
  const [toApprove, toApproveTotal, rejectedRows] = await Promise.all([
    ctx.db.document.findMany({ where: awaitingMeWhere(scope), orderBy: [{ updatedAt: "asc" }, { id: "asc" }], skip: (page - 1) * take, take, select: inboxSelect }),
    ctx.db.document.count({ where: awaitingMeWhere(scope) }),
    ctx.db.document.findMany({ where: rejectedCandidatesWhere(scope), orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: 200, select: inboxSelect }),
  ]);
  const rejected = rejectedRows.filter((r) => r.approvalSteps[0]?.status === "REJECTED");
  const item = (r: (typeof toApprove)[number], wasRejected: boolean) => ({
    id: r.id,
    label: documentLabel(r),
    subject: r.subject,
    authorName: fullName(r.createdBy),
    departmentSymbol: r.department?.symbol ?? null,
    since: wasRejected ? (r.approvalSteps[0]?.decidedAt ?? r.updatedAt) : r.updatedAt,
    comment: wasRejected ? (r.approvalSteps[0]?.comment ?? null) : null,
  });
  return {
    toApprove: toApprove.map((r) => item(r, false)),
    toApproveTotal,
    rejected: rejected.slice(0, take).map((r) => item(r, true)),
    rejectedTotal: rejected.length,
  };
}

/** Contract 5: counts for the dashboard and "Do mnie" (toDispatch only for the kancelaria). */
export async function countOutgoingInbox(ctx: ServiceContext, loaded?: WorkScope): Promise<OutgoingInboxCounts> {
  assertCan(ctx.actor, "documents.work");
  const scope = loaded ?? (await loadWorkScope(ctx.db, ctx.actor));
  const [toApprove, toDispatch, rejectedRows] = await Promise.all([
    ctx.db.document.count({ where: awaitingMeWhere(scope) }),
    can(ctx.actor.roles, "letters.dispatch") ? ctx.db.document.count({ where: { AND: [{ kind: "OUTGOING", status: "APPROVED" }, documentVisibleWhere(scope)] } }) : Promise.resolve(0),
    ctx.db.document.findMany({
      where: rejectedCandidatesWhere(scope),
      take: 200,
      select: { approvalSteps: { where: { decidedAt: { not: null } }, orderBy: [{ decidedAt: "desc" }, { order: "asc" }], take: 1, select: { status: true } } },
    }),
  ]);
  return { toApprove, toDispatch, rejected: rejectedRows.filter((r) => r.approvalSteps[0]?.status === "REJECTED").length };
}
