/**
 * Where the bytes of uploaded files live: a content-addressed store keyed by the SHA-256 of the
 * bytes (lowercase hex). Storing the same bytes twice is a no-op; the database keeps the digest
 * and re-verifies it on every read (files.service.ts). Adapters: local folder (default) and S3.
 */
export interface FileStore {
  /** Which adapter (for logs and the admin's diagnostics). */
  readonly kind: "local" | "s3";
  /** Stores `bytes` under `sha256` (the caller computed it). Idempotent. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or null when nothing is stored under this digest. */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses anything that is not a lowercase hex SHA-256 (keys become paths and URLs). */
export function assertDigest(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Invalid SHA-256 digest: ${JSON.stringify(sha256).slice(0, 80)}`);
}

/** files/ab/cd/<sha256>: two levels of 256 folders keep directories small. */
export function digestPath(sha256: string): string[] {
  assertDigest(sha256);
  return [sha256.slice(0, 2), sha256.slice(2, 4), sha256];
}
