import { z } from "zod";
import { SEARCH_TYPES } from "@/server/integrations/search/types";

export const ZSearchInput = z.object({
  q: z.string().max(200).default(""),
  types: z.array(z.enum(SEARCH_TYPES)).max(SEARCH_TYPES.length).optional(),
  departmentId: z.string().min(1).max(64).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  status: z.string().min(1).max(40).optional(),
  page: z.number().int().min(1).max(500).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type SearchInput = z.input<typeof ZSearchInput>;

export const ZPublicSearchInput = z.object({
  q: z.string().max(200).default(""),
  page: z.number().int().min(1).max(500).default(1),
});
export type PublicSearchInput = z.input<typeof ZPublicSearchInput>;

export interface SearchHit {
  type: (typeof SEARCH_TYPES)[number];
  id: string;
  title: string;
  subtitle: string;
  url: string;
  /** HTML-escaped text with <mark> around matches. */
  highlights: { title: string | null; subtitle: string | null; body: string[] };
  score: number;
}

export interface FacetValue {
  value: string;
  count: number;
  /** Department name for the department facet. */
  label?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: { type: FacetValue[]; department: FacetValue[]; year: FacetValue[]; status: FacetValue[] };
  total: number;
  /** More records match than the engine counts: show "ponad {total}" (pages end at total). */
  totalCapped: boolean;
  tookMs: number;
}

// ---------------------------------------------------------------------------------------------
// Responses (the router's .output) and the results page's URL.

const ZFacetValue = z.object({ value: z.string(), count: z.number().int(), label: z.string().optional() });

export const ZSearchResult = z.object({
  hits: z.array(
    z.object({
      type: z.enum(SEARCH_TYPES),
      id: z.string(),
      title: z.string(),
      subtitle: z.string(),
      url: z.string(),
      highlights: z.object({ title: z.string().nullable(), subtitle: z.string().nullable(), body: z.array(z.string()) }),
      score: z.number(),
    }),
  ),
  facets: z.object({ type: z.array(ZFacetValue), department: z.array(ZFacetValue), year: z.array(ZFacetValue), status: z.array(ZFacetValue) }),
  total: z.number().int(),
  totalCapped: z.boolean(),
  tookMs: z.number(),
}) satisfies z.ZodType<SearchResult>;

export const REINDEX_STATES = ["PENDING", "RUNNING", "DONE", "DEAD"] as const;

export const ZSearchAdminOverview = z.object({
  engine: z.enum(["postgres", "meilisearch"]),
  documents: z.record(z.string(), z.number()).nullable(),
  engineError: z.string().nullable(),
  pendingJobs: z.number().int(),
  scheduledJobs: z.number().int(),
  deadJobs: z.number().int(),
  oldestPendingAgeSeconds: z.number().int(),
  lastError: z.object({ message: z.string(), status: z.string(), nextAttemptAt: z.date().nullable() }).nullable(),
  /** Records of each type in the database that belong in the index. */
  totals: z.record(z.enum(SEARCH_TYPES), z.number().int()),
  /** The newest full rebuild (an outbox job), if any was requested. */
  reindex: z.object({ status: z.enum(REINDEX_STATES), requestedAt: z.date(), doneAt: z.date().nullable(), lastError: z.string().nullable() }).nullable(),
});
export type SearchAdminOverview = z.infer<typeof ZSearchAdminOverview>;

export const ZReindexResult = z.object({ queued: z.boolean() });
export type ReindexResult = z.infer<typeof ZReindexResult>;

/** The results page's filters, as they appear in its URL (/szukaj?q=&typ=&komorka=&rok=&stan=&strona=). */
export interface SearchPageParams {
  q: string;
  type?: (typeof SEARCH_TYPES)[number];
  departmentId?: string;
  year?: number;
  status?: string;
  page: number;
}

export const SEARCH_PAGE_SIZE = 20;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Reads /szukaj's query string; anything malformed is dropped rather than failing the page. */
export function searchPageParams(params: Record<string, string | string[] | undefined>): SearchPageParams {
  const out: SearchPageParams = { q: (first(params.q) ?? "").slice(0, 200), page: 1 };
  const type = first(params.typ);
  if (type && (SEARCH_TYPES as readonly string[]).includes(type)) out.type = type as SearchPageParams["type"];
  const department = first(params.komorka);
  if (department && department.length <= 64) out.departmentId = department;
  const year = Number(first(params.rok));
  if (Number.isInteger(year) && year >= 1900 && year <= 2200) out.year = year;
  const status = first(params.stan);
  if (status && /^[A-Z_]{1,40}$/.test(status)) out.status = status;
  const page = Number(first(params.strona));
  if (Number.isInteger(page) && page >= 1 && page <= 500) out.page = page;
  return out;
}

/** The URL of the results page for the given parameters (page 1 is left out). */
export function searchPageHref(p: Partial<SearchPageParams>): string {
  const qs = new URLSearchParams();
  if (p.q) qs.set("q", p.q);
  if (p.type) qs.set("typ", p.type);
  if (p.departmentId) qs.set("komorka", p.departmentId);
  if (p.year) qs.set("rok", String(p.year));
  if (p.status) qs.set("stan", p.status);
  if (p.page && p.page > 1) qs.set("strona", String(p.page));
  const s = qs.toString();
  return s ? `/szukaj?${s}` : "/szukaj";
}

/** The service input for the page's parameters. */
export function searchInputOf(p: SearchPageParams): SearchInput {
  return { q: p.q, types: p.type ? [p.type] : undefined, departmentId: p.departmentId, year: p.year, status: p.status, page: p.page, pageSize: SEARCH_PAGE_SIZE };
}
