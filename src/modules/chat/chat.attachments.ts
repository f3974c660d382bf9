/**
 * Komunikator: files in messages. A file is uploaded first (checked by content and size, stored once
 * in the shared content-addressed file store) as a pending attachment that only its uploader may
 * attach; sending the message attaches it (chat.service.ts sendMessage). It is downloadable by the
 * current members of the conversation while the message is not deleted; anyone else gets NOT_FOUND.
 * Uploads, downloads and failed verifications are audited as for documents' files. Framework-free.
 */
import "server-only";
import { readVerifiedBlob, storeCheckedBlob, integrityError } from "@/modules/files/files.blobs";
import { recordAudit } from "@/server/audit/audit";
import type { ServiceContext } from "@/server/context";
import { AppError, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { MAX_PENDING_UPLOADS, PENDING_UPLOAD_HOURS, type AttachmentDto } from "./chat.schemas";

export const CHAT_FILE_NOT_FOUND = "Nie znaleziono takiego pliku albo nie masz do niego dostępu.";

export const chatAttachmentUrl = (id: string) => `/api/komunikator/zalaczniki/${id}`;

/** Uploads older than this cannot be attached any more. */
export const pendingUploadCutoff = (now: Date) => new Date(now.getTime() - PENDING_UPLOAD_HOURS * 3_600_000);

export interface UploadInput {
  fileName: string;
  bytes: Uint8Array;
}

/** Stores a file to be sent in a message (pending: no message yet) and audits the upload. */
export async function uploadChatAttachment(ctx: ServiceContext, input: UploadInput, store: FileStore = getFileStore(), now = new Date()): Promise<AttachmentDto> {
  const pending = await ctx.db.chatAttachment.count({ where: { uploadedById: ctx.actor.id, messageId: null, createdAt: { gte: pendingUploadCutoff(now) } } });
  if (pending >= MAX_PENDING_UPLOADS) throw new AppError("TOO_MANY_REQUESTS", `Masz już ${MAX_PENDING_UPLOADS} niewysłanych plików. Wyślij je albo spróbuj ponownie później.`);
  return ctx.db.$transaction(async (tx) => {
    const blob = await storeCheckedBlob(tx, input.fileName, input.bytes, store);
    const row = await tx.chatAttachment.create({
      data: { uploadedById: ctx.actor.id, sha256: blob.sha256, fileName: blob.fileName, mimeType: blob.mimeType, size: blob.size },
      select: { id: true, fileName: true, mimeType: true, size: true },
    });
    await recordAudit(tx, ctx, { action: "chat.file-uploaded", entityType: "chat-attachment", entityId: row.id, data: { fileName: blob.fileName, sha256: blob.sha256, size: blob.size, mimeType: blob.mimeType } });
    return { ...row, url: chatAttachmentUrl(row.id) };
  });
}

export interface OpenedChatFile {
  file: AttachmentDto;
  bytes: Uint8Array;
}

/**
 * A file of a message for download: the actor must be a current member of the conversation and the
 * message not deleted (NOT_FOUND otherwise, never FORBIDDEN). The bytes are re-verified against
 * their SHA-256; the download (or the failed verification) is audited.
 */
export async function openChatAttachment(ctx: ServiceContext, attachmentId: string, store: FileStore = getFileStore()): Promise<OpenedChatFile> {
  const row = await ctx.db.chatAttachment.findFirst({
    where: { id: attachmentId, message: { deletedAt: null, conversation: { members: { some: { userId: ctx.actor.id, leftAt: null } } } } },
    select: { id: true, fileName: true, mimeType: true, size: true, sha256: true, messageId: true, message: { select: { conversationId: true } } },
  });
  if (!row?.message || !row.messageId) throw notFound(CHAT_FILE_NOT_FOUND);
  const read = await readVerifiedBlob(row.sha256, store);
  if (!read.ok) {
    await recordAudit(ctx.db, ctx, { action: "file.integrity-failed", entityType: "chat-attachment", entityId: row.id, data: { fileName: row.fileName, expected: row.sha256, actual: read.actual, reason: read.reason } });
    throw integrityError(row.fileName, read.reason);
  }
  await recordAudit(ctx.db, ctx, {
    action: "chat.file-downloaded",
    entityType: "chat-attachment",
    entityId: row.id,
    data: { conversationId: row.message.conversationId, messageId: row.messageId, fileName: row.fileName, sha256: row.sha256 },
  });
  return { file: { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, url: chatAttachmentUrl(row.id) }, bytes: read.bytes };
}
