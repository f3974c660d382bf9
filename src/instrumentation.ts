/**
 * Server start-up: the embedded realtime server (when no Pusher service is configured), the
 * database (migrate, seed), the outbox worker woken by the database on every commit that queued
 * work, and the daily schedule (deadline notifications, digest, housekeeping).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./env");
  const { startRealtime } = await import("./server/integrations/realtime");
  await startRealtime();
  const { getDatabase, getDb } = await import("./server/db");
  const database = await getDatabase();
  if (env.OUTBOX_WORKER) {
    await import("./server/jobs/all-jobs");
    const { startOutboxWorker, wakeOutboxWorker } = await import("./server/jobs/worker");
    const { scheduleDailyJobs } = await import("./modules/notifications/notifications.jobs");
    const { scheduleMaintenance } = await import("./server/jobs/maintenance");
    const { scheduleEspExpiry } = await import("./modules/outgoing/outgoing.esp");
    const { scheduleTaskReminders } = await import("./modules/tasks/tasks.jobs");
    const { notifyUnreadMessages } = await import("./modules/chat/chat.service");
    startOutboxWorker(getDb);
    await database.listen("obieg_outbox", wakeOutboxWorker).catch((error: unknown) => console.error("[outbox] LISTEN failed, polling only", error));
    const schedule = () =>
      Promise.all([scheduleDailyJobs(database.prisma), scheduleMaintenance(database.prisma), scheduleEspExpiry(database.prisma), scheduleTaskReminders(database.prisma), notifyUnreadMessages(database.prisma)]).catch((error: unknown) => console.error("[schedule] failed", error));
    void schedule();
    // An empty search index over a database with records (e.g. a fresh Meilisearch): rebuild it in the background.
    const { ensureSearchIndex } = await import("./modules/search/search.admin");
    void ensureSearchIndex(database.prisma)
      .then((queued) => queued && wakeOutboxWorker())
      .catch((error: unknown) => console.error("[search] start-up index check failed", error));
    setInterval(schedule, 60_000).unref();
  }
}
