-- Search speed at 1,000,000 records (issue 6). A common word matches ~100,000 records: building
-- the bitmap of all of them from one GIN posting list, checking each against the permission filter
-- and ranking them took seconds. Now the embedded engine (src/server/integrations/search/postgres.ts)
-- asks one GIN index for a capped number of permitted candidates through small posting lists and
-- stops as soon as it has enough:
--   * "tsk": per record, in one of 4 buckets (a hash of its key), the lexemes of "tsv" by tier —
--     "<bucket>a<word>" for identifiers and title (weight A), "<bucket>w<word>" for every word — and
--     its filterable values "<bucket>f<field>=<value>" (t type, k kind, s status, d department, y year,
--     c=true confidential, a access department, u access user), so the text AND the permission
--     filter are answered by the index: "3alodz & (3ft=contact | …)" lists bucket 3's permitted title
--     matches of "lodz" only;
--   * one GIN index on "tsk" replaces the one on "tsv" ("tsv" stays for ranking);
--   * newest first without a query (and the end of a full reindex) walks an index on "indexedAt";
--   * typo neighbours: the nearest vocabulary words by trigram distance from a GiST index (KNN)
--     instead of comparing the query word with every word.
-- The bucket count (4) and the lexeme format are mirrored in postgres.ts (SEARCH_BUCKETS, tierQueries, filterLexeme).

CREATE FUNCTION obieg_search_keys(k text, v tsvector, t text, kd text, st text, dep text, yr int, conf boolean, deps text[], users text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_tsvector(ARRAY(
    SELECT s.b || 'a' || l FROM unnest(tsvector_to_array(ts_filter(v, '{a}'))) l
    UNION ALL
    SELECT s.b || 'w' || l FROM unnest(tsvector_to_array(v)) l
    UNION ALL
    SELECT s.b || 'f' || x FROM unnest(ARRAY['t=' || t, 'k=' || kd, 's=' || st, 'd=' || dep, 'y=' || yr::text, CASE WHEN conf THEN 'c=true' END]) x WHERE x IS NOT NULL
    UNION ALL
    SELECT s.b || 'fa=' || x FROM unnest(deps) x WHERE x IS NOT NULL
    UNION ALL
    SELECT s.b || 'fu=' || x FROM unnest(users) x WHERE x IS NOT NULL))
  FROM (SELECT (hashtext(k) & 3)::text AS b) s
$$;

-- AlterTable
ALTER TABLE "SearchEntry" ADD COLUMN "tsk" tsvector GENERATED ALWAYS AS (obieg_search_keys("key", "tsv", "type", "kind", "status", "departmentId", "year", "confidential", "accessDepartmentIds", "accessUserIds")) STORED;

-- CreateIndex
CREATE INDEX "SearchEntry_tsk_idx" ON "SearchEntry" USING GIN ("tsk");

-- DropIndex
DROP INDEX "SearchEntry_tsv_idx";

-- CreateIndex
CREATE INDEX "SearchEntry_indexedAt_key_idx" ON "SearchEntry"("indexedAt" DESC, "key");

-- Typo neighbours (nearest words first) replace the GIN trigram index.
CREATE INDEX "SearchTerm_trgm_gist_idx" ON "SearchTerm" USING GIST ("term" gist_trgm_ops);
DROP INDEX "SearchTerm_trgm_idx";
