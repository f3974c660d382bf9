-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'SUSPENDED', 'CLOSED', 'REOPENED');

-- CreateEnum
CREATE TYPE "CaseDeadlineType" AS ENUM ('KPA_1M', 'KPA_2M', 'DAYS_7', 'DAYS_14', 'CUSTOM', 'NONE');

-- CreateEnum
CREATE TYPE "ContactKind" AS ENUM ('PERSON', 'INSTITUTION', 'COMPANY');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('INCOMING', 'OUTGOING', 'INTERNAL', 'NOTE');

-- CreateEnum
CREATE TYPE "DocumentChannel" AS ENUM ('PAPER', 'EMAIL', 'ESP', 'EPUAP', 'E_DORECZENIA', 'COURIER', 'REGISTERED_MAIL', 'ORDINARY_MAIL', 'PERSONAL', 'INTERNAL');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('REGISTERED', 'IN_PROGRESS', 'DONE', 'DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'DISPATCHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DocumentFileKind" AS ENUM ('SCAN', 'ATTACHMENT', 'DRAFT', 'NOTICE');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LEADING', 'COOPERATING', 'INFO');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('TO_DEPARTMENT', 'TO_USER', 'ACCEPTED', 'RETURNED', 'FORWARDED', 'READ', 'DONE');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "ApprovalPathKind" AS ENUM ('HEAD', 'USER');

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "dispatchBookFormat" TEXT NOT NULL DEFAULT 'KN/{n}/{yyyy}',
ADD COLUMN     "internalFormat" TEXT NOT NULL DEFAULT 'WEW/{n}/{yyyy}',
ADD COLUMN     "outgoingFormat" TEXT NOT NULL DEFAULT 'PWY/{n}/{yyyy}',
ADD COLUMN     "rpwFormat" TEXT NOT NULL DEFAULT 'RPW/{n}/{yyyy}';

-- CreateTable
CREATE TABLE "JrwaClass" (
    "id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "category" TEXT,
    "isLeaf" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JrwaClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "departmentSymbol" TEXT NOT NULL,
    "jrwaClassId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "initials" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "CaseStatus" NOT NULL DEFAULT 'NEW',
    "responsibleId" TEXT NOT NULL,
    "deadlineType" "CaseDeadlineType" NOT NULL DEFAULT 'NONE',
    "startDate" DATE NOT NULL,
    "dueDate" DATE,
    "suspendedReason" TEXT,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "sourceDocumentId" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCounter" (
    "departmentId" TEXT NOT NULL,
    "jrwaClassId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseCounter_pkey" PRIMARY KEY ("departmentId","jrwaClassId","year")
);

-- CreateTable
CREATE TABLE "CaseParty" (
    "caseId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseParty_pkey" PRIMARY KEY ("caseId","contactId")
);

-- CreateTable
CREATE TABLE "CaseSuspension" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseSuspension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseDeadlineNotice" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "previousDue" DATE,
    "newDue" DATE NOT NULL,
    "documentId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseDeadlineNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseAccess" (
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAccess_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "name" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "pesel" TEXT,
    "nip" TEXT,
    "regon" TEXT,
    "krs" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "eDoreczeniaAddress" TEXT,
    "epuapAddress" TEXT,
    "notes" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mergedIntoId" TEXT,
    "sortKey" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactAddress" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "label" TEXT,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'Polska',
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "status" "DocumentStatus" NOT NULL,
    "channel" "DocumentChannel" NOT NULL,
    "registerNo" TEXT,
    "registerYear" INTEGER,
    "registerSeq" INTEGER,
    "subject" TEXT NOT NULL,
    "description" TEXT,
    "body" TEXT,
    "senderId" TEXT,
    "senderReference" TEXT,
    "letterDate" DATE,
    "receivedAt" TIMESTAMPTZ(3),
    "pages" INTEGER,
    "attachmentsCount" INTEGER,
    "departmentId" TEXT,
    "assigneeId" TEXT,
    "dueDate" DATE,
    "caseId" TEXT,
    "replyToId" TEXT,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "dispatchedAt" TIMESTAMPTZ(3),
    "dispatchedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentAccess" (
    "documentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentAccess_pkey" PRIMARY KEY ("documentId","userId")
);

-- CreateTable
CREATE TABLE "FileBlob" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileBlob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "DocumentFile" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "kind" "DocumentFileKind" NOT NULL DEFAULT 'ATTACHMENT',
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentAssignment" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "status" "AssignmentStatus" NOT NULL,
    "departmentId" TEXT NOT NULL,
    "userId" TEXT,
    "note" TEXT,
    "dueDate" DATE,
    "reason" TEXT,
    "assignedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DocumentAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentRecipient" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "contactId" TEXT,
    "departmentId" TEXT,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "email" TEXT,
    "channel" "DocumentChannel" NOT NULL,
    "trackingNo" TEXT,
    "dispatchBookId" TEXT,
    "deliveredOn" DATE,
    "returnedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatchBook" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DispatchBook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalStep" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "approverId" TEXT NOT NULL,
    "status" "ApprovalStatus" NOT NULL,
    "comment" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalPathStep" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "kind" "ApprovalPathKind" NOT NULL,
    "userId" TEXT,

    CONSTRAINT "ApprovalPathStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterCounter" (
    "register" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegisterCounter_pkey" PRIMARY KEY ("register","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "JrwaClass_symbol_key" ON "JrwaClass"("symbol");

-- CreateIndex
CREATE INDEX "JrwaClass_parentId_idx" ON "JrwaClass"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_mark_key" ON "Case"("mark");

-- CreateIndex
CREATE UNIQUE INDEX "Case_sourceDocumentId_key" ON "Case"("sourceDocumentId");

-- CreateIndex
CREATE INDEX "Case_departmentId_status_createdAt_idx" ON "Case"("departmentId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Case_responsibleId_status_idx" ON "Case"("responsibleId", "status");

-- CreateIndex
CREATE INDEX "Case_status_dueDate_idx" ON "Case"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Case_jrwaClassId_year_idx" ON "Case"("jrwaClassId", "year");

-- CreateIndex
CREATE INDEX "Case_createdAt_idx" ON "Case"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_departmentId_jrwaClassId_year_number_key" ON "Case"("departmentId", "jrwaClassId", "year", "number");

-- CreateIndex
CREATE INDEX "CaseParty_contactId_idx" ON "CaseParty"("contactId");

-- CreateIndex
CREATE INDEX "CaseSuspension_caseId_idx" ON "CaseSuspension"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDeadlineNotice_documentId_key" ON "CaseDeadlineNotice"("documentId");

-- CreateIndex
CREATE INDEX "CaseDeadlineNotice_caseId_idx" ON "CaseDeadlineNotice"("caseId");

-- CreateIndex
CREATE INDEX "CaseAccess_userId_idx" ON "CaseAccess"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_userId_view_name_key" ON "SavedFilter"("userId", "view", "name");

-- CreateIndex
CREATE INDEX "Contact_sortKey_idx" ON "Contact"("sortKey");

-- CreateIndex
CREATE INDEX "Contact_pesel_idx" ON "Contact"("pesel");

-- CreateIndex
CREATE INDEX "Contact_nip_idx" ON "Contact"("nip");

-- CreateIndex
CREATE INDEX "Contact_regon_idx" ON "Contact"("regon");

-- CreateIndex
CREATE INDEX "Contact_krs_idx" ON "Contact"("krs");

-- CreateIndex
CREATE INDEX "Contact_mergedIntoId_idx" ON "Contact"("mergedIntoId");

-- CreateIndex
CREATE INDEX "ContactAddress_contactId_idx" ON "ContactAddress"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_seq_key" ON "Document"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "Document_registerNo_key" ON "Document"("registerNo");

-- CreateIndex
CREATE INDEX "Document_kind_createdAt_idx" ON "Document"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Document_kind_registerYear_registerSeq_idx" ON "Document"("kind", "registerYear", "registerSeq");

-- CreateIndex
CREATE INDEX "Document_departmentId_kind_createdAt_idx" ON "Document"("departmentId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "Document_assigneeId_status_idx" ON "Document"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Document_caseId_createdAt_idx" ON "Document"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Document_senderId_idx" ON "Document"("senderId");

-- CreateIndex
CREATE INDEX "Document_status_kind_idx" ON "Document"("status", "kind");

-- CreateIndex
CREATE INDEX "Document_createdById_idx" ON "Document"("createdById");

-- CreateIndex
CREATE INDEX "Document_dueDate_idx" ON "Document"("dueDate");

-- CreateIndex
CREATE INDEX "DocumentAccess_userId_idx" ON "DocumentAccess"("userId");

-- CreateIndex
CREATE INDEX "DocumentFile_documentId_createdAt_idx" ON "DocumentFile"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentFile_sha256_idx" ON "DocumentFile"("sha256");

-- CreateIndex
CREATE INDEX "DocumentAssignment_documentId_createdAt_idx" ON "DocumentAssignment"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentAssignment_departmentId_status_idx" ON "DocumentAssignment"("departmentId", "status");

-- CreateIndex
CREATE INDEX "DocumentAssignment_userId_status_idx" ON "DocumentAssignment"("userId", "status");

-- CreateIndex
CREATE INDEX "DocumentRecipient_documentId_idx" ON "DocumentRecipient"("documentId");

-- CreateIndex
CREATE INDEX "DocumentRecipient_contactId_idx" ON "DocumentRecipient"("contactId");

-- CreateIndex
CREATE INDEX "DocumentRecipient_departmentId_idx" ON "DocumentRecipient"("departmentId");

-- CreateIndex
CREATE INDEX "DocumentRecipient_dispatchBookId_idx" ON "DocumentRecipient"("dispatchBookId");

-- CreateIndex
CREATE UNIQUE INDEX "DispatchBook_number_key" ON "DispatchBook"("number");

-- CreateIndex
CREATE INDEX "DispatchBook_date_idx" ON "DispatchBook"("date");

-- CreateIndex
CREATE INDEX "ApprovalStep_approverId_status_idx" ON "ApprovalStep"("approverId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalStep_documentId_order_key" ON "ApprovalStep"("documentId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalPathStep_departmentId_order_key" ON "ApprovalPathStep"("departmentId", "order");

-- AddForeignKey
ALTER TABLE "JrwaClass" ADD CONSTRAINT "JrwaClass_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "JrwaClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_jrwaClassId_fkey" FOREIGN KEY ("jrwaClassId") REFERENCES "JrwaClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCounter" ADD CONSTRAINT "CaseCounter_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCounter" ADD CONSTRAINT "CaseCounter_jrwaClassId_fkey" FOREIGN KEY ("jrwaClassId") REFERENCES "JrwaClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseSuspension" ADD CONSTRAINT "CaseSuspension_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDeadlineNotice" ADD CONSTRAINT "CaseDeadlineNotice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAccess" ADD CONSTRAINT "CaseAccess_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAccess" ADD CONSTRAINT "CaseAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAddress" ADD CONSTRAINT "ContactAddress_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_dispatchedById_fkey" FOREIGN KEY ("dispatchedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAccess" ADD CONSTRAINT "DocumentAccess_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAccess" ADD CONSTRAINT "DocumentAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "FileBlob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAssignment" ADD CONSTRAINT "DocumentAssignment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAssignment" ADD CONSTRAINT "DocumentAssignment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAssignment" ADD CONSTRAINT "DocumentAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAssignment" ADD CONSTRAINT "DocumentAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRecipient" ADD CONSTRAINT "DocumentRecipient_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRecipient" ADD CONSTRAINT "DocumentRecipient_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRecipient" ADD CONSTRAINT "DocumentRecipient_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRecipient" ADD CONSTRAINT "DocumentRecipient_dispatchBookId_fkey" FOREIGN KEY ("dispatchBookId") REFERENCES "DispatchBook"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchBook" ADD CONSTRAINT "DispatchBook_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalPathStep" ADD CONSTRAINT "ApprovalPathStep_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalPathStep" ADD CONSTRAINT "ApprovalPathStep_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what the schema language cannot say.
ALTER TABLE "Contact" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";

-- One leading assignment alive per document (forwarded ones stay as history).
CREATE UNIQUE INDEX "DocumentAssignment_one_leading" ON "DocumentAssignment"("documentId") WHERE "role" = 'LEADING' AND "status" <> 'FORWARDED';

ALTER TABLE "JrwaClass" ADD CONSTRAINT "JrwaClass_category" CHECK ("category" IS NULL OR "category" ~ '^(A|Bc|B[0-9]{1,2}|BE[0-9]{1,2})$');
ALTER TABLE "JrwaClass" ADD CONSTRAINT "JrwaClass_leaf_has_category" CHECK (NOT "isLeaf" OR "category" IS NOT NULL);
ALTER TABLE "Case" ADD CONSTRAINT "Case_number_positive" CHECK ("number" > 0 AND "year" BETWEEN 1990 AND 2999);
ALTER TABLE "Document" ADD CONSTRAINT "Document_register_parts" CHECK (("registerNo" IS NULL) = ("registerSeq" IS NULL) AND ("registerSeq" IS NULL) = ("registerYear" IS NULL));
ALTER TABLE "ApprovalPathStep" ADD CONSTRAINT "ApprovalPathStep_user" CHECK (("kind" = 'USER') = ("userId" IS NOT NULL));
ALTER TABLE "RegisterCounter" ADD CONSTRAINT "RegisterCounter_last" CHECK ("last" >= 0);
ALTER TABLE "CaseCounter" ADD CONSTRAINT "CaseCounter_last" CHECK ("last" >= 0);
