/**
 * Reset tokens: 32 random bytes in the link (base64url), only their SHA-256 in the database, so a
 * leaked table or backup gives nobody a working link.
 */
import { createHash, randomBytes } from "node:crypto";
import { RESET_TOKEN_PATTERN } from "./password-reset.schemas";

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function createResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

export function isResetTokenFormat(token: unknown): token is string {
  return typeof token === "string" && RESET_TOKEN_PATTERN.test(token);
}

/**
 * The link in the e-mail. Built from the configured public address (APP_URL), never from the
 * request's Host header, which an attacker could set to send victims to their own server.
 */
export function resetLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/logowanie/nowe-haslo?token=${encodeURIComponent(token)}`;
}
