/**
 * The shared file store for files that do not belong to a document (Komunikator and Polecenia
 * attachments): the same check by content and size (checkUpload), the same content-addressed
 * storage (bytes in the FileStore under their SHA-256, one FileBlob row per content) and the same
 * re-verification of the digest on every read as files.service.ts does for documents.
 */
import "server-only";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { checkUpload, sha256Hex } from "./files.service";

export interface StoredBlob {
  sha256: string;
  size: number;
  fileName: string;
  mimeType: string;
}

/**
 * Checks an upload (name, size, type by content; Polish message on failure) and stores its bytes
 * once under their SHA-256. The FileBlob row is written with `db` (a transaction's client to keep it
 * with the record that uses it); the bytes go first, so a failed transaction leaves at most an
 * unreferenced blob, never a record without bytes.
 */
export async function storeCheckedBlob(db: Db | Tx, fileName: string, bytes: Uint8Array, store: FileStore = getFileStore()): Promise<StoredBlob> {
  const checked = checkUpload(fileName, bytes);
  const sha256 = sha256Hex(bytes);
  const size = bytes.byteLength;
  await store.put(sha256, bytes);
  await db.fileBlob.upsert({ where: { sha256 }, create: { sha256, size }, update: {} });
  return { sha256, size, fileName: checked.fileName, mimeType: checked.mimeType };
}

export type BlobRead = { ok: true; bytes: Uint8Array } | { ok: false; actual: string | null; reason: "mismatch" | "missing" };

/** Reads the bytes and compares their SHA-256 with the recorded one. */
export async function readVerifiedBlob(sha256: string, store: FileStore = getFileStore()): Promise<BlobRead> {
  const bytes = await store.get(sha256);
  if (!bytes) return { ok: false, actual: null, reason: "missing" };
  const actual = sha256Hex(bytes);
  return actual === sha256 ? { ok: true, bytes } : { ok: false, actual, reason: "mismatch" };
}

/** The refusal of a failed read (same Polish text as for documents' files). */
export function integrityError(fileName: string, reason: "mismatch" | "missing"): AppError {
  return new AppError(
    "CONFLICT",
    reason === "mismatch"
      ? `Plik „${fileName}” jest uszkodzony: jego zawartość nie zgadza się z zapisaną przy przyjęciu (SHA-256). Nie udostępniono go. Zgłoś to administratorowi.`
      : `Zawartości pliku „${fileName}” nie ma w magazynie plików. Zgłoś to administratorowi.`,
  );
}
