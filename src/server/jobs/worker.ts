/**
 * The in-process outbox worker: polls for due jobs and can be woken right after a commit.
 * Started once per server process from src/instrumentation.ts.
 */
import "server-only";
import type { Db } from "../db";
import { processDueJobs } from "./outbox";

const POLL_MS = 2_000;

const state = globalThis as unknown as { obiegWorker?: { running: boolean; wake: () => void } };

export function startOutboxWorker(getDb: () => Promise<Db>): void {
  if (state.obiegWorker) return;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const db = await getDb();
      // Drain: keep going while full batches come back.
      while ((await processDueJobs(db)).claimed === 20) {
        /* next batch */
      }
    } catch (error) {
      console.error("[outbox] worker error", error);
    } finally {
      busy = false;
      timer = setTimeout(tick, POLL_MS);
      timer.unref();
    }
  };
  state.obiegWorker = {
    running: true,
    wake: () => {
      if (timer) clearTimeout(timer);
      void tick();
    },
  };
  void tick();
}

/** Call after a transaction that enqueued jobs commits, to run them without waiting for the poll. */
export function wakeOutboxWorker(): void {
  state.obiegWorker?.wake();
}
