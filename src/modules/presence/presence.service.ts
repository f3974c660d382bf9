/**
 * Presence beyond "connected" (presence-office): "away" when every open tab of a person is idle or
 * hidden, announced to the office by an event on presence-office after commit; "on leave / absent
 * until …" from today's substitutions; both read by every staff member's browser in one overview.
 * Framework-free. Presence flips are not audited: they are not acts on records, and an entry every
 * ten minutes per person would bury the audit trail.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import { todayInPoland } from "@/lib/i18n/translator";
import { findAbsencesOn } from "@/modules/substitutions/substitutions.service";
import type { ServiceContext } from "@/server/context";
import type { Db } from "@/server/db";
import { enqueue } from "@/server/jobs/outbox";
import { presenceChangedJob } from "./presence.jobs";
import { ZReportPresenceInput, type Absence, type PresenceOverview } from "./presence.schemas";
import { absentUntil, aggregateAway, applyReport, isLeaveReason, parseTabs, TAB_STALE_MS } from "./presence.state";

/**
 * One tab's report (on every change and every minute). The person's row is locked, the tab's state
 * stored, stale tabs dropped; when the person's aggregate changes, the office is told.
 */
export async function reportPresence(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<{ away: boolean }> {
  const input = ZReportPresenceInput.parse(raw);
  const userId = ctx.actor.id;
  const at = now.getTime();
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "PresenceState" ("userId") VALUES (${userId}) ON CONFLICT ("userId") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ away: boolean; tabs: unknown }[]>`
      SELECT "away", "tabs" FROM "PresenceState" WHERE "userId" = ${userId} FOR UPDATE`;
    const tabs = applyReport(parseTabs(row?.tabs), input.tabId, input.away, at, input.closed);
    const away = aggregateAway(tabs, at);
    await tx.presenceState.update({ where: { userId }, data: { away, tabs: tabs as unknown as Prisma.InputJsonValue, updatedAt: now } });
    // The stored flag is what browsers were last told (even if it went stale meanwhile): tell them the change.
    if (away !== Boolean(row?.away)) await enqueue(tx, presenceChangedJob, { userId, away, at });
    return { away };
  });
}

/** The absences of today (or of `userIds` only) as presence shows them: until when, leave or not, who substitutes. */
export async function absencesToday(db: Db, now = new Date(), userIds?: string[]): Promise<Absence[]> {
  const today = todayInPoland(now);
  const rows = await findAbsencesOn(db, today, userIds);
  return rows.flatMap((r) => {
    const until = absentUntil(r.ranges, today);
    if (!until) return [];
    const current = r.ranges.filter((x) => x.dateFrom <= today && x.dateTo >= today);
    return [{ userId: r.userId, until, onLeave: current.some((x) => isLeaveReason(x.reason)), substitutes: r.substitutes }];
  });
}

/** Who is away and who is absent today, for every staff member's browser. */
export async function presenceOverview(ctx: ServiceContext, now = new Date()): Promise<PresenceOverview> {
  const since = new Date(now.getTime() - TAB_STALE_MS);
  const [away, absent] = await Promise.all([
    ctx.db.presenceState.findMany({ where: { away: true, updatedAt: { gt: since }, user: { active: true } }, select: { userId: true, updatedAt: true } }),
    absencesToday(ctx.db, now),
  ]);
  return { today: todayInPoland(now), now: now.getTime(), away: away.map((a) => ({ userId: a.userId, away: true, at: a.updatedAt.getTime() })), absent };
}
