/**
 * Polecenia: files of a task. A file is uploaded first (checked by content and size, stored once in
 * the shared content-addressed file store) as a pending attachment only its uploader may attach;
 * giving the task, or a comment, progress or done report, attaches it (tasks.service.ts). Whoever
 * may see the task (tasks.policy.ts) downloads it; anyone else gets NOT_FOUND. Uploads, downloads
 * and failed verifications are audited as for documents' files. Framework-free.
 */
import "server-only";
import { loadWorkScope } from "@/modules/documents/documents.policy";
import { integrityError, readVerifiedBlob, storeCheckedBlob } from "@/modules/files/files.blobs";
import { recordAudit } from "@/server/audit/audit";
import type { ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { AppError, badRequest, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { taskVisibleWhere } from "./tasks.policy";
import { MAX_PENDING_UPLOADS, PENDING_UPLOAD_HOURS, type TaskAttachmentDto } from "./tasks.schemas";

export const TASK_FILE_NOT_FOUND = "Nie znaleziono takiego pliku albo nie masz do niego dostępu.";

export const taskAttachmentUrl = (id: string) => `/api/polecenia/zalaczniki/${id}`;

export const attachmentSelect = { id: true, fileName: true, mimeType: true, size: true } as const;

export const toAttachmentDto = (a: { id: string; fileName: string; mimeType: string; size: number }): TaskAttachmentDto => ({ ...a, url: taskAttachmentUrl(a.id) });

const cutoff = (now: Date) => new Date(now.getTime() - PENDING_UPLOAD_HOURS * 3_600_000);

/** Stores a file to be attached to a task or a thread entry (pending) and audits the upload. */
export async function uploadTaskAttachment(ctx: ServiceContext, input: { fileName: string; bytes: Uint8Array }, store: FileStore = getFileStore(), now = new Date()): Promise<TaskAttachmentDto> {
  const pending = await ctx.db.taskAttachment.count({ where: { uploadedById: ctx.actor.id, taskId: null, createdAt: { gte: cutoff(now) } } });
  if (pending >= MAX_PENDING_UPLOADS) throw new AppError("TOO_MANY_REQUESTS", `Masz już ${MAX_PENDING_UPLOADS} niedołączonych plików. Dołącz je albo spróbuj ponownie później.`);
  return ctx.db.$transaction(async (tx) => {
    const blob = await storeCheckedBlob(tx, input.fileName, input.bytes, store);
    const row = await tx.taskAttachment.create({
      data: { uploadedById: ctx.actor.id, sha256: blob.sha256, fileName: blob.fileName, mimeType: blob.mimeType, size: blob.size },
      select: attachmentSelect,
    });
    await recordAudit(tx, ctx, { action: "task.file-uploaded", entityType: "task-attachment", entityId: row.id, data: { fileName: blob.fileName, sha256: blob.sha256, size: blob.size, mimeType: blob.mimeType } });
    return toAttachmentDto(row);
  });
}

/**
 * Attaches the actor's pending uploads to the task (and the entry) inside the step's transaction.
 * Someone else's upload, one already attached or too old fails the whole step (Polish message).
 */
export async function attachPending(tx: Tx, actorId: string, ids: string[], target: { taskId: string; entryId: string | null }, now = new Date()): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const { count } = await tx.taskAttachment.updateMany({
    where: { id: { in: unique }, uploadedById: actorId, taskId: null, createdAt: { gte: cutoff(now) } },
    data: { taskId: target.taskId, entryId: target.entryId },
  });
  if (count !== unique.length) throw badRequest("Któryś z plików nie jest już dostępny. Dołącz go ponownie.", { attachmentIds: "Dołącz plik ponownie." });
}

/**
 * A file of a task for download: the task must be visible to the actor (NOT_FOUND otherwise, never
 * FORBIDDEN). The bytes are re-verified against their SHA-256; the download (or the failed
 * verification) is audited.
 */
export async function openTaskAttachment(ctx: ServiceContext, attachmentId: string, store: FileStore = getFileStore()): Promise<{ file: TaskAttachmentDto; bytes: Uint8Array }> {
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const row = await ctx.db.taskAttachment.findFirst({
    where: { id: attachmentId, task: taskVisibleWhere(scope) },
    select: { ...attachmentSelect, sha256: true, task: { select: { id: true, seq: true } } },
  });
  if (!row?.task) throw notFound(TASK_FILE_NOT_FOUND);
  const read = await readVerifiedBlob(row.sha256, store);
  if (!read.ok) {
    await recordAudit(ctx.db, ctx, { action: "file.integrity-failed", entityType: "task-attachment", entityId: row.id, data: { fileName: row.fileName, expected: row.sha256, actual: read.actual, reason: read.reason } });
    throw integrityError(row.fileName, read.reason);
  }
  await recordAudit(ctx.db, ctx, { action: "task.file-downloaded", entityType: "task-attachment", entityId: row.id, data: { taskId: row.task.id, seq: row.task.seq, fileName: row.fileName, sha256: row.sha256 } });
  return { file: toAttachmentDto(row), bytes: read.bytes };
}
