/**
 * Search: the query service (permission filter in the engine, facets, highlights), indexing of one
 * record (the outbox job), the full reindex, and index health for the admin page.
 */
import { foldText } from "@/lib/polish";
import type { ServiceContext } from "@/server/context";
import type { Db } from "@/server/db";
import { F, getSearchEngine, SEARCH_TYPES, type EngineResult, type Filter, type SearchEngine, type SearchType } from "@/server/integrations/search";
import { words } from "@/server/integrations/search/text";
import { loadWorkScope } from "@/modules/documents/documents.policy";
import { BUILDERS } from "./search.documents";
import { highlightAll, highlightFragments } from "./search.highlight";
import { ZPublicSearchInput, ZSearchInput, type FacetValue, type PublicSearchInput, type SearchInput, type SearchResult } from "./search.schemas";
import { visibilityFilter } from "./search.visibility";

export const SEARCH_JOB_TYPE = "search.index";
export const SEARCH_REINDEX_JOB_TYPE = "search.reindex";
const MAX_WORDS = 8;

function toFacet(counts: Record<string, number>): FacetValue[] {
  return Object.entries(counts)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function mapResult(result: EngineResult, qWords: string[], started: number): SearchResult {
  return {
    total: result.total,
    totalCapped: result.totalCapped,
    tookMs: Math.round(performance.now() - started),
    facets: {
      type: toFacet(result.facets.type),
      department: toFacet(result.facets.departmentId),
      year: toFacet(result.facets.year).sort((a, b) => Number(b.value) - Number(a.value)),
      status: toFacet(result.facets.status),
    },
    hits: result.hits.map(({ doc, score }) => ({
      type: doc.type,
      id: doc.entityId,
      title: doc.title,
      subtitle: doc.subtitle,
      url: doc.url,
      score,
      highlights: { title: highlightAll(doc.title, qWords), subtitle: highlightAll(doc.subtitle, qWords), body: highlightFragments(doc.body, qWords) },
    })),
  };
}

/** Staff search: only hits the actor could open (the rule is part of the engine's query). */
export async function searchDocuments(ctx: ServiceContext, input: SearchInput, engine: SearchEngine = getSearchEngine(ctx.db)): Promise<SearchResult> {
  const started = performance.now();
  const q = ZSearchInput.parse(input);
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const filters: Filter[] = [visibilityFilter(scope, ctx.actor.roles)];
  if (q.types?.length) filters.push(F.in("type", q.types));
  if (q.departmentId) filters.push(F.eq("departmentId", q.departmentId));
  if (q.year) filters.push(F.eq("year", q.year));
  if (q.status) filters.push(F.eq("status", q.status));
  const qWords = words(q.q).slice(0, MAX_WORDS);
  const result = await engine.search({
    words: qWords,
    phrase: foldText(q.q),
    filter: F.and(...filters),
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
    facets: true,
  });
  const mapped = mapResult(result, qWords, started);
  const departmentIds = mapped.facets.department.map((f) => f.value);
  if (departmentIds.length) {
    const names = new Map((await ctx.db.department.findMany({ where: { id: { in: departmentIds } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
    for (const f of mapped.facets.department) f.label = names.get(f.value) ?? f.value;
  }
  mapped.tookMs = Math.round(performance.now() - started);
  return mapped;
}

/** BIP search for the public pages: published articles only. */
export async function searchPublic(db: Db, input: PublicSearchInput, engine: SearchEngine = getSearchEngine(db)): Promise<SearchResult> {
  const started = performance.now();
  const q = ZPublicSearchInput.parse(input);
  const qWords = words(q.q).slice(0, MAX_WORDS);
  const pageSize = 20;
  const result = await engine.search({ words: qWords, phrase: foldText(q.q), filter: F.eq("type", "bip"), offset: (q.page - 1) * pageSize, limit: pageSize, facets: true });
  return mapResult(result, qWords, started);
}

/** Brings one record's index entry up to date with the database (idempotent; the outbox job). */
export async function indexEntity(db: Db, ref: { type: SearchType; id: string }, engine: SearchEngine = getSearchEngine(db)): Promise<"indexed" | "removed"> {
  const [doc] = await BUILDERS[ref.type](db, [ref.id]);
  if (doc) {
    await engine.upsert([doc]);
    return "indexed";
  }
  await engine.remove([{ type: ref.type, entityId: ref.id }]);
  return "removed";
}

export interface ReindexProgress {
  type: SearchType;
  done: number;
  total: number;
}

/** Rebuilds the whole index from the database, then drops entries of records that are gone. */
export async function reindexAll(
  db: Db,
  options: { onProgress?: (p: ReindexProgress) => void; batchSize?: number; engine?: SearchEngine } = {},
): Promise<Record<SearchType, number>> {
  const engine = options.engine ?? getSearchEngine(db);
  const batchSize = options.batchSize ?? 200;
  const started = new Date();
  const counts = { letter: 0, case: 0, contact: 0, bip: 0 } as Record<SearchType, number>;
  const lists: Record<SearchType, (after: string | undefined) => Promise<{ id: string }[]>> = {
    letter: (after) => db.document.findMany({ where: after ? { id: { gt: after } } : {}, select: { id: true }, orderBy: { id: "asc" }, take: batchSize }),
    case: (after) => db.case.findMany({ where: after ? { id: { gt: after } } : {}, select: { id: true }, orderBy: { id: "asc" }, take: batchSize }),
    contact: (after) => db.contact.findMany({ where: after ? { id: { gt: after } } : {}, select: { id: true }, orderBy: { id: "asc" }, take: batchSize }),
    bip: (after) => db.bipArticle.findMany({ where: after ? { id: { gt: after } } : {}, select: { id: true }, orderBy: { id: "asc" }, take: batchSize }),
  };
  const totals: Record<SearchType, () => Promise<number>> = {
    letter: () => db.document.count(),
    case: () => db.case.count(),
    contact: () => db.contact.count(),
    bip: () => db.bipArticle.count(),
  };
  for (const type of SEARCH_TYPES) {
    const total = await totals[type]();
    let after: string | undefined;
    let seen = 0;
    for (;;) {
      const ids = (await lists[type](after)).map((r) => r.id);
      if (!ids.length) break;
      const docs = await BUILDERS[type](db, ids);
      await engine.upsert(docs, new Date());
      counts[type] += docs.length;
      seen += ids.length;
      after = ids[ids.length - 1];
      options.onProgress?.({ type, done: seen, total });
    }
  }
  await engine.removeStale(started);
  return counts;
}

export interface IndexHealth {
  engine: "postgres" | "meilisearch";
  /** Indexed records per type (null when the engine cannot be reached). */
  documents: Record<string, number> | null;
  engineError: string | null;
  /** Index jobs due, running or waiting for a retry (the lag). */
  pendingJobs: number;
  /** Scheduled for later (BIP articles published in the future). */
  scheduledJobs: number;
  deadJobs: number;
  /** Seconds the oldest due job has waited (the index lag), 0 when none. */
  oldestPendingAgeSeconds: number;
  /** The newest unresolved failure (a job retrying or parked DEAD); a job that later succeeds clears it. */
  lastError: { message: string; status: string; nextAttemptAt: Date | null } | null;
}

export async function indexHealth(db: Db, engine: SearchEngine = getSearchEngine(db), now = new Date()): Promise<IndexHealth> {
  let documents: Record<string, number> | null = null;
  let engineError: string | null = null;
  try {
    documents = await engine.counts();
  } catch (error) {
    engineError = error instanceof Error ? error.message : String(error);
  }
  // Due now, running, or failed and waiting for a retry: all of it is lag. A job never tried whose
  // time has not come (a BIP article published in the future) is only scheduled.
  const waiting = { type: SEARCH_JOB_TYPE, OR: [{ status: "RUNNING" as const }, { status: "PENDING" as const, OR: [{ runAt: { lte: now } }, { attempts: { gt: 0 } }] }] };
  const [pending, scheduled, dead, oldest, failed] = await Promise.all([
    db.outboxJob.count({ where: waiting }),
    db.outboxJob.count({ where: { type: SEARCH_JOB_TYPE, status: "PENDING", attempts: 0, runAt: { gt: now } } }),
    db.outboxJob.count({ where: { type: SEARCH_JOB_TYPE, status: "DEAD" } }),
    db.outboxJob.findFirst({ where: waiting, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.outboxJob.findFirst({ where: { type: SEARCH_JOB_TYPE, lastError: { not: null } }, orderBy: { id: "desc" }, select: { lastError: true, runAt: true, status: true } }),
  ]);
  return {
    engine: engine.name,
    documents,
    engineError,
    pendingJobs: pending,
    scheduledJobs: scheduled,
    deadJobs: dead,
    oldestPendingAgeSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000)) : 0,
    lastError: failed?.lastError ? { message: failed.lastError, status: failed.status, nextAttemptAt: failed.status === "PENDING" ? failed.runAt : null } : null,
  };
}
