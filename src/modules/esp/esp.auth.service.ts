/**
 * Signing in to the ESP without a password: an e-mail with a 6-digit code and a one-time link
 * (valid LOGIN_CODE_VALID_MINUTES, only SHA-256 hashes stored, LOGIN_MAX_ATTEMPTS wrong codes),
 * rate-limited per address and per IP, answering the same whether or not an account exists. A
 * successful sign-in creates the account on first use and a session (token hashed in the DB).
 * Separate from the staff's next-auth. Framework-free.
 */
import "server-only";
import { env } from "@/env";
import { localeOr } from "@/lib/i18n/translator";
import { queueEmail } from "@/modules/mail/mail.service";
import { recordAudit } from "@/server/audit/audit";
import type { RequestMeta } from "@/server/context";
import type { Db } from "@/server/db";
import {
  LOGIN_CODE_VALID_MINUTES,
  LOGIN_MAX_ATTEMPTS,
  LOGIN_PER_EMAIL_PER_HOUR,
  LOGIN_PER_IP_PER_HOUR,
  LOGIN_TOKEN_PATTERN,
  SESSION_HOURS,
} from "./esp.schemas";
import { createLoginCode, createToken, loginLink, sameHash, sha256Text } from "./esp.tokens";

const HOUR_MS = 3_600_000;

export interface EspAccountDto {
  id: string;
  email: string;
  name: string;
}

export interface StartSignInOptions {
  appUrl?: string;
  locale?: string;
}

/**
 * Sends a code and a link to the address unless a limit is hit. Resolves the same in every case
 * (`sent` is for tests and logs only, never shown).
 */
export async function startEspSignIn(db: Db, email: string, meta: RequestMeta, now = new Date(), options: StartSignInOptions = {}): Promise<{ sent: boolean }> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const ip = meta.ip?.slice(0, 64) ?? null;
  return db.$transaction(async (tx) => {
    // One request at a time per address, so parallel ones cannot all slip under the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`esp-login:${email}`}))`;
    const perEmail = await tx.espLoginChallenge.count({ where: { email, createdAt: { gt: hourAgo } } });
    const perIp = ip ? await tx.espLoginChallenge.count({ where: { ip, createdAt: { gt: hourAgo } } }) : 0;
    if (perEmail >= LOGIN_PER_EMAIL_PER_HOUR || perIp >= LOGIN_PER_IP_PER_HOUR) return { sent: false };
    const code = createLoginCode();
    const token = createToken();
    // Earlier codes for the address stop working: only the newest one counts.
    await tx.espLoginChallenge.updateMany({ where: { email, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.espLoginChallenge.create({
      data: { email, codeHash: sha256Text(`${email}:${code}`), tokenHash: sha256Text(token), expiresAt: new Date(now.getTime() + LOGIN_CODE_VALID_MINUTES * 60_000), ip, createdAt: now },
    });
    await queueEmail(tx, {
      to: email,
      locale: localeOr(options.locale),
      template: "esp-login",
      props: { code, loginUrl: loginLink(options.appUrl ?? env.APP_URL, token), validMinutes: LOGIN_CODE_VALID_MINUTES },
    });
    return { sent: true };
  });
}

export type SignInResult = { ok: true; sessionToken: string; expiresAt: Date; account: EspAccountDto } | { ok: false; reason: "invalid" | "expired" | "attempts" };

async function openSession(db: Db, challengeId: string, email: string, meta: RequestMeta, now: Date): Promise<SignInResult> {
  const sessionToken = createToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * HOUR_MS);
  return db.$transaction(async (tx): Promise<SignInResult> => {
    // Single use: claimed with a conditional update (two parallel tries cannot both succeed).
    const claimed = await tx.espLoginChallenge.updateMany({ where: { id: challengeId, usedAt: null, expiresAt: { gt: now }, attempts: { lt: LOGIN_MAX_ATTEMPTS } }, data: { usedAt: now } });
    if (claimed.count !== 1) return { ok: false, reason: "expired" };
    const account = await tx.espAccount.upsert({ where: { email }, create: { email, lastLoginAt: now }, update: { lastLoginAt: now }, select: { id: true, email: true, name: true } });
    await tx.espSession.create({ data: { accountId: account.id, tokenHash: sha256Text(sessionToken), expiresAt, createdAt: now } });
    await recordAudit(tx, { actor: null, meta }, { action: "esp.signed-in", entityType: "esp-account", entityId: account.id, data: { email } });
    return { ok: true, sessionToken, expiresAt, account };
  });
}

/** Signs in with the code from the e-mail: the newest live challenge of the address, LOGIN_MAX_ATTEMPTS tries. */
export async function verifyEspCode(db: Db, input: { email: string; code: string }, meta: RequestMeta, now = new Date()): Promise<SignInResult> {
  const challenge = await db.espLoginChallenge.findFirst({
    where: { email: input.email, usedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, attempts: true, expiresAt: true },
  });
  if (!challenge) return { ok: false, reason: "invalid" };
  if (challenge.expiresAt <= now) return { ok: false, reason: "expired" };
  if (challenge.attempts >= LOGIN_MAX_ATTEMPTS) return { ok: false, reason: "attempts" };
  if (!sameHash(challenge.codeHash, sha256Text(`${input.email}:${input.code}`))) {
    const updated = await db.espLoginChallenge.update({ where: { id: challenge.id }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
    return { ok: false, reason: updated.attempts >= LOGIN_MAX_ATTEMPTS ? "attempts" : "invalid" };
  }
  return openSession(db, challenge.id, input.email, meta, now);
}

/** Signs in with the link from the e-mail (POSTed from the page the link opens, never on GET). */
export async function verifyEspLink(db: Db, token: string, meta: RequestMeta, now = new Date()): Promise<SignInResult> {
  if (!LOGIN_TOKEN_PATTERN.test(token)) return { ok: false, reason: "invalid" };
  const challenge = await db.espLoginChallenge.findUnique({ where: { tokenHash: sha256Text(token) }, select: { id: true, email: true, usedAt: true, attempts: true, expiresAt: true } });
  if (!challenge || challenge.usedAt) return { ok: false, reason: "invalid" };
  if (challenge.expiresAt <= now) return { ok: false, reason: "expired" };
  if (challenge.attempts >= LOGIN_MAX_ATTEMPTS) return { ok: false, reason: "attempts" };
  return openSession(db, challenge.id, challenge.email, meta, now);
}

/** The account of a session token, or null (unknown, expired or malformed). */
export async function findEspSession(db: Db, token: string | undefined | null, now = new Date()): Promise<EspAccountDto | null> {
  if (!token || !LOGIN_TOKEN_PATTERN.test(token)) return null;
  const session = await db.espSession.findUnique({ where: { tokenHash: sha256Text(token) }, select: { expiresAt: true, account: { select: { id: true, email: true, name: true } } } });
  if (!session || session.expiresAt <= now) return null;
  return session.account;
}

export async function endEspSession(db: Db, token: string | undefined | null): Promise<void> {
  if (!token || !LOGIN_TOKEN_PATTERN.test(token)) return;
  await db.espSession.deleteMany({ where: { tokenHash: sha256Text(token) } });
}
