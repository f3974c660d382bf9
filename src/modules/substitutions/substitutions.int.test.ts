import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createActor, createDepartment, createSubstitution, createUser, errorOf, TEST_META } from "@/test/factories";
import { ZCreateSubstitutionInput, type CreateSubstitutionInput } from "./substitutions.schemas";
import { cancelSubstitution, createSubstitution as createService, findActiveSubstitutes, getSubstitutionOptions, listSubstitutions } from "./substitutions.service";

/** Today in Poland shifted by `offset` days, as YYYY-MM-DD. */
function day(offset: number): string {
  const d = new Date(`${todayInPoland()}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const input = (v: Omit<CreateSubstitutionInput, "reason"> & { reason?: string }) => ZCreateSubstitutionInput.parse({ reason: "Urlop wypoczynkowy", ...v });

describe.each(TEST_DB_KINDS)("substitutions (%s)", (kind) => {
  let db: TestDb;
  let kierownik: ServiceContext;
  let sekretarz: ServiceContext;
  let gkClerk: { id: string }, gkClerk2: { id: string }, gkClerk3: { id: string }, referatClerk: { id: string }, fnClerk: { id: string }, fnClerk2: { id: string };

  beforeAll(async () => {
    db = await createTestDb(kind);
    const gk = await createDepartment(db.prisma, { symbol: "GK" });
    const gkd = await createDepartment(db.prisma, { symbol: "GK-D", parentId: gk.id });
    const fn = await createDepartment(db.prisma, { symbol: "FN" });
    kierownik = await createActor(db.prisma, ["KIEROWNIK"], gk.id);
    sekretarz = await createActor(db.prisma, ["SEKRETARZ"], null);
    gkClerk = await createUser(db.prisma, { firstName: "Katarzyna", lastName: "Wiśniewska", departmentId: gk.id });
    gkClerk2 = await createUser(db.prisma, { firstName: "Piotr", lastName: "Kowalski", departmentId: gk.id });
    gkClerk3 = await createUser(db.prisma, { firstName: "Łucja", lastName: "Żak", departmentId: gk.id });
    referatClerk = await createUser(db.prisma, { firstName: "Adam", lastName: "Drogowy", departmentId: gkd.id });
    fnClerk = await createUser(db.prisma, { firstName: "Beata", lastName: "Finansowa", departmentId: fn.id });
    fnClerk2 = await createUser(db.prisma, { firstName: "Celina", lastName: "Podatkowa", departmentId: fn.id });
  });
  afterAll(async () => db?.destroy());

  const auditOf = (entityId: string) => db.prisma.auditEvent.findMany({ where: { entityId }, select: { action: true, actorId: true, data: true }, orderBy: { id: "asc" } });

  describe("scope", () => {
    it("lets a kierownik record substitutions in their department and its referaty, with an audit entry", async () => {
      const s = await createService(kierownik, input({ absentId: gkClerk.id, substituteId: gkClerk2.id, dateFrom: day(0), dateTo: day(4) }));
      expect(s).toMatchObject({ status: "current", canCancel: true, dateFrom: day(0), dateTo: day(4), absent: { name: "Katarzyna Wiśniewska", departmentSymbol: "GK" } });
      expect(await auditOf(s.id)).toEqual([
        { action: "substitution.created", actorId: kierownik.actor.id, data: { absentId: gkClerk.id, substituteId: gkClerk2.id, dateFrom: day(0), dateTo: day(4) } },
      ]);
      // The substitute may be anyone active, also from another department.
      const r = await createService(kierownik, input({ absentId: referatClerk.id, substituteId: fnClerk.id, dateFrom: day(10), dateTo: day(12) }));
      expect(r.status).toBe("upcoming");
    });

    it("answers NOT_FOUND when a kierownik names someone from another department", async () => {
      const error = await errorOf(createService(kierownik, input({ absentId: fnClerk.id, substituteId: gkClerk2.id, dateFrom: day(20), dateTo: day(21) })));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.fieldErrors?.absentId).toBeDefined();
    });

    it("lets the Sekretarz manage everyone; a kierownik neither sees nor cancels other departments' substitutions", async () => {
      const fnSub = await createService(sekretarz, input({ absentId: fnClerk.id, substituteId: fnClerk2.id, dateFrom: day(1), dateTo: day(2) }));
      const seenByKierownik = await listSubstitutions(kierownik, { view: "nadchodzace", page: 1 });
      expect(seenByKierownik.items.map((s) => s.id)).not.toContain(fnSub.id);
      expect((await listSubstitutions(sekretarz, { view: "nadchodzace", page: 1 })).items.map((s) => s.id)).toContain(fnSub.id);
      expect((await errorOf(cancelSubstitution(kierownik, fnSub.id))).code).toBe("NOT_FOUND");
      expect((await db.prisma.substitution.findUniqueOrThrow({ where: { id: fnSub.id } })).cancelledAt).toBeNull();

      const options = await getSubstitutionOptions(kierownik);
      expect(options.absentees.map((o) => o.id).sort()).toEqual([kierownik.actor.id, gkClerk.id, gkClerk2.id, gkClerk3.id, referatClerk.id].sort());
      expect(options.substitutes.map((o) => o.id)).toContain(fnClerk.id);
    });

    it("is FORBIDDEN to a clerk, and through the router too", async () => {
      const clerk: ServiceContext = { db: db.prisma, actor: actorOf(await db.prisma.user.findUniqueOrThrow({ where: { id: gkClerk.id } })), meta: TEST_META };
      expect((await errorOf(listSubstitutions(clerk, { view: "biezace", page: 1 }))).code).toBe("FORBIDDEN");
      expect((await errorOf(createService(clerk, input({ absentId: gkClerk.id, substituteId: gkClerk2.id, dateFrom: day(30), dateTo: day(30) })))).code).toBe("FORBIDDEN");
      await expect(createCaller({ db: db.prisma, actor: clerk.actor, meta: TEST_META }).substitutions.list({ view: "biezace", page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("gives a kierownik without a department an empty scope", async () => {
      const lost = await createActor(db.prisma, ["KIEROWNIK"], null);
      expect((await listSubstitutions(lost, { view: "biezace", page: 1 })).total).toBe(0);
      expect((await errorOf(createService(lost, input({ absentId: gkClerk3.id, substituteId: gkClerk2.id, dateFrom: day(40), dateTo: day(40) })))).code).toBe("NOT_FOUND");
    });
  });

  describe("rules", () => {
    it("refuses an overlapping active substitution of the same person, naming the overlap", async () => {
      await createService(kierownik, input({ absentId: gkClerk3.id, substituteId: gkClerk2.id, dateFrom: day(50), dateTo: day(55) }));
      const error = await errorOf(createService(kierownik, input({ absentId: gkClerk3.id, substituteId: referatClerk.id, dateFrom: day(55), dateTo: day(60) })));
      expect(error.code).toBe("CONFLICT");
      const fmt = (d: string) => d.split("-").reverse().join(".");
      expect(error.userMessage).toBe(
        `Łucja Żak ma już zastępstwo w dniach ${fmt(day(50))}–${fmt(day(55))} (zastępuje: Piotr Kowalski). Zmień daty albo najpierw anuluj tamto zastępstwo.`,
      );
      expect(error.fieldErrors?.dateFrom).toBe(error.userMessage);
      // Adjacent days are fine.
      await createService(kierownik, input({ absentId: gkClerk3.id, substituteId: referatClerk.id, dateFrom: day(56), dateTo: day(60) }));
    });

    it("ignores cancelled substitutions when checking overlap", async () => {
      const first = await createService(kierownik, input({ absentId: gkClerk3.id, substituteId: gkClerk2.id, dateFrom: day(70), dateTo: day(72) }));
      await cancelSubstitution(kierownik, first.id);
      await createService(kierownik, input({ absentId: gkClerk3.id, substituteId: referatClerk.id, dateFrom: day(71), dateTo: day(71) }));
    });

    it("refuses a substitute who is absent on any of the days", async () => {
      await createService(kierownik, input({ absentId: gkClerk2.id, substituteId: gkClerk.id, dateFrom: day(80), dateTo: day(82) }));
      const error = await errorOf(createService(kierownik, input({ absentId: gkClerk3.id, substituteId: gkClerk2.id, dateFrom: day(82), dateTo: day(90) })));
      expect(error.code).toBe("CONFLICT");
      expect(error.fieldErrors?.substituteId).toMatch(/^Osoba zastępująca \(Piotr Kowalski\) sama jest nieobecna w dniach/);
    });

    it("refuses dates in the past, a range ending before it starts, self-substitution and inactive people", async () => {
      const past = await errorOf(createService(kierownik, input({ absentId: gkClerk3.id, substituteId: gkClerk2.id, dateFrom: day(-1), dateTo: day(3) })));
      expect(past.code).toBe("BAD_REQUEST");
      expect(past.fieldErrors?.dateFrom).toMatch(/^Zastępstwo nie może zaczynać się w przeszłości/);
      const reversed = { absentId: gkClerk3.id, substituteId: gkClerk2.id, dateFrom: day(100), dateTo: day(99), reason: "Urlop" };
      expect((await errorOf(createService(kierownik, reversed))).fieldErrors?.dateTo).toBeDefined();
      expect((await errorOf(createService(kierownik, { ...reversed, dateTo: day(100), substituteId: gkClerk3.id }))).fieldErrors?.substituteId).toBeDefined();
      const gone = await createUser(db.prisma, { active: false });
      expect((await errorOf(createService(kierownik, input({ absentId: gkClerk3.id, substituteId: gone.id, dateFrom: day(100), dateTo: day(100) })))).fieldErrors?.substituteId).toBe(
        "Wybierz aktywnego użytkownika jako zastępcę.",
      );
    });
  });

  describe("list and cancel", () => {
    let absent: { id: string }, sub: { id: string }, ctx: ServiceContext;
    const ids = async (view: "biezace" | "nadchodzace" | "minione" | "anulowane") => (await listSubstitutions(ctx, { view, page: 1 })).items.map((s) => s.id);

    beforeAll(async () => {
      const dep = await createDepartment(db.prisma, { symbol: "LC" });
      ctx = await createActor(db.prisma, ["KIEROWNIK"], dep.id);
      absent = await createUser(db.prisma, { departmentId: dep.id });
      sub = await createUser(db.prisma, { departmentId: dep.id });
    });

    it("shows current, upcoming, past and cancelled substitutions in separate views, with counts", async () => {
      const mk = (from: number, to: number, cancelledAt: Date | null = null) =>
        createSubstitution(db.prisma, { absentId: absent.id, substituteId: sub.id, dateFrom: day(from), dateTo: day(to), createdById: ctx.actor.id, cancelledAt });
      const past = await mk(-10, -5);
      const current = await mk(-1, 1);
      const upcoming = await mk(5, 6);
      const cancelled = await mk(8, 9, new Date());
      expect(await ids("biezace")).toEqual([current.id]);
      expect(await ids("nadchodzace")).toEqual([upcoming.id]);
      expect(await ids("minione")).toEqual([past.id]);
      expect(await ids("anulowane")).toEqual([cancelled.id]);
      const list = await listSubstitutions(ctx, { view: "minione", page: 1 });
      expect(list.counts).toEqual({ biezace: 1, nadchodzace: 1, minione: 1, anulowane: 1 });
      expect(list.items[0]).toMatchObject({ status: "past", canCancel: false });
      expect(list.today).toBe(todayInPoland());
    });

    it("cancels a current substitution (kept, with cancelledAt), audited; refuses a second cancel and a past one", async () => {
      const [currentId] = await ids("biezace");
      await cancelSubstitution(ctx, currentId!);
      const row = await db.prisma.substitution.findUniqueOrThrow({ where: { id: currentId! } });
      expect(row.cancelledAt).toBeInstanceOf(Date);
      expect(await ids("anulowane")).toContain(currentId);
      expect((await auditOf(currentId!)).map((a) => a.action)).toEqual(["substitution.cancelled"]);
      expect((await errorOf(cancelSubstitution(ctx, currentId!))).userMessage).toBe("To zastępstwo zostało już anulowane.");
      const [pastId] = await ids("minione");
      expect((await errorOf(cancelSubstitution(ctx, pastId!))).code).toBe("BAD_REQUEST");
      expect((await errorOf(cancelSubstitution(ctx, "nie-ma"))).code).toBe("NOT_FOUND");
    });

    it("pages by 25 and searches people without diacritics", async () => {
      const many = await createUser(db.prisma, { firstName: "Żaneta", lastName: "Świątek", departmentId: ctx.actor.departmentId });
      for (let i = 0; i < 27; i += 1) {
        await createSubstitution(db.prisma, { absentId: many.id, substituteId: sub.id, dateFrom: day(200 + i), dateTo: day(200 + i), createdById: ctx.actor.id });
      }
      const page1 = await listSubstitutions(ctx, { view: "nadchodzace", q: "zaneta swiatek", page: 1 });
      const page2 = await listSubstitutions(ctx, { view: "nadchodzace", q: "SWIĄTEK", page: 2 });
      expect([page1.total, page1.pages, page1.items.length, page2.items.length]).toEqual([27, 2, 25, 2]);
      expect(page2.items.at(-1)!.dateFrom).toBe(day(226));
    });
  });

  describe("findActiveSubstitutes", () => {
    it("returns the substitutes of a person on a day, skipping cancelled ones and those not covering the day", async () => {
      const dep = await createDepartment(db.prisma);
      const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map((n) => createUser(db.prisma, { firstName: `Osoba${n}`, lastName: "Testowa", departmentId: dep.id })));
      const by = sekretarz.actor.id;
      await createSubstitution(db.prisma, { absentId: a!.id, substituteId: b!.id, dateFrom: day(1), dateTo: day(3), createdById: by });
      await createSubstitution(db.prisma, { absentId: a!.id, substituteId: c!.id, dateFrom: day(2), dateTo: day(2), createdById: by, cancelledAt: new Date() });
      await createSubstitution(db.prisma, { absentId: a!.id, substituteId: d!.id, dateFrom: day(4), dateTo: day(5), createdById: by });

      expect(await findActiveSubstitutes(db.prisma, a!.id, day(0))).toEqual([]);
      expect(await findActiveSubstitutes(db.prisma, a!.id, day(2))).toEqual([
        { userId: b!.id, name: "Osoba2 Testowa", email: b!.email, substitutionId: expect.any(String), forUserId: a!.id, dateTo: day(3) },
      ]);
      expect((await findActiveSubstitutes(db.prisma, a!.id, day(4))).map((s) => s.userId)).toEqual([d!.id]);
      expect(await findActiveSubstitutes(db.prisma, b!.id, day(2))).toEqual([]);
      // A moment is read as that day in Poland: 23:30 UTC on day(0) is already day(1) in Warsaw.
      const lateEvening = new Date(`${day(0)}T23:30:00.000Z`);
      expect((await findActiveSubstitutes(db.prisma, a!.id, lateEvening)).map((s) => s.userId)).toEqual([b!.id]);
    });

    it("follows a substitute who is away too to their own substitute, and ignores loops", async () => {
      const dep = await createDepartment(db.prisma);
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => createUser(db.prisma, { departmentId: dep.id })));
      const by = sekretarz.actor.id;
      await createSubstitution(db.prisma, { absentId: a!.id, substituteId: b!.id, dateFrom: day(1), dateTo: day(10), createdById: by });
      await createSubstitution(db.prisma, { absentId: b!.id, substituteId: c!.id, dateFrom: day(5), dateTo: day(6), createdById: by });
      await createSubstitution(db.prisma, { absentId: c!.id, substituteId: a!.id, dateFrom: day(6), dateTo: day(6), createdById: by });
      expect((await findActiveSubstitutes(db.prisma, a!.id, day(2))).map((s) => s.userId)).toEqual([b!.id]);
      expect(await findActiveSubstitutes(db.prisma, a!.id, day(5))).toMatchObject([{ userId: c!.id, forUserId: b!.id }]);
      expect(await findActiveSubstitutes(db.prisma, a!.id, day(6))).toEqual([]);
    });

    it("leaves out inactive substitutes", async () => {
      const [a, b] = [await createUser(db.prisma), await createUser(db.prisma, { active: false })];
      await createSubstitution(db.prisma, { absentId: a.id, substituteId: b.id, dateFrom: day(0), dateTo: day(0), createdById: sekretarz.actor.id });
      expect(await findActiveSubstitutes(db.prisma, a.id, new Date())).toEqual([]);
    });
  });
});
