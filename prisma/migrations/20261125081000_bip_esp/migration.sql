-- BIP (menu, articles with versions, attachments, settings) and ESP (accounts, sign-in challenges, sessions, submissions with UPP, deliveries with UPD).
-- CreateEnum
CREATE TYPE "BipMenuKind" AS ENUM ('ARTICLES', 'PAGE', 'SPECIAL');

-- CreateEnum
CREATE TYPE "BipArticleStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "BipVersionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "EspDeliveryStatus" AS ENUM ('AWAITING', 'CONFIRMED', 'EXPIRED');

-- CreateTable
CREATE TABLE "BipMenuItem" (
    "id" TEXT NOT NULL,
    "parentId" TEXT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "BipMenuKind" NOT NULL,
    "special" TEXT,
    "sortKey" INTEGER NOT NULL DEFAULT 0,
    "visible" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BipMenuItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BipArticle" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "menuItemId" TEXT NOT NULL,
    "status" "BipArticleStatus" NOT NULL DEFAULT 'DRAFT',
    "espFormCode" TEXT,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" TEXT,
    "withdrawalReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BipArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BipArticleVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "BipVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "bodyText" TEXT NOT NULL DEFAULT '',
    "procedure" JSONB,
    "producedBy" TEXT NOT NULL,
    "producedAt" DATE NOT NULL,
    "enteredById" TEXT NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "restrictionScope" TEXT,
    "restrictionBasis" TEXT,
    "restrictedBy" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewComment" TEXT,
    "publishAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BipArticleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BipAttachment" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "addedInVersion" INTEGER NOT NULL,
    "removedInVersion" INTEGER,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BipAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BipSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "publisher" TEXT NOT NULL DEFAULT '',
    "editorName" TEXT NOT NULL DEFAULT '',
    "editorPhone" TEXT NOT NULL DEFAULT '',
    "editorEmail" TEXT NOT NULL DEFAULT '',
    "accessibility" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "BipSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EspAccount" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMPTZ(3),

    CONSTRAINT "EspAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EspLoginChallenge" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EspLoginChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EspSession" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EspSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EspSubmission" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "formCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "documentId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "uppXmlSha256" TEXT NOT NULL,
    "uppPdfSha256" TEXT NOT NULL,
    "accessCodeHash" TEXT NOT NULL,
    "ip" TEXT,

    CONSTRAINT "EspSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EspSubmissionFile" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "EspSubmissionFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EspDelivery" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "status" "EspDeliveryStatus" NOT NULL DEFAULT 'AWAITING',
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "expiredAt" TIMESTAMPTZ(3),
    "updXmlSha256" TEXT,
    "updPdfSha256" TEXT,

    CONSTRAINT "EspDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BipMenuItem_parentId_sortKey_idx" ON "BipMenuItem"("parentId", "sortKey");

-- CreateIndex
CREATE UNIQUE INDEX "BipMenuItem_parentId_slug_key" ON "BipMenuItem"("parentId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "BipArticle_seq_key" ON "BipArticle"("seq");

-- CreateIndex
CREATE INDEX "BipArticle_menuItemId_status_idx" ON "BipArticle"("menuItemId", "status");

-- CreateIndex
CREATE INDEX "BipArticleVersion_status_publishAt_idx" ON "BipArticleVersion"("status", "publishAt");

-- CreateIndex
CREATE UNIQUE INDEX "BipArticleVersion_articleId_number_key" ON "BipArticleVersion"("articleId", "number");

-- CreateIndex
CREATE INDEX "BipAttachment_articleId_idx" ON "BipAttachment"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "EspAccount_email_key" ON "EspAccount"("email");

-- CreateIndex
CREATE UNIQUE INDEX "EspLoginChallenge_tokenHash_key" ON "EspLoginChallenge"("tokenHash");

-- CreateIndex
CREATE INDEX "EspLoginChallenge_email_createdAt_idx" ON "EspLoginChallenge"("email", "createdAt");

-- CreateIndex
CREATE INDEX "EspLoginChallenge_ip_createdAt_idx" ON "EspLoginChallenge"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EspSession_tokenHash_key" ON "EspSession"("tokenHash");

-- CreateIndex
CREATE INDEX "EspSession_accountId_idx" ON "EspSession"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "EspSubmission_seq_key" ON "EspSubmission"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "EspSubmission_number_key" ON "EspSubmission"("number");

-- CreateIndex
CREATE UNIQUE INDEX "EspSubmission_documentId_key" ON "EspSubmission"("documentId");

-- CreateIndex
CREATE INDEX "EspSubmission_accountId_receivedAt_idx" ON "EspSubmission"("accountId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EspSubmission_accountId_idempotencyKey_key" ON "EspSubmission"("accountId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "EspSubmissionFile_submissionId_idx" ON "EspSubmissionFile"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "EspDelivery_recipientId_key" ON "EspDelivery"("recipientId");

-- CreateIndex
CREATE INDEX "EspDelivery_accountId_sentAt_idx" ON "EspDelivery"("accountId", "sentAt");

-- CreateIndex
CREATE INDEX "EspDelivery_status_expiresAt_idx" ON "EspDelivery"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "BipMenuItem" ADD CONSTRAINT "BipMenuItem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "BipMenuItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BipArticle" ADD CONSTRAINT "BipArticle_menuItemId_fkey" FOREIGN KEY ("menuItemId") REFERENCES "BipMenuItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BipArticleVersion" ADD CONSTRAINT "BipArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "BipArticle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BipAttachment" ADD CONSTRAINT "BipAttachment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "BipArticle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EspSession" ADD CONSTRAINT "EspSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "EspAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EspSubmission" ADD CONSTRAINT "EspSubmission_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "EspAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EspSubmissionFile" ADD CONSTRAINT "EspSubmissionFile_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "EspSubmission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EspDelivery" ADD CONSTRAINT "EspDelivery_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "EspAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Top-level menu items have unique slugs too (NULL parents are distinct in the unique index above).
CREATE UNIQUE INDEX "BipMenuItem_root_slug_key" ON "BipMenuItem"("slug") WHERE "parentId" IS NULL;

-- The change register (rejestr zmian) keeps every published version as it was: once a version is
-- public, its content, authorship and publication time cannot change, and it cannot be deleted.
CREATE OR REPLACE FUNCTION obieg_bip_version_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'APPROVED' AND OLD."publishAt" IS NOT NULL AND OLD."publishAt" <= now() THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'published BIP versions cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."title" IS DISTINCT FROM OLD."title" OR NEW."summary" IS DISTINCT FROM OLD."summary"
       OR NEW."bodyHtml" IS DISTINCT FROM OLD."bodyHtml" OR NEW."bodyText" IS DISTINCT FROM OLD."bodyText"
       OR NEW."procedure"::text IS DISTINCT FROM OLD."procedure"::text OR NEW."producedBy" IS DISTINCT FROM OLD."producedBy"
       OR NEW."producedAt" IS DISTINCT FROM OLD."producedAt" OR NEW."enteredById" IS DISTINCT FROM OLD."enteredById"
       OR NEW."changeNote" IS DISTINCT FROM OLD."changeNote" OR NEW."publishAt" IS DISTINCT FROM OLD."publishAt"
       OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."number" IS DISTINCT FROM OLD."number"
       OR NEW."articleId" IS DISTINCT FROM OLD."articleId"
       OR NEW."restrictionScope" IS DISTINCT FROM OLD."restrictionScope" OR NEW."restrictionBasis" IS DISTINCT FROM OLD."restrictionBasis"
       OR NEW."restrictedBy" IS DISTINCT FROM OLD."restrictedBy" THEN
      RAISE EXCEPTION 'published BIP versions cannot be changed' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "BipArticleVersion_frozen"
  BEFORE UPDATE OR DELETE ON "BipArticleVersion"
  FOR EACH ROW EXECUTE FUNCTION obieg_bip_version_frozen();

ALTER TABLE "BipArticleVersion" ADD CONSTRAINT "BipArticleVersion_number_check" CHECK ("number" >= 1);
ALTER TABLE "BipArticleVersion" ADD CONSTRAINT "BipArticleVersion_approved_check" CHECK ("status" <> 'APPROVED' OR "publishAt" IS NOT NULL);
ALTER TABLE "EspDelivery" ADD CONSTRAINT "EspDelivery_confirmed_check" CHECK ("status" <> 'CONFIRMED' OR ("confirmedAt" IS NOT NULL AND "updXmlSha256" IS NOT NULL));
ALTER TABLE "EspDelivery" ADD CONSTRAINT "EspDelivery_expired_check" CHECK ("status" <> 'EXPIRED' OR "expiredAt" IS NOT NULL);
