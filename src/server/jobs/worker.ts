/**
 * The in-process outbox worker: woken by the database right after a transaction that enqueued jobs
 * commits (LISTEN/NOTIFY, see the notifications_mail migration), and polling as a fallback.
 * Started once per server process from src/instrumentation.ts.
 */
import "server-only";
import type { Db } from "../db";
import { processDueJobs } from "./outbox";

const POLL_MS = 2_000;
const BATCH = 20;

const state = globalThis as unknown as { obiegWorker?: { wake: () => void } };

export function startOutboxWorker(getDb: () => Promise<Db>): void {
  if (state.obiegWorker) return;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let again = false;
  const tick = async () => {
    if (busy) {
      // Woken while draining: run once more right after, so a commit during the drain is not left for the poll.
      again = true;
      return;
    }
    busy = true;
    if (timer) clearTimeout(timer);
    try {
      const db = await getDb();
      do {
        again = false;
        // Drain: keep going while full batches come back.
        while ((await processDueJobs(db, BATCH)).claimed === BATCH) {
          /* next batch */
        }
      } while (again);
    } catch (error) {
      console.error("[outbox] worker error", error);
    } finally {
      busy = false;
      timer = setTimeout(tick, POLL_MS);
      timer.unref();
    }
  };
  state.obiegWorker = { wake: () => void tick() };
  void tick();
}

/** Runs due jobs now instead of at the next poll (the database's NOTIFY calls this on commit). */
export function wakeOutboxWorker(): void {
  state.obiegWorker?.wake();
}
