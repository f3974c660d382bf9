/** Server start-up: open (migrate, seed) the database and start the outbox worker. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./env");
  const { getDb } = await import("./server/db");
  await getDb();
  if (env.OUTBOX_WORKER) {
    const { startOutboxWorker } = await import("./server/jobs/worker");
    startOutboxWorker(getDb);
  }
}
