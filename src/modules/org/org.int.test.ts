import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/context";
import { AppError, isUniqueViolation } from "@/server/errors";
import { createActor, createDepartment, createLocation, createPosition, createUser } from "@/test/factories";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import {
  ZCreateDepartmentInput,
  ZCreateLocationInput,
  ZCreatePositionInput,
  ZOfficeInput,
  ZUpdateDepartmentInput,
  ZUpdateLocationInput,
  ZUpdatePositionInput,
  type CreateDepartmentInput,
} from "./org.schemas";
import * as org from "./org.service";

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, the call succeeded");
}

const office = {
  name: "Urząd Miasta Testowo",
  shortName: "UM Testowo",
  street: "ul. Rynek 1",
  postalCode: "36-040",
  city: "Testowo",
  nip: "817-199-74-06",
  regon: "690581850",
  email: "Sekretariat@Testowo.example",
  phone: "17 875 09 00",
  epuapAddress: "/umtestowo/SkrytkaESP",
  website: "https://testowo.example",
};

const department = (d: Partial<Record<keyof CreateDepartmentInput, string | null>> & { symbol: string; name?: string }) =>
  ZCreateDepartmentInput.parse({ name: `Wydział ${d.symbol}`, ...d });

describe.each(TEST_DB_KINDS)("organisation on %s", (kind) => {
  let db: TestDb;
  let admin: ServiceContext;
  let clerk: ServiceContext;

  beforeAll(async () => {
    db = await createTestDb(kind);
    admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
    clerk = await createActor(db.prisma, ["PRACOWNIK"]);
  });
  afterAll(async () => db?.destroy());

  const auditOf = (entityType: string, entityId: string) =>
    db.prisma.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" }, select: { action: true, data: true, actorId: true } });

  describe("office", () => {
    it("validates NIP, REGON, postal code and ePUAP address in the shared schema", () => {
      const bad = ZOfficeInput.safeParse({ ...office, nip: "8171997407", regon: "690581856", postalCode: "36040", epuapAddress: "SkrytkaESP" });
      expect(bad.success).toBe(false);
      const paths = bad.error!.issues.map((i) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["nip", "regon", "postalCode", "epuapAddress"]));
      expect(bad.error!.issues.find((i) => i.path[0] === "nip")!.message).toMatch(/NIP/);
      const good = ZOfficeInput.parse(office);
      expect(good.nip).toBe("8171997406");
      expect(good.email).toBe("sekretariat@testowo.example");
    });

    it("creates the office row on first save, records the changed fields, skips a save without changes", async () => {
      const saved = await org.updateOffice(admin, ZOfficeInput.parse(office));
      expect(saved.name).toBe("Urząd Miasta Testowo");
      expect(await org.getOffice(admin)).toEqual(saved);

      await org.updateOffice(admin, ZOfficeInput.parse({ ...office, shortName: "UM T.", phone: "" }));
      await org.updateOffice(admin, ZOfficeInput.parse({ ...office, shortName: "UM T.", phone: "" }));
      const audit = await auditOf("office", "1");
      expect(audit).toHaveLength(2);
      expect(audit[1]).toMatchObject({
        action: "office.updated",
        actorId: admin.actor.id,
        data: { changes: { shortName: { from: "UM Testowo", to: "UM T." }, phone: { from: "17 875 09 00", to: null } } },
      });
      expect(Object.keys((audit[1]!.data as { changes: object }).changes).sort()).toEqual(["phone", "shortName"]);
    });
  });

  describe("locations", () => {
    const location = (code: string, extra: Record<string, string> = {}) =>
      ZCreateLocationInput.parse({ code, name: `Oddział ${code}`, kind: "ODDZIAL", street: "Wieś 1", postalCode: "36-047", city: "Wieś", phone: "", ...extra });

    it("creates, edits, deactivates and reactivates a location with audit entries", async () => {
      const hq = await org.createLocation(admin, location("hq", { kind: "SIEDZIBA", name: "Siedziba" }));
      expect(hq).toMatchObject({ code: "HQ", kind: "SIEDZIBA", active: true, phone: null });
      const branch = await org.createLocation(admin, location("O12"));
      const edited = await org.updateLocation(admin, ZUpdateLocationInput.parse({ ...location("O12"), id: branch.id, name: "Oddział w Zgłobniu" }));
      expect(edited.name).toBe("Oddział w Zgłobniu");
      const row = await db.prisma.location.findUniqueOrThrow({ where: { id: branch.id } });
      expect(row.sortKey.startsWith("1 ")).toBe(true);

      expect((await org.setLocationActive(admin, { id: branch.id, active: false })).active).toBe(false);
      expect((await org.setLocationActive(admin, { id: branch.id, active: true })).active).toBe(true);
      const audit = await auditOf("location", branch.id);
      expect(audit.map((a) => a.action)).toEqual(["location.created", "location.updated", "location.updated", "location.updated"]);
      expect(audit[0]!.data).toEqual({ code: "O12", name: "Oddział O12" });
      expect(audit[1]!.data).toEqual({ changes: { name: { from: "Oddział O12", to: "Oddział w Zgłobniu" } } });
      expect(audit[2]!.data).toEqual({ changes: { active: { from: true, to: false } } });

      const list = await org.listLocations(admin, { page: 1 });
      expect(list.items[0]!.code).toBe("HQ"); // the siedziba first
    });

    it("refuses a second active siedziba and a duplicate code, with field errors", async () => {
      const second = await appError(org.createLocation(admin, location("HQ2", { kind: "SIEDZIBA" })));
      expect(second.code).toBe("CONFLICT");
      expect(second.fieldErrors?.kind).toMatch(/siedzib/);

      const branch = await org.createLocation(admin, location("O13"));
      const promote = await appError(org.updateLocation(admin, ZUpdateLocationInput.parse({ ...location("O13"), id: branch.id, kind: "SIEDZIBA" })));
      expect(promote.code).toBe("CONFLICT");

      const duplicate = await appError(org.createLocation(admin, location("o13")));
      expect(duplicate.code).toBe("CONFLICT");
      expect(duplicate.fieldErrors?.code).toMatch(/O13.*już istnieje/);
    });

    it("keeps one active siedziba even past the service (the database index backs the check)", async () => {
      const error = await db.prisma.location
        .create({ data: { code: "HQX", name: "Druga siedziba", kind: "SIEDZIBA", street: "ul. Testowa 1", postalCode: "00-001", city: "Testowo", sortKey: "0" } })
        .catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
      // The index is named so that the service can tell this violation from a duplicate code.
      const e = error as { meta?: unknown; cause?: unknown; message?: unknown };
      expect(JSON.stringify([e.meta, e.cause, e.message])).toContain("siedziba");
      expect(await db.prisma.location.count({ where: { kind: "SIEDZIBA", active: true } })).toBe(1);
    });

    it("validates the postal code", () => {
      const r = ZCreateLocationInput.safeParse({ ...location("O14"), postalCode: "3604" });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/NN-NNN/);
    });
  });

  describe("departments", () => {
    it("creates a wydział and a referat whose symbol starts with the wydział's", async () => {
      const gk = await org.createDepartment(admin, department({ symbol: "gk", name: "Wydział Gospodarki Komunalnej" }));
      expect(gk).toMatchObject({ symbol: "GK", parentId: null, active: true, staffCount: 0 });
      const gkd = await org.createDepartment(admin, department({ symbol: "GK-D", name: "Referat Dróg", parentId: gk.id }));
      expect(gkd.parentId).toBe(gk.id);

      const list = await org.listDepartments(admin, { page: 1, includeInactive: false });
      const node = list.items.find((d) => d.id === gk.id)!;
      expect(node.children.map((c) => c.symbol)).toEqual(["GK-D"]);
      expect(list.items.some((d) => d.id === gkd.id)).toBe(false); // referaty only under their wydział

      const audit = await auditOf("department", gkd.id);
      expect(audit).toEqual([{ action: "department.created", actorId: admin.actor.id, data: { symbol: "GK-D", name: "Referat Dróg" } }]);
    });

    it("enforces the symbol rules: the form in the schema, the parent's prefix and depth in the service", async () => {
      // schema: a top-level komórka has 2–5 letters, a referat PARENT-X
      expect(ZCreateDepartmentInput.safeParse({ symbol: "G", name: "X" }).success).toBe(false);
      expect(ZCreateDepartmentInput.safeParse({ symbol: "GK-D", name: "X" }).error?.issues[0]?.message).toMatch(/łącznik/);
      expect(ZCreateDepartmentInput.safeParse({ symbol: "GKD", name: "X", parentId: "x" }).error?.issues[0]?.message).toMatch(/GK-D/);
      expect(ZCreateDepartmentInput.safeParse({ symbol: "OŚ", name: "Wydział Ochrony Środowiska" }).success).toBe(true);

      const or = await org.createDepartment(admin, department({ symbol: "OR" }));
      const wrongPrefix = await appError(org.createDepartment(admin, department({ symbol: "GK-K", parentId: or.id })));
      expect(wrongPrefix.code).toBe("BAD_REQUEST");
      expect(wrongPrefix.fieldErrors?.symbol).toMatch(/OR-/);

      const ork = await org.createDepartment(admin, department({ symbol: "OR-K", parentId: or.id }));
      const tooDeep = await appError(org.createDepartment(admin, department({ symbol: "OR-KA", parentId: ork.id })));
      expect(tooDeep.fieldErrors?.parentId).toMatch(/referatem/);

      // a wydział with referaty cannot become a referat itself
      const fn = await org.createDepartment(admin, department({ symbol: "FN" }));
      const parentOfParent = await appError(org.updateDepartment(admin, ZUpdateDepartmentInput.parse({ id: or.id, symbol: "FN-OR", name: "Wydział OR", parentId: fn.id })));
      expect(parentOfParent.fieldErrors?.parentId).toMatch(/referaty/);
    });

    it("answers a duplicate symbol with a Polish CONFLICT on the symbol field", async () => {
      await org.createDepartment(admin, department({ symbol: "USC", name: "Urząd Stanu Cywilnego" }));
      const duplicate = await appError(org.createDepartment(admin, department({ symbol: "usc", name: "Drugi USC" })));
      expect(duplicate.code).toBe("CONFLICT");
      expect(duplicate.userMessage).toBe("Komórka o symbolu „USC” już istnieje. Symbol musi być unikalny — wybierz inny.");
      expect(duplicate.fieldErrors?.symbol).toBe(duplicate.userMessage);
      expect(await db.prisma.department.count({ where: { symbol: "USC" } })).toBe(1);
    });

    it("records readable field changes and carries a new symbol over to the referaty", async () => {
      const loc = await createLocation(db.prisma, { name: "Oddział w Niechobrzu" });
      const headPos = await createPosition(db.prisma, { name: "Naczelnik Wydziału IR", rank: 10 });
      const head = await createUser(db.prisma, { firstName: "Ewa", lastName: "Mazur", positionId: headPos.id });
      const ir = await org.createDepartment(admin, department({ symbol: "IR", name: "Wydział Inwestycji" }));
      const irp = await org.createDepartment(admin, department({ symbol: "IR-P", name: "Referat Projektów", parentId: ir.id }));

      const updated = await org.updateDepartment(
        admin,
        ZUpdateDepartmentInput.parse({ id: ir.id, symbol: "IRR", name: "Wydział Inwestycji i Rozwoju", locationId: loc.id, headId: head.id, email: "ir@test.example", phone: "" }),
      );
      expect(updated).toMatchObject({ symbol: "IRR", head: { id: head.id, name: "Ewa Mazur", positionName: "Naczelnik Wydziału IR" }, location: { id: loc.id } });
      const [, change] = await auditOf("department", ir.id);
      expect(change).toMatchObject({
        action: "department.updated",
        data: {
          changes: {
            symbol: { from: "IR", to: "IRR" },
            name: { from: "Wydział Inwestycji", to: "Wydział Inwestycji i Rozwoju" },
            location: { from: null, to: "Oddział w Niechobrzu" },
            head: { from: null, to: "Ewa Mazur" },
            email: { from: null, to: "ir@test.example" },
          },
        },
      });
      expect((await db.prisma.department.findUniqueOrThrow({ where: { id: irp.id } })).symbol).toBe("IRR-P");
      expect((await auditOf("department", irp.id)).at(-1)!.data).toEqual({ changes: { symbol: { from: "IR-P", to: "IRR-P" } } });

      // one person heads one komórka
      const other = await org.createDepartment(admin, department({ symbol: "GP" }));
      const twice = await appError(org.updateDepartment(admin, ZUpdateDepartmentInput.parse({ id: other.id, symbol: "GP", name: "Wydział GP", headId: head.id })));
      expect(twice.fieldErrors?.headId).toMatch(/Ewa Mazur kieruje już komórką IRR/);
    });

    it("refuses to deactivate a komórka with active staff or active referaty, and to reactivate a referat of an inactive wydział", async () => {
      const os = await org.createDepartment(admin, department({ symbol: "OS" }));
      const osr = await org.createDepartment(admin, department({ symbol: "OS-R", parentId: os.id }));
      const worker = await createUser(db.prisma, { departmentId: osr.id });

      const withStaff = await appError(org.setDepartmentActive(admin, { id: osr.id, active: false }));
      expect(withStaff.code).toBe("BAD_REQUEST");
      expect(withStaff.userMessage).toMatch(/OS-R: ma aktywnych pracowników \(1\)/);

      await db.prisma.user.update({ where: { id: worker.id }, data: { active: false } });
      const withChildren = await appError(org.setDepartmentActive(admin, { id: os.id, active: false }));
      expect(withChildren.userMessage).toMatch(/ma aktywne referaty \(OS-R\)/);

      expect((await org.setDepartmentActive(admin, { id: osr.id, active: false })).active).toBe(false);
      expect((await org.setDepartmentActive(admin, { id: os.id, active: false })).active).toBe(false);
      const reactivate = await appError(org.setDepartmentActive(admin, { id: osr.id, active: true }));
      expect(reactivate.userMessage).toMatch(/wydział OS jest nieaktywny/);

      expect((await auditOf("department", os.id)).at(-1)!.data).toEqual({ changes: { active: { from: true, to: false } } });
      const activeList = await org.listDepartments(admin, { page: 1, includeInactive: false });
      expect(activeList.items.some((d) => d.id === os.id)).toBe(false);
      const allList = await org.listDepartments(admin, { page: 1, includeInactive: true });
      expect(allList.items.find((d) => d.id === os.id)?.children.map((c) => c.symbol)).toEqual(["OS-R"]);
    });
  });

  describe("positions", () => {
    it("creates, renames, orders by rank, and deletes only an unused position", async () => {
      const a = await org.createPosition(admin, ZCreatePositionInput.parse({ name: "Referent", rank: "60" }));
      const b = await org.createPosition(admin, ZCreatePositionInput.parse({ name: "Inspektor", rank: 40 }));
      const renamed = await org.updatePosition(admin, ZUpdatePositionInput.parse({ id: a.id, name: "Młodszy referent", rank: 60 }));
      expect(renamed.name).toBe("Młodszy referent");
      const dup = await appError(org.createPosition(admin, ZCreatePositionInput.parse({ name: "Inspektor", rank: 1 })));
      expect(dup.code).toBe("CONFLICT");
      expect(dup.fieldErrors?.name).toMatch(/już istnieje/);

      const list = await org.listPositions(admin, { page: 1 });
      const names = list.items.map((p) => p.name);
      expect(names.indexOf("Inspektor")).toBeLessThan(names.indexOf("Młodszy referent"));

      await createUser(db.prisma, { positionId: b.id, active: false });
      const used = await appError(org.deletePosition(admin, { id: b.id }));
      expect(used.code).toBe("BAD_REQUEST");
      expect(used.userMessage).toMatch(/Nie można usunąć stanowiska „Inspektor”: jest przypisane do pracowników \(1\)/);
      expect(await db.prisma.position.count({ where: { id: b.id } })).toBe(1);

      await org.deletePosition(admin, { id: a.id });
      expect(await db.prisma.position.count({ where: { id: a.id } })).toBe(0);
      expect((await auditOf("position", a.id)).map((e) => [e.action, e.data])).toEqual([
        ["position.created", { name: "Referent" }],
        ["position.updated", { changes: { name: { from: "Referent", to: "Młodszy referent" } } }],
        ["position.deleted", { name: "Młodszy referent" }],
      ]);
    });
  });

  describe("directory", () => {
    let dzId: string;
    let dzkId: string;
    let branchId: string;

    beforeAll(async () => {
      const dz = await createDepartment(db.prisma, { symbol: "DZ", name: "Wydział Dziennika" });
      const dzk = await createDepartment(db.prisma, { symbol: "DZ-K", name: "Referat Katalogu", parentId: dz.id });
      dzId = dz.id;
      dzkId = dzk.id;
      branchId = (await createLocation(db.prisma, { name: "Oddział w Lutoryżu" })).id;
      for (const [firstName, lastName] of [
        ["Zofia", "Mazur"],
        ["Barbara", "Łukasik"],
        ["Leon", "Lis"],
        ["Adam", "Żak"],
        ["Jan", "Zając"],
      ] as const) {
        await createUser(db.prisma, { firstName, lastName, departmentId: dzk.id, email: `${lastName.toLowerCase()}@dz.example` });
      }
      await createUser(db.prisma, { firstName: "Olga", lastName: "Łukaszewska", departmentId: dz.id, active: false });
      for (let i = 0; i < 28; i++) {
        await createUser(db.prisma, { firstName: "Pracownik", lastName: `Oddziału ${String(i).padStart(2, "0")}`, departmentId: dz.id, locationId: branchId });
      }
    });

    it("finds staff without Polish diacritics and sorts by surname in Polish order", async () => {
      const found = await org.findStaff(clerk, { q: "lukasik", departmentId: null, locationId: null, includeInactive: false, page: 1 });
      expect(found.items.map((u) => u.lastName)).toEqual(["Łukasik"]);
      expect((await org.findStaff(clerk, { q: "BARBARA łUKAS", departmentId: null, locationId: null, includeInactive: false, page: 1 })).total).toBe(1);
      expect((await org.findStaff(clerk, { q: "zak@dz", departmentId: null, locationId: null, includeInactive: false, page: 1 })).items[0]?.lastName).toBe("Żak");

      const referat = await org.findStaff(clerk, { q: "", departmentId: dzkId, locationId: null, includeInactive: false, page: 1 });
      expect(referat.items.map((u) => u.lastName)).toEqual(["Lis", "Łukasik", "Mazur", "Zając", "Żak"]);
      // the wydział's list holds its referat's staff too, in the same order
      const dept = await org.findStaff(clerk, { q: "", departmentId: dzId, locationId: null, includeInactive: false, page: 1 });
      const surnames = dept.items.map((u) => u.lastName).filter((n) => !n.startsWith("Oddziału"));
      expect(surnames).toEqual(["Lis", "Łukasik", "Mazur"]); // Zając and Żak fall on page 2, after 28 × "Oddziału …"
      expect(dept.items[0]!.department).toMatchObject({ symbol: "DZ-K" });
    });

    it("paginates on the server, 25 a page, and filters by location", async () => {
      const p1 = await org.findStaff(clerk, { q: "", departmentId: dzId, locationId: null, includeInactive: false, page: 1 });
      expect(p1).toMatchObject({ total: 33, pageSize: 25, pageCount: 2, page: 1 });
      expect(p1.items).toHaveLength(25);
      const p2 = await org.findStaff(clerk, { q: "", departmentId: dzId, locationId: null, includeInactive: false, page: 2 });
      expect(p2.items).toHaveLength(8);
      expect(new Set([...p1.items, ...p2.items].map((u) => u.id)).size).toBe(33);

      const branch = await org.findStaff(clerk, { q: "", departmentId: null, locationId: branchId, includeInactive: false, page: 1 });
      expect(branch.total).toBe(28);
      expect(branch.items.every((u) => u.location?.id === branchId)).toBe(true);
    });

    it("shows inactive accounts only to administrators who ask for them", async () => {
      const q = { q: "lukasz", departmentId: null, locationId: null, page: 1 };
      expect((await org.findStaff(clerk, { ...q, includeInactive: true })).total).toBe(0);
      expect((await org.findStaff(admin, { ...q, includeInactive: false })).total).toBe(0);
      const withInactive = await org.findStaff(admin, { ...q, includeInactive: true });
      expect(withInactive.items).toEqual([expect.objectContaining({ lastName: "Łukaszewska", active: false })]);
    });

    it("lists the active komórki as a tree with their staff counts", async () => {
      const tree = await org.getDirectoryTree(clerk);
      const dz = tree.find((d) => d.symbol === "DZ")!;
      expect(dz.children.map((c) => c.symbol)).toEqual(["DZ-K"]);
      expect(dz.staffCount).toBe(28);
      expect(dz.children[0]!.staffCount).toBe(5);
      expect(tree.some((d) => d.symbol === "OS")).toBe(false); // deactivated above
      expect((await org.listDirectoryLocations(clerk)).some((l) => l.id === branchId)).toBe(true);
    });
  });

  describe("permissions", () => {
    it("refuses a PRACOWNIK every administrative service with FORBIDDEN, and writes nothing", async () => {
      const before = await db.prisma.auditEvent.count();
      const dep = await createDepartment(db.prisma, { symbol: "PX" });
      const pos = await createPosition(db.prisma);
      const loc = await createLocation(db.prisma);
      const calls: Promise<unknown>[] = [
        org.getOffice(clerk),
        org.updateOffice(clerk, ZOfficeInput.parse(office)),
        org.listLocations(clerk, { page: 1 }),
        org.createLocation(clerk, ZCreateLocationInput.parse({ code: "X1", name: "X", kind: "ODDZIAL", street: "X", postalCode: "00-001", city: "X" })),
        org.setLocationActive(clerk, { id: loc.id, active: false }),
        org.listDepartments(clerk, { page: 1, includeInactive: false }),
        org.getDepartmentFormOptions(clerk),
        org.createDepartment(clerk, department({ symbol: "PY" })),
        org.updateDepartment(clerk, ZUpdateDepartmentInput.parse({ id: dep.id, symbol: "PX", name: "Zmiana" })),
        org.setDepartmentActive(clerk, { id: dep.id, active: false }),
        org.listPositions(clerk, { page: 1 }),
        org.createPosition(clerk, ZCreatePositionInput.parse({ name: "Nowe", rank: 1 })),
        org.updatePosition(clerk, ZUpdatePositionInput.parse({ id: pos.id, name: "Zmiana", rank: 1 })),
        org.deletePosition(clerk, { id: pos.id }),
      ];
      for (const call of calls) expect((await appError(call)).code).toBe("FORBIDDEN");
      expect(await db.prisma.auditEvent.count()).toBe(before);
      expect(await db.prisma.position.count({ where: { id: pos.id } })).toBe(1);
    });

    it("lets every staff role read the directory", async () => {
      for (const role of ["KANCELARIA", "KIEROWNIK", "PRACOWNIK", "SEKRETARZ", "SKARBNIK", "REDAKTOR_BIP"] as const) {
        const ctx = await createActor(db.prisma, [role]);
        await expect(org.getDirectoryTree(ctx)).resolves.toBeInstanceOf(Array);
      }
      const nobody = await createActor(db.prisma, []);
      expect((await appError(org.findStaff(nobody, { q: "", departmentId: null, locationId: null, includeInactive: false, page: 1 }))).code).toBe("FORBIDDEN");
    });
  });
});
