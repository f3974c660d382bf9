/**
 * Notifications: created in the transaction of the change they report (`notify`), delivered by
 * each person's preference — in the app only, in the app and by e-mail at once, in the daily
 * digest, or not at all — and signalled to the person's open tabs after commit. Framework-free.
 */
import { env } from "@/env";
import { createTranslator, localeOr, todayInPoland } from "@/lib/i18n/translator";
import { can } from "@/lib/permissions";
import { workCounts, type WorkCounts } from "@/modules/dashboard/dashboard.service";
import { fromDateOnly } from "@/modules/letters/letters.dates";
import { queueEmail } from "@/modules/mail/mail.service";
import { signalUsers } from "@/modules/realtime/realtime.jobs";
import { recordAudit } from "@/server/audit/audit";
import { diffFields } from "@/server/audit/audit.events";
import type { ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { badRequest } from "@/server/errors";
import { DEFAULT_DELIVERY, isNotificationType, NOTIFICATION_TYPES, notificationText, type Delivery, type NotificationParams, type NotificationType } from "./notifications.types";

export const NOTIFICATIONS_PAGE_SIZE = 20;
const SUMMARY_LATEST = 6;

export interface NotifyInput<T extends NotificationType> {
  type: T;
  userIds: (string | null | undefined)[];
  params: NotificationParams[T];
  /** Path in the app (e.g. /pisma/przychodzace/…). */
  link: string;
  /** The person who caused it is never notified of their own act. */
  actorId?: string | null;
  /** Stored once per person (e.g. "deadline approaching" for one case and due date). */
  dedupeKey?: string;
  /** Personal matters (chat messages) are not copied to the person's substitutes. */
  personal?: boolean;
  now?: Date;
}

/**
 * Notifies people (and, unless `personal`, whoever substitutes them today) in the caller's transaction. Returns how
 * many notifications were stored.
 */
export async function notify<T extends NotificationType>(tx: Tx, input: NotifyInput<T>): Promise<number> {
  const now = input.now ?? new Date();
  const direct = [...new Set(input.userIds.filter((id): id is string => Boolean(id) && id !== input.actorId))];
  if (direct.length === 0) return 0;
  const today = fromDateOnly(todayInPoland(now));
  const substitutions = input.personal ? [] : await tx.substitution.findMany({
    where: { absentId: { in: direct }, cancelledAt: null, dateFrom: { lte: today }, dateTo: { gte: today } },
    select: { substituteId: true, absent: { select: { firstName: true, lastName: true } } },
  });
  const onBehalfOf = new Map<string, string>();
  for (const s of substitutions) {
    if (s.substituteId !== input.actorId && !direct.includes(s.substituteId)) onBehalfOf.set(s.substituteId, `${s.absent.firstName} ${s.absent.lastName}`);
  }
  const users = await tx.user.findMany({
    where: { id: { in: [...direct, ...onBehalfOf.keys()] }, active: true },
    select: { id: true, email: true, firstName: true, lastName: true, locale: true, notificationPrefs: { where: { type: input.type }, select: { delivery: true } } },
  });

  let stored = 0;
  const notified: string[] = [];
  for (const user of users) {
    const delivery: Delivery = user.notificationPrefs[0]?.delivery ?? DEFAULT_DELIVERY[input.type];
    if (delivery === "OFF") continue;
    const params = { ...input.params, ...(onBehalfOf.has(user.id) && { onBehalfOf: onBehalfOf.get(user.id) }) };
    const { count } = await tx.notification.createMany({
      data: [{ userId: user.id, type: input.type, params, link: input.link, delivery, dedupeKey: input.dedupeKey ?? null, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) continue; // already notified of this once-only event
    stored += 1;
    notified.push(user.id);
    if (delivery === "EMAIL") {
      const locale = localeOr(user.locale);
      const t = createTranslator(locale);
      const text = notificationText(t, input.type, params, onBehalfOf.get(user.id));
      await queueEmail(tx, {
        to: user.email,
        toName: `${user.firstName} ${user.lastName}`,
        toUserId: user.id,
        locale,
        template: "notification",
        props: { name: user.firstName, title: text.title, body: text.body, actionUrl: absoluteUrl(input.link), actionLabel: t("notifications.email.open"), preferencesUrl: absoluteUrl("/powiadomienia/ustawienia") },
      });
    }
  }
  await signalUsers(tx, notified, ["notifications"]);
  return stored;
}

export function absoluteUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

// Reading ---------------------------------------------------------------------------------------

export interface NotificationDto {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
}

type Row = { id: string; type: string; params: unknown; link: string | null; createdAt: Date; readAt: Date | null };
const rowSelect = { id: true, type: true, params: true, link: true, createdAt: true, readAt: true } as const;

function toDto(ctx: ServiceContext, row: Row): NotificationDto | null {
  if (!isNotificationType(row.type)) return null; // a type removed from the catalogue
  const t = createTranslator(localeOr(ctx.actor.locale));
  const params = (row.params ?? {}) as Record<string, unknown>;
  const text = notificationText(t, row.type, params, typeof params.onBehalfOf === "string" ? params.onBehalfOf : null);
  return { id: row.id, type: row.type, ...text, link: row.link, createdAt: row.createdAt, read: row.readAt !== null };
}

const present = <T>(x: T | null): x is T => x !== null;

export interface NotificationPage {
  items: NotificationDto[];
  total: number;
  unread: number;
  page: number;
  pages: number;
}

export async function listNotifications(ctx: ServiceContext, input: { page?: number; unreadOnly?: boolean }): Promise<NotificationPage> {
  const mine = { userId: ctx.actor.id };
  const where = input.unreadOnly ? { ...mine, readAt: null } : mine;
  const [total, unread] = await Promise.all([ctx.db.notification.count({ where }), ctx.db.notification.count({ where: { ...mine, readAt: null } })]);
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page ?? 1), pages);
  const rows = await ctx.db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: rowSelect,
  });
  return { items: rows.map((r) => toDto(ctx, r)).filter(present), total, unread, page, pages };
}

export interface NotificationSummary {
  unread: number;
  latest: NotificationDto[];
  /** What waits in "Do mnie" (null without documents.work). */
  inbox: number | null;
}

/** What the bell and the "Do mnie" badge show; refetched when a live signal arrives. */
export async function notificationSummary(ctx: ServiceContext, now = new Date()): Promise<NotificationSummary> {
  const mine = { userId: ctx.actor.id };
  const [unread, rows, work] = await Promise.all([
    ctx.db.notification.count({ where: { ...mine, readAt: null } }),
    ctx.db.notification.findMany({ where: mine, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: SUMMARY_LATEST, select: rowSelect }),
    can(ctx.actor.roles, "documents.work") ? workCounts(ctx, now) : null,
  ]);
  return { unread, latest: rows.map((r) => toDto(ctx, r)).filter(present), inbox: work ? inboxTotal(work) : null };
}

/** Everything in "Do mnie" that waits for the person to act. */
export function inboxTotal(w: WorkCounts): number {
  return w.lettersToAccept + w.lettersToAssign + w.lettersInfo + w.draftsToApprove + w.draftsRejected + w.lettersToDispatch;
}

/** Marks the actor's notifications read (the given ones, or all); the other tabs follow. */
export async function markNotificationsRead(ctx: ServiceContext, input: { ids?: string[]; all?: boolean }, now = new Date()): Promise<{ updated: number }> {
  if (!input.all && (!input.ids || input.ids.length === 0)) return { updated: 0 };
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: ctx.actor.id, readAt: null, ...(input.all ? {} : { id: { in: input.ids } }) },
      data: { readAt: now },
    });
    if (count > 0) await signalUsers(tx, [ctx.actor.id], ["notifications"]);
    return { updated: count };
  });
}

/** Opens one notification: marks it read and returns where it leads (null: not the actor's). */
export async function openNotification(ctx: ServiceContext, id: string, now = new Date()): Promise<string | null> {
  const row = await ctx.db.notification.findFirst({ where: { id, userId: ctx.actor.id }, select: { link: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) await markNotificationsRead(ctx, { ids: [id] }, now);
  return safeLink(row.link);
}

/** Only paths inside the app (never another site: "//host" or "https://…"). */
export function safeLink(link: string | null): string {
  return link && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : "/powiadomienia";
}

// Preferences -----------------------------------------------------------------------------------

export interface PreferenceDto {
  type: NotificationType;
  delivery: Delivery;
  isDefault: boolean;
}

export async function getPreferences(ctx: ServiceContext): Promise<{ email: string; items: PreferenceDto[] }> {
  const [rows, user] = await Promise.all([
    ctx.db.notificationPreference.findMany({ where: { userId: ctx.actor.id }, select: { type: true, delivery: true } }),
    ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { email: true } }),
  ]);
  const chosen = new Map(rows.map((r) => [r.type, r.delivery]));
  return {
    email: user.email,
    items: NOTIFICATION_TYPES.map((type) => ({ type, delivery: chosen.get(type) ?? DEFAULT_DELIVERY[type], isDefault: !chosen.has(type) })),
  };
}

export async function updatePreferences(ctx: ServiceContext, input: { items: { type: string; delivery: Delivery }[] }): Promise<{ email: string; items: PreferenceDto[] }> {
  const unknown = input.items.find((i) => !isNotificationType(i.type));
  if (unknown) throw badRequest("Nieznany rodzaj powiadomienia.");
  const before = await getPreferences(ctx);
  await ctx.db.$transaction(async (tx) => {
    for (const item of input.items) {
      await tx.notificationPreference.upsert({
        where: { userId_type: { userId: ctx.actor.id, type: item.type } },
        create: { userId: ctx.actor.id, type: item.type, delivery: item.delivery },
        update: { delivery: item.delivery },
      });
    }
    const asRecord = (items: { type: string; delivery: Delivery }[]) => Object.fromEntries(items.map((i) => [i.type, i.delivery]));
    const from = asRecord(before.items);
    const changes = diffFields(from, { ...from, ...asRecord(input.items) }, Object.keys(from));
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, ctx, { action: "notification.preferences-updated", entityType: "user", entityId: ctx.actor.id, data: { changes } });
    }
  });
  return getPreferences(ctx);
}
