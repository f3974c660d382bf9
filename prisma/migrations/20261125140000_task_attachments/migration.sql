-- Polecenia: files given with a task or with an entry of its thread (stored in the shared file store).

-- CreateTable
CREATE TABLE "TaskAttachment" (
    "id" TEXT NOT NULL,
    "taskId" TEXT,
    "entryId" TEXT,
    "uploadedById" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskAttachment_taskId_createdAt_idx" ON "TaskAttachment"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "TaskAttachment_entryId_idx" ON "TaskAttachment"("entryId");

-- CreateIndex
CREATE INDEX "TaskAttachment_uploadedById_taskId_idx" ON "TaskAttachment"("uploadedById", "taskId");

-- CreateIndex
CREATE INDEX "TaskAttachment_sha256_idx" ON "TaskAttachment"("sha256");

-- AddForeignKey
ALTER TABLE "TaskAttachment" ADD CONSTRAINT "TaskAttachment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAttachment" ADD CONSTRAINT "TaskAttachment_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "TaskEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAttachment" ADD CONSTRAINT "TaskAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAttachment" ADD CONSTRAINT "TaskAttachment_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "FileBlob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A file given with an entry belongs to that entry's task.
ALTER TABLE "TaskAttachment" ADD CONSTRAINT "TaskAttachment_entry_check" CHECK ("entryId" IS NULL OR "taskId" IS NOT NULL);
