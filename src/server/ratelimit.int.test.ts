/** Rate limits in the database, on PGlite and on the PostgreSQL server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { RATE_LIMIT_KEPT_MS, removeOldRateLimitHits, takeRateLimit } from "./ratelimit";

const MINUTE = 60_000;

describe.each(TEST_DB_KINDS)("rate limits in the database on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.destroy());

  it("allows `limit` hits per window and key, then refuses without recording, and slides", async () => {
    const t0 = new Date("2026-11-25T10:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await takeRateLimit(db.prisma, "status:10.0.0.1", 3, 60 * MINUTE, at(i)));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await takeRateLimit(db.prisma, "status:10.0.0.2", 3, 60 * MINUTE, at(5))).toBe(true); // another key
    expect(await db.prisma.rateLimitHit.count({ where: { key: "status:10.0.0.1" } })).toBe(3); // refusals are not counted
    // The first hit leaves the window after an hour: one more is allowed, then refused again.
    expect(await takeRateLimit(db.prisma, "status:10.0.0.1", 3, 60 * MINUTE, at(60.5))).toBe(true);
    expect(await takeRateLimit(db.prisma, "status:10.0.0.1", 3, 60 * MINUTE, at(60.6))).toBe(false);
    await expect(takeRateLimit(db.prisma, "x", 1, RATE_LIMIT_KEPT_MS + 1)).rejects.toThrow();
  });

  it("holds under parallel requests", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const answers = await Promise.all(Array.from({ length: 12 }, () => takeRateLimit(db.prisma, "parallel", 4, 60 * MINUTE, now)));
    expect(answers.filter(Boolean)).toHaveLength(4);
  });

  it("removes hits older than a day", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    await takeRateLimit(db.prisma, "fresh", 10, MINUTE, new Date(now.getTime() - MINUTE));
    const removed = await removeOldRateLimitHits(db.prisma, now);
    expect(removed).toBeGreaterThan(0);
    expect(await db.prisma.rateLimitHit.findMany({ select: { key: true } })).toEqual([{ key: "fresh" }]);
  });
});
