/**
 * Staff authentication: password check with lockout after repeated failures, and the audit of
 * every attempt. Framework-free; next-auth's Credentials provider calls `authenticate`.
 */
import { env } from "@/env";
import type { RequestMeta } from "../context";
import type { Db } from "../db";
import { recordAudit } from "../audit/audit";
import { dummyPasswordHash, verifyPassword } from "./password";

export type AuthResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date }
  | { ok: false; reason: "inactive" };

export interface Credentials {
  email: string;
  password: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function authenticate(db: Db, credentials: Credentials, meta: RequestMeta, now = new Date()): Promise<AuthResult> {
  const email = normalizeEmail(credentials.email);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, firstName: true, lastName: true, active: true, passwordHash: true, lockedUntil: true, sessionVersion: true, position: { select: { name: true } } },
  });

  if (!user) {
    await verifyPassword(credentials.password, await dummyPasswordHash());
    await recordAudit(db, { actor: null, meta }, { action: "auth.sign-in-failed", entityType: "user", data: { email, reason: "unknown-user" } });
    return { ok: false, reason: "invalid" };
  }

  const who = { actor: { id: user.id, firstName: user.firstName, lastName: user.lastName, positionName: user.position?.name ?? null }, meta };

  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, who, { action: "auth.sign-in-failed", entityType: "user", entityId: user.id, data: { email, reason: "locked" } });
    return { ok: false, reason: "locked", until: user.lockedUntil };
  }

  const passwordOk = await verifyPassword(credentials.password, user.passwordHash);

  if (!passwordOk) {
    return db.$transaction(async (tx) => {
      const { failedLoginCount } = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      });
      await recordAudit(tx, who, { action: "auth.sign-in-failed", entityType: "user", entityId: user.id, data: { email, reason: "bad-password" } });
      if (failedLoginCount < env.LOGIN_MAX_FAILURES) return { ok: false, reason: "invalid" } as const;
      const until = new Date(now.getTime() + env.LOGIN_LOCK_MINUTES * 60_000);
      await tx.user.update({ where: { id: user.id }, data: { lockedUntil: until, failedLoginCount: 0 } });
      await recordAudit(tx, who, {
        action: "auth.account-locked",
        entityType: "user",
        entityId: user.id,
        data: { until: until.toISOString(), failures: failedLoginCount },
      });
      return { ok: false, reason: "locked", until } as const;
    });
  }

  if (!user.active) {
    await recordAudit(db, who, { action: "auth.sign-in-failed", entityType: "user", entityId: user.id, data: { email, reason: "inactive" } });
    return { ok: false, reason: "inactive" };
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    await recordAudit(tx, who, { action: "auth.signed-in", entityType: "user", entityId: user.id, data: {} });
  });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/** Whether a session token is still good: the account is active and the password was not changed since. */
export function sessionIsCurrent(
  token: { sv?: unknown; authTime?: unknown },
  user: { active: boolean; sessionVersion: number },
  now = Date.now(),
): boolean {
  if (!user.active || token.sv !== user.sessionVersion) return false;
  if (typeof token.authTime !== "number") return false;
  return now - token.authTime <= env.SESSION_MAX_HOURS * 3_600_000;
}
