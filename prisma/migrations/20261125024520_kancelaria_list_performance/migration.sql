-- DropIndex
DROP INDEX "Document_kind_registerYear_registerSeq_idx";

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "accessDepartmentIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "accessUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Document_kind_receivedAt_seq_idx" ON "Document"("kind", "receivedAt" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "Document_kind_registerYear_registerSeq_seq_idx" ON "Document"("kind", "registerYear" DESC, "registerSeq" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "Document_kind_subject_seq_idx" ON "Document"("kind", "subject", "seq" DESC);

-- CreateIndex
CREATE INDEX "Document_kind_status_dispatchedAt_idx" ON "Document"("kind", "status", "dispatchedAt" DESC);

-- CreateIndex
CREATE INDEX "Document_kind_status_createdAt_idx" ON "Document"("kind", "status", "createdAt" DESC);


-- Hand-written: each letter's access lists, recomputed by triggers whenever the letter, its case,
-- its dekretacja, its approval steps, its access list or its internal recipients change. The
-- visibility rule (src/modules/documents/documents.policy.ts) then compares two array columns of
-- the row itself — no joins, no subqueries — so lists walk their sort index and stop after a page.
CREATE FUNCTION "obieg_document_access"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."accessDepartmentIds" := ARRAY(
    SELECT DISTINCT v.id FROM (
      SELECT NEW."departmentId" AS id
      UNION ALL SELECT c."departmentId" FROM "Case" c WHERE c.id = NEW."caseId"
      UNION ALL SELECT a."departmentId" FROM "DocumentAssignment" a WHERE a."documentId" = NEW.id
      UNION ALL SELECT r."departmentId" FROM "DocumentRecipient" r WHERE r."documentId" = NEW.id
    ) v WHERE v.id IS NOT NULL ORDER BY v.id);
  NEW."accessUserIds" := ARRAY(
    SELECT DISTINCT v.id FROM (
      SELECT NEW."createdById" AS id
      UNION ALL SELECT NEW."assigneeId"
      UNION ALL SELECT c."responsibleId" FROM "Case" c WHERE c.id = NEW."caseId"
      UNION ALL SELECT a."userId" FROM "DocumentAssignment" a WHERE a."documentId" = NEW.id
      UNION ALL SELECT s."approverId" FROM "ApprovalStep" s WHERE s."documentId" = NEW.id
      UNION ALL SELECT g."userId" FROM "DocumentAccess" g WHERE g."documentId" = NEW.id
    ) v WHERE v.id IS NOT NULL ORDER BY v.id);
  RETURN NEW;
END $$;

CREATE TRIGGER "Document_access" BEFORE INSERT OR UPDATE ON "Document" FOR EACH ROW EXECUTE FUNCTION "obieg_document_access"();

-- A change in a related table re-saves the letter(s) it belongs to, which recomputes the lists.
CREATE FUNCTION "obieg_document_access_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "Document" SET "accessUserIds" = "accessUserIds" WHERE id = OLD."documentId";
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."documentId" IS DISTINCT FROM OLD."documentId") THEN
    UPDATE "Document" SET "accessUserIds" = "accessUserIds" WHERE id = NEW."documentId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "DocumentAssignment_access" AFTER INSERT OR DELETE OR UPDATE OF "documentId", "departmentId", "userId" ON "DocumentAssignment"
  FOR EACH ROW EXECUTE FUNCTION "obieg_document_access_touch"();
CREATE TRIGGER "DocumentRecipient_access" AFTER INSERT OR DELETE OR UPDATE OF "documentId", "departmentId" ON "DocumentRecipient"
  FOR EACH ROW EXECUTE FUNCTION "obieg_document_access_touch"();
CREATE TRIGGER "ApprovalStep_access" AFTER INSERT OR DELETE OR UPDATE OF "documentId", "approverId" ON "ApprovalStep"
  FOR EACH ROW EXECUTE FUNCTION "obieg_document_access_touch"();
CREATE TRIGGER "DocumentAccess_access" AFTER INSERT OR DELETE OR UPDATE ON "DocumentAccess"
  FOR EACH ROW EXECUTE FUNCTION "obieg_document_access_touch"();

CREATE FUNCTION "obieg_case_access_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Document" SET "accessUserIds" = "accessUserIds" WHERE "caseId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "Case_access" AFTER UPDATE OF "departmentId", "responsibleId" ON "Case"
  FOR EACH ROW WHEN (OLD."departmentId" IS DISTINCT FROM NEW."departmentId" OR OLD."responsibleId" IS DISTINCT FROM NEW."responsibleId")
  EXECUTE FUNCTION "obieg_case_access_touch"();

-- Letters that exist already.
UPDATE "Document" SET "accessUserIds" = "accessUserIds";
