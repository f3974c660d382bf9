-- Signed PDF/XML files as new versions of a DocumentFile; approval decisions with a signature; revocation of the office seal.
-- AlterTable
ALTER TABLE "ApprovalStep" ADD COLUMN     "signatureId" TEXT;

-- AlterTable
ALTER TABLE "CaKey" ADD COLUMN     "revocationReason" "RevocationReason",
ADD COLUMN     "revokedAt" TIMESTAMPTZ(3),
ADD COLUMN     "revokedById" TEXT;

-- AlterTable
ALTER TABLE "DocumentFile" ADD COLUMN     "previousVersionId" TEXT,
ADD COLUMN     "supersededAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentFile_previousVersionId_key" ON "DocumentFile"("previousVersionId");

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "DocumentFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "DocumentSignature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Only a retired seal is ever revoked.
ALTER TABLE "CaKey" ADD CONSTRAINT "CaKey_revoked_seal_check" CHECK ("revokedAt" IS NULL OR ("kind" = 'SEAL' AND NOT "active"));
-- A replaced version knows when it was replaced.
CREATE INDEX "DocumentFile_current_idx" ON "DocumentFile"("documentId", "createdAt") WHERE "supersededAt" IS NULL;
-- Every signature names an existing file.
ALTER TABLE "DocumentSignature" ADD CONSTRAINT "DocumentSignature_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "DocumentFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
