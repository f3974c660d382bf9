import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { TEST_META } from "@/test/factories";
import { LOGIN_PER_EMAIL_PER_HOUR } from "./esp.schemas";
import { endEspSession, findEspSession, startEspSignIn, verifyEspCode, verifyEspLink } from "./esp.auth.service";
import { sha256Text } from "./esp.tokens";

/** The code and link token from the queued e-mail's plain text. */
async function lastMail(db: TestDb, to: string) {
  const m = await db.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" }, select: { text: true, subject: true } });
  const code = /(\d{6})/.exec(m.subject)![1]!;
  const token = /token=([A-Za-z0-9_-]{43})/.exec(m.text)![1]!;
  return { code, token, text: m.text };
}

describe.each(TEST_DB_KINDS)("ESP sign-in (%s)", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("sends a code and a link, stores only hashes, signs in with the code once and opens a session", async () => {
    const email = "jan.kowalski@example.com";
    expect(await startEspSignIn(db.prisma, email, TEST_META)).toEqual({ sent: true });
    const { code, token } = await lastMail(db, email);
    const row = await db.prisma.espLoginChallenge.findFirstOrThrow({ where: { email } });
    expect(row.codeHash).not.toContain(code);
    expect(row.tokenHash).toBe(sha256Text(token));
    expect(await db.prisma.espAccount.count()).toBe(0);

    const ok = await verifyEspCode(db.prisma, { email, code }, TEST_META);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.account.email).toBe(email);
    expect(await findEspSession(db.prisma, ok.sessionToken)).toMatchObject({ email });
    const session = await db.prisma.espSession.findFirstOrThrow({ where: { accountId: ok.account.id } });
    expect(session.tokenHash).toBe(sha256Text(ok.sessionToken));
    expect(await db.prisma.auditEvent.count({ where: { action: "esp.signed-in", entityId: ok.account.id } })).toBe(1);
    // Used: neither the code nor the link works again.
    expect(await verifyEspCode(db.prisma, { email, code }, TEST_META)).toMatchObject({ ok: false });
    expect(await verifyEspLink(db.prisma, token, TEST_META)).toMatchObject({ ok: false, reason: "invalid" });
    await endEspSession(db.prisma, ok.sessionToken);
    expect(await findEspSession(db.prisma, ok.sessionToken)).toBeNull();
  });

  it("signs in with the link, and refuses an expired one", async () => {
    const email = "anna@example.com";
    const t0 = new Date();
    await startEspSignIn(db.prisma, email, TEST_META, t0);
    const { token } = await lastMail(db, email);
    expect(await verifyEspLink(db.prisma, token, TEST_META, new Date(t0.getTime() + 16 * 60_000))).toEqual({ ok: false, reason: "expired" });
    const ok = await verifyEspLink(db.prisma, token, TEST_META, new Date(t0.getTime() + 60_000));
    expect(ok.ok).toBe(true);
    expect(await verifyEspLink(db.prisma, "x".repeat(43), TEST_META)).toEqual({ ok: false, reason: "invalid" });
  });

  it("allows five wrong codes, then refuses even the right one", async () => {
    const email = "piotr@example.com";
    await startEspSignIn(db.prisma, email, TEST_META);
    const { code } = await lastMail(db, email);
    const wrong = code === "000000" ? "111111" : "000000";
    const reasons = [];
    for (let i = 0; i < 5; i++) reasons.push(((await verifyEspCode(db.prisma, { email, code: wrong }, TEST_META)) as { reason: string }).reason);
    expect(reasons).toEqual(["invalid", "invalid", "invalid", "invalid", "attempts"]);
    expect(await verifyEspCode(db.prisma, { email, code }, TEST_META)).toEqual({ ok: false, reason: "attempts" });
    expect(await db.prisma.espSession.count({ where: { account: { email } } })).toBe(0);
  });

  it("limits requests per address and per IP without telling the caller", async () => {
    const email = "limit@example.com";
    const now = new Date();
    const results = [];
    for (let i = 0; i < LOGIN_PER_EMAIL_PER_HOUR + 2; i++) results.push(await startEspSignIn(db.prisma, email, { ...TEST_META, ip: "10.0.0.9" }, now));
    expect(results.filter((r) => r.sent)).toHaveLength(LOGIN_PER_EMAIL_PER_HOUR);
    expect(await db.prisma.emailMessage.count({ where: { toAddress: email } })).toBe(LOGIN_PER_EMAIL_PER_HOUR);
    // Only the newest code of an address works.
    expect(await db.prisma.espLoginChallenge.count({ where: { email, expiresAt: { gt: now } } })).toBe(1);
    // Per IP: 30 an hour across addresses.
    const ip = { ...TEST_META, ip: "10.0.0.77" };
    let sent = 0;
    for (let i = 0; i < 32; i++) if ((await startEspSignIn(db.prisma, `osoba${i}@example.com`, ip, now)).sent) sent++;
    expect(sent).toBe(30);
    // An hour later the address may ask again.
    expect(await startEspSignIn(db.prisma, email, TEST_META, new Date(now.getTime() + 3_600_001))).toEqual({ sent: true });
  });

  it("answers the same for a new address and a known account (no enumeration)", async () => {
    const known = "jan.kowalski@example.com";
    const unknown = "nikt@example.com";
    expect(await startEspSignIn(db.prisma, known, TEST_META)).toEqual(await startEspSignIn(db.prisma, unknown, TEST_META));
    expect(await db.prisma.espAccount.count({ where: { email: unknown } })).toBe(0);
  });
});
