-- Search (issue 6): the embedded engine's index, vocabulary and extracted-text cache.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "SearchEntry" (
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "identifiers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "url" TEXT NOT NULL,
    "departmentId" TEXT,
    "year" INTEGER,
    "status" TEXT,
    "kind" TEXT,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "accessDepartmentIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "accessUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tsv" tsvector,
    "indexedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "SearchFileText" (
    "sha256" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "extractedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchFileText_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "SearchEntry_type_departmentId_idx" ON "SearchEntry"("type", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_type_entityId_key" ON "SearchEntry"("type", "entityId");

-- Full-text (folded words, weights A identifiers/title, B subtitle, C body) and typo neighbours.
CREATE INDEX "SearchEntry_tsv_idx" ON "SearchEntry" USING GIN ("tsv");
CREATE INDEX "SearchTerm_trgm_idx" ON "SearchTerm" USING GIN ("term" gin_trgm_ops);

-- Indexing through the outbox: one "search.index" job per changed record per transaction (the
-- dedupe key holds the transaction id); the job (src/modules/search/search.jobs.ts) reads the
-- committed record and writes it to the engine, retrying while the engine is down.
CREATE FUNCTION obieg_search_changed(entity_type text, entity_id text, run_at timestamptz DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF entity_id IS NULL THEN RETURN; END IF;
  INSERT INTO "OutboxJob" ("type", "payload", "dedupeKey", "maxAttempts", "runAt")
  VALUES ('search.index', jsonb_build_object('type', entity_type, 'id', entity_id),
          'search:' || entity_type || ':' || entity_id || ':' || txid_current()::text
            || COALESCE(':' || floor(extract(epoch FROM run_at))::bigint::text, ''),
          12, COALESCE(run_at, now()))
  ON CONFLICT ("dedupeKey") DO NOTHING;
END $$;

CREATE FUNCTION obieg_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  CASE TG_TABLE_NAME
    WHEN 'Document' THEN PERFORM obieg_search_changed('letter', r.id);
    WHEN 'Case' THEN PERFORM obieg_search_changed('case', r.id);
    WHEN 'Contact' THEN PERFORM obieg_search_changed('contact', r.id);
    WHEN 'BipArticle' THEN PERFORM obieg_search_changed('bip', r.id);
    ELSE NULL;
  END CASE;
  RETURN NULL;
END $$;

-- Parts of a record that change what is indexed without touching its row.
CREATE FUNCTION obieg_search_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  CASE TG_TABLE_NAME
    WHEN 'DocumentFile' THEN PERFORM obieg_search_changed('letter', r."documentId");
    WHEN 'CaseParty' THEN PERFORM obieg_search_changed('case', r."caseId");
    WHEN 'CaseAccess' THEN PERFORM obieg_search_changed('case', r."caseId");
    WHEN 'BipArticleVersion' THEN
      PERFORM obieg_search_changed('bip', r."articleId");
      -- A scheduled publication: index again when it becomes public.
      IF TG_OP <> 'DELETE' AND r."status" = 'APPROVED' AND r."publishAt" > now() THEN
        PERFORM obieg_search_changed('bip', r."articleId", r."publishAt");
      END IF;
    ELSE NULL;
  END CASE;
  RETURN NULL;
END $$;

CREATE TRIGGER "Document_search" AFTER INSERT OR UPDATE OR DELETE ON "Document" FOR EACH ROW EXECUTE FUNCTION obieg_search_row();
CREATE TRIGGER "Case_search" AFTER INSERT OR UPDATE OR DELETE ON "Case" FOR EACH ROW EXECUTE FUNCTION obieg_search_row();
CREATE TRIGGER "Contact_search" AFTER INSERT OR UPDATE OR DELETE ON "Contact" FOR EACH ROW EXECUTE FUNCTION obieg_search_row();
CREATE TRIGGER "BipArticle_search" AFTER INSERT OR UPDATE OR DELETE ON "BipArticle" FOR EACH ROW EXECUTE FUNCTION obieg_search_row();
CREATE TRIGGER "DocumentFile_search" AFTER INSERT OR UPDATE OR DELETE ON "DocumentFile" FOR EACH ROW EXECUTE FUNCTION obieg_search_part();
CREATE TRIGGER "CaseParty_search" AFTER INSERT OR DELETE ON "CaseParty" FOR EACH ROW EXECUTE FUNCTION obieg_search_part();
CREATE TRIGGER "CaseAccess_search" AFTER INSERT OR DELETE ON "CaseAccess" FOR EACH ROW EXECUTE FUNCTION obieg_search_part();
CREATE TRIGGER "BipArticleVersion_search" AFTER INSERT OR UPDATE OR DELETE ON "BipArticleVersion" FOR EACH ROW EXECUTE FUNCTION obieg_search_part();
