/**
 * The embedded engine: PostgreSQL full-text search on folded words ("simple" configuration, no
 * stemming), prefix matching (word:*), typo tolerance through the trigram vocabulary (pg_trgm),
 * weights A (identifiers, title) > B (subtitle) > C (body), an exact or prefix identifier match
 * first. The permission filter is part of the WHERE clause, so paging never drops hits.
 * At most SEARCH_CAP candidates are ranked, found through the bucketed index "tsk" title matches
 * first, so a word in 100,000 records costs about as much as a rare one.
 */
import type { Prisma } from "@prisma/client";
import { filterToSql, filterToTsquery } from "./filter";
import { foldedWords, vocabulary } from "./text";
import { foldText } from "@/lib/polish";
import { emptyFacets, searchKey, type EngineQuery, type EngineResult, type Filter, type FilterField, type SearchDocument, type SearchEngine } from "./types";

type RawDb = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** Body text indexed per record (characters); tsvector positions stop at 16 383 anyway. */
export const MAX_BODY_CHARS = 300_000;

/** A stored record as the engine reads it back: the document and the query's score. */
type Row = SearchDocument & { score: number };

/**
 * Typo neighbours per query word: up to 4 vocabulary words with trigram similarity ≥ 0.4. Known words
 * are widened too — this also catches Polish inflection ("wycinka" finds "wycinkę"); exact and
 * prefix matches still rank above (the +10 of the exact query).
 */
async function neighbours(db: RawDb, words: string[]): Promise<Map<string, string[]>> {
  const candidates = words.filter((w) => w.length >= 4 && !/^\d+$/.test(w));
  const out = new Map<string, string[]>();
  if (!candidates.length) return out;
  const rows = await db.$queryRawUnsafe<{ q: string; term: string }[]>(
    // The nearest words by trigram distance (1 − similarity) walk the GiST index; of those, the 4
    // most similar with similarity ≥ 0.4.
    `SELECT q.q, s.term FROM unnest($1::text[]) AS q(q)
     CROSS JOIN LATERAL (
       SELECT n.term FROM (SELECT term FROM "SearchTerm" ORDER BY term <-> q.q LIMIT 8) n
       WHERE n.term <> q.q AND similarity(n.term, q.q) >= 0.4
       ORDER BY similarity(n.term, q.q) DESC, n.term LIMIT 4) s`,
    candidates,
  );
  for (const r of rows) out.set(r.q, [...(out.get(r.q) ?? []), r.term]);
  return out;
}

/** At most this many vocabulary words stand in for the last word's prefix; more, and the prefix is searched as such. */
export const MAX_PREFIX_WORDS = 16;

/**
 * The words of the vocabulary that start with the last query word (through the trigram index), or
 * null to search it as a prefix (`word:*`): a number, too short, unknown or too common a start.
 * Exact words let the index skip through its lists; a prefix makes it collect every match first.
 */
async function prefixWords(db: RawDb, word: string): Promise<string[] | null> {
  if (word.length < MIN_PREFIX || /^\d+$/.test(word)) return null;
  const rows = await db.$queryRawUnsafe<{ term: string }[]>(
    `SELECT "term" FROM "SearchTerm" WHERE "term" LIKE $1 LIMIT ${MAX_PREFIX_WORDS + 2}`,
    `${word}%`,
  );
  if (rows.length === 0 || rows.length > MAX_PREFIX_WORDS + 1) return null;
  return rows.map((r) => r.term).filter((t) => t !== word);
}

/**
 * Matching permitted records ranked per query. Beyond it the engine stops counting: the total is
 * "more than SEARCH_CAP" (totalCapped), facets count the ranked records, and pages end there — the
 * same contract as Meilisearch's maxTotalHits. A common word then costs about as much as a rare one.
 */
export const SEARCH_CAP = 500;

/** Buckets of "tsk" (migration 20261125101500_search_speed: hashtext(key) & 3). */
export const SEARCH_BUCKETS = 4;

const FIELD_CODE: Record<FilterField, string> = {
  type: "t",
  kind: "k",
  status: "s",
  departmentId: "d",
  year: "y",
  confidential: "c",
  accessDepartmentIds: "a",
  accessUserIds: "u",
};

/** The "tsk" lexeme of a filterable value in a bucket ("2fd=<department id>"). */
export const filterLexeme = (bucket: number) => (field: FilterField, value: string) => `${bucket}f${FIELD_CODE[field]}=${value}`;

/** The last query word matches as a prefix from this many characters on ("wyc" → wycinka); shorter, as a word. */
export const MIN_PREFIX = 3;

/**
 * tsquery text: every word OR its typo neighbours, words ANDed; the last word (the one being
 * typed) also as a prefix — as Meilisearch treats the query — unless `lastAsPrefix` is false
 * because its completions are already among its alternatives. Words are folded [a-z0-9]+ only, so
 * the text parses the same through to_tsquery('simple', …) and as a tsquery literal; `lexeme`
 * turns a word into the lexeme searched ("tsk": bucket and tier before the word).
 */
export function tsQuery(words: string[], near: Map<string, string[]> = new Map(), lexeme = (w: string) => w, lastAsPrefix = true): string {
  return words
    .map((w, i) => {
      const self = lastAsPrefix && i === words.length - 1 && w.length >= MIN_PREFIX ? `${lexeme(w)}:*` : lexeme(w);
      return `(${[self, ...(near.get(w) ?? []).map(lexeme)].join(" | ")})`;
    })
    .join(" & ");
}

/**
 * The "tsk" queries in the order candidates are taken: title and identifier words ("a") bucket by
 * bucket, then any word ("w"), each without what the title tier of its bucket already gave; each
 * ANDed with the permission filter over the bucket's value lexemes.
 */
export function tierQueries(words: string[], near: Map<string, string[]>, filter: Filter, lastAsPrefix = true): { query: string; except: string | null }[] {
  const tier = (t: "a" | "w", b: number) => tsQuery(words, near, (w) => `${b}${t}${w}`, lastAsPrefix);
  const permitted = (b: number, text: string) => {
    const f = filterToTsquery(filter, filterLexeme(b));
    return f === null ? text : `${text} & ${f}`;
  };
  const buckets = Array.from({ length: SEARCH_BUCKETS }, (_, b) => b);
  return [
    ...buckets.map((b) => ({ query: permitted(b, tier("a", b)), except: null })),
    ...buckets.map((b) => ({ query: permitted(b, tier("w", b)), except: tier("a", b) })),
  ];
}

/** What the search statement returns: one row. */
interface SearchRow {
  matched: bigint | number;
  hits: string | Row[] | null;
  facets: string | { type: string | null; departmentId: string | null; year: number | null; status: string | null; g: number; n: number }[] | null;
}

const json = <T>(v: string | T): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

export function createPostgresEngine(db: RawDb): SearchEngine {
  return {
    name: "postgres",

    async upsert(docs: SearchDocument[], indexedAt = new Date()) {
      if (!docs.length) return;
      const rows = docs.map((d) => {
        const body = d.body.slice(0, MAX_BODY_CHARS);
        return {
          key: searchKey(d.type, d.entityId),
          type: d.type,
          entityId: d.entityId,
          title: d.title,
          subtitle: d.subtitle,
          body,
          identifiers: d.identifiers.map(foldText).filter(Boolean),
          url: d.url,
          departmentId: d.departmentId,
          year: d.year,
          status: d.status,
          kind: d.kind,
          confidential: d.confidential,
          accessDepartmentIds: d.accessDepartmentIds,
          accessUserIds: d.accessUserIds,
          fa: foldedWords(`${d.identifiers.join(" ")} ${d.title}`),
          fb: foldedWords(d.subtitle),
          fc: foldedWords(body),
        };
      });
      await db.$executeRawUnsafe(
        `INSERT INTO "SearchEntry" ("key", "type", "entityId", "title", "subtitle", "body", "identifiers", "url", "departmentId", "year", "status", "kind",
                                    "confidential", "accessDepartmentIds", "accessUserIds", "tsv", "indexedAt")
         SELECT x.key, x.type, x."entityId", x.title, x.subtitle, x.body, x.identifiers, x.url, x."departmentId", x.year, x.status, x.kind,
                x.confidential, x."accessDepartmentIds", x."accessUserIds",
                setweight(to_tsvector('simple', x.fa), 'A') || setweight(to_tsvector('simple', x.fb), 'B') || setweight(to_tsvector('simple', x.fc), 'C'),
                $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(key text, type text, "entityId" text, title text, subtitle text, body text, identifiers text[], url text,
              "departmentId" text, year int, status text, kind text, confidential boolean, "accessDepartmentIds" text[], "accessUserIds" text[],
              fa text, fb text, fc text)
         ON CONFLICT ("key") DO UPDATE SET
           "title" = EXCLUDED."title", "subtitle" = EXCLUDED."subtitle", "body" = EXCLUDED."body", "identifiers" = EXCLUDED."identifiers",
           "url" = EXCLUDED."url", "departmentId" = EXCLUDED."departmentId", "year" = EXCLUDED."year", "status" = EXCLUDED."status",
           "kind" = EXCLUDED."kind", "confidential" = EXCLUDED."confidential", "accessDepartmentIds" = EXCLUDED."accessDepartmentIds",
           "accessUserIds" = EXCLUDED."accessUserIds", "tsv" = EXCLUDED."tsv", "indexedAt" = EXCLUDED."indexedAt"`,
        JSON.stringify(rows),
        indexedAt.toISOString(),
      );
      const terms = vocabulary(docs.flatMap((d) => [d.title, d.subtitle, d.body.slice(0, 50_000)]), 3000 * Math.min(docs.length, 20)).sort();
      if (terms.length) await db.$executeRawUnsafe(`INSERT INTO "SearchTerm" ("term") SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, terms);
    },

    async remove(keys) {
      if (!keys.length) return;
      await db.$executeRawUnsafe(`DELETE FROM "SearchEntry" WHERE "key" = ANY($1::text[])`, keys.map((k) => searchKey(k.type, k.entityId)));
    },

    async removeStale(before) {
      await db.$executeRawUnsafe(`DELETE FROM "SearchEntry" WHERE "indexedAt" < $1::timestamptz`, before.toISOString());
    },

    /**
     * One statement: the candidates (at most SEARCH_CAP + 1 permitted matches, title and identifier
     * matches first), ranked; the page, the facets and the count. Up to SEARCH_CAP matches this is
     * exact: every match is a candidate.
     */
    async search(query: EngineQuery): Promise<EngineResult> {
      const params: unknown[] = [];
      const bind = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const filter = filterToSql(query.filter, params);
      const cols = (score: string) => `e."key", e."indexedAt", e."type", e."departmentId", e."year", e."status", ${score} AS score`;
      let candidates: string;
      if (query.words.length) {
        const last = query.words[query.words.length - 1]!;
        const [typos, completions] = await Promise.all([neighbours(db, query.words), prefixWords(db, last)]);
        // The last word's completions join its alternatives (typo neighbours), searched as words.
        const near = completions ? new Map(typos).set(last, [...new Set([...(typos.get(last) ?? []), ...completions])]) : typos;
        const full = `to_tsquery('simple', ${bind(tsQuery(query.words, near, undefined, !completions))})`;
        const exact = `to_tsquery('simple', ${bind(tsQuery(query.words))})`;
        const phrase = `${bind(query.phrase)}::text`;
        const score = `(CASE WHEN ${phrase} = ANY(e."identifiers") THEN 100
                             WHEN EXISTS (SELECT 1 FROM unnest(e."identifiers") i WHERE left(i, length(${phrase})) = ${phrase}) THEN 50 ELSE 0 END
                       + CASE WHEN e."tsv" @@ ${exact} THEN 10 ELSE 0 END
                       + 10 * ts_rank('{0.1, 0.2, 0.5, 1.0}', e."tsv", ${full}))::float8`;
        // Candidates through "tsk" tier by tier, bucket by bucket, until SEARCH_CAP + 1: a common word
        // reads the posting list of one bucket's title matches, not all of its matches. Every tier and
        // bucket together are every match of `full`, so up to SEARCH_CAP the result is exact.
        const tiers = tierQueries(query.words, near, query.filter, !completions);
        const qs = bind(tiers.map((t) => t.query));
        const except = bind(tiers.map((t) => t.except));
        candidates = `t AS MATERIALIZED (
             SELECT c.* FROM unnest(${qs}::text[], ${except}::text[]) WITH ORDINALITY AS q(tq, ex, n)
             CROSS JOIN LATERAL (
               SELECT ${cols(score)} FROM "SearchEntry" e
               WHERE e."tsk" @@ q.tq::tsquery AND NOT COALESCE(e."tsk" @@ q.ex::tsquery, FALSE) AND ${filter} LIMIT ${SEARCH_CAP + 1}) c
             LIMIT ${SEARCH_CAP + 1}),
           c AS (SELECT * FROM t)`;
      } else {
        candidates = `t AS MATERIALIZED (SELECT ${cols("0::float8")} FROM "SearchEntry" e WHERE ${filter} ORDER BY e."indexedAt" DESC, e."key" LIMIT ${SEARCH_CAP + 1}),
           c AS (SELECT * FROM t)`;
      }
      const order = `r.score DESC, r."indexedAt" DESC, r."key"`;
      const facets = query.facets
        ? `(SELECT json_agg(json_build_object('type', f."type", 'departmentId', f."departmentId", 'year', f."year", 'status', f."status", 'g', f.g, 'n', f.n))
            FROM (SELECT r."type", r."departmentId", r."year", r."status", GROUPING(r."type", r."departmentId", r."year", r."status")::int AS g, count(*) AS n
                  FROM r GROUP BY GROUPING SETS ((r."type"), (r."departmentId"), (r."year"), (r."status"))) f)`
        : `NULL::json`;
      const [row] = await db.$queryRawUnsafe<SearchRow[]>(
        `WITH ${candidates},
           r AS (SELECT * FROM c r ORDER BY ${order} LIMIT ${SEARCH_CAP}),
           p AS (SELECT * FROM r ORDER BY ${order} LIMIT ${bind(query.limit)} OFFSET ${bind(query.offset)})
         SELECT (SELECT count(*) FROM t) AS matched, ${facets} AS facets,
                (SELECT json_agg(json_build_object('type', e."type", 'entityId', e."entityId", 'title', e."title", 'subtitle', e."subtitle", 'body', e."body",
                   'identifiers', e."identifiers", 'url', e."url", 'departmentId', e."departmentId", 'year', e."year", 'status', e."status", 'kind', e."kind",
                   'confidential', e."confidential", 'accessDepartmentIds', e."accessDepartmentIds", 'accessUserIds', e."accessUserIds", 'score', r.score) ORDER BY ${order})
                 FROM p r JOIN "SearchEntry" e ON e."key" = r."key") AS hits`,
        ...params,
      );
      const matched = Number(row?.matched ?? 0);
      const result: EngineResult = { total: Math.min(matched, SEARCH_CAP), totalCapped: matched > SEARCH_CAP, facets: emptyFacets(), hits: [] };
      for (const r of json(row?.facets ?? []) ?? []) {
        const n = Number(r.n);
        if (r.g === 7) result.facets.type[r.type ?? ""] = n;
        else if (r.g === 11 && r.departmentId !== null) result.facets.departmentId[r.departmentId] = n;
        else if (r.g === 13 && r.year !== null) result.facets.year[String(r.year)] = n;
        else if (r.g === 14 && r.status !== null) result.facets.status[r.status] = n;
      }
      result.hits = (json(row?.hits ?? []) ?? []).map(({ score, ...doc }) => ({
        score: Number(score),
        doc: {
          type: doc.type,
          entityId: doc.entityId,
          title: doc.title,
          subtitle: doc.subtitle,
          body: doc.body,
          identifiers: doc.identifiers ?? [],
          url: doc.url,
          departmentId: doc.departmentId,
          year: doc.year,
          status: doc.status,
          kind: doc.kind,
          confidential: doc.confidential,
          accessDepartmentIds: doc.accessDepartmentIds ?? [],
          accessUserIds: doc.accessUserIds ?? [],
        },
      }));
      return result;
    },

    async counts() {
      const rows = await db.$queryRawUnsafe<{ type: string; n: bigint | number }[]>(`SELECT "type", count(*) AS n FROM "SearchEntry" GROUP BY "type"`);
      return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
    },
  };
}
