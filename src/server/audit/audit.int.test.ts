/**
 * The audit trail's guarantees, on both databases: an entry records who, what, which record, from
 * where; the database itself refuses to change or remove entries; and an entry commits or rolls
 * back together with the change it describes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_META } from "@/test/factories";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { recordAudit } from "./audit";

/** The database's own message, whether it reached us directly or wrapped by Prisma's driver adapter. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { meta?: { driverAdapterError?: { cause?: { message?: string } } } }).meta?.driverAdapterError?.cause?.message;
    return `${(error as Error).message} ${cause ?? ""}`;
  }
  return "NOT REFUSED";
}

describe.each(TEST_DB_KINDS)("audit trail on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.destroy());

  const snapshot = async () =>
    db.runner.query<{ id: string; action: string; entityId: string | null; data: unknown }>(
      `SELECT "id"::text AS "id", "action", "entityId", "data" FROM "AuditEvent" ORDER BY "id"`,
    );

  it("records who, what, which record, the data, the IP and the user agent", async () => {
    const user = await createUser(db.prisma, { firstName: "Ewa", lastName: "Mazur" });
    const position = await db.prisma.position.create({ data: { name: "Naczelnik Wydziału", rank: 10, sortKey: "naczelnik" } });
    await recordAudit(
      db.prisma,
      { actor: { id: user.id, firstName: "Ewa", lastName: "Mazur", positionName: position.name }, meta: { ip: "10.1.2.3", userAgent: "Mozilla/5.0 test" } },
      { action: "user.updated", entityType: "user", entityId: user.id, data: { changes: { phone: { from: null, to: "17 875 09 00" } } } },
    );
    const row = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.updated" } });
    expect(row).toMatchObject({
      action: "user.updated",
      actorId: user.id,
      actorName: "Ewa Mazur",
      actorPosition: "Naczelnik Wydziału",
      entityType: "user",
      entityId: user.id,
      ip: "10.1.2.3",
      userAgent: "Mozilla/5.0 test",
      caseId: null,
      documentId: null,
      data: { changes: { phone: { from: null, to: "17 875 09 00" } } },
    });
    expect(Math.abs(row.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("records the system (no person) and trims an overlong user agent", async () => {
    await recordAudit(db.prisma, { actor: null, meta: { ip: null, userAgent: "x".repeat(600) } }, { action: "system.seeded", entityType: "system", data: { users: 1, departments: 2, locations: 3 } });
    const row = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "system.seeded" }, orderBy: { id: "desc" } });
    expect(row.actorId).toBeNull();
    expect(row.actorName).toBeNull();
    expect(row.ip).toBeNull();
    expect(row.userAgent).toHaveLength(512);
    expect(row.data).toEqual({ users: 1, departments: 2, locations: 3 });
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET "action" = 'forged', "data" = '{}'`],
    ["UPDATE of one row", `UPDATE "AuditEvent" SET "actorName" = 'Ktoś Inny' WHERE "id" = (SELECT min("id") FROM "AuditEvent")`],
    ["DELETE", `DELETE FROM "AuditEvent"`],
    ["DELETE of one row", `DELETE FROM "AuditEvent" WHERE "id" = (SELECT max("id") FROM "AuditEvent")`],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`],
  ])("the database refuses %s, through the SQL runner and through Prisma", async (_name, sql) => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(await refusal(db.runner.exec(sql))).toMatch(/AuditEvent is append-only \((UPDATE|DELETE|TRUNCATE) refused\)/);
    expect(await refusal(db.prisma.$executeRawUnsafe(sql))).toMatch(/AuditEvent is append-only/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses changes through the Prisma client API too", async () => {
    const before = await snapshot();
    const first = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(await refusal(db.prisma.auditEvent.update({ where: { id: first.id }, data: { action: "forged" } }))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await refusal(db.prisma.auditEvent.deleteMany({}))).toMatch(/append-only \(DELETE refused\)/);
    expect(await snapshot()).toEqual(before);
  });

  it("an entry written in a transaction that rolls back is gone together with the change", async () => {
    const user = await createUser(db.prisma, { firstName: "Adam", lastName: "Sowa" });
    const countBefore = await db.prisma.auditEvent.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { phone: "600 100 200" } });
        await recordAudit(tx, { actor: null, meta: TEST_META }, { action: "user.updated", entityType: "user", entityId: user.id, data: { changes: { phone: { from: null, to: "600 100 200" } } } });
        // Inside the transaction both are visible…
        expect(await tx.auditEvent.count({ where: { entityId: user.id } })).toBe(1);
        throw new Error("something failed after the audit entry");
      }),
    ).rejects.toThrow("something failed");
    // …after the rollback neither is.
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBeNull();
    expect(await db.prisma.auditEvent.count({ where: { entityId: user.id } })).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(countBefore);
  });

  it("an entry written in a committed transaction stays with the change", async () => {
    const user = await createUser(db.prisma);
    await db.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { phone: "600 100 300" } });
      await recordAudit(tx, { actor: null, meta: TEST_META }, { action: "user.updated", entityType: "user", entityId: user.id, data: { changes: { phone: { from: null, to: "600 100 300" } } } });
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBe("600 100 300");
    expect(await db.prisma.auditEvent.count({ where: { entityId: user.id, action: "user.updated" } })).toBe(1);
  });
});
