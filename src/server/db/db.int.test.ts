import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "@prisma-seed/demo";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { applyMigrations, readMigrations } from "./migrate";

describe.each(TEST_DB_KINDS)("database on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind, { migrate: false });
  });
  afterAll(async () => db?.destroy());

  it("applies every migration to a fresh database, and none twice", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.runner, migrations)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(db.runner, migrations)).toEqual([]);
    const rows = await db.runner.query<{ name: string }>(`SELECT "name" FROM "_obieg_migrations" ORDER BY "name"`);
    expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  });

  it("refuses a migration edited after it was applied", async () => {
    const [first, ...rest] = await readMigrations();
    const edited = { ...first!, checksum: "0".repeat(64) };
    await expect(applyMigrations(db.runner, [edited, ...rest])).rejects.toThrow(/checksum mismatch/);
  });

  it("seeds the demo office once, and never into a non-empty database", async () => {
    expect(await seedDemoIfEmpty(db.prisma)).toBe(true);
    expect(await db.prisma.location.count()).toBe(12);
    expect(await db.prisma.location.count({ where: { kind: "ODDZIAL" } })).toBe(11);
    expect(await db.prisma.department.count()).toBeGreaterThanOrEqual(15);
    const users = await db.prisma.user.count();
    expect(users).toBeGreaterThanOrEqual(55);
    for (const role of ["ADMINISTRATOR", "KANCELARIA", "KIEROWNIK", "PRACOWNIK", "SEKRETARZ", "SKARBNIK", "REDAKTOR_BIP"] as const) {
      expect(await db.prisma.user.count({ where: { roles: { has: role } } }), role).toBeGreaterThan(0);
    }
    expect(await seedDemoIfEmpty(db.prisma)).toBe(false);
    expect(await db.prisma.user.count()).toBe(users);
  });
});

describe.runIf(TEST_DB_KINDS.includes("server"))("sort keys on a server whose default collation is linguistic (ICU en-US)", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb("server", { icuLocale: "en-US" });
  });
  afterAll(async () => db?.destroy());

  it("orders surnames by the Polish alphabet through sortKey", async () => {
    const { createUser } = await import("@/test/factories");
    const names = ["Żak", "Zając", "Łukasik", "Lis", "Ćwik", "Cebula", "Śliwa", "Sowa", "Mazur", "Ąbrowski", "Quinn"];
    for (const lastName of names) await createUser(db.prisma, { lastName });
    const sorted = await db.prisma.user.findMany({ orderBy: { sortKey: "asc" }, select: { lastName: true } });
    expect(sorted.map((u) => u.lastName)).toEqual(["Ąbrowski", "Cebula", "Ćwik", "Lis", "Łukasik", "Mazur", "Quinn", "Sowa", "Śliwa", "Zając", "Żak"]);
  });
});
