/**
 * Komunikator on PGlite and on the PostgreSQL server: conversations, receipts, unread counts, edits
 * within the window with the audit trail, record links per reader, department rooms following the
 * staff list, search, and no access for anyone outside a conversation (API and channel).
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeChannel } from "@/modules/realtime/realtime.service";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createSubstitution, createUser, errorOf, TEST_META } from "@/test/factories";
import { todayInPoland } from "@/lib/i18n/translator";
import {
  addMembers,
  createGroupConversation,
  deleteMessage,
  editMessage,
  getConversation,
  listConversations,
  listMessages,
  markDelivered,
  markRead,
  notifyUnreadMessages,
  openDirectConversation,
  removeMember,
  renameConversation,
  searchMessages,
  sendMessage,
  unreadTotal,
} from "./chat.service";

let n = 0;
const clientId = () => `test-msg-${Date.now().toString(36)}-${n++}`;

describe.each(TEST_DB_KINDS)("komunikator (%s)", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;
  let anna: ServiceContext;
  let bartek: ServiceContext;
  let celina: ServiceContext;
  let obcy: ServiceContext;
  const ids: Record<string, string> = {};
  const ctxOf = async (id: string): Promise<ServiceContext> => ({ db: prisma, actor: actorOf(await prisma.user.findUniqueOrThrow({ where: { id } })), meta: TEST_META });

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    const gk = await createDepartment(prisma, { symbol: "GK", name: "Wydział Gospodarki Komunalnej" });
    const fn = await createDepartment(prisma, { symbol: "FN", name: "Wydział Finansowy" });
    Object.assign(ids, { gk: gk.id, fn: fn.id });
    anna = await ctxOf((await createUser(prisma, { firstName: "Anna", lastName: "Nowak", departmentId: gk.id })).id);
    bartek = await ctxOf((await createUser(prisma, { firstName: "Bartłomiej", lastName: "Żak", departmentId: gk.id })).id);
    celina = await ctxOf((await createUser(prisma, { firstName: "Celina", lastName: "Wójcik", departmentId: fn.id })).id);
    obcy = await ctxOf((await createUser(prisma, { firstName: "Olaf", lastName: "Obcy", departmentId: fn.id })).id);
  });
  afterAll(async () => db?.destroy());

  it("one direct conversation per pair; a message is unread for the other until read, then the sender sees 'read'", async () => {
    const { id } = await openDirectConversation(anna, bartek.actor.id);
    expect((await openDirectConversation(bartek, anna.actor.id)).id).toBe(id);
    ids.direct = id;
    expect((await errorOf(openDirectConversation(anna, anna.actor.id))).code).toBe("BAD_REQUEST");

    const sent = await sendMessage(anna, { conversationId: id, clientId: clientId(), body: "  Cześć, masz chwilę?\r\n " });
    expect(sent).toMatchObject({ body: "Cześć, masz chwilę?", mine: true, status: "sent", readBy: null, editable: true });
    // The signal for live updates is queued for the conversation's channel and both people.
    const job = await prisma.outboxJob.findFirst({ where: { type: "realtime.signal" }, orderBy: { id: "desc" }, select: { payload: true } });
    expect(job?.payload).toMatchObject({ channels: expect.arrayContaining([`private-chat-${id}`, `private-user-${anna.actor.id}`, `private-user-${bartek.actor.id}`]), topics: ["chat"] });

    const list = await listConversations(bartek);
    const item = list.items.find((c) => c.id === id)!;
    expect(item).toMatchObject({ kind: "DIRECT", title: "Anna Nowak", unread: 1, lastMessage: { authorName: "Anna Nowak", preview: "Cześć, masz chwilę?" } });
    expect(await unreadTotal(bartek)).toBe(1);
    expect(await unreadTotal(anna)).toBe(0);

    await markDelivered(bartek);
    expect((await listMessages(anna, { conversationId: id })).messages[0]!.status).toBe("delivered");
    await markRead(bartek, { conversationId: id, seq: sent.seq });
    expect((await listMessages(anna, { conversationId: id })).messages[0]!.status).toBe("read");
    expect(await unreadTotal(bartek)).toBe(0);
    // Reading "beyond" the newest message cannot mark future messages as read.
    await markRead(bartek, { conversationId: id, seq: "999999999" });
    await sendMessage(anna, { conversationId: id, clientId: clientId(), body: "Druga" });
    expect(await unreadTotal(bartek)).toBe(1);
  });

  it("a message sent twice with the same clientId is stored once; empty or too long messages are refused in Polish", async () => {
    const key = clientId();
    const [a, b] = await Promise.all([
      sendMessage(anna, { conversationId: ids.direct!, clientId: key, body: "Raz" }),
      sendMessage(anna, { conversationId: ids.direct!, clientId: key, body: "Raz" }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await prisma.chatMessage.count({ where: { clientId: key } })).toBe(1);
    await expect(sendMessage(anna, { conversationId: ids.direct!, clientId: clientId(), body: "   " })).rejects.toThrow("Wiadomość jest pusta.");
    await expect(sendMessage(anna, { conversationId: ids.direct!, clientId: clientId(), body: "x".repeat(4001) })).rejects.toThrow("najwyżej 4000 znaków");
  });

  it("nobody outside the conversation reads it, writes to it or joins its channel", async () => {
    const id = ids.direct!;
    for (const call of [
      listMessages(celina, { conversationId: id }),
      getConversation(celina, id),
      sendMessage(celina, { conversationId: id, clientId: clientId(), body: "Podsłuch" }),
      markRead(celina, { conversationId: id, seq: "1" }),
    ]) {
      expect((await errorOf(call)).code).toBe("NOT_FOUND");
    }
    const someMessage = (await listMessages(anna, { conversationId: id })).messages[0]!;
    expect((await errorOf(editMessage(celina, { messageId: someMessage.id, body: "x" }))).code).toBe("NOT_FOUND");
    expect((await listConversations(celina)).items.map((c) => c.id)).not.toContain(id);
    expect(await searchMessages(celina, { q: "chwile" })).toEqual([]);
    const denied = await authorizeChannel(prisma, celina.actor, "1234.5678", `private-chat-${id}`);
    expect(denied).toMatchObject({ ok: false, status: 403 });
    const allowed = await authorizeChannel(prisma, anna.actor, "1234.5678", `private-chat-${id}`);
    expect(allowed.ok).toBe(true);
  });

  it("own messages are edited and deleted within 15 minutes; the old text stays in the audit trail", async () => {
    const msg = await sendMessage(anna, { conversationId: ids.direct!, clientId: clientId(), body: "Spotkanie o 10" });
    const edited = await editMessage(anna, { messageId: msg.id, body: "Spotkanie o 11" });
    expect(edited).toMatchObject({ body: "Spotkanie o 11", editedAt: expect.any(Date) });
    expect((await errorOf(editMessage(bartek, { messageId: msg.id, body: "Nie moje" }))).code).toBe("FORBIDDEN");
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await errorOf(editMessage(anna, { messageId: msg.id, body: "Za późno" }, later))).userMessage).toContain("15 minut");
    await deleteMessage(anna, msg.id);
    const shown = (await listMessages(bartek, { conversationId: ids.direct! })).messages.find((m) => m.id === msg.id)!;
    expect(shown).toMatchObject({ deleted: true, body: "", links: [], attachments: [] });
    expect((await errorOf(deleteMessage(anna, msg.id))).code).toBe("CONFLICT");
    const audit = await prisma.auditEvent.findMany({ where: { entityId: msg.id }, orderBy: { id: "asc" }, select: { action: true, data: true } });
    expect(audit).toEqual([
      { action: "chat.message-edited", data: { conversationId: ids.direct, before: "Spotkanie o 10", after: "Spotkanie o 11" } },
      { action: "chat.message-deleted", data: { conversationId: ids.direct, before: "Spotkanie o 11" } },
    ]);
    // A deleted message is no longer found.
    expect(await searchMessages(bartek, { q: "spotkanie 11" })).toEqual([]);
  });

  it("a link to a letter shows its number and subject only to readers who may open it", async () => {
    const author = await createUser(prisma, { departmentId: ids.gk });
    const open = await prisma.document.create({
      data: { kind: "INCOMING", status: "REGISTERED", channel: "PAPER", subject: "Wniosek o wycinkę drzew", registerNo: "RPW/7/2026", registerYear: 2026, registerSeq: 7, createdById: author.id, departmentId: ids.gk },
    });
    const secret = await prisma.document.create({
      data: { kind: "INCOMING", status: "REGISTERED", channel: "PAPER", subject: "Skarga na kierownika", confidential: true, registerNo: "RPW/8/2026", registerYear: 2026, registerSeq: 8, createdById: anna.actor.id, departmentId: ids.gk },
    });
    const group = await createGroupConversation(anna, { title: "Wycinki", memberIds: [bartek.actor.id, celina.actor.id] });
    ids.group = group.id;
    await sendMessage(anna, { conversationId: group.id, clientId: clientId(), body: `Zobaczcie /pisma/przychodzace/${open.id} i http://localhost:3000/pisma/przychodzace/${secret.id}` });
    const annaSees = (await listMessages(anna, { conversationId: group.id })).messages[0]!.links;
    expect(annaSees).toEqual([
      { href: `/pisma/przychodzace/${open.id}`, type: "document", allowed: true, label: "RPW/7/2026", title: "Wniosek o wycinkę drzew" },
      { href: `/pisma/przychodzace/${secret.id}`, type: "document", allowed: true, label: "RPW/8/2026", title: "Skarga na kierownika" },
    ]);
    const bartekSees = (await listMessages(bartek, { conversationId: group.id })).messages[0]!.links;
    expect(bartekSees.map((l) => [l.allowed, l.title])).toEqual([
      [true, "Wniosek o wycinkę drzew"],
      [false, null],
    ]);
    const celinaSees = (await listMessages(celina, { conversationId: group.id })).messages[0]!.links;
    expect(celinaSees.map((l) => [l.allowed, l.label, l.title])).toEqual([
      [false, null, null],
      [false, null, null],
    ]);
    // Read counts in a group.
    const own = (await listMessages(anna, { conversationId: group.id })).messages[0]!;
    expect(own).toMatchObject({ readBy: 0, status: "sent" });
    await markRead(bartek, { conversationId: group.id, seq: own.seq });
    expect((await listMessages(anna, { conversationId: group.id })).messages[0]).toMatchObject({ readBy: 1, status: "sent" });
  });

  it("the owner manages a group; a removed member loses the history; anyone can leave", async () => {
    const id = ids.group!;
    expect((await errorOf(addMembers(bartek, { conversationId: id, userIds: [obcy.actor.id] }))).code).toBe("FORBIDDEN");
    await addMembers(anna, { conversationId: id, userIds: [obcy.actor.id] });
    expect((await listMessages(obcy, { conversationId: id })).messages.length).toBeGreaterThan(0);
    await removeMember(anna, { conversationId: id, userId: obcy.actor.id });
    expect((await errorOf(listMessages(obcy, { conversationId: id }))).code).toBe("NOT_FOUND");
    expect((await authorizeChannel(prisma, obcy.actor, "1.2", `private-chat-${id}`)).ok).toBe(false);
    // The owner leaves: the longest-standing member takes over.
    await removeMember(anna, { conversationId: id, userId: anna.actor.id });
    const detail = await getConversation(bartek, id);
    expect(detail.members.map((m) => m.name)).toEqual(["Bartłomiej Żak", "Celina Wójcik"]);
    expect(detail.members.filter((m) => m.isOwner)).toHaveLength(1);
    expect((await errorOf(removeMember(bartek, { conversationId: ids.direct!, userId: bartek.actor.id }))).code).toBe("BAD_REQUEST");
    const audit = await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["chat.group-created", "chat.members-added", "chat.member-removed", "chat.member-removed"]);
  });

  it("a department's room follows its staff list", async () => {
    const list = await listConversations(bartek);
    const room = list.items.find((c) => c.kind === "DEPARTMENT")!;
    expect(room).toMatchObject({ title: "Wydział Gospodarki Komunalnej" });
    const members = (await getConversation(bartek, room.id)).members.map((m) => m.name);
    expect(members).toEqual(expect.arrayContaining(["Anna Nowak", "Bartłomiej Żak"]));
    expect(members).not.toContain("Celina Wójcik");
    await sendMessage(anna, { conversationId: room.id, clientId: clientId(), body: "Zebranie wydziału o 14:00, sala żółta" });
    // Bartek moves to the finance department: the GK room is gone for him, the FN room appears.
    await prisma.user.update({ where: { id: bartek.actor.id }, data: { departmentId: ids.fn } });
    const moved = await ctxOf(bartek.actor.id);
    const after = await listConversations(moved);
    expect(after.items.map((c) => c.id)).not.toContain(room.id);
    expect(after.items.find((c) => c.kind === "DEPARTMENT")?.title).toBe("Wydział Finansowy");
    expect((await errorOf(listMessages(moved, { conversationId: room.id }))).code).toBe("NOT_FOUND");
  });

  it("searches one's own conversations without Polish letters", async () => {
    const hits = await searchMessages(anna, { q: "sala zolta" });
    expect(hits.map((h) => h.body)).toEqual(["Zebranie wydziału o 14:00, sala żółta"]);
    expect(hits[0]).toMatchObject({ conversationTitle: "Wydział Gospodarki Komunalnej", authorName: "Anna Nowak" });
    expect(await searchMessages(celina, { q: "sala zolta" })).toEqual([]);
  });

  it("pages history from the newest back", async () => {
    const { id } = await openDirectConversation(anna, celina.actor.id);
    for (let i = 1; i <= 5; i++) await sendMessage(anna, { conversationId: id, clientId: clientId(), body: `Wiadomość ${i}` });
    const first = await listMessages(celina, { conversationId: id, limit: 2 });
    expect(first.messages.map((m) => m.body)).toEqual(["Wiadomość 5", "Wiadomość 4"]);
    const second = await listMessages(celina, { conversationId: id, limit: 2, before: first.olderCursor! });
    expect(second.messages.map((m) => m.body)).toEqual(["Wiadomość 3", "Wiadomość 2"]);
    const third = await listMessages(celina, { conversationId: id, limit: 2, before: second.olderCursor! });
    expect(third).toMatchObject({ messages: [{ body: "Wiadomość 1" }], olderCursor: null });
  });

  it("opens the page around a found message and pages from there both ways", async () => {
    const { id } = await openDirectConversation(bartek, obcy.actor.id);
    const sent: Awaited<ReturnType<typeof sendMessage>>[] = [];
    for (let i = 1; i <= 9; i++) sent.push(await sendMessage(bartek, { conversationId: id, clientId: clientId(), body: `Punkt ${i}` }));
    const hit = (await searchMessages(obcy, { q: "punkt 4" })).find((h) => h.conversationId === id)!;
    expect(hit.seq).toBe(sent[3]!.seq);
    const bodies = (p: { messages: { body: string }[] }) => p.messages.map((m) => m.body);
    // limit 4: the message and one older, two newer.
    const around = await listMessages(obcy, { conversationId: id, limit: 4, around: hit.seq });
    expect(bodies(around)).toEqual(["Punkt 6", "Punkt 5", "Punkt 4", "Punkt 3"]);
    expect(around.olderCursor).toBe(sent[2]!.seq);
    expect(around.newerCursor).toBe(sent[5]!.seq);
    const newer = await listMessages(obcy, { conversationId: id, limit: 2, after: around.newerCursor! });
    expect(bodies(newer)).toEqual(["Punkt 8", "Punkt 7"]);
    const newest = await listMessages(obcy, { conversationId: id, limit: 2, after: newer.newerCursor! });
    expect(newest).toMatchObject({ messages: [{ body: "Punkt 9" }], newerCursor: null });
    // Scrolling up from a newer page goes back to where the reader came from.
    expect(bodies(await listMessages(obcy, { conversationId: id, limit: 1, before: newest.olderCursor! }))).toEqual(["Punkt 8"]);
    const older = await listMessages(obcy, { conversationId: id, limit: 5, before: around.olderCursor! });
    expect(older).toMatchObject({ olderCursor: null, newerCursor: sent[1]!.seq });
    expect(bodies(older)).toEqual(["Punkt 2", "Punkt 1"]);
    // The newest page has nothing newer; a found message near the end has nothing newer either.
    expect((await listMessages(obcy, { conversationId: id, limit: 2 })).newerCursor).toBeNull();
    const last = await listMessages(obcy, { conversationId: id, limit: 4, around: sent[8]!.seq });
    expect(last).toMatchObject({ newerCursor: null, olderCursor: sent[5]!.seq });
    expect(bodies(last)).toEqual(["Punkt 9", "Punkt 8", "Punkt 7", "Punkt 6"]);
    // One cursor at a time; a seq of another conversation shows nothing of it; outsiders get NOT_FOUND.
    await expect(listMessages(obcy, { conversationId: id, around: hit.seq, before: hit.seq })).rejects.toThrow("Podaj jeden kursor.");
    expect((await errorOf(listMessages(celina, { conversationId: id, around: hit.seq }))).code).toBe("NOT_FOUND");
    const elsewhere = await listMessages(obcy, { conversationId: id, limit: 4, around: "1" });
    expect(elsewhere.messages.every((m) => sent.some((s) => s.id === m.id))).toBe(true);
  });

  it("group changes reach every member's app, the removed one's too; a member who left cannot come back alone", async () => {
    const group = await createGroupConversation(anna, { title: "Remont świetlicy", memberIds: [celina.actor.id, obcy.actor.id] });
    const lastSignal = async () =>
      ((await prisma.outboxJob.findFirst({ where: { type: "realtime.signal" }, orderBy: { id: "desc" }, select: { payload: true } }))?.payload as { channels: string[] }).channels;
    await renameConversation(anna, { conversationId: group.id, title: "Remont świetlicy w Lipowie" });
    expect(await lastSignal()).toEqual(expect.arrayContaining([`private-chat-${group.id}`, `private-user-${celina.actor.id}`, `private-user-${obcy.actor.id}`]));
    expect((await listConversations(celina)).items.find((c) => c.id === group.id)?.title).toBe("Remont świetlicy w Lipowie");
    await removeMember(anna, { conversationId: group.id, userId: obcy.actor.id });
    expect(await lastSignal()).toContain(`private-user-${obcy.actor.id}`);
    await removeMember(celina, { conversationId: group.id, userId: celina.actor.id });
    expect(await lastSignal()).toContain(`private-user-${celina.actor.id}`);
    expect((await errorOf(getConversation(celina, group.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(addMembers(celina, { conversationId: group.id, userIds: [celina.actor.id] }))).code).toBe("NOT_FOUND");
    // Only the owner's adding brings her back.
    await addMembers(anna, { conversationId: group.id, userIds: [celina.actor.id] });
    expect((await getConversation(celina, group.id)).members.map((m) => [m.name, m.isOwner])).toEqual([
      ["Anna Nowak", true],
      ["Celina Wójcik", false],
    ]);
  });

  it("e-mails about messages unread for 5 minutes, once per batch, never to a substitute", async () => {
    const zofia = await ctxOf((await createUser(prisma, { firstName: "Zofia", lastName: "Zastępczyni", departmentId: ids.fn })).id);
    const today = todayInPoland();
    await createSubstitution(prisma, { absentId: celina.actor.id, substituteId: zofia.actor.id, dateFrom: today, dateTo: today, createdById: obcy.actor.id });
    const { id } = await openDirectConversation(obcy, celina.actor.id);
    await sendMessage(obcy, { conversationId: id, clientId: clientId(), body: "Pilne: proszę o telefon" });
    await sendMessage(obcy, { conversationId: id, clientId: clientId(), body: "Chodzi o fakturę" });
    const notices = () => prisma.notification.findMany({ where: { type: "chat.unread", link: `/komunikator/${id}` }, select: { userId: true, params: true } });
    // Not yet: the messages are fresh.
    await notifyUnreadMessages(prisma);
    expect(await notices()).toEqual([]);
    const later = new Date(Date.now() + 6 * 60_000);
    await notifyUnreadMessages(prisma, later);
    expect(await notices()).toEqual([{ userId: celina.actor.id, params: { from: "Olaf Obcy", count: 2, conversation: "Olaf Obcy" } }]);
    expect(await prisma.emailMessage.count({ where: { toUserId: celina.actor.id, subject: { contains: "2 nieprzeczytane wiadomości" } } })).toBe(1);
    // The same messages are never announced again; read ones are not announced at all.
    await notifyUnreadMessages(prisma, new Date(later.getTime() + 60 * 60_000));
    expect(await notices()).toHaveLength(1);
    const third = await sendMessage(obcy, { conversationId: id, clientId: clientId(), body: "Już nieaktualne" });
    await markRead(celina, { conversationId: id, seq: third.seq });
    await notifyUnreadMessages(prisma, new Date(later.getTime() + 60 * 60_000));
    expect(await notices()).toHaveLength(1);
    expect(await prisma.notification.count({ where: { userId: zofia.actor.id, type: "chat.unread" } })).toBe(0);
  });
});
