/**
 * Housekeeping of the outbox: finished jobs are kept 14 days for the "Zadania w tle" viewer, then
 * removed (DEAD jobs stay until an administrator retries them); rate-limit hits older than a day are
 * removed. Runs daily at 03:00 Polish time.
 */
import { z } from "zod";
import { todayInPoland } from "@/lib/i18n/translator";
import { warsawLocalToDate } from "@/modules/letters/letters.dates";
import type { Db } from "../db";
import { removeOldRateLimitHits } from "../ratelimit";
import { defineJob, enqueue } from "./outbox";

export const DONE_JOBS_KEPT_DAYS = 14;

export const outboxCleanupJob = defineJob({
  type: "outbox.cleanup",
  payload: z.object({ day: z.string() }),
  maxAttempts: 3,
  async run(_payload, { db }) {
    await removeOldJobs(db);
    await removeOldRateLimitHits(db);
  },
});

export async function removeOldJobs(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DONE_JOBS_KEPT_DAYS * 24 * 3_600_000);
  const { count } = await db.outboxJob.deleteMany({ where: { status: "DONE", doneAt: { lt: before } } });
  return count;
}

export async function scheduleMaintenance(db: Db, now = new Date()): Promise<void> {
  const day = todayInPoland(now);
  await enqueue(db, outboxCleanupJob, { day }, { dedupeKey: `daily:outbox-cleanup:${day}`, runAt: warsawLocalToDate(`${day}T03:00`) });
}
