/**
 * "Zapytaj o to pismo / tę sprawę" on PGlite and on the PostgreSQL server: the people preselected
 * (responsible and able to open the record), conversations about a record only for whoever sees it,
 * and the record's card in the conversation's header shown per reader.
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createUser, errorOf, TEST_META } from "@/test/factories";
import { createGroupConversation, getConversation, listMessages, sendMessage, suggestSubjectPeople } from "./chat.service";

describe.each(TEST_DB_KINDS)("komunikator: asking about a letter or case (%s)", (kind) => {
  let db: TestDb;
  let p: PrismaClient;
  let head: ServiceContext, clerk: ServiceContext, colleague: ServiceContext, registrar: ServiceContext, outsider: ServiceContext;
  let gkId: string;
  let letterId: string;
  const ctxOf = async (id: string): Promise<ServiceContext> => ({ db: p, actor: actorOf(await p.user.findUniqueOrThrow({ where: { id } })), meta: TEST_META });

  beforeAll(async () => {
    db = await createTestDb(kind);
    p = db.prisma;
    const gk = await createDepartment(p, { symbol: "GK" });
    const ko = await createDepartment(p, { symbol: "KO" });
    const fn = await createDepartment(p, { symbol: "FN" });
    gkId = gk.id;
    head = await ctxOf((await createUser(p, { firstName: "Marek", lastName: "Nowak", roles: ["KIEROWNIK"], departmentId: gk.id })).id);
    await p.department.update({ where: { id: gk.id }, data: { headId: head.actor.id } });
    clerk = await ctxOf((await createUser(p, { firstName: "Katarzyna", lastName: "Wiśniewska", departmentId: gk.id })).id);
    colleague = await ctxOf((await createUser(p, { firstName: "Piotr", lastName: "Kowal", departmentId: gk.id })).id);
    registrar = await ctxOf((await createUser(p, { firstName: "Anna", lastName: "Kowalczyk", roles: ["KANCELARIA"], departmentId: ko.id })).id);
    outsider = await ctxOf((await createUser(p, { firstName: "Olaf", lastName: "Obcy", departmentId: fn.id })).id);
    const letter = await p.document.create({
      data: {
        kind: "INCOMING",
        status: "REGISTERED",
        channel: "PAPER",
        subject: "Wniosek o wycinkę drzew",
        registerNo: "RPW/17/2026",
        registerYear: 2026,
        registerSeq: 17,
        createdById: registrar.actor.id,
        departmentId: gk.id,
        assigneeId: clerk.actor.id,
      },
    });
    letterId = letter.id;
  });
  afterAll(async () => db?.destroy());

  it("preselects the assigned clerk and the head, never oneself nor the kancelaria that registered the letter", async () => {
    const subject = { type: "document" as const, id: letterId };
    expect((await suggestSubjectPeople(colleague, subject)).map((x) => x.name)).toEqual(["Katarzyna Wiśniewska", "Marek Nowak"]);
    expect((await suggestSubjectPeople(clerk, subject)).map((x) => x.name)).toEqual(["Marek Nowak"]);
    expect((await suggestSubjectPeople(head, subject)).map((x) => x.name)).toEqual(["Katarzyna Wiśniewska"]);
  });

  it("nobody starts a conversation about a record they cannot see, nor learns who handles it", async () => {
    const subject = { type: "document" as const, id: letterId };
    expect((await errorOf(suggestSubjectPeople(outsider, subject))).code).toBe("NOT_FOUND");
    expect((await errorOf(createGroupConversation(outsider, { title: "Pytanie", memberIds: [clerk.actor.id], subject }))).code).toBe("NOT_FOUND");
    expect((await errorOf(createGroupConversation(outsider, { title: "Pytanie", memberIds: [clerk.actor.id], subject: { type: "case", id: "brakbrakbrak" } }))).code).toBe("NOT_FOUND");
    expect(await p.conversation.count({ where: { subjectId: letterId } })).toBe(0);
  });

  it("a conversation about a letter shows its card in the header to those who may open it, and only a bare card to others", async () => {
    const { id } = await createGroupConversation(colleague, { title: "RPW/17/2026", memberIds: [clerk.actor.id, outsider.actor.id], subject: { type: "document", id: letterId } });
    await sendMessage(colleague, { conversationId: id, clientId: "ask-test-0001", body: `Pytanie dotyczy: /pisma/przychodzace/${letterId}` });
    const card = { type: "document", href: `/pisma/przychodzace/${letterId}`, allowed: true, label: "RPW/17/2026", title: "Wniosek o wycinkę drzew" };
    expect((await getConversation(clerk, id)).subject).toEqual(card);
    expect((await listMessages(clerk, { conversationId: id })).messages[0]!.links).toEqual([card]);
    const hidden = (await getConversation(outsider, id)).subject;
    expect(hidden).toMatchObject({ type: "document", allowed: false, label: null, title: null });
    expect(JSON.stringify(await listMessages(outsider, { conversationId: id }))).not.toContain("wycinkę");
  });

  it("for a case: the handler and the head, but a confidential case only to the people on it", async () => {
    const jrwa = await p.jrwaClass.create({ data: { symbol: "6131", name: "Wycinka drzew — test", category: "B5", isLeaf: true } });
    const base = { departmentId: gkId, departmentSymbol: "GK", jrwaClassId: jrwa.id, year: 2026, responsibleId: clerk.actor.id, createdById: clerk.actor.id, startDate: new Date("2026-11-25") };
    const open = await p.case.create({ data: { ...base, mark: "GK.6131.1.2026", number: 1, title: "Wycinka" } });
    const secret = await p.case.create({ data: { ...base, mark: "GK.6131.2.2026", number: 2, title: "Skarga", confidential: true } });
    expect((await suggestSubjectPeople(colleague, { type: "case", id: open.id })).map((x) => x.name)).toEqual(["Katarzyna Wiśniewska", "Marek Nowak"]);
    expect((await suggestSubjectPeople(clerk, { type: "case", id: secret.id })).map((x) => x.name)).toEqual([]);
    expect((await errorOf(suggestSubjectPeople(colleague, { type: "case", id: secret.id }))).code).toBe("NOT_FOUND");
    const { id } = await createGroupConversation(colleague, { title: "GK.6131.1.2026", memberIds: [clerk.actor.id], subject: { type: "case", id: open.id } });
    expect((await getConversation(clerk, id)).subject).toEqual({ type: "case", href: `/sprawy/${open.id}`, allowed: true, label: "GK.6131.1.2026", title: "Wycinka" });
  });
});
