/**
 * E-mail: queueing a message in the caller's transaction (rendered once, stored, sent after commit
 * by the `email.send` job), the administrator's view of every message with "send again" for failed
 * ones, and each user's own messages ("Moja poczta"). Framework-free.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { renderEmail, type EmailTemplates } from "@emails/index";
import { CAPPED_COUNT, pageWindow } from "@/lib/paging";
import type { Locale } from "@/lib/i18n/translator";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { conflict, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/outbox";
import { wakeOutboxWorker } from "@/server/jobs/worker";
import { oneLine } from "@emails/context";
import { sendEmailJob } from "./mail.jobs";
import {
  MAIL_PAGE_SIZE,
  ZEmailIdInput,
  ZMailListInput,
  ZMyMailListInput,
  type EmailDetail,
  type EmailIdInput,
  type EmailListItem,
  type EmailPage,
  type MailFilters,
  type MailListInput,
  type MyMailListInput,
} from "./mail.schemas";

export interface QueueEmailInput<K extends keyof EmailTemplates> {
  to: string;
  toName?: string;
  toUserId?: string;
  locale: Locale;
  template: K;
  props: EmailTemplates[K];
}

const ZAddress = z.email();

/**
 * Renders the template in `locale` with the office's branding, stores the message (QUEUED) and
 * enqueues its sending, all with the caller's transaction client: the e-mail exists if and only if
 * the change that caused it commits. Sending happens after commit, in the outbox worker.
 */
export async function queueEmail<K extends keyof EmailTemplates>(tx: Tx, input: QueueEmailInput<K>): Promise<{ id: string }> {
  const to = input.to.trim();
  if (!ZAddress.safeParse(to).success) throw new Error(`queueEmail: invalid recipient address "${to.slice(0, 100)}"`);
  const office = await tx.office.findUnique({ where: { id: 1 }, select: { name: true } });
  const rendered = await renderEmail(input.template, input.props, { locale: input.locale, officeName: office?.name ?? "Obieg", appUrl: env.APP_URL });
  const toName = input.toName ? oneLine(input.toName, 200) : "";
  const message = await tx.emailMessage.create({
    data: {
      toAddress: to,
      toName: toName || null,
      toUserId: input.toUserId ?? null,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      template: input.template,
    },
    select: { id: true },
  });
  await enqueue(tx, sendEmailJob, { messageId: message.id }, { dedupeKey: `email:${message.id}` });
  return { id: message.id };
}

// — reading —

const LIST_SELECT = {
  id: true,
  createdAt: true,
  toAddress: true,
  toName: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  sentAt: true,
} as const satisfies Prisma.EmailMessageSelect;

const DETAIL_SELECT = { ...LIST_SELECT, toUserId: true, transport: true, providerId: true, html: true, text: true } as const satisfies Prisma.EmailMessageSelect;

type DetailRow = Prisma.EmailMessageGetPayload<{ select: typeof DETAIL_SELECT }>;

const ORDER = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.EmailMessageOrderByWithRelationInput[];

function filterWhere(filters: MailFilters): Prisma.EmailMessageWhereInput {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.template ? { template: filters.template } : {}),
    ...(filters.to
      ? { OR: [{ toAddress: { contains: filters.to, mode: "insensitive" } }, { toName: { contains: filters.to, mode: "insensitive" } }] }
      : {}),
  };
}

async function listPage(ctx: ServiceContext, where: Prisma.EmailMessageWhereInput, requestedPage: number): Promise<EmailPage> {
  const counted = await ctx.db.emailMessage.count({ where, orderBy: ORDER, ...CAPPED_COUNT });
  const { total, totalCapped, page, pages } = pageWindow(requestedPage, counted, MAIL_PAGE_SIZE);
  const items: EmailListItem[] = await ctx.db.emailMessage.findMany({ where, orderBy: ORDER, skip: (page - 1) * MAIL_PAGE_SIZE, take: MAIL_PAGE_SIZE, select: LIST_SELECT });
  return { items, total, totalCapped, page, pages, pageSize: MAIL_PAGE_SIZE };
}

/** The jobs that sent (or try to send) a message: `email:<id>` and, after "send again", `email:<id>:resend:<n>`. */
const jobsOf = (id: string): Prisma.OutboxJobWhereInput => ({ type: sendEmailJob.type, OR: [{ dedupeKey: `email:${id}` }, { dedupeKey: { startsWith: `email:${id}:` } }] });

async function toDetail(ctx: ServiceContext, row: DetailRow, admin: boolean): Promise<EmailDetail> {
  if (!admin) {
    // The addressee sees the message, not the delivery internals (provider errors, ids).
    return { ...row, lastError: null, transport: null, providerId: null, delivery: null, canResend: false };
  }
  const job = await ctx.db.outboxJob.findFirst({ where: jobsOf(row.id), orderBy: { id: "desc" }, select: { status: true, attempts: true, maxAttempts: true, runAt: true } });
  return {
    ...row,
    delivery: job
      ? { jobStatus: job.status, jobAttempts: job.attempts, maxAttempts: job.maxAttempts, nextAttemptAt: job.status === "PENDING" ? job.runAt : null }
      : null,
    canResend: row.status === "FAILED",
  };
}

/** Every message, newest first, filtered by status, recipient and template (administrator). */
export async function listEmails(ctx: ServiceContext, input: MailListInput): Promise<EmailPage> {
  assertCan(ctx.actor, "mail.view");
  const { filters, page } = ZMailListInput.parse(input);
  return listPage(ctx, filterWhere(filters), page);
}

/** One message with its content and delivery state (administrator). */
export async function getEmail(ctx: ServiceContext, input: EmailIdInput): Promise<EmailDetail> {
  assertCan(ctx.actor, "mail.view");
  const { id } = ZEmailIdInput.parse(input);
  const row = await ctx.db.emailMessage.findUnique({ where: { id }, select: DETAIL_SELECT });
  if (!row) throw notFound("Nie znaleziono takiej wiadomości.");
  return toDetail(ctx, row, true);
}

/** Sends a FAILED message again: back to QUEUED with a new `email.send` job, audited in the same transaction. */
export async function resendEmail(ctx: ServiceContext, input: EmailIdInput): Promise<EmailDetail> {
  assertCan(ctx.actor, "mail.view");
  const { id } = ZEmailIdInput.parse(input);
  await ctx.db.$transaction(async (tx) => {
    const message = await tx.emailMessage.findUnique({ where: { id }, select: { status: true, attempts: true, toAddress: true, subject: true } });
    if (!message) throw notFound("Nie znaleziono takiej wiadomości.");
    // Conditional update: two administrators clicking at once queue it once.
    const { count } = await tx.emailMessage.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED" } });
    if (message.status !== "FAILED" || count !== 1) {
      throw conflict("Ponownie wysłać można tylko wiadomość, której nie udało się wysłać. Odśwież stronę, aby zobaczyć jej obecny stan.");
    }
    await enqueue(tx, sendEmailJob, { messageId: id }, { dedupeKey: `email:${id}:resend:${message.attempts}` });
    await recordAudit(tx, ctx, { action: "email.resent", entityType: "email", entityId: id, data: { to: message.toAddress, subject: message.subject } });
  });
  wakeOutboxWorker();
  return getEmail(ctx, { id });
}

/** "Moja poczta": the messages addressed to the actor, newest first. */
export async function listMyEmails(ctx: ServiceContext, input: MyMailListInput): Promise<EmailPage> {
  const { page } = ZMyMailListInput.parse(input);
  return listPage(ctx, { toUserId: ctx.actor.id }, page);
}

/** One of the actor's own messages; anyone else's answers NOT_FOUND, so its existence does not leak. */
export async function getMyEmail(ctx: ServiceContext, input: EmailIdInput): Promise<EmailDetail> {
  const { id } = ZEmailIdInput.parse(input);
  const row = await ctx.db.emailMessage.findFirst({ where: { id, toUserId: ctx.actor.id }, select: DETAIL_SELECT });
  if (!row) throw notFound("Nie znaleziono takiej wiadomości.");
  return toDetail(ctx, row, false);
}
