/**
 * The session-signing secret: AUTH_SECRET, or in the embedded default a random secret generated
 * once into DATA_DIR/auth-secret (outside the database, readable by the server only).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/env";

let cached: string | undefined;

export function getAuthSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      cached = readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  return cached;
}
