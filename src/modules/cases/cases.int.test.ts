import { seedJrwaIfEmpty } from "@prisma-seed/jrwa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createUser, errorOf, TEST_META } from "@/test/factories";
import {
  addCaseNote,
  addDocumentToCase,
  closeCase,
  countCaseInbox,
  getCase,
  getCaseRegister,
  getMetryka,
  issueDeadlineNotice,
  listCases,
  openCase,
  reopenCase,
  resumeCase,
  startCase,
  suspendCase,
  transferCase,
} from "./cases.service";
import { createJrwaClass, deleteJrwaClass, getJrwaTree, searchJrwa, setJrwaClassActive, updateJrwaClass } from "./jrwa.service";

const YEAR = Number(todayInPoland().slice(0, 4));

describe.each(TEST_DB_KINDS)("cases (%s)", (kind) => {
  let db: TestDb;
  let clerk: ServiceContext, clerk2: ServiceContext, head: ServiceContext, fnClerk: ServiceContext, referatClerk: ServiceContext, admin: ServiceContext;
  let gk: { id: string }, gkd: { id: string }, fn: { id: string };
  const jrwa: Record<string, string> = {};
  let contactId: string;
  let registerSeq = 0;

  const ctxOf = async (roles: ("PRACOWNIK" | "KIEROWNIK" | "ADMINISTRATOR")[], departmentId: string | null, position = "Inspektor") => {
    const u = await createUser(db.prisma, { roles, departmentId });
    return { db: db.prisma, actor: { ...actorOf(u), positionName: position }, meta: TEST_META } satisfies ServiceContext;
  };
  const letter = async (data: { departmentId: string; assigneeId?: string; senderId?: string; receivedAt?: Date; status?: "REGISTERED" | "IN_PROGRESS" }) =>
    db.prisma.document.create({
      data: {
        kind: "INCOMING",
        status: data.status ?? "IN_PROGRESS",
        channel: "PAPER",
        subject: "Wniosek o wydanie decyzji o środowiskowych uwarunkowaniach",
        ...(() => {
          const n = ++registerSeq;
          return { registerNo: `RPW/${n}/${YEAR}`, registerYear: YEAR, registerSeq: n };
        })(),
        departmentId: data.departmentId,
        assigneeId: data.assigneeId,
        senderId: data.senderId,
        receivedAt: data.receivedAt ?? new Date(),
        createdById: admin.actor.id,
      },
    });
  const open = (ctx: ServiceContext, symbol: string, extra: Record<string, unknown> = {}, now?: Date) =>
    openCase(ctx, { jrwaClassId: jrwa[symbol]!, title: `Sprawa ${symbol}`, deadlineType: "KPA_1M", ...extra }, now);

  beforeAll(async () => {
    db = await createTestDb(kind);
    expect(await seedJrwaIfEmpty(db.prisma)).toBe(true);
    expect(await seedJrwaIfEmpty(db.prisma)).toBe(false);
    for (const c of await db.prisma.jrwaClass.findMany({ select: { id: true, symbol: true } })) jrwa[c.symbol] = c.id;
    gk = await createDepartment(db.prisma, { symbol: "GK" });
    gkd = await createDepartment(db.prisma, { symbol: "GK-D", parentId: gk.id });
    fn = await createDepartment(db.prisma, { symbol: "FN" });
    admin = await ctxOf(["ADMINISTRATOR"], null, "Informatyk");
    clerk = await ctxOf(["PRACOWNIK"], gk.id);
    clerk2 = await ctxOf(["PRACOWNIK"], gk.id);
    head = await ctxOf(["KIEROWNIK"], gk.id, "Naczelnik Wydziału");
    await db.prisma.department.update({ where: { id: gk.id }, data: { headId: head.actor.id } });
    fnClerk = await ctxOf(["PRACOWNIK"], fn.id);
    referatClerk = await ctxOf(["PRACOWNIK"], gkd.id);
    contactId = (await db.prisma.contact.create({ data: { kind: "PERSON", name: "Kowalski Jan", sortKey: "kowalski jan", searchText: "kowalski jan" } })).id;
  });
  afterAll(async () => db?.destroy());

  describe("JRWA", () => {
    it("seeds the gmina file plan with categories on every leaf", async () => {
      const leaves = await db.prisma.jrwaClass.findMany({ where: { isLeaf: true } });
      expect(leaves.length).toBeGreaterThanOrEqual(150);
      expect(leaves.every((l) => l.category !== null && l.symbol.length === 4)).toBe(true);
      for (const s of ["0012", "0052", "1431", "1510", "6220", "7021", "7234"]) expect(jrwa[s], s).toBeDefined();
      const c6220 = await db.prisma.jrwaClass.findUniqueOrThrow({ where: { symbol: "6220" }, include: { parent: true } });
      expect(c6220.name).toMatch(/środowiskowych uwarunkowaniach/);
      expect(c6220.parent?.symbol).toBe("622");
      expect((await searchJrwa(clerk, { q: "srodowiskowych", limit: 20 })).map((c) => c.symbol)).toContain("6220");
      expect((await searchJrwa(clerk, { q: "622", limit: 20 })).map((c) => c.symbol)).toEqual(["6220", "6221"]);
    });

    it("lets the administrator add, edit, withdraw and delete classes, with the rules of the plan", async () => {
      const created = await createJrwaClass(admin, { symbol: "6229", name: "Klasa testowa", category: "BE10", isLeaf: true });
      expect(created).toMatchObject({ symbol: "6229", parentId: jrwa["622"], isLeaf: true });
      expect((await errorOf(createJrwaClass(admin, { symbol: "6229", name: "Drugi raz", category: "A", isLeaf: true }))).code).toBe("CONFLICT");
      expect((await errorOf(createJrwaClass(admin, { symbol: "9991", name: "Bez rodzica", category: "A", isLeaf: true }))).fieldErrors?.symbol).toMatch(/999/);
      expect((await errorOf(createJrwaClass(admin, { symbol: "62201", name: "Pod klasą końcową", category: "A", isLeaf: true }))).code).toBe("BAD_REQUEST");
      // The DB CHECK is the backstop of the category pattern.
      await expect(db.prisma.jrwaClass.update({ where: { id: created.id }, data: { category: "X5" } })).rejects.toThrow();
      const updated = await updateJrwaClass(admin, { id: created.id, name: "Klasa testowa zmieniona", category: "B5", isLeaf: true });
      expect(updated.category).toBe("B5");
      await setJrwaClassActive(admin, created.id, false);
      expect((await searchJrwa(clerk, { q: "6229", limit: 5 })).length).toBe(0);
      await deleteJrwaClass(admin, created.id);
      const audit = await db.prisma.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" }, select: { action: true } });
      expect(audit.map((a) => a.action)).toEqual(["jrwa.created", "jrwa.updated", "jrwa.deactivated", "jrwa.deleted"]);
      expect((await getJrwaTree(admin, { q: "informacji publicznej" })).nodes.map((n) => n.symbol)).toEqual(expect.arrayContaining(["1", "14", "143", "1431"]));
      expect((await errorOf(getJrwaTree(clerk, {}))).code).toBe("FORBIDDEN");
    });

    it("keeps a class with cases: it can only be withdrawn", async () => {
      await open(clerk, "0052");
      const error = await errorOf(deleteJrwaClass(admin, jrwa["0052"]!));
      expect(error.code).toBe("CONFLICT");
      expect(error.userMessage).toMatch(/wycofać/);
    });
  });

  describe("opening", () => {
    it("numbers cases per department, class and year: GK.6220.1, GK.6220.2, separate counters elsewhere", async () => {
      const a = await open(clerk, "6220");
      const b = await open(clerk2, "6220");
      expect(a.mark).toBe(`GK.6220.1.${YEAR}`);
      expect(b.mark).toBe(`GK.6220.2.${YEAR}`);
      expect((await open(clerk, "7021")).mark).toBe(`GK.7021.1.${YEAR}`);
      expect((await open(fnClerk, "6220")).mark).toBe(`FN.6220.1.${YEAR}`);
      expect((await open(referatClerk, "7021", { initials: "jk" })).mark).toBe(`GK-D.7021.1.${YEAR}.JK`);
      const nextYear = new Date(Date.UTC(YEAR + 1, 0, 15, 12));
      expect((await open(clerk, "6220", {}, nextYear)).mark).toBe(`GK.6220.1.${YEAR + 1}`);
      expect((await open(clerk, "6220")).mark).toBe(`GK.6220.3.${YEAR}`);
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: a.id, action: "case.opened" } });
      expect(audit).toMatchObject({ actorId: clerk.actor.id, actorPosition: "Inspektor", entityType: "case" });
    });

    it("gives 20 concurrent openings in one class consecutive numbers", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => open(fnClerk, "3100")));
      const numbers = results.map((r) => Number(r.mark.split(".")[2])).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it("refuses a group class, another department, and a responsible chosen by a clerk", async () => {
      expect((await errorOf(open(clerk, "622"))).fieldErrors?.jrwaClassId).toBeDefined();
      expect((await errorOf(open(clerk, "6220", { departmentId: fn.id }))).code).toBe("NOT_FOUND");
      expect((await errorOf(open(clerk, "6220", { responsibleId: clerk2.actor.id }))).code).toBe("FORBIDDEN");
      const byHead = await open(head, "6220", { responsibleId: clerk2.actor.id });
      expect((await getCase(clerk2, byHead.id)).responsible.id).toBe(clerk2.actor.id);
      // A head may open in a referat of their department.
      expect((await open(head, "7021", { departmentId: gkd.id, responsibleId: referatClerk.actor.id })).mark).toBe(`GK-D.7021.2.${YEAR}`);
    });

    it("opens a case from a letter: the letter joins it, its sender becomes a party, the start date is the day of receipt", async () => {
      const doc = await letter({ departmentId: gk.id, assigneeId: clerk.actor.id, senderId: contactId, receivedAt: new Date("2026-11-02T09:00:00Z") });
      expect((await errorOf(open(clerk2, "6220", { sourceDocumentId: doc.id }))).code).toBe("FORBIDDEN");
      expect((await errorOf(open(fnClerk, "6220", { sourceDocumentId: doc.id }))).code).toBe("NOT_FOUND");
      const c = await open(clerk, "6220", { sourceDocumentId: doc.id, deadlineType: "DAYS_14" });
      const detail = await getCase(clerk, c.id);
      expect(detail.parties.map((p) => p.name)).toEqual(["Kowalski Jan"]);
      expect(detail.startDate).toBe("2026-11-02");
      expect(detail.dueDate).toBe("2026-11-16");
      expect(detail.documents.map((d) => d.id)).toEqual([doc.id]);
      expect((await db.prisma.document.findUniqueOrThrow({ where: { id: doc.id } })).caseId).toBe(c.id);
      expect((await errorOf(open(clerk, "6220", { sourceDocumentId: doc.id }))).code).toBe("CONFLICT");
      // The head of the letter's department may open from it too.
      const doc2 = await letter({ departmentId: gk.id, assigneeId: clerk.actor.id });
      expect((await open(head, "6220", { sourceDocumentId: doc2.id })).mark).toMatch(/^GK\.6220\.\d+\./);
    });
  });

  describe("visibility", () => {
    it("answers NOT_FOUND to another department, by service and by router", async () => {
      const c = await open(clerk, "6220");
      expect((await errorOf(getCase(fnClerk, c.id))).code).toBe("NOT_FOUND");
      expect((await errorOf(getMetryka(fnClerk, c.id))).code).toBe("NOT_FOUND");
      expect((await errorOf(suspendCase(fnClerk, c.id, "x"))).code).toBe("NOT_FOUND");
      const fnDoc = await letter({ departmentId: fn.id, assigneeId: fnClerk.actor.id });
      expect((await errorOf(addDocumentToCase(clerk, { caseId: c.id, documentId: fnDoc.id }))).code).toBe("NOT_FOUND");
      await expect(createCaller({ db: db.prisma, actor: fnClerk.actor, meta: TEST_META }).cases.get({ id: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listCases(fnClerk, { view: "wszystkie", sort: "najnowsze", page: 1 })).items.map((i) => i.id)).not.toContain(c.id);
      // A colleague of the department sees it but may not change it.
      expect((await getCase(clerk2, c.id)).canManage).toBe(false);
      expect((await errorOf(suspendCase(clerk2, c.id, "x"))).code).toBe("FORBIDDEN");
    });

    it("narrows a confidential case to the named people", async () => {
      const c = await open(clerk, "1431", { confidential: true, accessUserIds: [fnClerk.actor.id] });
      expect((await errorOf(getCase(clerk2, c.id))).code).toBe("NOT_FOUND");
      expect((await getCase(fnClerk, c.id)).confidential).toBe(true);
      // Confidential narrows even the head's department-wide view.
      expect((await errorOf(getCase(head, c.id))).code).toBe("NOT_FOUND");
      expect((await getCase(clerk, c.id)).id).toBe(c.id);
    });
  });

  describe("life of a case", () => {
    it("moves through statuses; suspension moves the due date; closing finishes its incoming letters", async () => {
      const doc = await letter({ departmentId: gk.id, assigneeId: clerk.actor.id, status: "IN_PROGRESS" });
      const c = await open(clerk, "7234", { sourceDocumentId: doc.id, deadlineType: "DAYS_14", startDate: "2026-11-02" });
      expect((await getCase(clerk, c.id)).dueDate).toBe("2026-11-16");
      await startCase(clerk, c.id);
      expect((await errorOf(resumeCase(clerk, c.id))).code).toBe("BAD_REQUEST");
      await suspendCase(clerk, c.id, "Oczekiwanie na opinię RDOŚ", new Date("2026-11-05T10:00:00Z"));
      expect((await getCase(clerk, c.id)).status).toBe("SUSPENDED");
      expect((await errorOf(closeCase(clerk, c.id, null))).code).toBe("BAD_REQUEST");
      expect(await resumeCase(clerk, c.id, new Date("2026-11-15T10:00:00Z"))).toEqual({ dueDate: "2026-11-26" });
      const detail = await getCase(clerk, c.id);
      expect(detail).toMatchObject({ status: "IN_PROGRESS", dueDate: "2026-11-26", suspendedReason: null });
      expect(detail.suspensions).toEqual([expect.objectContaining({ startedOn: "2026-11-05", endedOn: "2026-11-15", reason: "Oczekiwanie na opinię RDOŚ" })]);
      await closeCase(clerk, c.id, "Wydano zezwolenie");
      expect((await db.prisma.document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe("DONE");
      expect((await errorOf(addCaseNote(clerk, { caseId: c.id, subject: "x", body: null }))).code).toBe("BAD_REQUEST");
      await reopenCase(clerk, c.id, "Skarga strony");
      expect((await getCase(clerk, c.id)).status).toBe("REOPENED");
      await closeCase(clerk, c.id, null);
      expect((await getCase(clerk, c.id)).status).toBe("CLOSED");
    });

    it("issues an art. 36 notice that moves the due date", async () => {
      const c = await open(clerk, "6220", { deadlineType: "KPA_1M" });
      const before = (await getCase(clerk, c.id)).dueDate!;
      expect((await errorOf(issueDeadlineNotice(clerk, { id: c.id, reason: "Opinia", newDueDate: before }))).fieldErrors?.newDueDate).toBeDefined();
      const later = `${Number(before.slice(0, 4)) + 1}${before.slice(4)}`;
      const notice = await issueDeadlineNotice(clerk, { id: c.id, reason: "Konieczność uzyskania opinii", newDueDate: later });
      const detail = await getCase(clerk, c.id);
      expect(detail.dueDate).toBe(later);
      expect(detail.notices).toEqual([expect.objectContaining({ id: notice.id, previousDue: before, newDue: later })]);
    });

    it("transfers a case to another department; the mark stays", async () => {
      const c = await open(clerk, "6220");
      await transferCase(clerk, { id: c.id, responsibleId: fnClerk.actor.id, reason: "Właściwość FN" });
      const detail = await getCase(fnClerk, c.id);
      expect(detail).toMatchObject({ mark: c.mark, department: { symbol: "FN" }, responsible: { id: fnClerk.actor.id } });
      expect((await errorOf(getCase(clerk2, c.id))).code).toBe("NOT_FOUND");
    });

    it("lists my cases, the overdue ones and counts them for the inbox", async () => {
      const me = await ctxOf(["PRACOWNIK"], gk.id);
      const overdue = await open(me, "6220", { deadlineType: "DAYS_7", startDate: "2020-01-02" });
      const soon = await open(me, "6220", { deadlineType: "CUSTOM", customDueDate: todayInPoland(), startDate: "2020-01-02" });
      await open(me, "6220", { deadlineType: "NONE" });
      const ids = async (view: "moje" | "po-terminie" | "termin") => (await listCases(me, { view, sort: "termin", page: 1 })).items.map((i) => i.id);
      expect((await ids("moje")).length).toBe(3);
      expect(await ids("po-terminie")).toContain(overdue.id);
      expect(await ids("termin")).toContain(soon.id);
      expect(await countCaseInbox(me)).toEqual({ open: 3, overdue: 1, dueSoon: 1 });
      const q = await listCases(me, { view: "moje", sort: "najnowsze", page: 1, q: overdue.mark });
      expect(q.items.map((i) => i.id)).toEqual([overdue.id]);
    });
  });

  describe("metryka and spis spraw", () => {
    it("lists the events of the case and of its documents, with person, position and document id", async () => {
      const doc = await letter({ departmentId: gk.id, assigneeId: clerk.actor.id });
      await db.prisma.auditEvent.create({
        data: { action: "letter.registered", entityType: "document", entityId: doc.id, documentId: doc.id, actorName: "Anna Kowalczyk", actorPosition: "Starszy inspektor", occurredAt: new Date(Date.now() - 60_000) },
      });
      const c = await open(clerk, "6220", { sourceDocumentId: doc.id });
      const note = await addCaseNote(clerk, { caseId: c.id, subject: "Notatka z oględzin", body: "Teren zgodny z wnioskiem." });
      await suspendCase(clerk, c.id, "Braki formalne");
      const m = await getMetryka(clerk, c.id);
      expect(m.mark).toBe(c.mark);
      expect(m.rows.map((r) => r.action)).toEqual(["letter.registered", "case.opened", "case.note-added", "case.suspended"]);
      expect(m.rows[0]).toMatchObject({ actorName: "Anna Kowalczyk", actorPosition: "Starszy inspektor", documentLabel: doc.registerNo });
      expect(m.rows[1]).toMatchObject({ actorName: `${clerk.actor.firstName} ${clerk.actor.lastName}`, actorPosition: "Inspektor", documentLabel: doc.registerNo });
      const noteSeq = (await db.prisma.document.findUniqueOrThrow({ where: { id: note.id } })).seq;
      expect(m.rows[2]).toMatchObject({ documentLabel: `ID ${noteSeq}`, documentHref: `/sprawy/${c.id}#dokument-${note.id}` });
      expect(m.rows[3]!.documentLabel).toBeNull();
    });

    it("prints the spis spraw of a department, class and year, hiding confidential titles", async () => {
      const dep = await createDepartment(db.prisma, { symbol: "SP" });
      const a = await ctxOf(["PRACOWNIK"], dep.id);
      const b = await ctxOf(["PRACOWNIK"], dep.id);
      const first = await open(a, "1510", { partyIds: [contactId], title: "Skarga na działalność" });
      await open(a, "1510", { confidential: true, title: "Tajny tytuł" });
      await closeCase(a, first.id, null);
      const reg = await getCaseRegister(b, { departmentId: dep.id, jrwa: "1510", year: YEAR, page: 1 });
      expect(reg.selection).toMatchObject({ department: { symbol: "SP" }, jrwa: { symbol: "1510" }, year: YEAR });
      expect(reg.rows.map((r) => [r.number, r.mark, r.title, r.from])).toEqual([
        [1, `SP.1510.1.${YEAR}`, "Skarga na działalność", "Kowalski Jan"],
        [2, `SP.1510.2.${YEAR}`, expect.stringMatching(/poufna/), null],
      ]);
      expect(reg.rows[0]!.closedOn).toBe(todayInPoland());
      expect(reg.classesWithCases.map((c) => c.symbol)).toEqual(["1510"]);
      expect((await getCaseRegister(fnClerk, { departmentId: dep.id, jrwa: "1510", year: YEAR, page: 1 })).selection).toBeNull();
    });
  });
});
