-- Polecenia (issue 8): tasks, their assignees with their own status, the append-only thread.

-- CreateEnum
CREATE TYPE "TaskPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "TaskAssigneeStatus" AS ENUM ('NEW', 'ACCEPTED', 'DONE', 'CONFIRMED', 'RETURNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskEntryKind" AS ENUM ('COMMENT', 'QUESTION', 'ANSWER', 'PROGRESS', 'ACCEPTED', 'DONE', 'CONFIRMED', 'RETURNED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "priority" "TaskPriority" NOT NULL DEFAULT 'NORMAL',
    "dueDate" DATE,
    "createdById" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignee" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "departmentId" TEXT,
    "status" "TaskAssigneeStatus" NOT NULL DEFAULT 'NEW',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "awaitingAnswer" BOOLEAN NOT NULL DEFAULT false,
    "acceptedAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskAssignee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskEntry" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "authorId" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    "kind" "TaskEntryKind" NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "progress" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Task_seq_key" ON "Task"("seq");

-- CreateIndex
CREATE INDEX "Task_createdById_createdAt_idx" ON "Task"("createdById", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "TaskAssignee_userId_status_idx" ON "TaskAssignee"("userId", "status");

-- CreateIndex
CREATE INDEX "TaskAssignee_departmentId_status_idx" ON "TaskAssignee"("departmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAssignee_taskId_userId_key" ON "TaskAssignee"("taskId", "userId");

-- CreateIndex
CREATE INDEX "TaskEntry_taskId_createdAt_idx" ON "TaskEntry"("taskId", "createdAt");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEntry" ADD CONSTRAINT "TaskEntry_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEntry" ADD CONSTRAINT "TaskEntry_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "TaskAssignee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEntry" ADD CONSTRAINT "TaskEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEntry" ADD CONSTRAINT "TaskEntry_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Task" ADD CONSTRAINT "Task_subject_check" CHECK (
  ("subjectType" IS NULL AND "subjectId" IS NULL) OR ("subjectType" IN ('document', 'case') AND "subjectId" IS NOT NULL)
);
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_progress_check" CHECK ("progress" BETWEEN 0 AND 100);

-- The thread of a task is append-only, like the audit trail.
CREATE FUNCTION "task_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TaskEntry is append-only';
END $$;
CREATE TRIGGER "TaskEntry_no_update" BEFORE UPDATE ON "TaskEntry" FOR EACH ROW EXECUTE FUNCTION "task_entry_append_only"();
CREATE TRIGGER "TaskEntry_no_delete" BEFORE DELETE ON "TaskEntry" FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION "task_entry_append_only"();
