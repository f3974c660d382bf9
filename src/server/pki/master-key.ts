/**
 * The PKI master key: encrypts the CA and seal private keys (PKCS#8) before they reach the
 * database. PKI_MASTER_KEY, or in the embedded default a random key generated once into
 * DATA_DIR/pki-master-key (outside the database, mode 600).
 *
 * Blob format, version 1: 0x01 ‖ key id (8 bytes: SHA-256 of the master key, truncated) ‖
 * iv (12) ‖ tag (16) ‖ AES-256-GCM ciphertext. The version byte and key id are authenticated
 * (AAD), so a later format or a rotated key is recognised instead of being misread.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/env";

const VERSION = 0x01;
const HEADER = 1 + 8;

let cached: Buffer | undefined;

function parseKey(b64: string): Buffer {
  const key = Buffer.from(b64.trim(), "base64");
  if (key.length !== 32) throw new Error("PKI master key must be 32 bytes (base64)");
  return key;
}

export function getPkiMasterKey(): Buffer {
  if (cached) return cached;
  if (env.PKI_MASTER_KEY) return (cached = parseKey(env.PKI_MASTER_KEY));
  const file = path.resolve(env.DATA_DIR, "pki-master-key");
  try {
    cached = parseKey(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    const key = randomBytes(32);
    try {
      writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      cached = key;
    } catch {
      cached = parseKey(readFileSync(file, "utf8")); // another process wrote it first
    }
  }
  return cached;
}

export function masterKeyId(masterKey: Uint8Array): Buffer {
  return createHash("sha256").update(masterKey).digest().subarray(0, 8);
}

export function encryptPrivateKey(pkcs8: Uint8Array, masterKey: Uint8Array): Uint8Array {
  const header = Buffer.concat([Buffer.from([VERSION]), masterKeyId(masterKey)]);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv);
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return new Uint8Array(Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]));
}

export function decryptPrivateKey(blob: Uint8Array, masterKey: Uint8Array): Uint8Array {
  const data = Buffer.from(blob);
  if (data.length < HEADER + 28 || data[0] !== VERSION) throw new Error("Unknown encrypted key format");
  const header = data.subarray(0, HEADER);
  if (!header.subarray(1).equals(masterKeyId(masterKey))) throw new Error("Encrypted with another PKI master key");
  const iv = data.subarray(HEADER, HEADER + 12);
  const tag = data.subarray(HEADER + 12, HEADER + 28);
  const decipher = createDecipheriv("aes-256-gcm", masterKey, iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  return new Uint8Array(Buffer.concat([decipher.update(data.subarray(HEADER + 28)), decipher.final()]));
}
