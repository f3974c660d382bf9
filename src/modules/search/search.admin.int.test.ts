/**
 * The index administration: health against the database, the rebuild queued as an outbox job
 * (once, audited, refused to non-administrators), and the start-up check that fills an empty index.
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processDueJobs } from "@/server/jobs/outbox";
import { createPostgresEngine } from "@/server/integrations/search";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, createDepartment, createUser, errorOf } from "@/test/factories";
import { ensureSearchIndex, getSearchAdmin, requestReindex } from "./search.admin";
import "./search.jobs";
import { SEARCH_JOB_TYPE, SEARCH_REINDEX_JOB_TYPE } from "./search.service";

async function drain(prisma: PrismaClient) {
  for (let i = 0; i < 50; i++) if ((await processDueJobs(prisma, 100)).claimed === 0) return;
}

describe.each(TEST_DB_KINDS)("search administration on %s", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    const gk = await createDepartment(prisma, { symbol: "GK", name: "Wydział Gospodarki Komunalnej" });
    const clerk = await createUser(prisma, { departmentId: gk.id });
    await prisma.document.create({ data: { kind: "INCOMING", status: "REGISTERED", channel: "PAPER", subject: "Zażalenie na postanowienie", createdById: clerk.id, departmentId: gk.id } });
    await prisma.contact.create({ data: { kind: "PERSON", name: "Nowak Anna", firstName: "Anna", lastName: "Nowak", sortKey: "n", searchText: "nowak anna" } });
  });
  afterAll(async () => db?.destroy());

  it("shows what the database holds next to what the index holds, and the waiting jobs", async () => {
    const admin = await createActor(prisma, ["ADMINISTRATOR"]);
    const before = await getSearchAdmin(admin, createPostgresEngine(prisma));
    expect(before.engine).toBe("postgres");
    expect(before.totals).toMatchObject({ letter: 1, contact: 1, case: 0, bip: 0 });
    expect(before.pendingJobs).toBeGreaterThanOrEqual(2);
    expect(before.reindex).toBeNull();
    await drain(prisma);
    const after = await getSearchAdmin(admin, createPostgresEngine(prisma));
    expect(after.documents).toMatchObject({ letter: 1, contact: 1 });
    expect(after.pendingJobs).toBe(0);
    expect(after.oldestPendingAgeSeconds).toBe(0);
  });

  it("refuses non-administrators", async () => {
    const clerk = await createActor(prisma, ["PRACOWNIK", "KIEROWNIK", "SEKRETARZ"]);
    expect((await errorOf(getSearchAdmin(clerk))).code).toBe("FORBIDDEN");
    expect((await errorOf(requestReindex(clerk))).code).toBe("FORBIDDEN");
    expect(await prisma.outboxJob.count({ where: { type: SEARCH_REINDEX_JOB_TYPE } })).toBe(0);
  });

  it("queues one rebuild at a time, audited, which the worker runs", async () => {
    const admin = await createActor(prisma, ["ADMINISTRATOR"]);
    let woken = 0;
    expect(await requestReindex(admin, () => woken++)).toEqual({ queued: true });
    expect(await requestReindex(admin, () => woken++)).toEqual({ queued: false });
    expect(woken).toBe(1);
    expect(await prisma.outboxJob.count({ where: { type: SEARCH_REINDEX_JOB_TYPE } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "search.reindex-requested", actorId: admin.actor.id } })).toBe(1);
    expect((await getSearchAdmin(admin)).reindex?.status).toBe("PENDING");
    // Drop the index, then let the worker rebuild it.
    await prisma.$executeRawUnsafe(`DELETE FROM "SearchEntry"`);
    await drain(prisma);
    const overview = await getSearchAdmin(admin);
    expect(overview.reindex).toMatchObject({ status: "DONE", doneAt: expect.any(Date) });
    expect(overview.documents).toMatchObject({ letter: 1, contact: 1 });
    expect(await requestReindex(admin)).toEqual({ queued: true });
    await drain(prisma);
  });

  it("at start-up queues a rebuild only for an empty index with nothing on its way", async () => {
    const engine = createPostgresEngine(prisma);
    expect(await ensureSearchIndex(prisma, engine)).toBe(false); // the index has records
    await prisma.$executeRawUnsafe(`DELETE FROM "SearchEntry"`);
    await prisma.outboxJob.create({ data: { type: SEARCH_JOB_TYPE, payload: { type: "contact", id: "x" } } });
    expect(await ensureSearchIndex(prisma, engine)).toBe(false); // index jobs are waiting
    await prisma.outboxJob.deleteMany({ where: { type: SEARCH_JOB_TYPE, status: "PENDING" } });
    expect(await ensureSearchIndex(prisma, engine)).toBe(true);
    expect(await ensureSearchIndex(prisma, engine)).toBe(false); // already queued
    await drain(prisma);
    expect(await engine.counts()).toMatchObject({ letter: 1, contact: 1 });
  });
});
