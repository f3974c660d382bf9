/**
 * Sliding-window rate limits counted in the database (RateLimitHit), so that several app instances
 * share one limit. For actions that have no table of their own to count, e.g. the public case
 * status look-ups per IP. Framework-free.
 */
import type { Db } from "./db";

/** Hits are kept this long (the longest window of any limit); the daily housekeeping removes older ones. */
export const RATE_LIMIT_KEPT_MS = 24 * 3_600_000;

/**
 * Records one hit of `key` and answers true, or answers false without recording when `limit` hits
 * of `key` lie within the last `windowMs`. Concurrent callers of one key are serialised by a
 * transaction-scoped advisory lock, so the limit holds under parallel requests.
 */
export async function takeRateLimit(db: Db, key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  if (windowMs > RATE_LIMIT_KEPT_MS) throw new Error(`A rate-limit window may be at most ${RATE_LIMIT_KEPT_MS} ms.`);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ratelimit:${key}`}))`;
    const recent = await tx.rateLimitHit.count({ where: { key, at: { gt: new Date(now.getTime() - windowMs) } } });
    if (recent >= limit) return false;
    await tx.rateLimitHit.create({ data: { key, at: now } });
    return true;
  });
}

/** Removes hits older than RATE_LIMIT_KEPT_MS (daily housekeeping). */
export async function removeOldRateLimitHits(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - RATE_LIMIT_KEPT_MS) } } });
  return count;
}
