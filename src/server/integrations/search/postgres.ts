/**
 * The embedded engine: PostgreSQL full-text search on folded words ("simple" configuration, no
 * stemming), prefix matching (word:*), typo tolerance through the trigram vocabulary (pg_trgm),
 * weights A (identifiers, title) > B (subtitle) > C (body), an exact or prefix identifier match
 * first. The permission filter is part of the WHERE clause, so paging never drops hits.
 */
import type { Prisma } from "@prisma/client";
import { filterToSql } from "./filter";
import { foldedWords, vocabulary } from "./text";
import { foldText } from "@/lib/polish";
import { emptyFacets, searchKey, type EngineQuery, type EngineResult, type SearchDocument, type SearchEngine } from "./types";

type RawDb = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** Body text indexed per record (characters); tsvector positions stop at 16 383 anyway. */
export const MAX_BODY_CHARS = 300_000;

/** A stored record as the engine reads it back: the document, its key and the query's score. */
type Row = SearchDocument & { key: string; score: number };

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
    `SELECT q.q, s.term FROM unnest($1::text[]) AS q(q)
     CROSS JOIN LATERAL (
       SELECT term FROM "SearchTerm" WHERE term % q.q AND term <> q.q AND similarity(term, q.q) >= 0.4
       ORDER BY similarity(term, q.q) DESC, term LIMIT 4) s`,
    candidates,
  );
  for (const r of rows) out.set(r.q, [...(out.get(r.q) ?? []), r.term]);
  return out;
}

/** to_tsquery text: every word as a prefix, OR its typo neighbours; words ANDed. */
export function tsQuery(words: string[], near: Map<string, string[]> = new Map()): string {
  return words.map((w) => `(${[`${w}:*`, ...(near.get(w) ?? [])].join(" | ")})`).join(" & ");
}

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

    async search(query: EngineQuery): Promise<EngineResult> {
      const params: unknown[] = [];
      const where: string[] = [filterToSql(query.filter, params)];
      let score = `0::float8`;
      let whereParams = params.length;
      if (query.words.length) {
        const near = await neighbours(db, query.words);
        params.push(tsQuery(query.words, near));
        const full = `to_tsquery('simple', $${params.length})`;
        where.push(`e."tsv" @@ ${full}`);
        whereParams = params.length;
        params.push(tsQuery(query.words));
        const exact = `to_tsquery('simple', $${params.length})`;
        params.push(query.phrase);
        const phrase = `$${params.length}::text`;
        score = `(CASE WHEN ${phrase} = ANY(e."identifiers") THEN 100
                       WHEN EXISTS (SELECT 1 FROM unnest(e."identifiers") i WHERE left(i, length(${phrase})) = ${phrase}) THEN 50 ELSE 0 END
                 + CASE WHEN e."tsv" @@ ${exact} THEN 10 ELSE 0 END
                 + 10 * ts_rank('{0.1, 0.2, 0.5, 1.0}', e."tsv", ${full}))::float8`;
      }
      const whereSql = where.join(" AND ");
      const base = params.slice(0, whereParams);
      params.push(query.limit, query.offset);
      const rows = await db.$queryRawUnsafe<(Row & { total: bigint | number })[]>(
        `WITH m AS (
           SELECT e."key", ${score} AS score, count(*) OVER () AS total FROM "SearchEntry" e WHERE ${whereSql}
           ORDER BY score DESC, e."indexedAt" DESC, e."key" LIMIT $${params.length - 1} OFFSET $${params.length})
         SELECT e."key", e."type", e."entityId", e."title", e."subtitle", e."body", e."identifiers", e."url", e."departmentId", e."year", e."status", e."kind",
                e."confidential", e."accessDepartmentIds", e."accessUserIds", m.score, m.total
         FROM m JOIN "SearchEntry" e ON e."key" = m."key" ORDER BY m.score DESC, e."indexedAt" DESC, e."key"`,
        ...params,
      );
      let total = rows.length ? Number(rows[0]!.total) : 0;
      const facets = emptyFacets();
      if (query.facets || (!rows.length && query.offset > 0)) {
        const groups = await db.$queryRawUnsafe<{ type: string | null; departmentId: string | null; year: number | null; status: string | null; g: number; n: bigint | number }[]>(
          `SELECT e."type", e."departmentId", e."year", e."status", GROUPING(e."type", e."departmentId", e."year", e."status")::int AS g, count(*) AS n
           FROM "SearchEntry" e WHERE ${whereSql}
           GROUP BY GROUPING SETS ((e."type"), (e."departmentId"), (e."year"), (e."status"))`,
          ...base,
        );
        for (const r of groups) {
          const n = Number(r.n);
          if (r.g === 7) facets.type[r.type ?? ""] = n;
          else if (r.g === 11 && r.departmentId !== null) facets.departmentId[r.departmentId] = n;
          else if (r.g === 13 && r.year !== null) facets.year[String(r.year)] = n;
          else if (r.g === 14 && r.status !== null) facets.status[r.status] = n;
        }
        if (!rows.length) total = Object.values(facets.type).reduce((a, b) => a + b, 0);
      }
      return {
        total,
        facets,
        hits: rows.map((r) => ({
          score: Number(r.score),
          doc: {
            type: r.type,
            entityId: r.entityId,
            title: r.title,
            subtitle: r.subtitle,
            body: r.body,
            identifiers: r.identifiers,
            url: r.url,
            departmentId: r.departmentId,
            year: r.year,
            status: r.status,
            kind: r.kind,
            confidential: r.confidential,
            accessDepartmentIds: r.accessDepartmentIds,
            accessUserIds: r.accessUserIds,
          },
        })),
      };
    },

    async counts() {
      const rows = await db.$queryRawUnsafe<{ type: string; n: bigint | number }[]>(`SELECT "type", count(*) AS n FROM "SearchEntry" GROUP BY "type"`);
      return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
    },
  };
}
