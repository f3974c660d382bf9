-- CreateEnum
CREATE TYPE "CaKeyKind" AS ENUM ('ROOT', 'ISSUING', 'SEAL');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('REQUESTED', 'ISSUED', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "RevocationReason" AS ENUM ('UNSPECIFIED', 'KEY_COMPROMISE', 'AFFILIATION_CHANGED', 'SUPERSEDED', 'CESSATION_OF_OPERATION');

-- CreateEnum
CREATE TYPE "SignatureFormat" AS ENUM ('CADES', 'PADES', 'XADES');

-- CreateTable
CREATE TABLE "CaKey" (
    "id" TEXT NOT NULL,
    "kind" "CaKeyKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "certificate" BYTEA NOT NULL,
    "serial" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "encryptedKey" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningCertificate" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "CertificateStatus" NOT NULL DEFAULT 'REQUESTED',
    "csr" BYTEA NOT NULL,
    "publicKeyHash" TEXT NOT NULL,
    "subject" TEXT,
    "certificate" BYTEA,
    "serial" TEXT,
    "notBefore" TIMESTAMPTZ(3),
    "notAfter" TIMESTAMPTZ(3),
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "rejectionReason" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "revocationReason" "RevocationReason",
    "revokedById" TEXT,
    "renewsId" TEXT,

    CONSTRAINT "SigningCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedCrl" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "number" INTEGER NOT NULL,
    "thisUpdate" TIMESTAMPTZ(3) NOT NULL,
    "nextUpdate" TIMESTAMPTZ(3) NOT NULL,
    "der" BYTEA NOT NULL,

    CONSTRAINT "PublishedCrl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentSignature" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "format" "SignatureFormat" NOT NULL,
    "certificateId" TEXT,
    "sealKeyId" TEXT,
    "signerName" TEXT NOT NULL,
    "signatureSha256" TEXT,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignatureRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "format" "SignatureFormat" NOT NULL,
    "toBeSigned" BYTEA NOT NULL,
    "signingTime" TIMESTAMPTZ(3) NOT NULL,
    "state" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SignatureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaKey_serial_key" ON "CaKey"("serial");

-- CreateIndex
CREATE INDEX "CaKey_kind_active_idx" ON "CaKey"("kind", "active");

-- CreateIndex
CREATE UNIQUE INDEX "SigningCertificate_serial_key" ON "SigningCertificate"("serial");

-- CreateIndex
CREATE INDEX "SigningCertificate_userId_requestedAt_idx" ON "SigningCertificate"("userId", "requestedAt");

-- CreateIndex
CREATE INDEX "SigningCertificate_status_requestedAt_idx" ON "SigningCertificate"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "SigningCertificate_publicKeyHash_idx" ON "SigningCertificate"("publicKeyHash");

-- CreateIndex
CREATE INDEX "DocumentSignature_fileId_signedAt_idx" ON "DocumentSignature"("fileId", "signedAt");

-- CreateIndex
CREATE INDEX "DocumentSignature_certificateId_idx" ON "DocumentSignature"("certificateId");

-- CreateIndex
CREATE INDEX "SignatureRequest_userId_createdAt_idx" ON "SignatureRequest"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "SigningCertificate" ADD CONSTRAINT "SigningCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentSignature" ADD CONSTRAINT "DocumentSignature_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "SigningCertificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: one active key per CA role; the CRL is a single row; a signature is made either by
-- a person's certificate or by the office seal, never both or neither.
CREATE UNIQUE INDEX "CaKey_one_active_per_kind" ON "CaKey"("kind") WHERE "active";
ALTER TABLE "PublishedCrl" ADD CONSTRAINT "PublishedCrl_single_row" CHECK ("id" = 1);
ALTER TABLE "DocumentSignature" ADD CONSTRAINT "DocumentSignature_one_signer" CHECK (("certificateId" IS NULL) <> ("sealKeyId" IS NULL));
-- One open request per person at a time keeps the administrator's queue readable.
CREATE UNIQUE INDEX "SigningCertificate_one_request_per_user" ON "SigningCertificate"("userId") WHERE "status" = 'REQUESTED';
