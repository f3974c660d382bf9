/**
 * The search engine contract (issue 6). Two engines implement it — the embedded one on PostgreSQL
 * full-text search (default) and Meilisearch (MEILI_HOST) — and receive the same folded query words
 * and the same structured filter, so both answer the same hits for the same question. Engines store
 * and return records; highlighting and the permission rule live in src/modules/search.
 */

export const SEARCH_TYPES = ["letter", "case", "contact", "bip"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** One indexed record as both engines store it. Text fields are original (not folded). */
export interface SearchDocument {
  type: SearchType;
  entityId: string;
  title: string;
  subtitle: string;
  body: string;
  /** Identifiers (RPW/12/2026, case mark, NIP …) as written; engines fold them. */
  identifiers: string[];
  url: string;
  departmentId: string | null;
  year: number | null;
  status: string | null;
  kind: string | null;
  confidential: boolean;
  accessDepartmentIds: string[];
  accessUserIds: string[];
}

export type FilterField = "type" | "kind" | "status" | "departmentId" | "year" | "confidential" | "accessDepartmentIds" | "accessUserIds";

/** A filter both engines compile: SQL for PostgreSQL, a filter expression for Meilisearch. */
export type Filter =
  | { op: "and"; of: Filter[] }
  | { op: "or"; of: Filter[] }
  | { op: "eq"; field: FilterField; value: string | number | boolean }
  /** The scalar field equals one of the values. */
  | { op: "in"; field: FilterField; values: (string | number)[] }
  /** The array field shares at least one value with `values`. */
  | { op: "overlap"; field: FilterField; values: string[] }
  | { op: "none" };

export const F = {
  and: (...of: Filter[]): Filter => ({ op: "and", of }),
  or: (...of: Filter[]): Filter => ({ op: "or", of }),
  eq: (field: FilterField, value: string | number | boolean): Filter => ({ op: "eq", field, value }),
  in: (field: FilterField, values: (string | number)[]): Filter => ({ op: "in", field, values }),
  overlap: (field: FilterField, values: string[]): Filter => ({ op: "overlap", field, values }),
  none: (): Filter => ({ op: "none" }),
};

export interface EngineQuery {
  /** Folded query words ("łódź" → "lodz"); the last may be a prefix. */
  words: string[];
  /** The whole query folded (an identifier typed as a whole: "rpw/12/2026"). */
  phrase: string;
  filter: Filter;
  offset: number;
  limit: number;
  /** Facets to count over every matching, permitted record (the ranked ones when the total is capped). */
  facets: boolean;
}

export interface EngineHit {
  doc: SearchDocument;
  score: number;
}

export interface EngineFacets {
  type: Record<string, number>;
  departmentId: Record<string, number>;
  year: Record<string, number>;
  status: Record<string, number>;
}

export interface EngineResult {
  hits: EngineHit[];
  /** Matching permitted records; when totalCapped, the engine stopped counting there ("more than total"). */
  total: number;
  /** More records match than the engine counts and ranks: `total` is a lower bound, pages end there and facets count those records. */
  totalCapped: boolean;
  facets: EngineFacets;
}

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** Creates or replaces records (idempotent). Throws when the engine cannot take them. */
  upsert(docs: SearchDocument[], indexedAt?: Date): Promise<void>;
  remove(keys: { type: SearchType; entityId: string }[]): Promise<void>;
  /** Drops records of the types indexed before `before` (the end of a full reindex). */
  removeStale(before: Date): Promise<void>;
  search(query: EngineQuery): Promise<EngineResult>;
  /** Indexed records per type. */
  counts(): Promise<Record<string, number>>;
}

export const searchKey = (type: SearchType, entityId: string) => `${type}:${entityId}`;

export function emptyFacets(): EngineFacets {
  return { type: {}, departmentId: {}, year: {}, status: {} };
}
