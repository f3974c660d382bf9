/**
 * Password reset by an e-mail link, for staff who cannot sign in. Framework-free.
 *
 * - A request answers the same whatever the address (no account enumeration); only active accounts
 *   get a link, at most PER_ACCOUNT_PER_HOUR a hour, and one address (IP) may ask PER_IP_PER_HOUR
 *   times a hour. Every request is audited, with `sent` telling whether a link went out.
 * - The link carries 32 random bytes; the database keeps only their SHA-256. It works once, for
 *   RESET_LINK_VALID_MINUTES, and a successful reset retires the account's other links.
 * - A reset sets the password, ends every session (sessionVersion moves on), lifts a lockout and is
 *   audited, all in one transaction.
 */
import { env } from "@/env";
import { localeOr } from "@/lib/i18n/translator";
import { ZNewPassword } from "@/lib/password-policy";
import { queueEmail } from "@/modules/mail/mail.service";
import { recordAudit } from "@/server/audit/audit";
import { normalizeEmail } from "@/server/auth/auth.service";
import { hashPassword } from "@/server/auth/password";
import type { RequestMeta } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { badRequest } from "@/server/errors";
import {
  RESET_LINK_VALID_MINUTES,
  type RequestPasswordResetInput,
  type ResetPasswordInput,
  type ResetPasswordResult,
  type ResetTokenCheck,
  type ResetTokenProblem,
} from "./password-reset.schemas";
import { createResetToken, hashResetToken, isResetTokenFormat, resetLink } from "./password-reset.tokens";

const HOUR_MS = 3_600_000;

export interface PasswordResetOptions {
  /** Public address of the app the link points to (default APP_URL). */
  appUrl?: string;
  /** Links sent to one account in a sliding hour. */
  perAccountPerHour?: number;
  /** Requests (sent or not) accepted from one IP address in a sliding hour. */
  perIpPerHour?: number;
}

export const PER_ACCOUNT_PER_HOUR = 3;
/** Generous: a whole office may sit behind one NAT address. */
export const PER_IP_PER_HOUR = 20;

/**
 * Sends a reset link to the account with this address, if there is an active one and no limit is
 * hit. Resolves the same way in every case; only the audit trail tells them apart.
 */
export async function requestPasswordReset(
  db: Db,
  input: RequestPasswordResetInput,
  meta: RequestMeta,
  now = new Date(),
  options: PasswordResetOptions = {},
): Promise<void> {
  const email = normalizeEmail(input.email);
  const perAccount = options.perAccountPerHour ?? PER_ACCOUNT_PER_HOUR;
  const perIp = options.perIpPerHour ?? PER_IP_PER_HOUR;
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const anonymous = { actor: null, meta };

  // Requests from this address in the last hour, counted in the audit trail (unknown e-mails too).
  // When the address is unknown (meta.ip null) only the per-account limit applies.
  const ipLimited =
    meta.ip !== null &&
    (await db.auditEvent.count({ where: { action: "auth.password-reset-requested", ip: meta.ip.slice(0, 64), occurredAt: { gt: hourAgo } } })) >= perIp;

  const user = await db.user.findUnique({ where: { email }, select: { id: true, firstName: true, lastName: true, active: true, locale: true } });
  if (!user || !user.active) {
    await recordAudit(db, anonymous, { action: "auth.password-reset-requested", entityType: "user", entityId: user?.id, data: { email, sent: false } });
    return;
  }

  const { token, tokenHash } = createResetToken();
  await db.$transaction(async (tx) => {
    // One request at a time per account, so two concurrent ones cannot both slip under the limit.
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
    const recent = await tx.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: hourAgo } } });
    const sent = !ipLimited && recent < perAccount;
    if (sent) {
      await tx.passwordResetToken.create({
        data: { userId: user.id, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_VALID_MINUTES * 60_000), requestedIp: meta.ip?.slice(0, 64) ?? null },
      });
      await queueEmail(tx, {
        to: email,
        toName: `${user.firstName} ${user.lastName}`,
        toUserId: user.id,
        locale: localeOr(user.locale),
        template: "password-reset",
        props: { name: user.firstName, resetUrl: resetLink(options.appUrl ?? env.APP_URL, token), validMinutes: RESET_LINK_VALID_MINUTES },
      });
    }
    await recordAudit(tx, anonymous, { action: "auth.password-reset-requested", entityType: "user", entityId: user.id, data: { email, sent } });
  });
}

interface TokenRow {
  id: string;
  expiresAt: Date;
  usedAt: Date | null;
  user: { id: string; email: string; firstName: string; lastName: string; active: boolean; position: { name: string } | null };
}

async function findToken(db: Db | Tx, token: string): Promise<TokenRow | null> {
  if (!isResetTokenFormat(token)) return null;
  return db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, firstName: true, lastName: true, active: true, position: { select: { name: true } } } },
    },
  });
}

function problemOf(row: TokenRow | null, now: Date): ResetTokenProblem | null {
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  if (!row.user.active) return "inactive";
  return null;
}

/** Whether a link still works, for the page to explain a dead one before showing the form. Reads only. */
/**
 * Every open reset link of the account stops working (after any password change: an old link
 * would otherwise undo the new password).
 */
export async function retireResetLinks(tx: Pick<Tx, "passwordResetToken">, userId: string, now = new Date()): Promise<void> {
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

export async function checkResetToken(db: Db, token: string, now = new Date()): Promise<ResetTokenCheck> {
  const row = await findToken(db, token);
  const problem = problemOf(row, now);
  return problem || !row ? { ok: false, reason: problem ?? "invalid" } : { ok: true, email: row.user.email };
}

/**
 * Sets a new password through a link: single use (the token is claimed with a conditional update,
 * so two concurrent submissions cannot both succeed), ends all sessions, lifts a lockout.
 */
export async function resetPassword(db: Db, input: ResetPasswordInput, meta: RequestMeta, now = new Date()): Promise<ResetPasswordResult> {
  const policy = ZNewPassword.safeParse(input.password);
  if (!policy.success) {
    const message = policy.error.issues[0]?.message ?? "Hasło nie spełnia wymagań.";
    throw badRequest(message, { password: message });
  }

  const before = await findToken(db, input.token);
  const problem = problemOf(before, now);
  if (problem || !before) return { ok: false, reason: problem ?? "invalid" };

  // Hash outside the transaction: scrypt is slow on purpose.
  const passwordHash = await hashPassword(policy.data);

  try {
    return await db.$transaction(async (tx): Promise<ResetPasswordResult> => {
      const claimed = await tx.passwordResetToken.updateMany({ where: { id: before.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) {
        const again = await findToken(tx, input.token);
        return { ok: false, reason: problemOf(again, now) ?? "used" };
      }
      const userId = before.user.id;
      const updated = await tx.user.updateMany({
        where: { id: userId, active: true },
        data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
      });
      // Deactivated since the check above: roll everything back.
      if (updated.count !== 1) throw new AccountInactive();
      await retireResetLinks(tx, userId, now);
      const actor = { id: userId, firstName: before.user.firstName, lastName: before.user.lastName, positionName: before.user.position?.name ?? null };
      await recordAudit(tx, { actor, meta }, { action: "auth.password-reset", entityType: "user", entityId: userId, data: {} });
      return { ok: true, userId };
    });
  } catch (error) {
    if (error instanceof AccountInactive) return { ok: false, reason: "inactive" };
    throw error;
  }
}

class AccountInactive extends Error {}
