/**
 * Daily work of the notifications module, run by the outbox worker: case deadline notifications
 * (06:00 Polish time) and the e-mail digest (07:00). `scheduleDailyJobs` is called every minute by
 * the server; the dedupe keys make each run happen once per day however many servers call it.
 */
import { z } from "zod";
import { createTranslator, formatDate, formatDateTime, localeOr, todayInPoland } from "@/lib/i18n/translator";
import { ACTIVE_CASE_STATUSES } from "@/modules/cases/cases.schemas";
import { addDays } from "@/modules/cases/deadlines";
import { fromDateOnly, warsawLocalToDate } from "@/modules/letters/letters.dates";
import { queueEmail } from "@/modules/mail/mail.service";
import type { Db } from "@/server/db";
import { defineJob, enqueue } from "@/server/jobs/outbox";
import { absoluteUrl, notify } from "./notifications.service";
import { isNotificationType, notificationText } from "./notifications.types";

const ZDay = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const DAYS_BEFORE_DEADLINE = 3;
const DIGEST_MAX_ITEMS = 50;


/** Open cases due within three days or already overdue: their handlers hear once per case and due date. */
export async function notifyCaseDeadlines(db: Db, day: string, now = new Date()): Promise<{ approaching: number; missed: number }> {
  const cases = await db.case.findMany({
    where: { status: { in: [...ACTIVE_CASE_STATUSES] }, dueDate: { not: null, lte: fromDateOnly(addDays(day, DAYS_BEFORE_DEADLINE)) } },
    select: { id: true, mark: true, title: true, dueDate: true, responsibleId: true },
    orderBy: { dueDate: "asc" },
  });
  let approaching = 0;
  let missed = 0;
  for (const c of cases) {
    const due = c.dueDate!.toISOString().slice(0, 10);
    const overdue = due < day;
    const type = overdue ? "case.deadline-missed" : "case.deadline-approaching";
    const stored = await db.$transaction((tx) =>
      notify(tx, { type, userIds: [c.responsibleId], params: { mark: c.mark, title: c.title, due: formatDate(c.dueDate!) }, link: `/sprawy/${c.id}`, dedupeKey: `${type}:${c.id}:${due}`, now }),
    );
    if (stored > 0) {
      if (overdue) missed += 1;
      else approaching += 1;
    }
  }
  return { approaching, missed };
}

export const caseDeadlinesJob = defineJob({
  type: "notifications.case-deadlines",
  payload: ZDay,
  maxAttempts: 5,
  async run({ day }, { db }) {
    await notifyCaseDeadlines(db, day);
  },
});

/** One e-mail per person with everything waiting for the digest; the items are marked as sent in it. */
export async function sendDigests(db: Db, day: string, now = new Date()): Promise<number> {
  const pending = await db.notification.groupBy({ by: ["userId"], where: { delivery: "DIGEST", digestedAt: null, createdAt: { lte: now } } });
  let sent = 0;
  for (const { userId } of pending) {
    const done = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, firstName: true, lastName: true, locale: true, active: true } });
      const rows = await tx.notification.findMany({
        where: { userId, delivery: "DIGEST", digestedAt: null, createdAt: { lte: now } },
        orderBy: { createdAt: "asc" },
        select: { id: true, type: true, params: true, link: true, createdAt: true },
      });
      await tx.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { digestedAt: now } });
      if (!user?.active) return false;
      const locale = localeOr(user.locale);
      const t = createTranslator(locale);
      const items = rows
        .filter((r) => isNotificationType(r.type))
        .slice(-DIGEST_MAX_ITEMS)
        .map((r) => {
          const params = (r.params ?? {}) as Record<string, unknown>;
          const text = notificationText(t, r.type as Parameters<typeof notificationText>[1], params, typeof params.onBehalfOf === "string" ? params.onBehalfOf : null);
          return { title: text.title, body: text.body, url: absoluteUrl(r.link ?? "/powiadomienia"), when: formatDateTime(r.createdAt, locale) };
        });
      if (items.length === 0) return false;
      await queueEmail(tx, {
        to: user.email,
        toName: `${user.firstName} ${user.lastName}`,
        toUserId: userId,
        locale,
        template: "digest",
        props: { name: user.firstName, dateLabel: formatDate(fromDateOnly(day), locale), items, preferencesUrl: absoluteUrl("/powiadomienia/ustawienia") },
      });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

export const digestJob = defineJob({
  type: "notifications.digest",
  payload: ZDay,
  maxAttempts: 5,
  async run({ day }, { db }) {
    await sendDigests(db, day);
  },
});

/** Queues today's deadline check and digest (once per day: dedupe keys), at their Polish hour. */
export async function scheduleDailyJobs(db: Db, now = new Date()): Promise<void> {
  const day = todayInPoland(now);
  await db.$transaction(async (tx) => {
    await enqueue(tx, caseDeadlinesJob, { day }, { dedupeKey: `daily:case-deadlines:${day}`, runAt: warsawLocalToDate(`${day}T06:00`) });
    await enqueue(tx, digestJob, { day }, { dedupeKey: `daily:digest:${day}`, runAt: warsawLocalToDate(`${day}T07:00`) });
  });
}
