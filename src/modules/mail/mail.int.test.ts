import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import type { Db } from "@/server/db";
import { createLocalTransport, createResendTransport, createSmtpTransport, mailFrom, setMailTransport, type MailTransport } from "@/server/integrations/mail";
import { messageIdFor } from "@/server/integrations/mail/smtp";
import { startFakeResend, startFakeSmtp, type FakeResend, type FakeSmtp } from "@/server/integrations/mail/test-servers";
import { processDueJobs } from "@/server/jobs/outbox";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, errorOf } from "@/test/factories";
import { deliverEmail } from "./mail.delivery";
import { EMAIL_SEND_MAX_ATTEMPTS } from "./mail.jobs";
import { getEmail, getMyEmail, listEmails, listMyEmails, queueEmail, resendEmail } from "./mail.service";

const HOUR = 3_600_000;

/**
 * Runs the outbox like the worker would, with the clock stepped two hours forward between rounds
 * (past any backoff), until no e-mail job is waiting. Returns the rounds it took.
 */
async function drain(db: Db, start = new Date()): Promise<number> {
  let now = start;
  for (let round = 1; round <= 40; round++) {
    await processDueJobs(db, 20, now);
    const waiting = await db.outboxJob.count({ where: { type: "email.send", status: { in: ["PENDING", "RUNNING"] } } });
    if (waiting === 0) return round;
    now = new Date(now.getTime() + 2 * HOUR);
  }
  throw new Error("the outbox did not settle in 40 rounds");
}

const notification = (title: string) => ({
  name: "Jan Testowy",
  title,
  body: "Treść powiadomienia.",
  actionUrl: "/pisma/przychodzace/x",
  actionLabel: "Otwórz pismo",
  preferencesUrl: "/profil/powiadomienia",
});

describe.each(TEST_DB_KINDS)("mail on %s", (kind) => {
  let db: TestDb;
  let admin: ServiceContext;
  let clerk: ServiceContext;
  let other: ServiceContext;
  let restore: (() => void) | undefined;

  const queue = (to: string, title: string, extra: { toUserId?: string; locale?: "pl" | "en" } = {}) =>
    db.prisma.$transaction((tx) => queueEmail(tx, { to, toName: "Jan Testowy", toUserId: extra.toUserId, locale: extra.locale ?? "pl", template: "notification", props: notification(title) }));
  const use = (transport: MailTransport) => {
    restore?.();
    restore = setMailTransport(transport);
  };

  beforeAll(async () => {
    db = await createTestDb(kind);
    await db.prisma.office.create({ data: { id: 1, name: "Urząd Gminy Testowo", shortName: "UG Testowo", street: "ul. Rynek 1", postalCode: "00-001", city: "Testowo" } });
    admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
    clerk = await createActor(db.prisma, ["KANCELARIA"]);
    other = await createActor(db.prisma, ["PRACOWNIK"]);
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
  });
  afterAll(async () => db?.destroy());

  it("stores and enqueues in the caller's transaction, and delivers to the local outbox exactly once", async () => {
    use(createLocalTransport());
    await expect(
      db.prisma.$transaction(async (tx) => {
        await queueEmail(tx, { to: "rollback@test.example", locale: "pl", template: "notification", props: notification("Wycofane") });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.prisma.emailMessage.count({ where: { toAddress: "rollback@test.example" } })).toBe(0);
    expect(await db.prisma.outboxJob.count()).toBe(0);

    const { id } = await queue(clerk.actor.email, "Przydzielono Ci pismo", { toUserId: clerk.actor.id });
    const stored = await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "QUEUED", attempts: 0, template: "notification", subject: "Przydzielono Ci pismo", toUserId: clerk.actor.id, toName: "Jan Testowy" });
    expect(stored.html).toContain("Urząd Gminy Testowo");
    expect(stored.html).toContain('href="http://localhost:3000/pisma/przychodzace/x"');
    expect(stored.text).toContain("Otwórz pismo:\nhttp://localhost:3000/pisma/przychodzace/x");
    const job = await db.prisma.outboxJob.findFirstOrThrow({ where: { dedupeKey: `email:${id}` } });
    expect(job).toMatchObject({ type: "email.send", status: "PENDING", maxAttempts: EMAIL_SEND_MAX_ATTEMPTS, payload: { messageId: id } });

    expect(await processDueJobs(db.prisma, 20, new Date())).toMatchObject({ claimed: 1, done: 1 });
    const local = await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(local).toMatchObject({ status: "LOCAL", transport: "local", attempts: 1, lastError: null, providerId: null });
    expect(local.sentAt).toBeInstanceOf(Date);

    // The job running again (a worker died before marking it done) sends nothing.
    let sends = 0;
    const counting: MailTransport = { name: "smtp", send: async () => ((sends += 1), { providerId: "x" }) };
    expect(await deliverEmail(db.prisma, id, { transport: counting, from: mailFrom(), attempt: 2, maxAttempts: 10 })).toBe("skipped");
    expect(sends).toBe(0);
    expect((await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);

    const en = await queue("en@test.example", "Letter assigned", { locale: "en" });
    expect((await db.prisma.emailMessage.findUniqueOrThrow({ where: { id: en.id } })).text).toContain("Hello Jan Testowy,");
    await expect(queue("to nie jest adres", "x")).rejects.toThrow(/invalid recipient/);
    await drain(db.prisma);
  });

  describe("through SMTP", () => {
    let smtp: FakeSmtp;
    beforeAll(async () => {
      smtp = await startFakeSmtp();
    });
    afterAll(async () => smtp?.close());

    it("rides out an outage (421/451) with retries: every message arrives exactly once, attempts recorded", async () => {
      use(createSmtpTransport({ url: smtp.url }));
      smtp.deliveries.length = 0;
      let refuse = 2;
      let defer = 4;
      smtp.answerConnect = () => (refuse-- > 0 ? { code: 421, message: "4.3.2 Service not available, closing transmission channel" } : null);
      smtp.answerData = () => (defer-- > 0 ? { code: 451, message: "4.3.0 Temporary local problem, try again later" } : null);

      const ids: string[] = [];
      for (const n of [1, 2, 3]) ids.push((await queue(`odbiorca${n}@test.example`, `Awaria ${n}`)).id);

      const first = await processDueJobs(db.prisma, 20, new Date());
      expect(first).toMatchObject({ claimed: 3, retried: 3, done: 0 });
      for (const id of ids) {
        const m = await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } });
        expect(m).toMatchObject({ status: "QUEUED", attempts: 1, transport: "smtp" });
        expect(m.lastError).toMatch(/421|451|not available|try again/i);
      }

      const rounds = await drain(db.prisma, new Date(Date.now() + 2 * HOUR));
      expect(rounds).toBeGreaterThanOrEqual(2);

      const expected = ids.map((id) => messageIdFor(id, mailFrom()));
      const accepted = smtp.accepted().map((d) => d.messageId);
      expect(accepted.sort()).toEqual([...expected].sort());
      // Refused deliveries carried the same Message-IDs: a retry is recognisable as such.
      for (const d of smtp.deliveries.filter((x) => !x.accepted)) expect(expected).toContain(d.messageId);

      const rows = await db.prisma.emailMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.every((m) => m.status === "SENT" && m.transport === "smtp" && m.lastError === null && m.sentAt !== null)).toBe(true);
      for (const m of rows) expect(m.providerId).toBe(messageIdFor(m.id, mailFrom()));
      // Every attempt is counted: one per accepted message plus one per refusal.
      const refusals = smtp.refusedConnections + smtp.deliveries.filter((d) => !d.accepted).length;
      expect(refusals).toBe(6);
      expect(rows.reduce((sum, m) => sum + m.attempts, 0)).toBe(3 + refusals);
      const jobs = await db.prisma.outboxJob.findMany({ where: { dedupeKey: { in: ids.map((id) => `email:${id}`) } } });
      expect(jobs.map((j) => j.status)).toEqual(["DONE", "DONE", "DONE"]);
    });

    it("gives up after the last attempt (FAILED, job DEAD); sending again is audited and delivers once", async () => {
      use(createSmtpTransport({ url: smtp.url }));
      smtp.deliveries.length = 0;
      smtp.answerConnect = () => null;
      smtp.answerData = () => ({ code: 451, message: "4.7.1 Greylisted, please try again" });
      const { id } = await queue("uparty@test.example", "Nie dojdzie", { toUserId: other.actor.id });
      await drain(db.prisma);

      const failed = await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } });
      expect(failed).toMatchObject({ status: "FAILED", attempts: EMAIL_SEND_MAX_ATTEMPTS, sentAt: null });
      expect(failed.lastError).toMatch(/Greylisted/);
      expect(await db.prisma.outboxJob.findFirstOrThrow({ where: { dedupeKey: `email:${id}` } })).toMatchObject({ status: "DEAD", attempts: EMAIL_SEND_MAX_ATTEMPTS });
      expect(smtp.accepted()).toHaveLength(0);
      expect(smtp.deliveries).toHaveLength(EMAIL_SEND_MAX_ATTEMPTS);

      const detail = await getEmail(admin, { id });
      expect(detail).toMatchObject({ status: "FAILED", canResend: true, delivery: { jobStatus: "DEAD", jobAttempts: EMAIL_SEND_MAX_ATTEMPTS } });
      expect((await errorOf(resendEmail(clerk, { id }))).code).toBe("FORBIDDEN");

      smtp.answerData = () => null;
      const requeued = await resendEmail(admin, { id });
      expect(requeued).toMatchObject({ status: "QUEUED", canResend: false, delivery: { jobStatus: "PENDING", jobAttempts: 0 } });
      expect((await errorOf(resendEmail(admin, { id }))).code).toBe("CONFLICT");
      const audit = await db.prisma.auditEvent.findMany({ where: { action: "email.resent", entityId: id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entityType: "email", actorId: admin.actor.id, data: { to: "uparty@test.example", subject: "Nie dojdzie" } });

      await drain(db.prisma);
      expect(await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: EMAIL_SEND_MAX_ATTEMPTS + 1, lastError: null });
      expect(smtp.accepted().map((d) => d.messageId)).toEqual([messageIdFor(id, mailFrom())]);
      expect((await errorOf(resendEmail(admin, { id }))).code).toBe("CONFLICT");
    });
  });

  describe("through Resend", () => {
    let api: FakeResend;
    beforeAll(async () => {
      api = await startFakeResend();
    });
    afterAll(async () => api?.close());

    it("retries 500 and 429 with the same idempotency key, then records Resend's id", async () => {
      use(createResendTransport({ apiKey: "re_test", baseUrl: api.baseUrl }));
      const answers = [
        { status: 500, body: { name: "internal_server_error", message: "Internal server error", statusCode: 500 } },
        { status: 429, body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 } },
        { status: 200, body: { id: "re_delivered_1" } },
      ];
      api.answer = (_req, i) => answers[Math.min(i, answers.length - 1)]!;
      const { id } = await queue("resend@test.example", "Przez Resend");
      await drain(db.prisma);
      expect(await db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", transport: "resend", providerId: "re_delivered_1", attempts: 3, lastError: null });
      expect(api.requests).toHaveLength(3);
      expect(api.requests.map((r) => r.headers["idempotency-key"])).toEqual([`email-${id}`, `email-${id}`, `email-${id}`]);
      expect(api.requests[0]!.body).toMatchObject({ to: ['"Jan Testowy" <resend@test.example>'], subject: "Przez Resend" });
    });
  });

  it("lists every message for the administrator, filtered and paginated on the server", async () => {
    await db.prisma.emailMessage.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        toAddress: `masowy${i}@test.example`,
        toName: i === 7 ? "Zofia Żółkiewska" : null,
        subject: `Podsumowanie ${i}`,
        html: "<p>x</p>",
        text: "x",
        template: "digest",
        status: "LOCAL" as const,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    const all = await listEmails(admin, { filters: {} });
    expect(all.total).toBe(await db.prisma.emailMessage.count());
    expect(all.items).toHaveLength(50);
    const times = all.items.map((m) => m.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const digests = await listEmails(admin, { filters: { template: "digest" }, page: 2 });
    expect(digests).toMatchObject({ total: 55, page: 2, pages: 2 });
    expect(digests.items.map((m) => m.subject)).toEqual(["Podsumowanie 4", "Podsumowanie 3", "Podsumowanie 2", "Podsumowanie 1", "Podsumowanie 0"]);
    expect((await listEmails(admin, { filters: { template: "digest" }, page: 99 })).page).toBe(2);

    expect((await listEmails(admin, { filters: { to: "MASOWY12@" } })).items.map((m) => m.toAddress)).toEqual(["masowy12@test.example"]);
    expect((await listEmails(admin, { filters: { to: "żółkiewska" } })).items.map((m) => m.subject)).toEqual(["Podsumowanie 7"]);
    const failed = await listEmails(admin, { filters: { status: "FAILED" } });
    expect(failed.total).toBe(0);
    const sent = await listEmails(admin, { filters: { status: "SENT", template: "notification" } });
    expect(sent.items.length).toBeGreaterThanOrEqual(5);
    expect(sent.items.every((m) => m.status === "SENT" && m.template === "notification")).toBe(true);
    expect((await errorOf(getEmail(admin, { id: "nieistniejaca" }))).code).toBe("NOT_FOUND");
  });

  it("shows each user only their own messages: someone else's is NOT_FOUND, the admin list is FORBIDDEN", async () => {
    use(createLocalTransport());
    const mine = await queue(clerk.actor.email, "Tylko dla kancelarii", { toUserId: clerk.actor.id });
    await drain(db.prisma);

    const list = await listMyEmails(clerk, {});
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.items.map((m) => m.subject)).toContain("Tylko dla kancelarii");
    const ownIds = (await db.prisma.emailMessage.findMany({ where: { toUserId: clerk.actor.id }, select: { id: true } })).map((m) => m.id).sort();
    expect(list.items.map((m) => m.id).sort()).toEqual(ownIds);

    const own = await getMyEmail(clerk, { id: mine.id });
    expect(own).toMatchObject({ id: mine.id, status: "LOCAL", canResend: false, delivery: null, transport: null, providerId: null, lastError: null });
    expect(own.text).toContain("Tylko dla kancelarii");

    expect((await errorOf(getMyEmail(other, { id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(getMyEmail(admin, { id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await listMyEmails(other, {})).items.map((m) => m.id)).not.toContain(mine.id);

    const asOther = createCaller({ db: db.prisma, actor: other.actor, meta: other.meta });
    const asClerk = createCaller({ db: db.prisma, actor: clerk.actor, meta: clerk.meta });
    const asAdmin = createCaller({ db: db.prisma, actor: admin.actor, meta: admin.meta });
    const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
    expect(await asOther.mail.getMine({ id: mine.id }).then(() => "OK", code)).toBe("NOT_FOUND");
    expect(await asClerk.mail.list({ filters: {} }).then(() => "OK", code)).toBe("FORBIDDEN");
    expect(await asClerk.mail.get({ id: mine.id }).then(() => "OK", code)).toBe("FORBIDDEN");
    expect(await asClerk.mail.resend({ id: mine.id }).then(() => "OK", code)).toBe("FORBIDDEN");
    expect((await asClerk.mail.getMine({ id: mine.id })).subject).toBe("Tylko dla kancelarii");
    expect((await asAdmin.mail.get({ id: mine.id })).toUserId).toBe(clerk.actor.id);
    const anonymous = createCaller({ db: db.prisma, actor: null, meta: other.meta });
    expect(await anonymous.mail.mine({}).then(() => "OK", code)).toBe("UNAUTHORIZED");
  });
});
