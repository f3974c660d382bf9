/**
 * Short-lived, process-local hand-over between the form's route handler and the pages it redirects
 * to: a refused form's values and errors (rendered back without JavaScript), and a new
 * submission's access code (shown once on the receipt page). Entries expire after 15 minutes and
 * are read once. With several app instances behind a balancer, use sticky sessions.
 */
import { randomBytes } from "node:crypto";

const TTL_MS = 15 * 60_000;
// On globalThis: Next bundles route handlers and pages separately, module state is not shared.
const store = globalThis as unknown as { obiegEspStash?: Map<string, { value: unknown; owner: string; expires: number }> };
const entries = (store.obiegEspStash ??= new Map());

function sweep(now: number) {
  for (const [k, v] of entries) if (v.expires <= now) entries.delete(k);
}

export function stashPut(owner: string, value: unknown, key = randomBytes(12).toString("base64url")): string {
  const now = Date.now();
  if (entries.size > 5_000) sweep(now);
  entries.set(key, { value, owner, expires: now + TTL_MS });
  return key;
}

/** The value once, only for its owner (the account that created it). */
export function stashTake<T>(owner: string, key: string | undefined | null): T | null {
  if (!key) return null;
  const e = entries.get(key);
  if (!e || e.owner !== owner || e.expires <= Date.now()) return null;
  entries.delete(key);
  return e.value as T;
}

export interface FormStash {
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string | null;
}
