/**
 * Daily reminders about task deadlines (06:30 Polish time, before the 07:00 digest). The server
 * calls `scheduleTaskReminders` every minute; the dedupe key makes it run once a day.
 */
import { z } from "zod";
import { todayInPoland } from "@/lib/i18n/translator";
import { warsawLocalToDate } from "@/modules/letters/letters.dates";
import type { Db } from "@/server/db";
import { defineJob, enqueue } from "@/server/jobs/outbox";
import { remindTaskDeadlines } from "./tasks.service";

export const taskRemindersJob = defineJob({
  type: "tasks.reminders",
  payload: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  maxAttempts: 5,
  async run({ day }, { db }) {
    await remindTaskDeadlines(db, day);
  },
});

export async function scheduleTaskReminders(db: Db, now = new Date()): Promise<void> {
  const day = todayInPoland(now);
  await enqueue(db, taskRemindersJob, { day }, { dedupeKey: `daily:task-reminders:${day}`, runAt: warsawLocalToDate(`${day}T06:30`) });
}
