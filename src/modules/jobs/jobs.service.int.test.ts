import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/context";
import { createActor } from "@/test/factories";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { jobsInputFromSearchParams } from "./jobs.schemas";
import { getJobOverview, listJobs, retryJob } from "./jobs.service";

describe.each(TEST_DB_KINDS)("jobs viewer on %s", (kind) => {
  let db: TestDb;
  let admin: ServiceContext;
  let clerk: ServiceContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDb(kind);
    admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
    clerk = await createActor(db.prisma, ["KANCELARIA"]);
    const rows = [
      ["j1", "mail.send", "DONE", 1, null],
      ["j2", "mail.send", "DEAD", 8, "Error: SMTP 550 mailbox unavailable"],
      ["j3", "search.index", "PENDING", 0, null],
      ["j4", "search.index", "RUNNING", 1, null],
      ["j5", "mail.send", "PENDING", 2, "Error: connection refused"],
      ["j6", "pdf.seal", "DEAD", 3, "Error: certificate expired"],
    ] as const;
    for (const [label, type, status, attempts, lastError] of rows) {
      const job = await db.prisma.outboxJob.create({
        data: {
          type,
          payload: { label },
          status,
          attempts,
          maxAttempts: type === "pdf.seal" ? 3 : 8,
          lastError,
          doneAt: status === "DONE" ? new Date() : null,
          lockedUntil: status === "RUNNING" ? new Date(Date.now() + 60_000) : null,
        },
      });
      ids[label] = job.id.toString();
    }
  });
  afterAll(async () => db?.destroy());

  const labels = (jobs: { id: string }[]) => jobs.map((j) => Object.keys(ids).find((k) => ids[k] === j.id));

  it("counts jobs per status and lists the types present", async () => {
    expect(await getJobOverview(admin)).toEqual({ counts: { PENDING: 2, RUNNING: 1, DONE: 1, DEAD: 2 }, types: ["mail.send", "pdf.seal", "search.index"] });
  });

  it("lists newest first, filtered by status and type, in keyset pages", async () => {
    expect(labels((await listJobs(admin, { filters: {} })).jobs)).toEqual(["j6", "j5", "j4", "j3", "j2", "j1"]);
    expect(labels((await listJobs(admin, { filters: { status: "DEAD" } })).jobs)).toEqual(["j6", "j2"]);
    expect(labels((await listJobs(admin, { filters: { type: "mail.send" } })).jobs)).toEqual(["j5", "j2", "j1"]);
    expect(labels((await listJobs(admin, { filters: { type: "mail.send", status: "PENDING" } })).jobs)).toEqual(["j5"]);

    const p1 = await listJobs(admin, { filters: {}, limit: 4 });
    expect(labels(p1.jobs)).toEqual(["j6", "j5", "j4", "j3"]);
    expect(p1.newerCursor).toBeNull();
    const p2 = await listJobs(admin, { filters: {}, limit: 4, before: p1.olderCursor! });
    expect(labels(p2.jobs)).toEqual(["j2", "j1"]);
    expect(p2.olderCursor).toBeNull();
    expect(labels((await listJobs(admin, { filters: {}, limit: 4, after: p2.newerCursor! })).jobs)).toEqual(["j6", "j5", "j4", "j3"]);
  });

  it("reads the page's URL, ignoring unknown values", () => {
    expect(jobsInputFromSearchParams({ status: "DEAD", type: "mail.send", before: "12" })).toEqual({ filters: { status: "DEAD", type: "mail.send" }, before: "12", after: undefined });
    expect(jobsInputFromSearchParams({ status: "dead", before: "x", after: "7" })).toEqual({ filters: { status: undefined, type: undefined }, before: undefined, after: "7" });
  });

  it("retries a DEAD job: back in the queue from attempt 0, with a job.retried audit entry", async () => {
    const job = await retryJob(admin, { id: ids.j2! });
    expect(job).toMatchObject({ id: ids.j2, status: "PENDING", attempts: 0, lastError: null });
    const audit = await db.prisma.auditEvent.findMany({ where: { entityType: "job", entityId: ids.j2 } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "job.retried", actorId: admin.actor.id, ip: admin.meta.ip, data: { type: "mail.send" } });
    expect((await getJobOverview(admin)).counts).toEqual({ PENDING: 3, RUNNING: 1, DONE: 1, DEAD: 1 });
  });

  it("refuses to retry a job that is not DEAD, or does not exist, and records nothing", async () => {
    for (const label of ["j1", "j3", "j4", "j2"]) {
      await expect(retryJob(admin, { id: ids[label]! }), label).rejects.toMatchObject({ code: "CONFLICT" });
    }
    await expect(retryJob(admin, { id: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.auditEvent.count({ where: { action: "job.retried" } })).toBe(1);
    expect(await db.prisma.outboxJob.findUniqueOrThrow({ where: { id: BigInt(ids.j1!) } })).toMatchObject({ status: "DONE", attempts: 1 });
  });

  it("is for holders of jobs.view only", async () => {
    await expect(getJobOverview(clerk)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listJobs(clerk, { filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryJob(clerk, { id: ids.j6! })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.prisma.outboxJob.findUniqueOrThrow({ where: { id: BigInt(ids.j6!) } })).status).toBe("DEAD");
  });
});
