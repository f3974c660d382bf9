/**
 * The transactional outbox on both databases: jobs commit or roll back with the change, run once,
 * retry with backoff, park as DEAD, and (on the PostgreSQL server) are never run twice by
 * concurrent workers.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openDatabase } from "@/server/db/open";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { defineJob, enqueue, processDueJobs, registeredJobTypes, retryDeadJob } from "./outbox";

/** Handler invocations per payload key (and per job id), across the whole file. */
const calls = new Map<string, number>();
const callsByJob = new Map<string, number>();
const count = (key: string) => calls.get(key) ?? 0;

const okJob = defineJob({
  type: "test.ok",
  payload: z.object({ key: z.string() }),
  async run(payload, { jobId }) {
    calls.set(payload.key, count(payload.key) + 1);
    callsByJob.set(String(jobId), (callsByJob.get(String(jobId)) ?? 0) + 1);
  },
});

const failingJob = defineJob({
  type: "test.failing",
  payload: z.object({ key: z.string() }),
  maxAttempts: 3,
  async run(payload, { attempt }) {
    calls.set(payload.key, count(payload.key) + 1);
    throw new Error(`provider unavailable (attempt ${attempt})`);
  },
});

const slowJob = defineJob({
  type: "test.slow",
  payload: z.object({ key: z.string() }),
  async run(payload, { jobId }) {
    calls.set(payload.key, count(payload.key) + 1);
    callsByJob.set(String(jobId), (callsByJob.get(String(jobId)) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 15));
  },
});

const key = () => randomBytes(6).toString("hex");
const SECOND = 1_000;

describe.each(TEST_DB_KINDS)("outbox on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.destroy());

  const jobOf = async (k: string) => db.prisma.outboxJob.findFirstOrThrow({ where: { payload: { equals: { key: k } } } });

  it("registers the job types defined with defineJob", () => {
    expect(registeredJobTypes()).toEqual(expect.arrayContaining(["test.ok", "test.failing", "test.slow"]));
  });

  it("a job enqueued in a transaction that rolls back is never stored", async () => {
    const k = key();
    const before = await db.prisma.outboxJob.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueue(tx, okJob, { key: k });
        expect(await tx.outboxJob.count()).toBe(before + 1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.prisma.outboxJob.count()).toBe(before);
    await processDueJobs(db.prisma);
    expect(count(k)).toBe(0);
  });

  it("rejects a payload that does not match the job's schema", async () => {
    await expect(enqueue(db.prisma, okJob, { key: 42 } as never)).rejects.toThrow();
  });

  it("a committed job runs once and is marked done", async () => {
    const k = key();
    await db.prisma.$transaction(async (tx) => enqueue(tx, okJob, { key: k }));
    const queued = await jobOf(k);
    expect(queued).toMatchObject({ status: "PENDING", attempts: 0, maxAttempts: 8, lastError: null, doneAt: null });

    const result = await processDueJobs(db.prisma);
    expect(result.claimed).toBeGreaterThanOrEqual(1);
    expect(count(k)).toBe(1);
    const done = await jobOf(k);
    expect(done).toMatchObject({ status: "DONE", attempts: 1, lockedUntil: null, lastError: null });
    expect(done.doneAt).toBeInstanceOf(Date);

    expect((await processDueJobs(db.prisma)).claimed).toBe(0);
    expect(count(k)).toBe(1);
  });

  it("does not run a job before its runAt", async () => {
    const k = key();
    const runAt = new Date(Date.now() + 60 * SECOND);
    await enqueue(db.prisma, okJob, { key: k }, { runAt });
    expect((await processDueJobs(db.prisma)).claimed).toBe(0);
    expect(count(k)).toBe(0);
    await processDueJobs(db.prisma, 20, new Date(runAt.getTime() + SECOND));
    expect(count(k)).toBe(1);
    expect((await jobOf(k)).status).toBe("DONE");
  });

  it("retries a failing job with growing backoff, keeps the error and parks it as DEAD after maxAttempts", async () => {
    const k = key();
    await enqueue(db.prisma, failingJob, { key: k });
    const t0 = new Date(Date.now() + SECOND);

    expect(await processDueJobs(db.prisma, 20, t0)).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0 });
    const first = await jobOf(k);
    expect(first.status).toBe("PENDING");
    expect(first.attempts).toBe(1);
    expect(first.lastError).toBe("Error: provider unavailable (attempt 1)");
    expect(first.lockedUntil).toBeNull();
    // Attempt 1 failed: the next one 5 s ± 20 % later.
    expect(first.runAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(4 * SECOND);
    expect(first.runAt.getTime() - t0.getTime()).toBeLessThanOrEqual(6 * SECOND);

    // Not due yet.
    expect((await processDueJobs(db.prisma, 20, t0)).claimed).toBe(0);
    expect(count(k)).toBe(1);

    const t1 = first.runAt;
    expect(await processDueJobs(db.prisma, 20, t1)).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0 });
    const second = await jobOf(k);
    expect(second.attempts).toBe(2);
    expect(second.status).toBe("PENDING");
    expect(second.lastError).toBe("Error: provider unavailable (attempt 2)");
    // Attempt 2 failed: 10 s ± 20 % after t1 — later than the first delay.
    expect(second.runAt.getTime() - t1.getTime()).toBeGreaterThanOrEqual(8 * SECOND);
    expect(second.runAt.getTime() - t1.getTime()).toBeLessThanOrEqual(12 * SECOND);

    expect(await processDueJobs(db.prisma, 20, second.runAt)).toEqual({ claimed: 1, done: 0, retried: 0, dead: 1 });
    const dead = await jobOf(k);
    expect(dead).toMatchObject({ status: "DEAD", attempts: 3, lockedUntil: null, lastError: "Error: provider unavailable (attempt 3)" });
    expect(dead.runAt).toEqual(second.runAt);
    expect(count(k)).toBe(3);

    // A DEAD job is left alone, however late it gets.
    expect((await processDueJobs(db.prisma, 20, new Date(Date.now() + 86_400 * SECOND))).claimed).toBe(0);
    expect(count(k)).toBe(3);
  });

  it("retryDeadJob sends a DEAD job back to the queue and refuses any other job", async () => {
    const k = key();
    await enqueue(db.prisma, failingJob, { key: k });
    let when = new Date(Date.now() + SECOND);
    for (let i = 0; i < 3; i += 1) {
      await processDueJobs(db.prisma, 20, when);
      when = (await jobOf(k)).runAt;
    }
    const dead = await jobOf(k);
    expect(dead.status).toBe("DEAD");

    const before = Date.now();
    expect(await retryDeadJob(db.prisma, dead.id)).toBe(true);
    const queued = await jobOf(k);
    expect(queued).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(queued.runAt.getTime()).toBeGreaterThanOrEqual(before - SECOND);
    expect(queued.runAt.getTime()).toBeLessThanOrEqual(Date.now() + SECOND);

    // Not DEAD any more: a second retry changes nothing.
    expect(await retryDeadJob(db.prisma, dead.id)).toBe(false);
    // Unknown id.
    expect(await retryDeadJob(db.prisma, 987_654_321n)).toBe(false);

    // It runs again from attempt 1.
    await processDueJobs(db.prisma, 20, new Date(Date.now() + SECOND));
    const again = await jobOf(k);
    expect(again.attempts).toBe(1);
    expect(again.status).toBe("PENDING");
    expect(count(k)).toBe(4);
  });

  it("stores one job for two enqueues with the same dedupeKey", async () => {
    const k = key();
    const dedupeKey = `test:${k}`;
    await db.prisma.$transaction(async (tx) => enqueue(tx, okJob, { key: k }, { dedupeKey }));
    await db.prisma.$transaction(async (tx) => enqueue(tx, okJob, { key: k }, { dedupeKey }));
    expect(await db.prisma.outboxJob.count({ where: { dedupeKey } })).toBe(1);
    await processDueJobs(db.prisma);
    // Enqueued again after it ran: still the one (done) job, not run again.
    await enqueue(db.prisma, okJob, { key: k }, { dedupeKey });
    await processDueJobs(db.prisma);
    expect(await db.prisma.outboxJob.count({ where: { dedupeKey } })).toBe(1);
    expect((await jobOf(k)).status).toBe("DONE");
    expect(count(k)).toBe(1);
  });

  it("stores one job when the same dedupeKey is enqueued by concurrent transactions", async () => {
    const k = key();
    const dedupeKey = `test:${k}`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => db.prisma.$transaction(async (tx) => enqueue(tx, okJob, { key: k }, { dedupeKey }))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db.prisma.outboxJob.count({ where: { dedupeKey } })).toBe(1);
  });

  it("picks up a RUNNING job whose lease has expired, and leaves one with a live lease", async () => {
    const expired = key();
    const live = key();
    const past = new Date(Date.now() - 60 * SECOND);
    const future = new Date(Date.now() + 10 * 60 * SECOND);
    await db.prisma.outboxJob.create({ data: { type: "test.ok", payload: { key: expired }, status: "RUNNING", attempts: 1, lockedUntil: past, runAt: past } });
    await db.prisma.outboxJob.create({ data: { type: "test.ok", payload: { key: live }, status: "RUNNING", attempts: 1, lockedUntil: future, runAt: past } });

    await processDueJobs(db.prisma);
    expect(count(expired)).toBe(1);
    expect(await jobOf(expired)).toMatchObject({ status: "DONE", attempts: 2, lockedUntil: null });
    expect(count(live)).toBe(0);
    expect(await jobOf(live)).toMatchObject({ status: "RUNNING", attempts: 1 });

    // Once that lease passes too, the job is taken over.
    await processDueJobs(db.prisma, 20, new Date(future.getTime() + SECOND));
    expect(count(live)).toBe(1);
    expect((await jobOf(live)).status).toBe("DONE");
  });

  it("a job of an unknown type fails with a clear error instead of crashing the worker", async () => {
    await db.prisma.outboxJob.create({ data: { type: "test.nobody-handles-this", payload: {}, maxAttempts: 1 } });
    const result = await processDueJobs(db.prisma);
    expect(result.dead).toBe(1);
    const job = await db.prisma.outboxJob.findFirstOrThrow({ where: { type: "test.nobody-handles-this" } });
    expect(job.status).toBe("DEAD");
    expect(job.lastError).toBe('Error: No handler registered for job type "test.nobody-handles-this"');
  });

  it.runIf(kind === "server")("two workers processing at the same time never run the same job twice (FOR UPDATE SKIP LOCKED)", async () => {
    const target = db.target;
    if (target.kind !== "server") throw new Error("server only");
    // A second "process": its own client and connection pool on the same database.
    const other = await openDatabase(target);
    try {
      const batch = key();
      const keys = Array.from({ length: 60 }, (_, i) => `${batch}-${i}`);
      await db.prisma.$transaction(async (tx) => {
        for (const k of keys) await enqueue(tx, slowJob, { key: k });
      });
      const ids = (await db.prisma.outboxJob.findMany({ where: { type: "test.slow", status: "PENDING" }, select: { id: true } })).map((j) => String(j.id));
      expect(ids).toHaveLength(60);

      const drain = async (client: typeof db.prisma) => {
        let claimed = 0;
        for (let round = 0; round < 100; round += 1) {
          const r = await processDueJobs(client, 5);
          claimed += r.claimed;
          if (r.claimed === 0) break;
        }
        return claimed;
      };
      const claimedPerWorker = await Promise.all([drain(db.prisma), drain(other.prisma), drain(db.prisma), drain(other.prisma)]);

      expect(claimedPerWorker.reduce((a, b) => a + b, 0)).toBe(60);
      // More than one worker got work: the test really ran them side by side.
      expect(claimedPerWorker.filter((n) => n > 0).length).toBeGreaterThan(1);
      for (const k of keys) expect(count(k), k).toBe(1);
      for (const id of ids) expect(callsByJob.get(id), `job ${id}`).toBe(1);
      expect(await db.prisma.outboxJob.count({ where: { type: "test.slow", status: { not: "DONE" } } })).toBe(0);
    } finally {
      await other.close();
    }
  });
});
