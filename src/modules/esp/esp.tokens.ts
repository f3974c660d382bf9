/**
 * Secrets of the ESP: sign-in codes (6 digits), sign-in links and session tokens (32 random bytes,
 * base64url) and access codes (8 characters of an unambiguous alphabet). The database keeps only
 * their SHA-256.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH } from "./esp.schemas";

export function sha256Text(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function createLoginCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** A sign-in link token or a session token. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

export function createAccessCode(): string {
  let out = "";
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) out += ACCESS_CODE_ALPHABET[randomInt(0, ACCESS_CODE_ALPHABET.length)];
  return out;
}

/** Hash of an access code as typed: spaces and dashes ignored, case-insensitive. */
export function hashAccessCode(code: string): string {
  return sha256Text(code.replace(/[\s-]+/g, "").toUpperCase());
}

/** The code as printed: ABCD-EFGH. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The sign-in link, built from APP_URL (never from the request's Host header). */
export function loginLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/esp/logowanie/link?token=${encodeURIComponent(token)}`;
}
