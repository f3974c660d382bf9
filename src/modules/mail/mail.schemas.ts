/** Inputs and DTOs of the mail screens (client-safe). Lists are paginated on the server, newest first. */
import { z } from "zod";
import { EMAIL_TEMPLATE_NAMES } from "@emails/templates";

export const EMAIL_STATUSES = ["QUEUED", "SENT", "LOCAL", "FAILED"] as const;
export const ZEmailStatus = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof ZEmailStatus>;

export const ZEmailTemplate = z.enum(EMAIL_TEMPLATE_NAMES);

export const MAIL_PAGE_SIZE = 50;

const ZEmailId = z.string().trim().min(1).max(40).regex(/^[a-z0-9]+$/i, "Nieprawidłowy identyfikator wiadomości.");

export const ZMailFilters = z.object({
  status: ZEmailStatus.optional(),
  /** Part of the recipient's address or name. */
  to: z.string().trim().min(1).max(200).optional(),
  template: ZEmailTemplate.optional(),
});
export type MailFilters = z.infer<typeof ZMailFilters>;

export const ZMailListInput = z.object({ filters: ZMailFilters, page: z.number().int().min(1).max(10_000).default(1) });
export type MailListInput = z.input<typeof ZMailListInput>;

export const ZMyMailListInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });
export type MyMailListInput = z.input<typeof ZMyMailListInput>;

export const ZEmailIdInput = z.object({ id: ZEmailId });
export type EmailIdInput = z.infer<typeof ZEmailIdInput>;

export const ZEmailListItem = z.object({
  id: z.string(),
  createdAt: z.date(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  template: z.string(),
  status: ZEmailStatus,
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.date().nullable(),
});
export type EmailListItem = z.infer<typeof ZEmailListItem>;

export const ZEmailPage = z.object({
  items: z.array(ZEmailListItem),
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pages: z.number(),
  pageSize: z.number(),
});
export type EmailPage = z.infer<typeof ZEmailPage>;

export const ZEmailDelivery = z.object({
  /** The outbox job of the latest sending: its state and, while queued, when the next attempt runs. */
  jobStatus: z.enum(["PENDING", "RUNNING", "DONE", "DEAD"]),
  jobAttempts: z.number(),
  maxAttempts: z.number(),
  nextAttemptAt: z.date().nullable(),
});
export type EmailDelivery = z.infer<typeof ZEmailDelivery>;

export const ZEmailDetail = ZEmailListItem.extend({
  toUserId: z.string().nullable(),
  transport: z.string().nullable(),
  providerId: z.string().nullable(),
  html: z.string(),
  text: z.string(),
  delivery: ZEmailDelivery.nullable(),
  canResend: z.boolean(),
});
export type EmailDetail = z.infer<typeof ZEmailDetail>;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
};

function pageOf(params: SearchParams): number {
  const n = Number(first(params.page));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** Reads /admin/poczta's URL; unknown values are ignored. */
export function mailInputFromSearchParams(params: SearchParams): { filters: MailFilters; page: number } {
  const status = ZEmailStatus.safeParse(first(params.status));
  const template = ZEmailTemplate.safeParse(first(params.template));
  const to = ZMailFilters.shape.to.safeParse(first(params.to));
  return {
    filters: { status: status.success ? status.data : undefined, template: template.success ? template.data : undefined, to: to.success ? to.data : undefined },
    page: pageOf(params),
  };
}

export function myMailInputFromSearchParams(params: SearchParams): { page: number } {
  return { page: pageOf(params) };
}

export function mailHref(filters: MailFilters, page = 1): string {
  const q = new URLSearchParams();
  if (filters.status) q.set("status", filters.status);
  if (filters.to) q.set("to", filters.to);
  if (filters.template) q.set("template", filters.template);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/admin/poczta?${s}` : "/admin/poczta";
}

export function myMailHref(page = 1): string {
  return page > 1 ? `/poczta?page=${page}` : "/poczta";
}
