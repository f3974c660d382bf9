import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, sessionIsCurrent } from "@/server/auth/auth.service";
import { verifyPassword } from "@/server/auth/password";
import type { RequestMeta } from "@/server/context";
import { AppError } from "@/server/errors";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createUser } from "@/test/factories";
import { RESET_LINK_VALID_MINUTES } from "./password-reset.schemas";
import { checkResetToken, PER_ACCOUNT_PER_HOUR, requestPasswordReset, resetPassword } from "./password-reset.service";
import { createResetToken, hashResetToken } from "./password-reset.tokens";

const OLD = "Stare-Haslo-2026";
const NEW = "Nowe-Haslo-2027";
const APP_URL = "https://ezd.test.example";
const MINUTE = 60_000;
const LINK = /https:\/\/ezd\.test\.example\/logowanie\/nowe-haslo\?token=([A-Za-z0-9_-]{43})/;

let ipCounter = 0;
/** Each test asks from its own address, so the per-IP limit of one test does not touch another. */
const freshMeta = (): RequestMeta => ({ ip: `10.${kindOctet}.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, userAgent: "vitest" });
let kindOctet = 0;

describe.each(TEST_DB_KINDS)("password reset on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
    kindOctet = kind === "pglite" ? 1 : 2;
  });
  afterAll(async () => db?.destroy());

  const mailsTo = (userId: string) => db.prisma.emailMessage.findMany({ where: { toUserId: userId }, orderBy: { createdAt: "asc" } });
  const tokensOf = (userId: string) => db.prisma.passwordResetToken.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  const userRow = (userId: string) => db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const requestsFor = (email: string) =>
    db.prisma.auditEvent.findMany({ where: { action: "auth.password-reset-requested", data: { path: ["email"], equals: email } }, orderBy: { id: "asc" } });

  /** Asks for a link as the form would and returns the token read from the e-mail. */
  async function requestToken(email: string, now = new Date(), meta = freshMeta()): Promise<string> {
    const seen = (await db.prisma.emailMessage.findMany({ where: { toAddress: email }, select: { id: true } })).map((m) => m.id);
    await requestPasswordReset(db.prisma, { email }, meta, now, { appUrl: APP_URL });
    const message = await db.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: email, id: { notIn: seen } } });
    const match = LINK.exec(message.text);
    if (!match) throw new Error(`no reset link in:\n${message.text}`);
    return match[1]!;
  }

  it("answers an unknown address exactly like a known one, but queues nothing", async () => {
    const email = `nikt-${Date.now()}@test.example`;
    const meta = freshMeta();
    const mailsBefore = await db.prisma.emailMessage.count();
    const tokensBefore = await db.prisma.passwordResetToken.count();

    const unknown = await requestPasswordReset(db.prisma, { email }, meta, new Date(), { appUrl: APP_URL });
    const user = await createUser(db.prisma);
    const known = await requestPasswordReset(db.prisma, { email: user.email }, meta, new Date(), { appUrl: APP_URL });

    expect(unknown).toBeUndefined();
    expect(known).toStrictEqual(unknown);
    expect(await db.prisma.emailMessage.count()).toBe(mailsBefore + 1);
    expect(await db.prisma.passwordResetToken.count()).toBe(tokensBefore + 1);
    const audit = await requestsFor(email);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "user", entityId: null, actorId: null, ip: meta.ip, userAgent: "vitest", data: { email, sent: false } });
  });

  it("e-mails an active account a link whose token is stored only as its SHA-256", async () => {
    const user = await createUser(db.prisma, { password: OLD, firstName: "Zofia" });
    const now = new Date();
    const meta = freshMeta();
    // The address is matched however it was typed.
    await requestPasswordReset(db.prisma, { email: `  ${user.email.toUpperCase()} ` }, meta, now, { appUrl: APP_URL });

    const mails = await mailsTo(user.id);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({ toAddress: user.email, toName: `Zofia ${user.lastName}`, template: "password-reset" });
    expect(mail.subject).not.toBe("");
    const token = LINK.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    expect(mail.html).toContain(`token=${token}`);
    expect(mail.text).toContain("Zofia");

    const tokens = await tokensOf(user.id);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ tokenHash: hashResetToken(token!), usedAt: null, requestedIp: meta.ip });
    expect(tokens[0]!.tokenHash).not.toContain(token!);
    expect(tokens[0]!.expiresAt.getTime()).toBe(now.getTime() + RESET_LINK_VALID_MINUTES * MINUTE);

    // Sent after commit by the outbox job of the mail module.
    const jobs = await db.prisma.outboxJob.findMany({ where: { type: "email.send" } });
    expect(jobs.some((j) => (j.payload as { messageId?: string }).messageId === mail.id)).toBe(true);

    const audit = await requestsFor(user.email);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "user", entityId: user.id, actorId: null, ip: meta.ip, data: { email: user.email, sent: true } });
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain(token!);

    expect(await checkResetToken(db.prisma, token!, now)).toEqual({ ok: true, email: user.email });
  });

  it("sends nothing to an inactive account, and audits the request as not sent", async () => {
    const user = await createUser(db.prisma, { active: false });
    await requestPasswordReset(db.prisma, { email: user.email }, freshMeta(), new Date(), { appUrl: APP_URL });
    expect(await mailsTo(user.id)).toEqual([]);
    expect(await tokensOf(user.id)).toEqual([]);
    const audit = await requestsFor(user.email);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: user.id, data: { email: user.email, sent: false } });
  });

  it("sets the password once: ends sessions, lifts a lockout, audits; the second use is refused", async () => {
    const user = await createUser(db.prisma, { password: OLD });
    const lockedUntil = new Date(Date.now() + 10 * MINUTE);
    await db.prisma.user.update({ where: { id: user.id }, data: { failedLoginCount: 4, lockedUntil } });
    const now = new Date();
    const token = await requestToken(user.email, now);
    const before = await userRow(user.id);
    const meta = freshMeta();
    const at = new Date(now.getTime() + 5 * MINUTE);

    expect(await resetPassword(db.prisma, { token, password: NEW }, meta, at)).toEqual({ ok: true, userId: user.id });

    const after = await userRow(user.id);
    expect(await verifyPassword(NEW, after.passwordHash)).toBe(true);
    expect(await verifyPassword(OLD, after.passwordHash)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordChangedAt).toEqual(at);
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    // A session issued before the reset is no longer current.
    expect(sessionIsCurrent({ sv: before.sessionVersion, authTime: Date.now() }, after)).toBe(false);
    expect((await tokensOf(user.id))[0]!.usedAt).toEqual(at);

    const audit = await db.prisma.auditEvent.findMany({ where: { action: "auth.password-reset", entityId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "user", actorId: user.id, actorName: `${user.firstName} ${user.lastName}`, ip: meta.ip, data: {} });
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain(NEW);

    // The new password signs in (the lockout is gone).
    const signIn = await authenticate(db.prisma, { email: user.email, password: NEW }, meta);
    expect(signIn).toEqual({ ok: true, userId: user.id, sessionVersion: after.sessionVersion });

    // Second use: refused, nothing changes.
    const later = new Date(at.getTime() + MINUTE);
    expect(await resetPassword(db.prisma, { token, password: "Inne-Haslo-2028" }, meta, later)).toEqual({ ok: false, reason: "used" });
    expect(await checkResetToken(db.prisma, token, later)).toEqual({ ok: false, reason: "used" });
    const unchanged = await userRow(user.id);
    expect(unchanged.passwordHash).toBe(after.passwordHash);
    expect(unchanged.sessionVersion).toBe(after.sessionVersion);
    expect(await db.prisma.auditEvent.count({ where: { action: "auth.password-reset", entityId: user.id } })).toBe(1);
  });

  it("refuses an expired link (valid until, not at, 30 minutes) and changes nothing", async () => {
    const user = await createUser(db.prisma, { password: OLD });
    const now = new Date();
    const token = await requestToken(user.email, now);
    const justBefore = new Date(now.getTime() + RESET_LINK_VALID_MINUTES * MINUTE - 1);
    const atExpiry = new Date(now.getTime() + RESET_LINK_VALID_MINUTES * MINUTE);
    expect(await checkResetToken(db.prisma, token, justBefore)).toEqual({ ok: true, email: user.email });
    expect(await checkResetToken(db.prisma, token, atExpiry)).toEqual({ ok: false, reason: "expired" });

    const before = await userRow(user.id);
    expect(await resetPassword(db.prisma, { token, password: NEW }, freshMeta(), atExpiry)).toEqual({ ok: false, reason: "expired" });
    const after = await userRow(user.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect((await tokensOf(user.id))[0]!.usedAt).toBeNull();
    expect(await db.prisma.auditEvent.count({ where: { action: "auth.password-reset", entityId: user.id } })).toBe(0);
  });

  it("retires the account's other outstanding links when one is used", async () => {
    const user = await createUser(db.prisma, { password: OLD });
    const now = new Date();
    const first = await requestToken(user.email, now);
    const second = await requestToken(user.email, new Date(now.getTime() + MINUTE));
    const other = await createUser(db.prisma);
    const othersToken = await requestToken(other.email, now);
    expect(first).not.toBe(second);

    const at = new Date(now.getTime() + 2 * MINUTE);
    expect(await resetPassword(db.prisma, { token: second, password: NEW }, freshMeta(), at)).toMatchObject({ ok: true });
    expect(await checkResetToken(db.prisma, first, at)).toEqual({ ok: false, reason: "expired" });
    expect(await resetPassword(db.prisma, { token: first, password: "Inne-Haslo-2028" }, freshMeta(), at)).toEqual({ ok: false, reason: "expired" });
    expect(await verifyPassword(NEW, (await userRow(user.id)).passwordHash)).toBe(true);
    // Another account's link is untouched.
    expect(await checkResetToken(db.prisma, othersToken, at)).toEqual({ ok: true, email: other.email });
  });

  it("refuses unknown and malformed tokens, and a password against the policy", async () => {
    const user = await createUser(db.prisma, { password: OLD });
    const token = await requestToken(user.email);
    for (const bad of ["", "abc", createResetToken().token, `${token}x`, token.slice(1)]) {
      expect(await checkResetToken(db.prisma, bad)).toEqual({ ok: false, reason: "invalid" });
      expect(await resetPassword(db.prisma, { token: bad, password: NEW }, freshMeta())).toEqual({ ok: false, reason: "invalid" });
    }
    const weak = await resetPassword(db.prisma, { token, password: "krotkie1" }, freshMeta()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(weak).toBeInstanceOf(AppError);
    expect(weak).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { password: "Hasło musi mieć co najmniej 10 znaków." } });
    // Nothing was used up by the refused attempts.
    expect(await checkResetToken(db.prisma, token)).toEqual({ ok: true, email: user.email });
    expect(await verifyPassword(OLD, (await userRow(user.id)).passwordHash)).toBe(true);
  });

  it("refuses the link of an account deactivated after the request", async () => {
    const user = await createUser(db.prisma, { password: OLD });
    const token = await requestToken(user.email);
    await db.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await checkResetToken(db.prisma, token)).toEqual({ ok: false, reason: "inactive" });
    expect(await resetPassword(db.prisma, { token, password: NEW }, freshMeta())).toEqual({ ok: false, reason: "inactive" });
    expect(await verifyPassword(OLD, (await userRow(user.id)).passwordHash)).toBe(true);
    expect((await tokensOf(user.id))[0]!.usedAt).toBeNull();
  });

  it("lets exactly one of two simultaneous submissions of a link through", async () => {
    const user = await createUser(db.prisma, { password: OLD });
    const token = await requestToken(user.email);
    const before = await userRow(user.id);
    const results = await Promise.all([
      resetPassword(db.prisma, { token, password: NEW }, freshMeta()),
      resetPassword(db.prisma, { token, password: "Inne-Haslo-2028" }, freshMeta()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
    const after = await userRow(user.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const winner = results[0]!.ok ? NEW : "Inne-Haslo-2028";
    expect(await verifyPassword(winner, after.passwordHash)).toBe(true);
  });

  it(`sends at most ${PER_ACCOUNT_PER_HOUR} links per account in an hour, then again after the hour`, async () => {
    const user = await createUser(db.prisma);
    const start = new Date();
    for (let i = 0; i < PER_ACCOUNT_PER_HOUR + 2; i += 1) {
      // Every request from a new address: this is the per-account limit, not the per-IP one.
      await requestPasswordReset(db.prisma, { email: user.email }, freshMeta(), new Date(start.getTime() + i * MINUTE), { appUrl: APP_URL });
    }
    expect(await mailsTo(user.id)).toHaveLength(PER_ACCOUNT_PER_HOUR);
    expect(await tokensOf(user.id)).toHaveLength(PER_ACCOUNT_PER_HOUR);
    const audit = await requestsFor(user.email);
    expect(audit.map((a) => (a.data as { sent: boolean }).sent)).toEqual([true, true, true, false, false]);

    // The hour slides: an hour after the first link, one more may go.
    await requestPasswordReset(db.prisma, { email: user.email }, freshMeta(), new Date(start.getTime() + 60 * MINUTE + 1), { appUrl: APP_URL });
    expect(await mailsTo(user.id)).toHaveLength(PER_ACCOUNT_PER_HOUR + 1);
  });

  it("stops sending to anyone from one address past its hourly limit, audited as not sent", async () => {
    const meta = freshMeta();
    const users = await Promise.all([createUser(db.prisma), createUser(db.prisma), createUser(db.prisma)]);
    // Unknown addresses count too: the limit is on requests, not on e-mails.
    await requestPasswordReset(db.prisma, { email: `nikt-${meta.ip}@test.example` }, meta, new Date(), { appUrl: APP_URL, perIpPerHour: 3 });
    for (const u of users) await requestPasswordReset(db.prisma, { email: u.email }, meta, new Date(), { appUrl: APP_URL, perIpPerHour: 3 });

    expect((await mailsTo(users[0]!.id)).length).toBe(1);
    expect((await mailsTo(users[1]!.id)).length).toBe(1);
    expect(await mailsTo(users[2]!.id)).toEqual([]);
    expect(await requestsFor(users[2]!.email)).toMatchObject([{ entityId: users[2]!.id, ip: meta.ip, data: { sent: false } }]);

    // The same account from another address still gets its link.
    await requestPasswordReset(db.prisma, { email: users[2]!.email }, freshMeta(), new Date(), { appUrl: APP_URL, perIpPerHour: 3 });
    expect(await mailsTo(users[2]!.id)).toHaveLength(1);
  });

  it("applies no per-IP limit when the address is unknown (no proxy header), only the per-account one", async () => {
    const noIp: RequestMeta = { ip: null, userAgent: "vitest" };
    const users = await Promise.all([createUser(db.prisma), createUser(db.prisma)]);
    for (const u of users) await requestPasswordReset(db.prisma, { email: u.email }, noIp, new Date(), { appUrl: APP_URL, perIpPerHour: 1 });
    expect(await mailsTo(users[0]!.id)).toHaveLength(1);
    expect(await mailsTo(users[1]!.id)).toHaveLength(1);
    expect((await tokensOf(users[1]!.id))[0]!.requestedIp).toBeNull();
  });
});
