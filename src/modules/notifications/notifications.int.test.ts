import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { polishSortKey } from "@/lib/polish";
import { todayInPoland } from "@/lib/i18n/translator";
import { addDays } from "@/modules/cases/deadlines";
import { dateToWarsawLocal } from "@/modules/letters/letters.dates";
import { ZRegisterLetterInput } from "@/modules/letters/letters.schemas";
import { assignToUser, registerLetter } from "@/modules/letters/letters.service";
import "@/modules/mail/mail.jobs";
import { changedChannels } from "@/modules/realtime/realtime.jobs";
import { createSmtpTransport, setMailTransport } from "@/server/integrations/mail";
import { startFakeSmtp } from "@/server/integrations/mail/test-servers";
import { processDueJobs } from "@/server/jobs/outbox";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createActor, createDepartment, createSubstitution, createUser, TEST_META } from "@/test/factories";
import { notifyCaseDeadlines, sendDigests } from "./notifications.jobs";
import { getPreferences, listNotifications, markNotificationsRead, notificationSummary, openNotification, safeLink, updatePreferences } from "./notifications.service";

async function ctxOf(db: PrismaClient, userId: string): Promise<ServiceContext> {
  return { db, actor: actorOf(await db.user.findUniqueOrThrow({ where: { id: userId } })), meta: TEST_META };
}

describe.each(TEST_DB_KINDS)("notifications (%s)", (kind) => {
  let db: TestDb;
  let p: PrismaClient;
  let kancelaria: ServiceContext, head: ServiceContext, clerk: ServiceContext, substitute: ServiceContext, other: ServiceContext;
  let gk: { id: string };
  let sender: { id: string };
  const today = todayInPoland();

  const register = (subject: string) =>
    registerLetter(kancelaria, ZRegisterLetterInput.parse({ channel: "PAPER", senderId: sender.id, receivedAt: dateToWarsawLocal(new Date()), subject, leadingDepartmentId: gk.id }));
  const leadingRow = (documentId: string) => p.documentAssignment.findFirstOrThrow({ where: { documentId, role: "LEADING" }, select: { id: true } });
  const giveTo = async (documentId: string, to: ServiceContext) => assignToUser(head, { assignmentId: (await leadingRow(documentId)).id, userId: to.actor.id, note: "", dueDate: "" });
  const notificationsOf = (userId: string) => p.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    db = await createTestDb(kind);
    p = db.prisma;
    gk = await createDepartment(p, { symbol: "GK" });
    const ko = await createDepartment(p, { symbol: "KO" });
    const os = await createDepartment(p, { symbol: "OS" });
    kancelaria = await createActor(p, ["KANCELARIA"], ko.id);
    head = await createActor(p, ["KIEROWNIK"], gk.id);
    await p.department.update({ where: { id: gk.id }, data: { headId: head.actor.id } });
    clerk = await ctxOf(p, (await createUser(p, { firstName: "Katarzyna", lastName: "Wiśniewska", departmentId: gk.id })).id);
    substitute = await ctxOf(p, (await createUser(p, { firstName: "Piotr", lastName: "Zastępczy", departmentId: gk.id })).id);
    other = await ctxOf(p, (await createUser(p, { firstName: "Olga", lastName: "Obca", departmentId: os.id })).id);
    const name = "Żółkiewski Jan";
    sender = await p.contact.create({ data: { kind: "PERSON", name, sortKey: polishSortKey(name), searchText: name.toLowerCase() } });
  });
  afterAll(async () => db?.destroy());

  it("tells the head about a letter decreed to the department, and the clerk about one given to them — with an e-mail, a live signal, never the actor", async () => {
    const letter = await register("Dziura w jezdni na ul. Lipowej");
    const toHead = await notificationsOf(head.actor.id);
    expect(toHead).toHaveLength(1);
    expect(toHead[0]).toMatchObject({ type: "letter.assigned", delivery: "EMAIL", link: `/pisma/przychodzace/${letter.id}` });
    expect(toHead[0]!.params).toMatchObject({ label: letter.registerNo, subject: "Dziura w jezdni na ul. Lipowej", role: "LEADING" });

    await giveTo(letter.id, clerk);
    const toClerk = await notificationsOf(clerk.actor.id);
    expect(toClerk).toHaveLength(1);
    expect(await notificationsOf(head.actor.id)).toHaveLength(1); // the head's own act does not notify the head

    const mail = await p.emailMessage.findFirstOrThrow({ where: { toUserId: clerk.actor.id } });
    expect(mail.template).toBe("notification");
    expect(mail.text).toContain(letter.registerNo);
    expect(mail.text).toContain(`/pisma/przychodzace/${letter.id}`);

    const signals = await p.outboxJob.findMany({ where: { type: "realtime.signal" } });
    expect(signals.some((j) => JSON.stringify(j.payload).includes(`private-user-${clerk.actor.id}`))).toBe(true);

    const summary = await notificationSummary(clerk);
    expect(summary.unread).toBe(1);
    expect(summary.latest[0]!.title).toBe(`Nowe pismo: ${letter.registerNo}`);
    expect(summary.inbox).toBeGreaterThanOrEqual(1); // the letter to accept
  });

  it("delivers the clerk's notification e-mail over SMTP once the outbox runs", async () => {
    const smtp = await startFakeSmtp();
    const restore = setMailTransport(createSmtpTransport({ url: smtp.url }));
    try {
      const letter = await register("Awaria oświetlenia przy szkole");
      await giveTo(letter.id, clerk);
      const mail = await p.emailMessage.findFirstOrThrow({ where: { toUserId: clerk.actor.id, subject: { contains: letter.registerNo } } });
      // Run the queue until this message's job is done (other jobs — live signals — may share it).
      for (let round = 0; round < 10 && (await p.emailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status === "QUEUED"; round++) {
        await processDueJobs(p, 50, new Date(Date.now() + round * 60_000));
      }
      // The head heard of the registration, the clerk of the assignment: one message each, over SMTP.
      const received = smtp.accepted().filter((d) => d.raw.includes(letter.registerNo));
      expect(received.filter((d) => d.to.includes(clerk.actor.email))).toHaveLength(1);
      expect(received.filter((d) => d.to.includes(head.actor.email))).toHaveLength(1);
      expect(await p.emailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "SENT", transport: "smtp" });
    } finally {
      restore();
      await smtp.close();
    }
  });

  it("queues one live job per changed letter per transaction, and signals the old and the new holders", async () => {
    const letter = await register("Wniosek o wycinkę drzewa");
    const jobs = await p.outboxJob.findMany({ where: { type: "realtime.changed" } });
    const forLetter = jobs.filter((j) => (j.payload as { id: string }).id === letter.id);
    expect(forLetter).toHaveLength(1); // document insert + assignment insert + access re-save: one job
    const channels = await changedChannels(p, { kind: "document", id: letter.id, formerUserIds: [other.actor.id], formerDepartmentIds: [] });
    expect(channels).toEqual(expect.arrayContaining([`private-department-${gk.id}`, "private-registry", `private-user-${other.actor.id}`, `private-user-${kancelaria.actor.id}`]));

    await p.document.update({ where: { id: letter.id }, data: { confidential: true } });
    const secret = await changedChannels(p, { kind: "document", id: letter.id, formerUserIds: [], formerDepartmentIds: [] });
    expect(secret.every((c) => c.startsWith("private-user-"))).toBe(true);
  });

  it("copies a notification to today's substitute, marked as on behalf of the absent person", async () => {
    await createSubstitution(p, { absentId: clerk.actor.id, substituteId: substitute.actor.id, dateFrom: today, dateTo: today, createdById: head.actor.id });
    const letter = await register("Oświetlenie ulicy");
    await giveTo(letter.id, clerk);
    const copies = await notificationsOf(substitute.actor.id);
    expect(copies).toHaveLength(1);
    const list = await listNotifications(substitute, {});
    expect(list.items[0]!.body).toContain("w zastępstwie za: Katarzyna Wiśniewska");
    await p.substitution.updateMany({ where: { substituteId: substitute.actor.id }, data: { cancelledAt: new Date() } });
  });

  it("follows the person's preference: off stores nothing, digest waits for the daily e-mail", async () => {
    await updatePreferences(other, { items: [{ type: "letter.assigned", delivery: "OFF" }] });
    await updatePreferences(clerk, { items: [{ type: "letter.assigned", delivery: "DIGEST" }] });
    const prefs = await getPreferences(clerk);
    expect(prefs.items.find((i) => i.type === "letter.assigned")).toMatchObject({ delivery: "DIGEST", isDefault: false });
    expect(await p.auditEvent.count({ where: { action: "notification.preferences-updated", actorId: clerk.actor.id } })).toBe(1);

    const mailsBefore = await p.emailMessage.count({ where: { toUserId: clerk.actor.id } });
    const a = await register("Zajęcie pasa drogowego");
    await giveTo(a.id, clerk);
    const b = await register("Wjazd na posesję");
    await giveTo(b.id, clerk);
    expect(await p.emailMessage.count({ where: { toUserId: clerk.actor.id } })).toBe(mailsBefore); // nothing at once
    expect(await p.notification.count({ where: { userId: clerk.actor.id, delivery: "DIGEST", digestedAt: null } })).toBe(2);

    expect(await sendDigests(p, today)).toBe(1);
    const digest = await p.emailMessage.findFirstOrThrow({ where: { toUserId: clerk.actor.id, template: "digest" } });
    expect(digest.text).toContain(a.registerNo);
    expect(digest.text).toContain(b.registerNo);
    expect(await sendDigests(p, today)).toBe(0); // each item goes out in one digest only

    await updatePreferences(other, { items: [{ type: "letter.assigned", delivery: "OFF" }] });
    const c = await register("Uwagi do planu");
    await giveTo(c.id, clerk);
    await updatePreferences(clerk, { items: [{ type: "letter.assigned", delivery: "OFF" }] });
    const d = await register("Wniosek o ksero");
    const before = await p.notification.count({ where: { userId: clerk.actor.id } });
    await giveTo(d.id, clerk);
    expect(await p.notification.count({ where: { userId: clerk.actor.id } })).toBe(before);
    await updatePreferences(clerk, { items: [{ type: "letter.assigned", delivery: "EMAIL" }] });
  });

  it("marks only the person's own notifications read, and opens only in-app links", async () => {
    const mine = await notificationsOf(clerk.actor.id);
    const headsOwn = await notificationsOf(head.actor.id);
    expect(await markNotificationsRead(clerk, { ids: [headsOwn[0]!.id] })).toEqual({ updated: 0 });
    expect(await openNotification(clerk, headsOwn[0]!.id)).toBeNull();
    expect(await openNotification(clerk, mine[0]!.id)).toBe(mine[0]!.link);
    expect((await p.notification.findUniqueOrThrow({ where: { id: mine[0]!.id } })).readAt).not.toBeNull();
    const { updated } = await markNotificationsRead(clerk, { all: true });
    expect(updated).toBeGreaterThan(0);
    expect((await notificationSummary(clerk)).unread).toBe(0);
    expect(safeLink("//evil.example/x")).toBe("/powiadomienia");
    expect(safeLink("https://evil.example")).toBe("/powiadomienia");
    expect(safeLink("/sprawy/abc")).toBe("/sprawy/abc");
  });

  it("warns once about a case due within three days and once about a missed deadline", async () => {
    const jrwa = await p.jrwaClass.create({ data: { symbol: "9999", name: "Klasa testowa", category: "B5", isLeaf: true } });
    const base = { departmentId: gk.id, departmentSymbol: "GK", jrwaClassId: jrwa.id, year: 2026, responsibleId: clerk.actor.id, createdById: clerk.actor.id, startDate: new Date(`${today}T00:00:00Z`) };
    await p.case.create({ data: { ...base, mark: "GK.TEST.1.2026", number: 1, title: "Sprawa z terminem", dueDate: new Date(`${addDays(today, 2)}T00:00:00Z`) } });
    await p.case.create({ data: { ...base, mark: "GK.TEST.2.2026", number: 2, title: "Sprawa po terminie", dueDate: new Date(`${addDays(today, -1)}T00:00:00Z`) } });
    await p.case.create({ data: { ...base, mark: "GK.TEST.3.2026", number: 3, title: "Sprawa daleka", dueDate: new Date(`${addDays(today, 20)}T00:00:00Z`) } });
    expect(await notifyCaseDeadlines(p, today)).toEqual({ approaching: 1, missed: 1 });
    expect(await notifyCaseDeadlines(p, today)).toEqual({ approaching: 0, missed: 0 });
    const types = (await notificationsOf(clerk.actor.id)).map((n) => n.type);
    expect(types).toEqual(expect.arrayContaining(["case.deadline-approaching", "case.deadline-missed"]));
  });

  it("wakes a listener when a transaction that queued a job commits, not before", async () => {
    let woken = 0;
    const unlisten = await db.listen("obieg_outbox", () => (woken += 1));
    try {
      await p.$transaction(async (tx) => {
        await tx.outboxJob.create({ data: { type: "test.noop", payload: {} } });
        await new Promise((r) => setTimeout(r, 100));
        expect(woken).toBe(0);
      });
      await expect.poll(() => woken, { timeout: 5_000 }).toBeGreaterThan(0);
    } finally {
      await unlisten();
    }
  });
});
