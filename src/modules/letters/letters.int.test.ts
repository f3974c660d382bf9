import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { polishSortKey } from "@/lib/polish";
import { todayInPoland } from "@/lib/i18n/translator";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createActor, createDepartment, createSubstitution, createUser, errorOf, TEST_META } from "@/test/factories";
import { dateToWarsawLocal } from "./letters.dates";
import { ZRegisterLetterInput, type RegisterLetterInput } from "./letters.schemas";
import {
  acceptAssignment,
  assignToUser,
  completeAssignment,
  countLetterInbox,
  createInternalLetter,
  decreeLetter,
  deleteSavedFilter,
  forwardAssignment,
  getLetter,
  getLetterConfirmation,
  listLetterHistory,
  listLetters,
  listMyAssignments,
  listSavedFilters,
  markAssignmentRead,
  registerLetter,
  returnAssignment,
  saveFilter,
  sendInternalLetter,
} from "./letters.service";

async function ctxOf(db: PrismaClient, userId: string): Promise<ServiceContext> {
  return { db, actor: actorOf(await db.user.findUniqueOrThrow({ where: { id: userId } })), meta: TEST_META };
}

async function createContact(db: PrismaClient, name: string) {
  return db.contact.create({
    data: { kind: "PERSON", name, sortKey: polishSortKey(name), searchText: name.toLowerCase(), addresses: { create: { street: "ul. Lipowa 3", postalCode: "36-040", city: "Boguchwała", isPrimary: true } } },
  });
}

describe.each(TEST_DB_KINDS)("letters (%s)", (kind) => {
  let db: TestDb;
  let kancelaria: ServiceContext, gkHead: ServiceContext, gkClerk: ServiceContext, gkClerk2: ServiceContext, referatClerk: ServiceContext, fnHead: ServiceContext, fnClerk: ServiceContext, sekretarz: ServiceContext;
  let gk: { id: string }, fn: { id: string }, os: { id: string };
  let sender: { id: string };
  const year = Number(todayInPoland().slice(0, 4));
  const now = () => dateToWarsawLocal(new Date());
  const letter = (v: Partial<RegisterLetterInput> = {}) => ZRegisterLetterInput.parse({ channel: "PAPER", senderId: sender.id, receivedAt: now(), subject: "Wniosek o wycinkę drzewa", ...v });
  const rowsOf = (documentId: string) => db.prisma.documentAssignment.findMany({ where: { documentId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    db = await createTestDb(kind);
    const p = db.prisma;
    gk = await createDepartment(p, { symbol: "GK" });
    const gkd = await createDepartment(p, { symbol: "GK-D", parentId: gk.id });
    fn = await createDepartment(p, { symbol: "FN" });
    os = await createDepartment(p, { symbol: "OS" });
    const ko = await createDepartment(p, { symbol: "KO" });
    kancelaria = await createActor(p, ["KANCELARIA"], ko.id);
    gkHead = await createActor(p, ["KIEROWNIK"], gk.id);
    fnHead = await createActor(p, ["KIEROWNIK"], fn.id);
    await p.department.update({ where: { id: gk.id }, data: { headId: gkHead.actor.id } });
    await p.department.update({ where: { id: fn.id }, data: { headId: fnHead.actor.id } });
    gkClerk = await ctxOf(p, (await createUser(p, { firstName: "Katarzyna", lastName: "Wiśniewska", departmentId: gk.id })).id);
    gkClerk2 = await ctxOf(p, (await createUser(p, { firstName: "Piotr", lastName: "Kowalski", departmentId: gk.id })).id);
    referatClerk = await ctxOf(p, (await createUser(p, { firstName: "Adam", lastName: "Drogowy", departmentId: gkd.id })).id);
    fnClerk = await ctxOf(p, (await createUser(p, { firstName: "Beata", lastName: "Finansowa", departmentId: fn.id })).id);
    sekretarz = await createActor(p, ["SEKRETARZ"], null);
    sender = await createContact(p, "Żółkiewski Jan");
  });
  afterAll(async () => db?.destroy());

  describe("registration", () => {
    it("numbers three letters RPW/1..3 of the year, with the audit entry bound to the document", async () => {
      const a = await registerLetter(kancelaria, letter({ subject: "Pierwsze" }));
      const b = await registerLetter(kancelaria, letter({ subject: "Drugie" }));
      const c = await registerLetter(kancelaria, letter({ subject: "Trzecie", senderReference: "ZN/12/2026", pages: "3", attachmentsCount: "2", letterDate: todayInPoland() }));
      expect([a.registerNo, b.registerNo, c.registerNo]).toEqual([`RPW/1/${year}`, `RPW/2/${year}`, `RPW/3/${year}`]);
      const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: c.id } });
      expect(doc).toMatchObject({ kind: "INCOMING", status: "REGISTERED", registerYear: year, registerSeq: 3, pages: 3, attachmentsCount: 2, senderReference: "ZN/12/2026", createdById: kancelaria.actor.id });
      expect(doc.searchText).toContain("zolkiewski");
      const audit = await db.prisma.auditEvent.findMany({ where: { documentId: c.id }, select: { action: true, entityId: true } });
      expect(audit).toEqual([{ action: "letter.registered", entityId: c.id }]);
      const slip = await getLetterConfirmation(kancelaria, c.id);
      expect(slip).toMatchObject({ registerNo: `RPW/3/${year}`, senderName: "Żółkiewski Jan", senderAddress: "ul. Lipowa 3, 36-040 Boguchwała", pages: 3, attachmentsCount: 2 });
    });

    it("takes the year from the Polish day of receipt and refuses a time in the future", async () => {
      const future = new Date(Date.now() + 3_600_000);
      const error = await errorOf(registerLetter(kancelaria, letter({ receivedAt: dateToWarsawLocal(future) })));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.fieldErrors?.receivedAt).toBeDefined();
      const old = await registerLetter(kancelaria, letter({ receivedAt: "2025-12-31T23:30" }));
      expect(old.registerNo).toBe("RPW/1/2025");
    });

    it("is refused to a clerk, also through the router", async () => {
      expect((await errorOf(registerLetter(gkClerk, letter()))).code).toBe("FORBIDDEN");
      await expect(createCaller({ db: db.prisma, actor: gkClerk.actor, meta: TEST_META }).letters.register(letter())).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("hides an undecreed letter from other departments (NOT_FOUND) and lists it for the kancelaria and management", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Skarga na hałas" }));
      expect((await errorOf(getLetter(fnClerk, r.id))).code).toBe("NOT_FOUND");
      expect((await errorOf(listLetterHistory(fnClerk, r.id))).code).toBe("NOT_FOUND");
      expect((await listLetters(fnClerk, { kind: "INCOMING", q: "skarga", mine: false, sort: "received", page: 1 })).total).toBe(0);
      expect((await listLetters(kancelaria, { kind: "INCOMING", q: "skarga", mine: false, sort: "received", page: 1 })).items.map((i) => i.id)).toEqual([r.id]);
      expect((await getLetter(sekretarz, r.id)).can.decree).toBeNull();
      expect((await getLetter(kancelaria, r.id)).can.decree).toBe("initial");
    });

    it("finds letters by folded text, channel and number", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Żółty znak drogowy", channel: "EPUAP" }));
      const search = (v: object) => listLetters(kancelaria, { kind: "INCOMING", mine: false, sort: "received", page: 1, ...v });
      expect((await search({ q: "zolty ZNAK" })).items.map((i) => i.id)).toEqual([r.id]);
      expect((await search({ q: "zolty", channel: "PAPER" })).total).toBe(0);
      const byNo = await search({ q: r.registerNo });
      expect(byNo.items[0]?.id).toBe(r.id);
      expect((await search({ year: 2025 })).items.map((i) => i.registerNo)).toEqual(["RPW/1/2025"]);
      const sorted = await search({ sort: "number", year });
      expect(sorted.items[0]?.registerNo).toBe(r.registerNo);
    });
  });

  describe("dekretacja", () => {
    it("runs: kancelaria → GK, head → clerk, clerk accepts and finishes; every step audited", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Dziura w jezdni", leadingDepartmentId: gk.id, infoDepartmentIds: [fn.id] }));
      // The other department's clerk does not see it (the FN copy makes it visible to FN, not to OS).
      const osClerk = await ctxOf(db.prisma, (await createUser(db.prisma, { departmentId: os.id })).id);
      expect((await errorOf(getLetter(osClerk, r.id))).code).toBe("NOT_FOUND");
      const [leading, info] = await rowsOf(r.id);
      expect(leading).toMatchObject({ role: "LEADING", status: "TO_DEPARTMENT", departmentId: gk.id });
      expect(info).toMatchObject({ role: "INFO", status: "TO_DEPARTMENT", departmentId: fn.id });

      const queue = await listMyAssignments(gkHead, {});
      expect(queue.isHead).toBe(true);
      expect(queue.department.items.map((i) => i.assignmentId)).toContain(leading!.id);
      expect(queue.department.items.find((i) => i.assignmentId === leading!.id)?.actions).toEqual(["assign", "forward"]);
      expect((await countLetterInbox(gkHead)).toAssign).toBeGreaterThanOrEqual(1);

      // Only the head assigns, and only to people of the department or its referaty.
      expect((await errorOf(assignToUser(gkClerk, { assignmentId: leading!.id, userId: gkClerk.actor.id, note: "", dueDate: "" }))).code).toBe("CONFLICT");
      expect((await errorOf(assignToUser(osClerk, { assignmentId: leading!.id, userId: osClerk.actor.id, note: "", dueDate: "" }))).code).toBe("NOT_FOUND");
      expect((await errorOf(assignToUser(fnClerk, { assignmentId: leading!.id, userId: fnClerk.actor.id, note: "", dueDate: "" }))).code).toBe("CONFLICT");
      const wrong = await errorOf(assignToUser(gkHead, { assignmentId: leading!.id, userId: fnClerk.actor.id, note: "", dueDate: "" }));
      expect(wrong.fieldErrors?.userId).toBeDefined();
      const due = todayInPoland(new Date(Date.now() + 10 * 86_400_000));
      await assignToUser(gkHead, { assignmentId: leading!.id, userId: gkClerk.actor.id, note: "Proszę o oględziny", dueDate: due });
      expect((await countLetterInbox(gkClerk)).toAccept).toBe(1);
      const mine = await listMyAssignments(gkClerk, {});
      expect(mine.mine.items.map((i) => [i.assignmentId, i.status, i.note, i.dueDate, i.actions])).toEqual([[leading!.id, "TO_USER", "Proszę o oględziny", due, ["accept", "return", "forward"]]]);
      expect((await errorOf(acceptAssignment(gkClerk2, leading!.id))).code).toBe("CONFLICT");

      await acceptAssignment(gkClerk, leading!.id);
      const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: r.id } });
      expect(doc).toMatchObject({ status: "IN_PROGRESS", assigneeId: gkClerk.actor.id, departmentId: gk.id });
      expect(doc.dueDate?.toISOString().slice(0, 10)).toBe(due);
      expect((await errorOf(acceptAssignment(gkClerk, leading!.id))).code).toBe("CONFLICT");

      // FN reads its copy.
      expect((await countLetterInbox(fnHead)).info).toBeGreaterThanOrEqual(1);
      await markAssignmentRead(fnClerk, info!.id);
      expect((await db.prisma.documentAssignment.findUniqueOrThrow({ where: { id: info!.id } })).status).toBe("READ");

      await completeAssignment(gkClerk, leading!.id);
      expect((await db.prisma.document.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("DONE");
      const history = await listLetterHistory(gkClerk, r.id);
      expect(history.map((h) => h.action)).toEqual(["letter.registered", "letter.decreed", "assignment.assigned", "assignment.accepted", "assignment.read", "assignment.done"]);
      expect(history[2]?.data).toMatchObject({ to: "Katarzyna Wiśniewska", department: "GK", dueDate: due });
      expect(history[3]?.actorName).toBe(`${gkClerk.actor.firstName} ${gkClerk.actor.lastName}`);
    });

    it("lets the clerk return a letter to the head's queue with a reason, and the head give it to a referat clerk", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Oświetlenie ulicy", leadingDepartmentId: gk.id }));
      const [row] = await rowsOf(r.id);
      await assignToUser(gkHead, { assignmentId: row!.id, userId: gkClerk2.actor.id, note: "", dueDate: "" });
      const caller = createCaller({ db: db.prisma, actor: gkClerk2.actor, meta: TEST_META });
      await expect(caller.letters.return({ assignmentId: row!.id, reason: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await returnAssignment(gkClerk2, { assignmentId: row!.id, reason: "Sprawa drogowa — właściwy Referat Dróg" });
      const queue = await listMyAssignments(gkHead, {});
      expect(queue.department.items.find((i) => i.assignmentId === row!.id)).toMatchObject({ status: "RETURNED", reason: "Sprawa drogowa — właściwy Referat Dróg" });
      await assignToUser(gkHead, { assignmentId: row!.id, userId: referatClerk.actor.id, note: "", dueDate: "" });
      await acceptAssignment(referatClerk, row!.id);
      // Returning an accepted letter clears the responsible clerk.
      await returnAssignment(referatClerk, { assignmentId: row!.id, reason: "Urlop od jutra" });
      expect(await db.prisma.document.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "REGISTERED", assigneeId: null });
    });

    it("forwards with a reason to another department (its head decides) or to a person; the old row is kept as FORWARDED", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Podatek od nieruchomości", leadingDepartmentId: gk.id }));
      const [row] = await rowsOf(r.id);
      const caller = createCaller({ db: db.prisma, actor: gkHead.actor, meta: TEST_META });
      await expect(caller.letters.forward({ assignmentId: row!.id, departmentId: fn.id, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await forwardAssignment(gkHead, { assignmentId: row!.id, departmentId: fn.id, userId: "", reason: "Właściwy Wydział Finansowy" });
      const [old, fresh] = await rowsOf(r.id);
      expect(old).toMatchObject({ status: "FORWARDED", reason: "Właściwy Wydział Finansowy" });
      expect(fresh).toMatchObject({ role: "LEADING", status: "TO_DEPARTMENT", departmentId: fn.id, userId: null });
      expect((await db.prisma.document.findUniqueOrThrow({ where: { id: r.id } })).departmentId).toBe(fn.id);
      expect((await listMyAssignments(fnHead, {})).department.items.map((i) => i.assignmentId)).toContain(fresh!.id);
      // GK can no longer move it.
      expect((await errorOf(assignToUser(gkHead, { assignmentId: fresh!.id, userId: gkClerk.actor.id, note: "", dueDate: "" }))).code).toBe("CONFLICT");

      await assignToUser(fnHead, { assignmentId: fresh!.id, userId: fnClerk.actor.id, note: "", dueDate: "" });
      await acceptAssignment(fnClerk, fresh!.id);
      await forwardAssignment(fnClerk, { assignmentId: fresh!.id, departmentId: "", userId: gkClerk.actor.id, reason: "Dotyczy też drogi gminnej" });
      const last = (await rowsOf(r.id)).at(-1);
      expect(last).toMatchObject({ status: "TO_USER", userId: gkClerk.actor.id, departmentId: gk.id });
      expect(await db.prisma.document.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ departmentId: gk.id, assigneeId: null, status: "REGISTERED" });
    });

    it("gives a substitute the absent clerk's work automatically", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Zastępstwo", leadingDepartmentId: gk.id }));
      const [row] = await rowsOf(r.id);
      await assignToUser(gkHead, { assignmentId: row!.id, userId: gkClerk.actor.id, note: "", dueDate: "" });
      const today = todayInPoland();
      const before = await listMyAssignments(fnClerk, {});
      expect(before.mine.items.map((i) => i.assignmentId)).not.toContain(row!.id);
      expect((await errorOf(acceptAssignment(fnClerk, row!.id))).code).toBe("NOT_FOUND");
      await createSubstitution(db.prisma, { absentId: gkClerk.actor.id, substituteId: fnClerk.actor.id, dateFrom: today, dateTo: today, createdById: gkHead.actor.id });
      const after = await listMyAssignments(fnClerk, {});
      expect(after.mine.items.find((i) => i.assignmentId === row!.id)).toMatchObject({ userName: "Katarzyna Wiśniewska", actions: ["accept", "return", "forward"] });
      expect((await countLetterInbox(fnClerk)).toAccept).toBeGreaterThanOrEqual(1);
      await acceptAssignment(fnClerk, row!.id);
      expect(await db.prisma.document.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ assigneeId: gkClerk.actor.id, status: "IN_PROGRESS" });
      await db.prisma.substitution.updateMany({ where: { absentId: gkClerk.actor.id }, data: { cancelledAt: new Date() } });
    });

    it("lets the head's substitute run the department queue", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Kolejka zastępcy", leadingDepartmentId: gk.id }));
      const [row] = await rowsOf(r.id);
      const today = todayInPoland();
      const s = await createSubstitution(db.prisma, { absentId: gkHead.actor.id, substituteId: gkClerk2.actor.id, dateFrom: today, dateTo: today, createdById: gkHead.actor.id });
      expect((await listMyAssignments(gkClerk2, {})).department.items.map((i) => i.assignmentId)).toContain(row!.id);
      await assignToUser(gkClerk2, { assignmentId: row!.id, userId: gkClerk.actor.id, note: "", dueDate: "" });
      await db.prisma.substitution.update({ where: { id: s.id }, data: { cancelledAt: new Date() } });
    });

    it("hides a confidential letter from the department but shows it to the named people", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Poufne: kontrola", confidential: true, accessUserIds: [gkClerk2.actor.id], leadingDepartmentId: gk.id }));
      expect((await errorOf(getLetter(gkHead, r.id))).code).toBe("NOT_FOUND");
      expect((await errorOf(getLetter(gkClerk, r.id))).code).toBe("NOT_FOUND");
      expect((await errorOf(getLetter(sekretarz, r.id))).code).toBe("NOT_FOUND");
      expect((await listMyAssignments(gkHead, {})).department.items.map((i) => i.documentId)).not.toContain(r.id);
      const seen = await getLetter(gkClerk2, r.id);
      expect(seen).toMatchObject({ confidential: true, accessPeople: [{ id: gkClerk2.actor.id, name: "Piotr Kowalski" }] });
      expect((await getLetter(kancelaria, r.id)).id).toBe(r.id);
    });

    it("lets the kancelaria correct a dekretacja with a reason before a clerk accepts, not after", async () => {
      const r = await registerLetter(kancelaria, letter({ subject: "Pomyłka", leadingDepartmentId: gk.id, cooperatingDepartmentIds: [os.id] }));
      expect((await errorOf(decreeLetter(kancelaria, { documentId: r.id, leadingDepartmentId: fn.id, cooperatingDepartmentIds: [], infoDepartmentIds: [], reason: "" }))).fieldErrors?.reason).toBeDefined();
      expect((await errorOf(decreeLetter(gkHead, { documentId: r.id, leadingDepartmentId: fn.id, cooperatingDepartmentIds: [], infoDepartmentIds: [], reason: "x" }))).code).toBe("CONFLICT");
      await decreeLetter(kancelaria, { documentId: r.id, leadingDepartmentId: fn.id, cooperatingDepartmentIds: [], infoDepartmentIds: [gk.id], reason: "Błędna komórka" });
      const rows = await rowsOf(r.id);
      expect(rows.map((x) => [x.role, x.status, x.departmentId])).toEqual([
        ["LEADING", "FORWARDED", gk.id],
        ["COOPERATING", "FORWARDED", os.id],
        ["LEADING", "TO_DEPARTMENT", fn.id],
        ["INFO", "TO_DEPARTMENT", gk.id],
      ]);
      const lead = rows[2]!;
      await assignToUser(fnHead, { assignmentId: lead.id, userId: fnClerk.actor.id, note: "", dueDate: "" });
      await acceptAssignment(fnClerk, lead.id);
      expect((await errorOf(decreeLetter(kancelaria, { documentId: r.id, leadingDepartmentId: gk.id, cooperatingDepartmentIds: [], infoDepartmentIds: [], reason: "Znowu" }))).code).toBe("CONFLICT");
    });
  });

  describe("internal letters", () => {
    it("sends a draft: WEW number, TO_DEPARTMENT rows and recipients; the recipient's head decrees it", async () => {
      const draft = await createInternalLetter(gkClerk, { subject: "Prośba o dane finansowe", body: "Proszę o zestawienie.", recipientDepartmentIds: [fn.id], caseId: "", confidential: false, send: false });
      expect(draft).toMatchObject({ registerNo: null, sent: false });
      expect((await getLetter(gkClerk, draft.id)).can).toMatchObject({ edit: true, send: true });
      expect((await errorOf(sendInternalLetter(gkClerk2, draft.id))).code).toBe("CONFLICT");
      const sent = await sendInternalLetter(gkClerk, draft.id);
      expect(sent.registerNo).toBe(`WEW/1/${year}`);
      const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: draft.id }, include: { recipients: true, assignments: true } });
      expect(doc).toMatchObject({ kind: "INTERNAL", status: "REGISTERED", departmentId: gk.id, assigneeId: null });
      expect(doc.recipients.map((x) => x.departmentId)).toEqual([fn.id]);
      expect(doc.assignments.map((x) => [x.role, x.status, x.departmentId])).toEqual([["LEADING", "TO_DEPARTMENT", fn.id]]);
      const queue = await listMyAssignments(fnHead, {});
      expect(queue.department.items.find((i) => i.documentId === draft.id)?.href).toBe(`/pisma/wewnetrzne/${draft.id}`);
      const osClerk = await ctxOf(db.prisma, (await createUser(db.prisma, { departmentId: os.id })).id);
      expect((await errorOf(getLetter(osClerk, draft.id))).code).toBe("NOT_FOUND");
      await assignToUser(fnHead, { assignmentId: doc.assignments[0]!.id, userId: fnClerk.actor.id, note: "", dueDate: "" });
      await acceptAssignment(fnClerk, doc.assignments[0]!.id);
      expect(await db.prisma.document.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "IN_PROGRESS", assigneeId: fnClerk.actor.id, departmentId: gk.id });
      expect((await listLetters(gkClerk, { kind: "INTERNAL", mine: true, sort: "received", page: 1 })).items.map((i) => i.id)).toContain(draft.id);
    });

    it("refuses sending without recipients and keeps the draft", async () => {
      const error = await errorOf(createInternalLetter(gkClerk, { subject: "Bez adresata", body: "", recipientDepartmentIds: [], caseId: "", confidential: false, send: true }));
      expect(error.fieldErrors?.recipientDepartmentIds).toBeDefined();
      expect(await db.prisma.document.count({ where: { subject: "Bez adresata" } })).toBe(0);
    });
  });

  describe("saved filters", () => {
    it("saves, lists and deletes the actor's own filters only", async () => {
      const f = await saveFilter(gkClerk, { view: "rpw", name: "Moje ePUAP", query: "?kanal=EPUAP&strona=3" });
      expect(f.query).toBe("kanal=EPUAP");
      await saveFilter(gkClerk, { view: "rpw", name: "Moje ePUAP", query: "kanal=EPUAP&moje=1" });
      expect(await listSavedFilters(gkClerk, "rpw")).toEqual([{ id: f.id, name: "Moje ePUAP", query: "kanal=EPUAP&moje=1" }]);
      expect(await listSavedFilters(gkClerk2, "rpw")).toEqual([]);
      expect((await errorOf(deleteSavedFilter(gkClerk2, f.id))).code).toBe("NOT_FOUND");
      await deleteSavedFilter(gkClerk, f.id);
      expect(await listSavedFilters(gkClerk, "rpw")).toEqual([]);
    });
  });
});
