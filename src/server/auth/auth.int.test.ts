/**
 * Staff sign-in on both databases: password check, lockout after LOGIN_MAX_FAILURES failures in a
 * row, the audit of every attempt, and session revocation by version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { createUser } from "@/test/factories";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import type { RequestMeta } from "../context";
import { authenticate, sessionIsCurrent } from "./auth.service";

const META: RequestMeta = { ip: "192.168.10.20", userAgent: "Mozilla/5.0 (X11; Linux x86_64) auth-test" };
const PASSWORD = "Poprawne-Haslo-2026";
const MINUTE = 60_000;

describe.each(TEST_DB_KINDS)("authenticate on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.destroy());

  const auditOf = (userId: string) => db.prisma.auditEvent.findMany({ where: { entityType: "user", entityId: userId }, orderBy: { id: "asc" } });
  const stateOf = (userId: string) =>
    db.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { failedLoginCount: true, lockedUntil: true, lastLoginAt: true, sessionVersion: true } });

  it("uses the default of five failures", () => {
    expect(env.LOGIN_MAX_FAILURES).toBe(5);
    expect(env.LOGIN_LOCK_MINUTES).toBe(15);
  });

  it("accepts the right password (any case and spacing of the e-mail), resets failures and records the sign-in", async () => {
    const user = await createUser(db.prisma, { email: "ewa.mazur@test.example", password: PASSWORD, firstName: "Ewa", lastName: "Mazur" });
    await db.prisma.user.update({ where: { id: user.id }, data: { failedLoginCount: 3 } });
    const now = new Date("2026-03-02T08:00:00Z");

    const result = await authenticate(db.prisma, { email: "  Ewa.Mazur@TEST.example ", password: PASSWORD }, META, now);

    expect(result).toEqual({ ok: true, userId: user.id, sessionVersion: 1 });
    expect(await stateOf(user.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    const audit = await auditOf(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "auth.signed-in", actorId: user.id, actorName: "Ewa Mazur", ip: META.ip, userAgent: META.userAgent, data: {} });
  });

  it("refuses a wrong password as 'invalid', counts it and records the failure", async () => {
    const user = await createUser(db.prisma, { password: PASSWORD });
    const result = await authenticate(db.prisma, { email: user.email, password: "Zle-Haslo-1" }, META);
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await stateOf(user.id)).toMatchObject({ failedLoginCount: 1, lockedUntil: null, lastLoginAt: null });
    const audit = await auditOf(user.id);
    expect(audit.map((a) => a.action)).toEqual(["auth.sign-in-failed"]);
    expect(audit[0]).toMatchObject({ actorId: user.id, ip: META.ip, userAgent: META.userAgent, data: { email: user.email, reason: "bad-password" } });
  });

  it("locks the account on the fifth wrong password in a row; while locked even the right password is refused; afterwards it works", async () => {
    const user = await createUser(db.prisma, { password: PASSWORD });
    const t0 = new Date("2026-03-02T09:00:00Z");
    for (let i = 1; i <= 4; i += 1) {
      expect(await authenticate(db.prisma, { email: user.email, password: `zle-${i}` }, META, t0)).toEqual({ ok: false, reason: "invalid" });
      expect((await stateOf(user.id)).failedLoginCount).toBe(i);
    }
    const until = new Date(t0.getTime() + 15 * MINUTE);
    expect(await authenticate(db.prisma, { email: user.email, password: "zle-5" }, META, t0)).toEqual({ ok: false, reason: "locked", until });
    expect(await stateOf(user.id)).toMatchObject({ lockedUntil: until, failedLoginCount: 0 });

    let audit = await auditOf(user.id);
    expect(audit.map((a) => a.action)).toEqual([...Array(5).fill("auth.sign-in-failed"), "auth.account-locked"]);
    expect(audit.at(-1)!.data).toEqual({ until: until.toISOString(), failures: 5 });

    // Locked: the right password is refused too, and the refusal is recorded.
    const during = new Date(t0.getTime() + 14 * MINUTE);
    expect(await authenticate(db.prisma, { email: user.email, password: PASSWORD }, META, during)).toEqual({ ok: false, reason: "locked", until });
    audit = await auditOf(user.id);
    expect(audit.at(-1)).toMatchObject({ action: "auth.sign-in-failed", data: { email: user.email, reason: "locked" } });
    expect((await stateOf(user.id)).lastLoginAt).toBeNull();

    // After the lock passes the right password works and clears the lock.
    const after = new Date(until.getTime() + 1_000);
    expect(await authenticate(db.prisma, { email: user.email, password: PASSWORD }, META, after)).toMatchObject({ ok: true, userId: user.id });
    expect(await stateOf(user.id)).toMatchObject({ lockedUntil: null, failedLoginCount: 0, lastLoginAt: after });
  });

  it("a successful sign-in between failures starts the count again", async () => {
    const user = await createUser(db.prisma, { password: PASSWORD });
    for (let i = 0; i < 4; i += 1) await authenticate(db.prisma, { email: user.email, password: "zle" }, META);
    expect((await authenticate(db.prisma, { email: user.email, password: PASSWORD }, META)).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) expect(await authenticate(db.prisma, { email: user.email, password: "zle" }, META)).toEqual({ ok: false, reason: "invalid" });
    expect(await stateOf(user.id)).toMatchObject({ failedLoginCount: 4, lockedUntil: null });
  });

  it("answers an unknown e-mail exactly like a wrong password, and records it without a person", async () => {
    const email = `nieznany-${Date.now()}@test.example`;
    const result = await authenticate(db.prisma, { email: email.toUpperCase(), password: PASSWORD }, META);
    expect(result).toEqual({ ok: false, reason: "invalid" });
    const rows = await db.prisma.auditEvent.findMany({ where: { action: "auth.sign-in-failed", data: { path: ["email"], equals: email } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, actorName: null, entityType: "user", entityId: null, ip: META.ip, data: { email, reason: "unknown-user" } });
  });

  it("refuses an inactive account with the right password as 'inactive'", async () => {
    const user = await createUser(db.prisma, { password: PASSWORD, active: false });
    expect(await authenticate(db.prisma, { email: user.email, password: PASSWORD }, META)).toEqual({ ok: false, reason: "inactive" });
    expect(await auditOf(user.id)).toEqual([expect.objectContaining({ action: "auth.sign-in-failed", data: { email: user.email, reason: "inactive" } })]);
    expect((await stateOf(user.id)).lastLoginAt).toBeNull();
  });

  it("returns the current session version, which ends older sessions when it moves on", async () => {
    const user = await createUser(db.prisma, { password: PASSWORD });
    const signIn = await authenticate(db.prisma, { email: user.email, password: PASSWORD }, META);
    if (!signIn.ok) throw new Error("sign-in failed");
    const now = Date.now();
    const token = { sv: signIn.sessionVersion, authTime: now };
    expect(sessionIsCurrent(token, await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } }), now)).toBe(true);

    await db.prisma.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const changed = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(changed.sessionVersion).toBe(2);
    expect(sessionIsCurrent(token, changed, now)).toBe(false);

    const again = await authenticate(db.prisma, { email: user.email, password: PASSWORD }, META);
    expect(again).toMatchObject({ ok: true, sessionVersion: 2 });
    expect(sessionIsCurrent({ sv: 2, authTime: now }, changed, now)).toBe(true);
  });
});

describe("sessionIsCurrent", () => {
  const user = { active: true, sessionVersion: 3 };
  const now = Date.UTC(2026, 2, 2, 12);

  it("accepts a token of the current version within SESSION_MAX_HOURS", () => {
    expect(sessionIsCurrent({ sv: 3, authTime: now - 60_000 }, user, now)).toBe(true);
    expect(sessionIsCurrent({ sv: 3, authTime: now - env.SESSION_MAX_HOURS * 3_600_000 }, user, now)).toBe(true);
  });

  it("refuses an older version, a deactivated account, an expired or a malformed token", () => {
    expect(sessionIsCurrent({ sv: 2, authTime: now }, user, now)).toBe(false);
    expect(sessionIsCurrent({ sv: "3", authTime: now }, user, now)).toBe(false);
    expect(sessionIsCurrent({ sv: 3, authTime: now }, { ...user, active: false }, now)).toBe(false);
    expect(sessionIsCurrent({ sv: 3, authTime: now - env.SESSION_MAX_HOURS * 3_600_000 - 1 }, user, now)).toBe(false);
    expect(sessionIsCurrent({ sv: 3 }, user, now)).toBe(false);
    expect(sessionIsCurrent({}, user, now)).toBe(false);
  });
});
