/**
 * Files of documents: stored once per content (FileBlob keyed by SHA-256, bytes in the FileStore),
 * attached to documents (DocumentFile), re-verified against the digest on every download, and every
 * upload, download and failed verification audited with the document and its case.
 * Framework-free; reads start from documentVisibleWhere (hidden → NOT_FOUND).
 */
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { env } from "@/env";
import { documentVisibleWhere, loadWorkScope } from "@/modules/documents/documents.policy";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import { AppError, badRequest, forbidden, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { canAttachFiles, filesReadOnlyReason } from "./files.policy";
import type { DocumentFileDto, DocumentFileKind, DocumentFileList } from "./files.schemas";
import { checkFileType, extensionOf, FILE_TYPES, sanitizeFileName, tooLargeMessage } from "./files.types";

const DOCUMENT_NOT_FOUND = "Nie znaleziono takiego pisma albo nie masz do niego dostępu.";
const FILE_NOT_FOUND = "Nie znaleziono takiego pliku albo nie masz do niego dostępu.";

export interface StoreDocumentFileInput {
  documentId: string;
  fileName: string;
  /** What the browser said; the stored type comes from the recognised file type. */
  mimeType?: string | null;
  bytes: Uint8Array;
  kind: DocumentFileKind;
}

const fileSelect = {
  id: true,
  documentId: true,
  fileName: true,
  mimeType: true,
  size: true,
  kind: true,
  sha256: true,
  createdAt: true,
  uploadedBy: { select: { firstName: true, lastName: true } },
  previousVersion: { select: { id: true, createdAt: true } },
} as const satisfies Prisma.DocumentFileSelect;

const policySelect = {
  id: true,
  kind: true,
  status: true,
  caseId: true,
  createdById: true,
  assigneeId: true,
  departmentId: true,
  assignments: { select: { userId: true } },
  case: { select: { responsibleId: true } },
} as const satisfies Prisma.DocumentSelect;

function toDto(row: Prisma.DocumentFileGetPayload<{ select: typeof fileSelect }>): DocumentFileDto {
  const type = FILE_TYPES[extensionOf(row.fileName)];
  const preview = type && type.mime === row.mimeType ? type.preview : null;
  return {
    id: row.id,
    documentId: row.documentId,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    kind: row.kind,
    sha256: row.sha256,
    uploadedByName: `${row.uploadedBy.firstName} ${row.uploadedBy.lastName}`,
    createdAt: row.createdAt,
    preview,
    url: `/api/pliki/${row.id}`,
    previousVersion: row.previousVersion ? { url: `/api/pliki/${row.previousVersion.id}`, createdAt: row.previousVersion.createdAt } : null,
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export const maxUploadBytes = () => env.MAX_UPLOAD_MB * 1024 * 1024;

/** Checks one upload without touching the database: name, size and type (Polish message on failure). */
export function checkUpload(fileName: string, bytes: Uint8Array): { fileName: string; mimeType: string } {
  const name = sanitizeFileName(fileName);
  if (bytes.byteLength === 0) throw badRequest(`Plik „${name}” jest pusty.`);
  if (bytes.byteLength > maxUploadBytes()) throw badRequest(tooLargeMessage(name, env.MAX_UPLOAD_MB));
  const type = checkFileType(name, bytes);
  if (!type.ok) throw badRequest(type.message);
  return { fileName: name, mimeType: type.type.mime };
}

async function loadDocumentForFiles(ctx: ServiceContext, documentId: string) {
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const doc = await ctx.db.document.findFirst({ where: { AND: [{ id: documentId }, documentVisibleWhere(scope)] }, select: policySelect });
  if (!doc) throw notFound(DOCUMENT_NOT_FOUND);
  return { scope, doc };
}

/** Refuses (in Polish) when the actor may not add files to the document now. */
async function assertCanAttach(ctx: ServiceContext, documentId: string) {
  const { scope, doc } = await loadDocumentForFiles(ctx, documentId);
  const readOnly = filesReadOnlyReason(doc);
  if (readOnly) throw badRequest(readOnly);
  if (!canAttachFiles(scope, doc)) throw forbidden("Możesz przeglądać pliki tego pisma, ale nie dodawać nowych — dodaje je osoba, która prowadzi pismo, jego kierownik albo kancelaria.");
  return doc;
}

/**
 * Attaches a file to a document: checks type and size, stores the bytes once under their SHA-256
 * (a second upload of the same content reuses the blob), records the DocumentFile and the audit
 * entry "file.uploaded" with the document and its case.
 */
export async function storeDocumentFile(ctx: ServiceContext, input: StoreDocumentFileInput, store: FileStore = getFileStore()): Promise<DocumentFileDto> {
  assertCan(ctx.actor, "documents.work");
  const checked = checkUpload(input.fileName, input.bytes);
  const doc = await assertCanAttach(ctx, input.documentId);
  const sha256 = sha256Hex(input.bytes);
  const size = input.bytes.byteLength;
  // The bytes go first: a failed transaction leaves at most an unreferenced blob, never a record without bytes.
  await store.put(sha256, input.bytes);
  return ctx.db.$transaction(async (tx) => {
    await tx.fileBlob.upsert({ where: { sha256 }, create: { sha256, size }, update: {} });
    const row = await tx.documentFile.create({
      data: { documentId: doc.id, sha256, fileName: checked.fileName, mimeType: checked.mimeType, size, kind: input.kind, uploadedById: ctx.actor.id },
      select: fileSelect,
    });
    await recordAudit(tx, ctx, {
      action: "file.uploaded",
      entityType: "file",
      entityId: row.id,
      documentId: doc.id,
      caseId: doc.caseId,
      data: { fileName: checked.fileName, sha256, size, mimeType: checked.mimeType, kind: input.kind },
    });
    return toDto(row);
  });
}

/** Several files of one request: all are checked before any is stored. */
export async function storeDocumentFiles(
  ctx: ServiceContext,
  input: { documentId: string; kind: DocumentFileKind; files: { fileName: string; mimeType?: string | null; bytes: Uint8Array }[] },
  store: FileStore = getFileStore(),
): Promise<DocumentFileDto[]> {
  assertCan(ctx.actor, "documents.work");
  if (input.files.length === 0) throw badRequest("Wybierz co najmniej jeden plik.");
  if (input.files.length > 20) throw badRequest("Naraz można dodać najwyżej 20 plików.");
  for (const f of input.files) checkUpload(f.fileName, f.bytes);
  await assertCanAttach(ctx, input.documentId);
  const out: DocumentFileDto[] = [];
  for (const f of input.files) out.push(await storeDocumentFile(ctx, { documentId: input.documentId, kind: input.kind, ...f }, store));
  return out;
}

/** The current files of a visible document (a signed PDF/XML replaces its earlier version), oldest first, with whether the actor may add more. */
export async function listDocumentFiles(ctx: ServiceContext, documentId: string): Promise<DocumentFileList> {
  assertCan(ctx.actor, "documents.work");
  const { scope, doc } = await loadDocumentForFiles(ctx, documentId);
  const rows = await ctx.db.documentFile.findMany({ where: { documentId: doc.id, supersededAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: fileSelect });
  return { items: rows.map(toDto), canUpload: canAttachFiles(scope, doc), readOnlyReason: filesReadOnlyReason(doc), maxUploadMb: env.MAX_UPLOAD_MB };
}

export interface OpenedFile {
  file: DocumentFileDto;
  bytes: Uint8Array;
}

/**
 * Reads a file for download or preview: the document must be visible, the bytes are re-read and
 * their SHA-256 compared with the recorded one. A mismatch (or missing bytes) is recorded as
 * "file.integrity-failed" and refused; a good read is recorded as "file.downloaded".
 */
export async function openDocumentFile(ctx: ServiceContext, fileId: string, options: { inline?: boolean } = {}, store: FileStore = getFileStore()): Promise<OpenedFile> {
  assertCan(ctx.actor, "documents.work");
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const row = await ctx.db.documentFile.findFirst({
    where: { id: fileId, document: documentVisibleWhere(scope) },
    select: { ...fileSelect, document: { select: { caseId: true } } },
  });
  if (!row) throw notFound(FILE_NOT_FOUND);
  const link = { entityType: "file" as const, entityId: row.id, documentId: row.documentId, caseId: row.document.caseId };
  const bytes = await store.get(row.sha256);
  const actual = bytes ? sha256Hex(bytes) : null;
  if (!bytes || actual !== row.sha256) {
    await recordAudit(ctx.db, ctx, { action: "file.integrity-failed", ...link, data: { fileName: row.fileName, expected: row.sha256, actual, reason: bytes ? "mismatch" : "missing" } });
    throw new AppError(
      "CONFLICT",
      bytes
        ? `Plik „${row.fileName}” jest uszkodzony: jego zawartość nie zgadza się z zapisaną przy przyjęciu (SHA-256). Nie udostępniono go. Zgłoś to administratorowi.`
        : `Zawartości pliku „${row.fileName}” nie ma w magazynie plików. Zgłoś to administratorowi.`,
    );
  }
  await recordAudit(ctx.db, ctx, { action: "file.downloaded", ...link, data: { fileName: row.fileName, sha256: row.sha256, inline: Boolean(options.inline) } });
  return { file: toDto(row), bytes };
}
