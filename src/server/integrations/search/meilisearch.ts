/**
 * Meilisearch adapter (MEILI_HOST, MEILI_API_KEY, MEILI_INDEX) over its documented HTTP API:
 *   PATCH  /indexes/{uid}/settings                 searchable / filterable attributes, ranking rules
 *   POST   /indexes/{uid}/documents?primaryKey=id  add or replace documents          → 202 { taskUid }
 *   POST   /indexes/{uid}/documents/delete-batch   delete by ids                      → 202 { taskUid }
 *   POST   /indexes/{uid}/documents/delete         delete by filter                   → 202 { taskUid }
 *   GET    /tasks/{taskUid}                        poll until succeeded / failed
 *   POST   /indexes/{uid}/search                   q, filter, page, hitsPerPage, facets, showRankingScore
 * Writes wait for their task, so a job is done only when Meilisearch has applied it; any HTTP
 * error or failed task throws and the outbox retries. Search fields are folded by us (the same
 * words the embedded engine indexes); the original text is stored for highlighting.
 */
import { filterToMeili } from "./filter";
import { foldedWords } from "./text";
import { foldText } from "@/lib/polish";
import { emptyFacets, type EngineQuery, type EngineResult, type SearchDocument, type SearchEngine, type SearchType } from "./types";

export interface MeiliOptions {
  host: string;
  apiKey?: string;
  index: string;
  /** Test hook: how long to wait between task polls (ms). */
  pollMs?: number;
  taskTimeoutMs?: number;
  fetch?: typeof fetch;
}

export class MeiliError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "MeiliError";
  }
}

export const MEILI_SETTINGS = {
  searchableAttributes: ["identifiers", "fTitle", "fSubtitle", "fBody"],
  filterableAttributes: ["type", "kind", "status", "departmentId", "year", "confidential", "accessDepartmentIds", "accessUserIds", "indexedAt"],
  displayedAttributes: ["*"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
} as const;

/** Meilisearch ids allow letters, digits, "-" and "_": "<type>-<entityId>". */
export const meiliId = (type: SearchType, entityId: string) => `${type}-${entityId.replace(/[^A-Za-z0-9_-]/g, "_")}`;

interface MeiliHit extends SearchDocument {
  _rankingScore?: number;
}

export function createMeiliEngine(options: MeiliOptions): SearchEngine {
  const base = options.host.replace(/\/+$/, "");
  const index = encodeURIComponent(options.index);
  const doFetch = options.fetch ?? fetch;
  const pollMs = options.pollMs ?? 50;
  const taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  let settings: Promise<void> | null = null;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new MeiliError(`Meilisearch unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await res.text();
    if (!res.ok) throw new MeiliError(`Meilisearch ${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`, res.status);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async function waitTask(enqueued: { taskUid: number }): Promise<void> {
    const started = Date.now();
    let delay = pollMs;
    for (;;) {
      const task = await call<{ status: string; error?: { message?: string; code?: string } | null }>("GET", `/tasks/${enqueued.taskUid}`);
      if (task.status === "succeeded") return;
      if (task.status === "failed" || task.status === "canceled") {
        throw new MeiliError(`Meilisearch task ${enqueued.taskUid} ${task.status}: ${task.error?.code ?? ""} ${task.error?.message ?? ""}`.trim());
      }
      if (Date.now() - started > taskTimeoutMs) throw new MeiliError(`Meilisearch task ${enqueued.taskUid} still ${task.status}`);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 1000);
    }
  }

  function ensureSettings(): Promise<void> {
    settings ??= call<{ taskUid: number }>("PATCH", `/indexes/${index}/settings`, MEILI_SETTINGS)
      .then(waitTask)
      .catch((error: unknown) => {
        settings = null;
        throw error;
      });
    return settings;
  }

  return {
    name: "meilisearch",

    async upsert(docs: SearchDocument[], indexedAt = new Date()) {
      if (!docs.length) return;
      await ensureSettings();
      const payload = docs.map((d) => ({
        id: meiliId(d.type, d.entityId),
        ...d,
        identifiers: d.identifiers.map(foldText).filter(Boolean),
        fTitle: foldedWords(d.title),
        fSubtitle: foldedWords(d.subtitle),
        fBody: foldedWords(d.body),
        indexedAt: indexedAt.getTime(),
      }));
      await waitTask(await call("POST", `/indexes/${index}/documents?primaryKey=id`, payload));
    },

    async remove(keys) {
      if (!keys.length) return;
      await ensureSettings();
      await waitTask(await call("POST", `/indexes/${index}/documents/delete-batch`, keys.map((k) => meiliId(k.type, k.entityId))));
    },

    async removeStale(before) {
      await ensureSettings();
      await waitTask(await call("POST", `/indexes/${index}/documents/delete`, { filter: `indexedAt < ${before.getTime()}` }));
    },

    async search(query: EngineQuery): Promise<EngineResult> {
      await ensureSettings();
      const limit = Math.max(1, query.limit);
      const body = {
        q: query.words.join(" "),
        filter: filterToMeili(query.filter) ?? undefined,
        page: Math.floor(query.offset / limit) + 1,
        hitsPerPage: limit,
        facets: query.facets ? ["type", "departmentId", "year", "status"] : undefined,
        showRankingScore: true,
        attributesToRetrieve: ["type", "entityId", "title", "subtitle", "body", "identifiers", "url", "departmentId", "year", "status", "kind", "confidential", "accessDepartmentIds", "accessUserIds"],
      };
      const res = await call<{ hits: MeiliHit[]; totalHits?: number; estimatedTotalHits?: number; facetDistribution?: Record<string, Record<string, number>> }>(
        "POST",
        `/indexes/${index}/search`,
        body,
      );
      const facets = emptyFacets();
      const dist = res.facetDistribution ?? {};
      Object.assign(facets.type, dist.type ?? {});
      Object.assign(facets.departmentId, dist.departmentId ?? {});
      Object.assign(facets.year, dist.year ?? {});
      Object.assign(facets.status, dist.status ?? {});
      // Exhaustive counts (page / hitsPerPage) stop at maxTotalHits; an estimate is a lower bound too.
      const total = res.totalHits ?? res.estimatedTotalHits ?? res.hits.length;
      return {
        total,
        totalCapped: res.totalHits === undefined || total >= MEILI_SETTINGS.pagination.maxTotalHits,
        facets,
        hits: res.hits.map(({ _rankingScore, ...doc }) => ({ score: _rankingScore ?? 0, doc: doc as SearchDocument })),
      };
    },

    async counts() {
      await ensureSettings();
      const res = await call<{ facetDistribution?: { type?: Record<string, number> } }>("POST", `/indexes/${index}/search`, { q: "", limit: 0, facets: ["type"] });
      return { ...(res.facetDistribution?.type ?? {}) };
    },
  };
}
