/**
 * The shared kancelaria core on both databases: gap-free register numbers under concurrency and on
 * rollback, and the one visibility rule for letters and cases (department, head with referaty,
 * substitute, kancelaria, kierownictwo, confidential).
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createSubstitution, createUser } from "@/test/factories";
import { caseVisibleWhere, documentVisibleWhere, loadWorkScope } from "./documents.policy";
import { nextRegisterNumber, polishYear } from "./registers";

const NOW = new Date("2026-03-10T10:00:00Z");

describe("polishYear", () => {
  it("counts New Year's Eve late evening UTC as the next year in Poland", () => {
    expect(polishYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027); // 00:30 on 1 January in Warsaw (UTC+1)
    expect(polishYear(new Date("2026-12-31T23:00:00Z"))).toBe(2027);
    expect(polishYear(new Date("2026-12-31T22:59:59Z"))).toBe(2026);
  });
});

describe.each(TEST_DB_KINDS)("register numbers on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.destroy());

  it("numbers per register and per year, in the configured format", async () => {
    await db.prisma.office.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Urząd", shortName: "UM", street: "ul. Testowa 1", postalCode: "00-001", city: "Test", rpwFormat: "KO.{n}.{yy}" },
      update: { rpwFormat: "KO.{n}.{yy}" },
    });
    const take = (register: "RPW" | "OUTGOING", at: Date) => db.prisma.$transaction((tx) => nextRegisterNumber(tx, register, at));
    expect((await take("RPW", NOW)).registerNo).toBe("KO.1.26");
    expect(await take("RPW", NOW)).toEqual({ registerNo: "KO.2.26", registerYear: 2026, registerSeq: 2 });
    expect((await take("OUTGOING", NOW)).registerNo).toBe("PWY/1/2026");
    expect((await take("RPW", new Date("2027-01-02T10:00:00Z"))).registerNo).toBe("KO.1.27");
  });

  it("gives a rolled-back number to the next registration (no gaps)", async () => {
    const at = new Date("2030-05-05T10:00:00Z");
    await db.prisma.$transaction((tx) => nextRegisterNumber(tx, "INTERNAL", at));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await nextRegisterNumber(tx, "INTERNAL", at);
        throw new Error("registration failed");
      }),
    ).rejects.toThrow("registration failed");
    expect((await db.prisma.$transaction((tx) => nextRegisterNumber(tx, "INTERNAL", at))).registerSeq).toBe(2);
  });

  it("hands out distinct consecutive numbers to 50 concurrent transactions", async () => {
    const at = new Date("2031-02-02T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        db.prisma.$transaction(
          async (tx) => {
            const n = await nextRegisterNumber(tx, "DISPATCH_BOOK", at);
            await new Promise((r) => setTimeout(r, 2)); // hold the row lock a little, as a real registration does
            return n.registerSeq;
          },
          { timeout: 60_000, maxWait: 60_000 },
        ),
      ),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});

describe.each(TEST_DB_KINDS)("visibility of letters and cases on %s", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    const gk = await createDepartment(prisma, { symbol: "GK", name: "Wydział Gospodarki Komunalnej" });
    const gkd = await createDepartment(prisma, { symbol: "GK-D", name: "Referat Dróg", parentId: gk.id });
    const fn = await createDepartment(prisma, { symbol: "FN", name: "Wydział Finansowy" });
    const head = await createUser(prisma, { roles: ["KIEROWNIK"], departmentId: gk.id });
    await prisma.department.update({ where: { id: gk.id }, data: { headId: head.id } });
    const clerk = await createUser(prisma, { departmentId: gk.id });
    const roadClerk = await createUser(prisma, { departmentId: gkd.id });
    const fnClerk = await createUser(prisma, { departmentId: fn.id });
    const registry = await createUser(prisma, { roles: ["KANCELARIA"], departmentId: fn.id });
    const sekretarz = await createUser(prisma, { roles: ["SEKRETARZ"] });
    Object.assign(ids, { gk: gk.id, gkd: gkd.id, fn: fn.id, head: head.id, clerk: clerk.id, roadClerk: roadClerk.id, fnClerk: fnClerk.id, registry: registry.id, sekretarz: sekretarz.id });

    const jrwa = await prisma.jrwaClass.create({ data: { symbol: "6220", name: "Oceny", isLeaf: true, category: "A" } });
    const doc = (subject: string, data: Record<string, unknown>) =>
      prisma.document.create({ data: { kind: "INCOMING", status: "REGISTERED", channel: "PAPER", subject, createdById: registry.id, ...data } });
    ids.gkLetter = (await doc("GK letter", { departmentId: gk.id })).id;
    ids.roadLetter = (await doc("Road letter", { departmentId: gkd.id })).id;
    ids.fnLetter = (await doc("FN letter", { departmentId: fn.id, createdById: fnClerk.id })).id;
    ids.secret = (await doc("Secret GK letter", { departmentId: gk.id, confidential: true })).id;
    ids.secretForClerk = (await doc("Secret for clerk", { departmentId: gk.id, confidential: true, access: { create: { userId: clerk.id } } })).id;
    ids.draft = (await prisma.document.create({ data: { kind: "OUTGOING", status: "DRAFT", channel: "REGISTERED_MAIL", subject: "GK draft", departmentId: gk.id, createdById: clerk.id } })).id;
    ids.gkCase = (
      await prisma.case.create({
        data: { mark: "GK.6220.1.2026", departmentId: gk.id, departmentSymbol: "GK", jrwaClassId: jrwa.id, year: 2026, number: 1, title: "Sprawa GK", responsibleId: clerk.id, startDate: NOW, createdById: clerk.id },
      })
    ).id;
    ids.fnCase = (
      await prisma.case.create({
        data: { mark: "FN.6220.1.2026", departmentId: fn.id, departmentSymbol: "FN", jrwaClassId: jrwa.id, year: 2026, number: 1, title: "Sprawa FN", responsibleId: fnClerk.id, startDate: NOW, createdById: fnClerk.id, confidential: true },
      })
    ).id;
  });
  afterAll(async () => db?.destroy());

  const userOf = (id: string) => prisma.user.findUniqueOrThrow({ where: { id } });
  async function visible(userId: string) {
    const scope = await loadWorkScope(prisma, actorOf(await userOf(userId)), NOW);
    const docs = await prisma.document.findMany({ where: documentVisibleWhere(scope), select: { subject: true }, orderBy: { subject: "asc" } });
    const cases = await prisma.case.findMany({ where: caseVisibleWhere(scope), select: { mark: true }, orderBy: { mark: "asc" } });
    return { docs: docs.map((d) => d.subject), cases: cases.map((c) => c.mark) };
  }

  it("a clerk sees their department's letters and cases, what they were named on, and nothing of another department", async () => {
    expect(await visible(ids.clerk!)).toEqual({ docs: ["GK draft", "GK letter", "Secret for clerk"], cases: ["GK.6220.1.2026"] });
    expect(await visible(ids.fnClerk!)).toEqual({ docs: ["FN letter"], cases: ["FN.6220.1.2026"] });
  });

  it("a head also sees the referaty below, but not confidential letters they were not named on", async () => {
    expect(await visible(ids.head!)).toEqual({ docs: ["GK draft", "GK letter", "Road letter"], cases: ["GK.6220.1.2026"] });
    expect((await visible(ids.roadClerk!)).docs).toEqual(["Road letter"]);
  });

  it("a substitute sees what the absent person sees, only while the substitution lasts", async () => {
    await createSubstitution(prisma, { absentId: ids.clerk!, substituteId: ids.fnClerk!, dateFrom: "2026-03-09", dateTo: "2026-03-11", createdById: ids.head! });
    const during = await visible(ids.fnClerk!);
    expect(during.docs).toEqual(["FN letter", "GK draft", "GK letter", "Secret for clerk"]);
    expect(during.cases).toEqual(["FN.6220.1.2026", "GK.6220.1.2026"]);
    const after = await loadWorkScope(prisma, actorOf(await userOf(ids.fnClerk!)), new Date("2026-03-12T10:00:00Z"));
    expect(after.userIds).toEqual([ids.fnClerk]);
  });

  it("states the kancelaria's rule more simply when the caller lists only incoming letters, with the same result", async () => {
    const scope = await loadWorkScope(prisma, actorOf(await userOf(ids.registry!)), NOW);
    const subjects = async (where: object) => (await prisma.document.findMany({ where, select: { subject: true }, orderBy: { subject: "asc" } })).map((d) => d.subject);
    expect(await subjects({ AND: [{ kind: "INCOMING" }, documentVisibleWhere(scope, { kind: "INCOMING" })] })).toEqual(await subjects({ AND: [{ kind: "INCOMING" }, documentVisibleWhere(scope)] }));
    expect(documentVisibleWhere(scope, { kind: "INCOMING" })).not.toEqual(documentVisibleWhere(scope));
    // Drafts are not the registry's: narrowing to DRAFT keeps the full rule.
    expect(documentVisibleWhere(scope, { kind: "OUTGOING", statuses: ["DRAFT"] })).toEqual(documentVisibleWhere(scope));
    expect(await subjects({ AND: [{ kind: "OUTGOING" }, documentVisibleWhere(scope, { kind: "OUTGOING", statuses: ["DRAFT"] })] })).toEqual([]);
  });

  it("the kancelaria sees every non-confidential incoming letter but no drafts; kierownictwo sees all non-confidential", async () => {
    expect((await visible(ids.registry!)).docs).toEqual(["FN letter", "GK letter", "Road letter", "Secret GK letter", "Secret for clerk"]);
    expect(await visible(ids.sekretarz!)).toEqual({ docs: ["FN letter", "GK draft", "GK letter", "Road letter"], cases: ["GK.6220.1.2026"] });
  });

  it("a case's documents follow the case: its department and responsible clerk see them, also after a transfer", async () => {
    const note = await prisma.document.create({ data: { kind: "NOTE", status: "IN_PROGRESS", channel: "INTERNAL", subject: "Case note", createdById: ids.registry!, caseId: ids.gkCase! } });
    const sees = async (userId: string) => (await visible(userId)).docs.includes("Case note");
    expect(await prisma.document.findUniqueOrThrow({ where: { id: note.id }, select: { accessDepartmentIds: true, accessUserIds: true } })).toEqual({
      accessDepartmentIds: [ids.gk],
      accessUserIds: [ids.clerk, ids.registry].sort(),
    });
    expect([await sees(ids.clerk!), await sees(ids.roadClerk!)]).toEqual([true, false]);
    await prisma.case.update({ where: { id: ids.gkCase! }, data: { departmentId: ids.gkd!, responsibleId: ids.roadClerk! } });
    expect([await sees(ids.clerk!), await sees(ids.roadClerk!)]).toEqual([false, true]);
    await prisma.document.update({ where: { id: note.id }, data: { caseId: null } });
    expect(await sees(ids.roadClerk!)).toBe(false);
    await prisma.case.update({ where: { id: ids.gkCase! }, data: { departmentId: ids.gk!, responsibleId: ids.clerk! } });
    await prisma.document.delete({ where: { id: note.id } });
  });

  it("keeps each letter's access lists when dekretacja, approval, access and recipients change", async () => {
    const letter = await prisma.document.create({ data: { kind: "INCOMING", status: "REGISTERED", channel: "PAPER", subject: "Tracked letter", createdById: ids.registry! } });
    const lists = () => prisma.document.findUniqueOrThrow({ where: { id: letter.id }, select: { accessDepartmentIds: true, accessUserIds: true } });
    expect(await lists()).toEqual({ accessDepartmentIds: [], accessUserIds: [ids.registry] });
    const a = await prisma.documentAssignment.create({ data: { documentId: letter.id, role: "COOPERATING", status: "TO_DEPARTMENT", departmentId: ids.fn!, assignedById: ids.registry! } });
    expect((await lists()).accessDepartmentIds).toEqual([ids.fn]);
    await prisma.documentAssignment.update({ where: { id: a.id }, data: { userId: ids.fnClerk!, status: "TO_USER" } });
    expect((await lists()).accessUserIds).toEqual([ids.fnClerk, ids.registry].sort());
    await prisma.approvalStep.create({ data: { documentId: letter.id, order: 1, approverId: ids.head!, status: "PENDING" } });
    await prisma.documentAccess.create({ data: { documentId: letter.id, userId: ids.sekretarz! } });
    await prisma.documentRecipient.create({ data: { documentId: letter.id, departmentId: ids.gkd!, name: "Referat Dróg", channel: "INTERNAL" } });
    expect(await lists()).toEqual({ accessDepartmentIds: [ids.fn, ids.gkd].sort(), accessUserIds: [ids.fnClerk, ids.head, ids.registry, ids.sekretarz].sort() });
    await prisma.documentAssignment.delete({ where: { id: a.id } });
    await prisma.documentAccess.delete({ where: { documentId_userId: { documentId: letter.id, userId: ids.sekretarz! } } });
    expect(await lists()).toEqual({ accessDepartmentIds: [ids.gkd], accessUserIds: [ids.head, ids.registry].sort() });
    expect((await visible(ids.roadClerk!)).docs).toContain("Tracked letter");
    expect((await visible(ids.fnClerk!)).docs).not.toContain("Tracked letter");
    await prisma.approvalStep.deleteMany({ where: { documentId: letter.id } });
    await prisma.documentRecipient.deleteMany({ where: { documentId: letter.id } });
    await prisma.document.delete({ where: { id: letter.id } });
  });
});
