/**
 * Administration of the search index (/admin/wyszukiwarka): the index's health next to what the
 * database holds, and the full rebuild — an outbox job, requested with an audit entry in the same
 * transaction, never run inside the request. Also the start-up check that fills an empty index.
 * Framework-free.
 */
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Db } from "@/server/db";
import { getSearchEngine, SEARCH_TYPES, type SearchEngine, type SearchType } from "@/server/integrations/search";
import { enqueue } from "@/server/jobs/outbox";
import { searchReindexJob } from "./search.jobs";
import type { ReindexResult, SearchAdminOverview } from "./search.schemas";
import { indexHealth, SEARCH_JOB_TYPE, SEARCH_REINDEX_JOB_TYPE } from "./search.service";

/** How many records of each type the index should hold (what reindexAll would write). */
async function databaseTotals(db: Db, now: Date): Promise<Record<SearchType, number>> {
  const [letter, kase, contact, bip] = await Promise.all([
    db.document.count(),
    db.case.count(),
    db.contact.count({ where: { mergedIntoId: null } }),
    db.bipArticle.count({ where: { status: { not: "DRAFT" }, versions: { some: { status: "APPROVED", publishAt: { lte: now } } } } }),
  ]);
  return { letter, case: kase, contact, bip };
}

const activeReindex = { type: SEARCH_REINDEX_JOB_TYPE, status: { in: ["PENDING" as const, "RUNNING" as const] } };

export async function getSearchAdmin(ctx: ServiceContext, engine: SearchEngine = getSearchEngine(ctx.db), now = new Date()): Promise<SearchAdminOverview> {
  assertCan(ctx.actor, "search.manage");
  const [health, totals, job] = await Promise.all([
    indexHealth(ctx.db, engine, now),
    databaseTotals(ctx.db, now),
    ctx.db.outboxJob.findFirst({
      where: { type: SEARCH_REINDEX_JOB_TYPE },
      orderBy: { id: "desc" },
      select: { status: true, createdAt: true, doneAt: true, lastError: true },
    }),
  ]);
  return {
    ...health,
    totals,
    reindex: job ? { status: job.status, requestedAt: job.createdAt, doneAt: job.doneAt, lastError: job.lastError } : null,
  };
}

/**
 * Queues a full rebuild unless one is already queued or running; audited. The caller wakes the
 * worker after commit (`wake`), so the rebuild starts within moments.
 */
export async function requestReindex(ctx: ServiceContext, wake: () => void = () => {}, engine: SearchEngine = getSearchEngine(ctx.db)): Promise<ReindexResult> {
  assertCan(ctx.actor, "search.manage");
  const queued = await ctx.db.$transaction(async (tx) => {
    if (await tx.outboxJob.findFirst({ where: activeReindex, select: { id: true } })) return false;
    await enqueue(tx, searchReindexJob, { reason: "admin" });
    await recordAudit(tx, ctx, { action: "search.reindex-requested", entityType: "system", entityId: "search-index", data: { engine: engine.name } });
    return true;
  });
  if (queued) wake();
  return { queued };
}

/**
 * Start-up: when the index is empty although the database has records, and nothing is on its way
 * (no index job waiting, no rebuild queued), queue a rebuild — e.g. a database that predates
 * search, or a fresh Meilisearch. A fresh demo database needs none: its seed queued index jobs.
 * Returns whether a rebuild was queued; an engine that cannot be reached is left to the admin page.
 */
export async function ensureSearchIndex(db: Db, engine: SearchEngine = getSearchEngine(db), now = new Date()): Promise<boolean> {
  let indexed: number;
  try {
    indexed = Object.values(await engine.counts()).reduce((a, b) => a + b, 0);
  } catch {
    return false;
  }
  if (indexed > 0) return false;
  const totals = await databaseTotals(db, now);
  if (SEARCH_TYPES.every((t) => totals[t] === 0)) return false;
  const waiting = await db.outboxJob.findFirst({
    where: { OR: [activeReindex, { type: SEARCH_JOB_TYPE, status: { in: ["PENDING", "RUNNING"] }, runAt: { lte: now } }] },
    select: { id: true },
  });
  if (waiting) return false;
  await enqueue(db, searchReindexJob, { reason: "startup" });
  return true;
}
