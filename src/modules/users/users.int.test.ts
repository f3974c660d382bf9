import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { authenticate, sessionIsCurrent } from "@/server/auth/auth.service";
import { loadActor } from "@/server/auth/session";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createActor, createDepartment, createUser, errorOf, TEST_META } from "@/test/factories";
import { userKeys } from "./users.keys";
import { ZCreateUserInput, ZUpdateUserInput, type CreateUserInput, type UpdateUserInput } from "./users.schemas";
import { activateUser, createUser as createUserService, deactivateUser, getUser, listUsers, setUserPassword, unlockUser, updateUser } from "./users.service";

const EMAIL_TAKEN = "Ten adres e-mail ma już inny użytkownik. Podaj inny adres.";

const newUser = (over: Partial<CreateUserInput> = {}) =>
  ZCreateUserInput.parse({
    email: `nowy.${Math.random().toString(36).slice(2, 8)}@urzad.example`,
    firstName: "Zofia",
    lastName: "Nowa",
    phone: "17 875 00 00",
    roles: ["PRACOWNIK"],
    departmentId: null,
    positionId: null,
    locationId: null,
    supervisorId: null,
    passwordMode: "generate",
    ...over,
  } as CreateUserInput);

describe.each(TEST_DB_KINDS)("user administration (%s)", (kind) => {
  let db: TestDb;
  let admin: ServiceContext;
  let auditOf: (entityId: string, action: string) => Promise<{ actorId: string | null; data: unknown }[]>;

  const editable = async (id: string, over: Partial<UpdateUserInput> = {}) => {
    const u = await getUser(admin, id);
    return ZUpdateUserInput.parse({
      id,
      email: u.email,
      firstName: u.firstName,
      lastName: u.lastName,
      phone: u.phone ?? "",
      roles: u.roles,
      departmentId: u.departmentId,
      positionId: u.positionId,
      locationId: u.locationId,
      supervisorId: u.supervisorId,
      ...over,
    });
  };

  beforeAll(async () => {
    db = await createTestDb(kind);
    admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
    auditOf = (entityId, action) => db.prisma.auditEvent.findMany({ where: { entityId, action }, select: { actorId: true, data: true }, orderBy: { id: "asc" } });
  });
  afterAll(async () => db?.destroy());

  describe("creating", () => {
    it("creates a user with a typed password, lower-cased e-mail and Polish search keys, and audits it", async () => {
      const dep = await createDepartment(db.prisma, { symbol: "UT-A" });
      const input = newUser({ email: "Lucja.Zolc@Urzad.Example", firstName: "Łucja", lastName: "Żółć", roles: ["KIEROWNIK"], departmentId: dep.id, passwordMode: "set", password: "Bezpieczne123" });
      const { id, generatedPassword } = await createUserService(admin, input);
      expect(generatedPassword).toBeNull();
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ email: "lucja.zolc@urzad.example", roles: ["KIEROWNIK"], departmentId: dep.id, active: true });
      expect(row.searchText).toContain("lucja zolc");
      expect(row.sortKey).toBe(userKeys(row).sortKey);
      expect(await authenticate(db.prisma, { email: "LUCJA.zolc@urzad.example", password: "Bezpieczne123" }, TEST_META)).toMatchObject({ ok: true, userId: id });
      const audit = await auditOf(id, "user.created");
      expect(audit).toEqual([{ actorId: admin.actor.id, data: { email: "lucja.zolc@urzad.example", roles: ["KIEROWNIK"] } }]);
    });

    it("generates a password that is shown once and works", async () => {
      const { id, generatedPassword } = await createUserService(admin, newUser({ email: "generated@urzad.example" }));
      expect(generatedPassword).toMatch(/^\S{4}-\S{4}-\S{4}$/);
      expect(await authenticate(db.prisma, { email: "generated@urzad.example", password: generatedPassword! }, TEST_META)).toMatchObject({ ok: true, userId: id });
      const audit = await db.prisma.auditEvent.findMany({ where: { entityId: id }, select: { data: true } });
      expect(JSON.stringify(audit)).not.toContain(generatedPassword);
    });

    it("refuses a duplicate e-mail, whatever its case, with a Polish message beside the field", async () => {
      await createUser(db.prisma, { email: "zajety@urzad.example" });
      const error = await errorOf(createUserService(admin, newUser({ email: "Zajety@URZAD.example" })));
      expect(error.code).toBe("CONFLICT");
      expect(error.userMessage).toBe("Ten adres e-mail ma już inny użytkownik. Podaj inny adres.");
      expect(error.fieldErrors?.email).toBe(error.userMessage);
    });

    it("reports form errors over HTTP as error.data.fieldErrors, with Polish messages", async () => {
      const post = async (body: unknown) => {
        const res = await fetchRequestHandler({
          endpoint: "/api/trpc",
          router: appRouter,
          req: new Request("http://localhost/api/trpc/users.create", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(superjson.serialize(body)) }),
          createContext: () => ({ db: db.prisma, actor: admin.actor, meta: TEST_META }),
        });
        const json = (await res.json()) as { error: { json: { message: string; data: { fieldErrors: Record<string, string> | null } } } };
        return { status: res.status, message: json.error.json.message, fieldErrors: json.error.json.data.fieldErrors };
      };
      const raw = { ...newUser(), roles: [], passwordMode: "set", password: "abc" };
      expect(await post(raw)).toEqual({
        status: 400,
        message: "Formularz zawiera błędy. Popraw zaznaczone pola.",
        fieldErrors: { roles: "Wybierz co najmniej jedną rolę.", password: "Hasło musi mieć co najmniej 10 znaków." },
      });
      await createUser(db.prisma, { email: "http.zajety@urzad.example" });
      const taken = { ...newUser(), email: "HTTP.zajety@urzad.example", passwordMode: "generate" };
      expect(await post(taken)).toEqual({ status: 409, message: EMAIL_TAKEN, fieldErrors: { email: EMAIL_TAKEN } });
      expect(await db.prisma.user.count({ where: { email: raw.email } })).toBe(0);
    });

    it("refuses a department or supervisor that does not exist", async () => {
      const error = await errorOf(createUserService(admin, newUser({ departmentId: "brak", supervisorId: "brak" })));
      expect(error.code).toBe("BAD_REQUEST");
      expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["departmentId", "supervisorId"]);
    });

    it("is refused to anyone without users.manage", async () => {
      const kierownik = await createActor(db.prisma, ["KIEROWNIK", "SEKRETARZ"]);
      expect((await errorOf(createUserService(kierownik, newUser()))).code).toBe("FORBIDDEN");
      expect((await errorOf(listUsers(kierownik, { page: 1 }))).code).toBe("FORBIDDEN");
    });
  });

  describe("editing", () => {
    it("updates data and roles, recomputes the sort and search keys, and audits a readable diff without secrets", async () => {
      const [or, gk] = [await createDepartment(db.prisma, { symbol: "UT-OR" }), await createDepartment(db.prisma, { symbol: "UT-GK" })];
      const user = await createUser(db.prisma, { firstName: "Adam", lastName: "Malinowski", departmentId: or.id });
      await updateUser(admin, await editable(user.id, { lastName: "Śliwa", email: "adam.sliwa@urzad.example", roles: ["KIEROWNIK", "PRACOWNIK"], departmentId: gk.id }));
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row).toMatchObject({ lastName: "Śliwa", email: "adam.sliwa@urzad.example", departmentId: gk.id, roles: ["KIEROWNIK", "PRACOWNIK"] });
      expect(row.searchText).toContain("adam sliwa");
      expect(row.sortKey).not.toBe(user.sortKey);
      const [audit] = await auditOf(user.id, "user.updated");
      expect(audit!.data).toEqual({
        changes: {
          email: { from: user.email, to: "adam.sliwa@urzad.example" },
          lastName: { from: "Malinowski", to: "Śliwa" },
          roles: { from: ["PRACOWNIK"], to: ["KIEROWNIK", "PRACOWNIK"] },
          department: { from: "UT-OR", to: "UT-GK" },
        },
      });
      expect(JSON.stringify(audit)).not.toMatch(/password|scrypt/i);
    });

    it("applies role and department changes at the user's next request, and deactivation ends the session", async () => {
      const [a, b] = [await createDepartment(db.prisma), await createDepartment(db.prisma)];
      const user = await createUser(db.prisma, { roles: ["PRACOWNIK"], departmentId: a.id });
      const token = { sv: user.sessionVersion, authTime: Date.now() };
      expect(await loadActor(db.prisma, user.id, token)).toMatchObject({ roles: ["PRACOWNIK"], departmentId: a.id });
      await updateUser(admin, await editable(user.id, { roles: ["KIEROWNIK"], departmentId: b.id }));
      expect(await loadActor(db.prisma, user.id, token)).toMatchObject({ roles: ["KIEROWNIK"], departmentId: b.id });
      await deactivateUser(admin, user.id);
      expect(await loadActor(db.prisma, user.id, token)).toBeNull();
    });

    it("writes no audit entry when nothing changed", async () => {
      const user = await createUser(db.prisma);
      await updateUser(admin, await editable(user.id));
      expect(await auditOf(user.id, "user.updated")).toEqual([]);
    });

    it("refuses an e-mail another user has", async () => {
      const [a, b] = [await createUser(db.prisma), await createUser(db.prisma)];
      const error = await errorOf(updateUser(admin, await editable(a.id, { email: b.email.toUpperCase() })));
      expect(error.code).toBe("CONFLICT");
      expect(error.fieldErrors?.email).toMatch(/inny użytkownik/);
    });

    it("refuses self-supervision and loops in the supervisor hierarchy", async () => {
      const naczelnik = await createUser(db.prisma, { firstName: "Ewa", lastName: "Naczelna" });
      const kierownik = await createUser(db.prisma, { firstName: "Olga", lastName: "Kierownicza", supervisorId: naczelnik.id });
      const referent = await createUser(db.prisma, { firstName: "Piotr", lastName: "Referent", supervisorId: kierownik.id });

      const self = await errorOf(updateUser(admin, await editable(kierownik.id, { supervisorId: kierownik.id })));
      expect(self.code).toBe("BAD_REQUEST");
      expect(self.fieldErrors?.supervisorId).toBe("Użytkownik nie może być swoim własnym przełożonym.");

      const loop = await errorOf(updateUser(admin, await editable(naczelnik.id, { supervisorId: referent.id })));
      expect(loop.code).toBe("BAD_REQUEST");
      expect(loop.fieldErrors?.supervisorId).toMatch(/Piotr Referent podlega .* użytkownikowi Ewa Naczelna.*pętli/);
      expect((await db.prisma.user.findUniqueOrThrow({ where: { id: naczelnik.id } })).supervisorId).toBeNull();

      await updateUser(admin, await editable(referent.id, { supervisorId: naczelnik.id }));
      expect((await db.prisma.user.findUniqueOrThrow({ where: { id: referent.id } })).supervisorId).toBe(naczelnik.id);
    });

    it("answers NOT_FOUND for an unknown user", async () => {
      const input = ZUpdateUserInput.parse({ ...newUser(), id: "nie-ma-takiego" });
      expect((await errorOf(updateUser(admin, input))).code).toBe("NOT_FOUND");
      expect((await errorOf(getUser(admin, "nie-ma-takiego"))).code).toBe("NOT_FOUND");
    });
  });

  describe("the last active administrator", () => {
    let solo: TestDb;
    afterAll(async () => solo?.destroy());

    it("cannot lose the role or be deactivated; with a second administrator both are allowed", async () => {
      solo = await createTestDb(kind);
      const me = await createActor(solo.prisma, ["ADMINISTRATOR"]);
      const ctx = me;
      const mine = await getUser(ctx, me.actor.id);
      const editMe = (roles: UpdateUserInput["roles"]) =>
        ZUpdateUserInput.parse({ id: mine.id, email: mine.email, firstName: mine.firstName, lastName: mine.lastName, phone: "", roles, departmentId: null, positionId: null, locationId: null, supervisorId: null });

      const lose = await errorOf(updateUser(ctx, editMe(["PRACOWNIK"])));
      expect(lose.code).toBe("BAD_REQUEST");
      expect(lose.fieldErrors?.roles).toMatch(/jedyny aktywny administrator/);

      // A stale session of a former administrator tries to deactivate the last one.
      const former = await createUser(solo.prisma, { roles: ["PRACOWNIK"] });
      const staleCtx: ServiceContext = { db: solo.prisma, actor: { ...actorOf(former), roles: ["ADMINISTRATOR"] }, meta: TEST_META };
      const off = await errorOf(deactivateUser(staleCtx, me.actor.id));
      expect(off.userMessage).toMatch(/jedyny aktywny administrator/);

      expect((await errorOf(deactivateUser(ctx, me.actor.id))).userMessage).toBe("Nie możesz dezaktywować własnego konta.");

      const second = await createUser(solo.prisma, { roles: ["ADMINISTRATOR"] });
      await updateUser(ctx, editMe(["PRACOWNIK", "ADMINISTRATOR"]));
      await deactivateUser(ctx, second.id);
      // `second` is inactive now: `me` is the last active administrator again.
      expect((await errorOf(updateUser(ctx, editMe(["PRACOWNIK"])))).code).toBe("BAD_REQUEST");
      await activateUser(ctx, second.id);
      await updateUser(ctx, editMe(["PRACOWNIK"]));
      expect((await solo.prisma.user.findUniqueOrThrow({ where: { id: me.actor.id } })).roles).toEqual(["PRACOWNIK"]);
    });
  });

  describe("account actions", () => {
    it("deactivation ends open sessions; activation lets the user back in; both are audited", async () => {
      const user = await createUser(db.prisma, { password: "Haslo12345!" });
      const signIn = await authenticate(db.prisma, { email: user.email, password: "Haslo12345!" }, TEST_META);
      expect(signIn.ok).toBe(true);
      const token = { sv: user.sessionVersion, authTime: Date.now() };

      await deactivateUser(admin, user.id);
      const off = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(off.active).toBe(false);
      expect(off.sessionVersion).toBe(user.sessionVersion + 1);
      expect(sessionIsCurrent(token, off)).toBe(false);
      expect(await authenticate(db.prisma, { email: user.email, password: "Haslo12345!" }, TEST_META)).toEqual({ ok: false, reason: "inactive" });

      await activateUser(admin, user.id);
      expect(await authenticate(db.prisma, { email: user.email, password: "Haslo12345!" }, TEST_META)).toMatchObject({ ok: true });
      expect(await auditOf(user.id, "user.deactivated")).toHaveLength(1);
      expect(await auditOf(user.id, "user.activated")).toHaveLength(1);
    });

    it("unlocks a locked account: clears the lock and the failure counter, audited", async () => {
      const user = await createUser(db.prisma);
      await db.prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 4 } });
      expect((await getUser(admin, user.id)).locked).toBe(true);
      await unlockUser(admin, user.id);
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
      expect((await getUser(admin, user.id)).locked).toBe(false);
      expect(await auditOf(user.id, "user.unlocked")).toEqual([{ actorId: admin.actor.id, data: {} }]);
    });

    it("sets a new password (typed or generated), ends the user's sessions and audits it as by admin", async () => {
      const user = await createUser(db.prisma, { password: "Stare12345!" });
      const typed = await setUserPassword(admin, { id: user.id, passwordMode: "set", password: "Nowe1234567" });
      expect(typed.generatedPassword).toBeNull();
      expect(await authenticate(db.prisma, { email: user.email, password: "Stare12345!" }, TEST_META)).toEqual({ ok: false, reason: "invalid" });
      expect(await authenticate(db.prisma, { email: user.email, password: "Nowe1234567" }, TEST_META)).toMatchObject({ ok: true });

      const generated = await setUserPassword(admin, { id: user.id, passwordMode: "generate" });
      expect(await authenticate(db.prisma, { email: user.email, password: generated.generatedPassword! }, TEST_META)).toMatchObject({ ok: true });
      expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 2);
      const audit = await auditOf(user.id, "auth.password-changed");
      expect(audit).toEqual([
        { actorId: admin.actor.id, data: { by: "admin" } },
        { actorId: admin.actor.id, data: { by: "admin" } },
      ]);
      expect((await errorOf(setUserPassword(admin, { id: admin.actor.id, passwordMode: "generate" }))).code).toBe("BAD_REQUEST");
    });

    it("shows the user's last 20 audit events as actor, newest first", async () => {
      const user = await createUser(db.prisma, { password: "Haslo12345!" });
      for (let i = 0; i < 22; i += 1) await authenticate(db.prisma, { email: user.email, password: "Haslo12345!" }, TEST_META);
      const details = await getUser(admin, user.id);
      expect(details.recentEvents).toHaveLength(20);
      expect(details.recentEvents.every((e) => e.action === "auth.signed-in")).toBe(true);
      const times = details.recentEvents.map((e) => e.occurredAt.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });
  });

  describe("the list", () => {
    let dep: { id: string };
    beforeAll(async () => {
      dep = await createDepartment(db.prisma, { symbol: "UT-L" });
      for (const [firstName, lastName] of [
        ["Jan", "Żak"],
        ["Ewa", "Zając"],
        ["Łucja", "Łukasik"],
        ["Lech", "Lis"],
        ["Olga", "Ćwik"],
        ["Anna", "Cebula"],
        ["Marek", "Mazur"],
        ["Adam", "Łukasik"],
      ]) {
        await createUser(db.prisma, { firstName, lastName, departmentId: dep.id });
      }
    });

    it("sorts by surname in Polish alphabetical order, then first name", async () => {
      const list = await listUsers(admin, { departmentId: dep.id, page: 1 });
      expect(list.items.map((u) => `${u.lastName} ${u.firstName}`)).toEqual([
        "Cebula Anna",
        "Ćwik Olga",
        "Lis Lech",
        "Łukasik Adam",
        "Łukasik Łucja",
        "Mazur Marek",
        "Zając Ewa",
        "Żak Jan",
      ]);
      expect(list.items[0]).toMatchObject({ departmentSymbol: "UT-L", roles: ["PRACOWNIK"], active: true, locked: false });
    });

    it("searches names and e-mails without diacritics, in any word order", async () => {
      const names = async (q: string) => (await listUsers(admin, { q, page: 1 })).items.map((u) => u.lastName);
      expect(await names("lukasik")).toEqual(["Łukasik", "Łukasik"]);
      expect(await names("ŁUKASIK łucja")).toEqual(["Łukasik"]);
      expect(await names("lucja lukasik")).toEqual(["Łukasik"]);
      expect(await names("zajac")).toEqual(["Zając"]);
      expect(await names("cwik")).toEqual(["Ćwik"]);
      expect(await names("zak jan")).toEqual(["Żak"]);
    });

    it("filters by role and status", async () => {
      const locked = await createUser(db.prisma, { lastName: "Zablokowany", departmentId: dep.id, roles: ["KANCELARIA"] });
      await db.prisma.user.update({ where: { id: locked.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
      const inactive = await createUser(db.prisma, { lastName: "Nieaktywny", departmentId: dep.id, active: false });
      const ids = async (filter: object) => (await listUsers(admin, { departmentId: dep.id, page: 1, ...filter })).items.map((u) => u.id);
      expect(await ids({ status: "zablokowani" })).toEqual([locked.id]);
      expect(await ids({ status: "nieaktywni" })).toEqual([inactive.id]);
      expect(await ids({ status: "aktywni" })).not.toContain(inactive.id);
      expect(await ids({ role: "KANCELARIA" })).toEqual([locked.id]);
      expect((await listUsers(admin, { departmentId: dep.id, status: "zablokowani", page: 1 })).items[0]!.locked).toBe(true);
    });

    it("pages by 25 on the server", async () => {
      const many = await createDepartment(db.prisma, { symbol: "UT-P" });
      for (let i = 0; i < 27; i += 1) await createUser(db.prisma, { lastName: `Pracownik${String(i).padStart(2, "0")}`, departmentId: many.id });
      const first = await listUsers(admin, { departmentId: many.id, page: 1 });
      const second = await listUsers(admin, { departmentId: many.id, page: 2 });
      expect([first.total, first.pages, first.items.length, second.items.length]).toEqual([27, 2, 25, 2]);
      expect(second.items.map((u) => u.lastName)).toEqual(["Pracownik25", "Pracownik26"]);
      expect((await listUsers(admin, { departmentId: many.id, page: 9 })).page).toBe(2);
    });
  });
});
