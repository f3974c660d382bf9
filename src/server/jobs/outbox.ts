/**
 * Transactional outbox. A change enqueues its side effects (e-mail, realtime events, search
 * indexing, sealing) with the same transaction client; after commit the worker claims due jobs,
 * runs their handlers and retries failures with exponential backoff. Handlers must be idempotent:
 * a job can run again if a process dies after the side effect but before the job is marked done.
 */
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import type { Db, Tx } from "../db";

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  payload: S;
  /** Attempts before the job is parked as DEAD for an administrator to look at. */
  maxAttempts?: number;
  run(payload: z.infer<S>, ctx: { db: Db; jobId: bigint; attempt: number }): Promise<void>;
}

const registry = new Map<string, JobDefinition>();

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  registry.set(definition.type, definition as unknown as JobDefinition);
  return definition;
}

export function registeredJobTypes(): string[] {
  return [...registry.keys()].sort();
}

export async function enqueue<S extends z.ZodType>(
  tx: Pick<Tx, "outboxJob">,
  job: JobDefinition<S>,
  payload: z.infer<S>,
  options: { dedupeKey?: string; runAt?: Date } = {},
): Promise<void> {
  const data = job.payload.parse(payload) as Prisma.InputJsonValue;
  const row = {
    type: job.type,
    payload: data,
    maxAttempts: job.maxAttempts ?? 8,
    runAt: options.runAt ?? new Date(),
  };
  if (options.dedupeKey) {
    // The same logical job enqueued twice (a retried request, even concurrently) is stored once:
    // INSERT … ON CONFLICT ("dedupeKey") DO NOTHING.
    await tx.outboxJob.createMany({ data: [{ ...row, dedupeKey: options.dedupeKey }], skipDuplicates: true });
  } else {
    await tx.outboxJob.create({ data: row });
  }
}

/** Delay before attempt n+1: 5 s, 10 s, 20 s … capped at one hour, with ±20 % jitter. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

const LEASE_MS = 5 * 60_000;

interface ClaimedJob {
  id: bigint;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

export interface ProcessResult {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

/** Claims up to `limit` due jobs (skipping those another worker holds) and runs them. */
export async function processDueJobs(db: Db, limit = 20, now = new Date()): Promise<ProcessResult> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "OutboxJob" SET "status" = 'RUNNING', "attempts" = "attempts" + 1, "lockedUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxJob"
      WHERE ("status" = 'PENDING' AND "runAt" <= ${now})
         OR ("status" = 'RUNNING' AND "lockedUntil" < ${now})
      ORDER BY "runAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "type", "payload", "attempts", "maxAttempts"`;

  const result: ProcessResult = { claimed: claimed.length, done: 0, retried: 0, dead: 0 };
  for (const job of claimed) {
    const outcome = await runOne(db, job, now);
    result[outcome] += 1;
  }
  return result;
}

async function runOne(db: Db, job: ClaimedJob, now: Date): Promise<"done" | "retried" | "dead"> {
  try {
    const definition = registry.get(job.type);
    if (!definition) throw new Error(`No handler registered for job type "${job.type}"`);
    const payload = definition.payload.parse(job.payload);
    await definition.run(payload, { db, jobId: job.id, attempt: job.attempts });
    await db.outboxJob.update({ where: { id: job.id }, data: { status: "DONE", doneAt: new Date(), lockedUntil: null, lastError: null } });
    return "done";
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const dead = job.attempts >= job.maxAttempts;
    await db.outboxJob.update({
      where: { id: job.id },
      data: {
        status: dead ? "DEAD" : "PENDING",
        lockedUntil: null,
        lastError: message.slice(0, 2000),
        runAt: dead ? undefined : new Date(now.getTime() + backoffMs(job.attempts)),
      },
    });
    return dead ? "dead" : "retried";
  }
}

/** An administrator sends a DEAD job back to the queue. */
export async function retryDeadJob(db: Pick<Tx, "outboxJob">, id: bigint): Promise<boolean> {
  const { count } = await db.outboxJob.updateMany({
    where: { id, status: "DEAD" },
    data: { status: "PENDING", attempts: 0, runAt: new Date(), lastError: null },
  });
  return count === 1;
}
