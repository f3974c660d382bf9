import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor } from "@/test/factories";
import { nextRegisterNumber } from "./registers";
import { ZRegisterFormatsInput } from "./registers.schemas";
import { getRegisterSettings, updateRegisterFormats } from "./registers.service";

const NOW = new Date("2026-11-25T10:00:00Z");
const defaults = { rpwFormat: "RPW/{n}/{yyyy}", outgoingFormat: "PWY/{n}/{yyyy}", internalFormat: "WEW/{n}/{yyyy}", dispatchBookFormat: "KN/{n}/{yyyy}" };

describe.each(TEST_DB_KINDS)("register settings (%s)", (kind) => {
  let db: TestDb;
  let admin: ServiceContext;

  beforeAll(async () => {
    db = await createTestDb(kind);
    await db.prisma.office.create({ data: { id: 1, name: "Urząd Miasta i Gminy Boguchwała", shortName: "UMiG", street: "ul. Suszyckich 33", postalCode: "36-040", city: "Boguchwała" } });
    admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
  });
  afterAll(async () => db?.destroy());

  it("reads the patterns and this year's counters; a new pattern applies to the next number, audited", async () => {
    await db.prisma.$transaction(async (tx) => {
      await nextRegisterNumber(tx, "RPW", NOW);
      await nextRegisterNumber(tx, "RPW", NOW);
    });
    const before = await getRegisterSettings(admin, NOW);
    expect(before.year).toBe(2026);
    expect(before.registers.find((r) => r.register === "RPW")).toEqual({ register: "RPW", field: "rpwFormat", format: "RPW/{n}/{yyyy}", last: 2 });

    const after = await updateRegisterFormats(admin, ZRegisterFormatsInput.parse({ ...defaults, rpwFormat: "KP.RPW.{n}.{yy}" }), NOW);
    expect(after.registers.find((r) => r.register === "RPW")?.format).toBe("KP.RPW.{n}.{yy}");
    const issued = await db.prisma.$transaction((tx) => nextRegisterNumber(tx, "RPW", NOW));
    expect(issued).toEqual({ registerNo: "KP.RPW.3.26", registerYear: 2026, registerSeq: 3 });
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "registers.updated" }, select: { actorId: true, entityType: true, data: true } });
    expect(audit).toEqual([{ actorId: admin.actor.id, entityType: "office", data: { changes: { rpwFormat: { from: "RPW/{n}/{yyyy}", to: "KP.RPW.{n}.{yy}" } } } }]);

    await updateRegisterFormats(admin, ZRegisterFormatsInput.parse({ ...defaults, rpwFormat: "KP.RPW.{n}.{yy}" }), NOW);
    expect(await db.prisma.auditEvent.count({ where: { action: "registers.updated" } })).toBe(1);
  });

  it("refuses a pattern whose next number was already issued", async () => {
    const clerk = await createActor(db.prisma, ["PRACOWNIK"]);
    await db.prisma.document.create({ data: { kind: "INTERNAL", status: "IN_PROGRESS", channel: "INTERNAL", subject: "x", registerNo: "X/4/2026", registerYear: 2026, registerSeq: 4, createdById: clerk.actor.id } });
    try {
      await updateRegisterFormats(admin, ZRegisterFormatsInput.parse({ ...defaults, rpwFormat: "X/{n}/{yyyy}" }), NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors?.rpwFormat).toBe("Numer „X/4/2026” został już nadany — z tym wzorem numery by się powtórzyły. Wybierz inny wzór.");
    }
    expect((await getRegisterSettings(admin, NOW)).registers[0]!.format).toBe("KP.RPW.{n}.{yy}");
  });

  it("validates patterns with Polish messages and refuses registers that would share numbers", () => {
    const bad = ZRegisterFormatsInput.safeParse({ ...defaults, outgoingFormat: "PWY/{yyyy}", internalFormat: "RPW/{n}/{yyyy}", rpwFormat: "RPW/{n}/{yyyy}" });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues.outgoingFormat).toBe("Wzór musi zawierać dokładnie jedno pole {n} (numer kolejny).");
    expect(issues.internalFormat).toMatch(/^Ten wzór dawałby te same numery co inny rejestr \(np\. „RPW\/1\/\d{4}”\)/);
    expect(ZRegisterFormatsInput.safeParse({ ...defaults, rpwFormat: "{n}/{yyyy}", internalFormat: "1{n}/{yyyy}" }).success).toBe(false);
  });

  it("is for the administrator only (tRPC)", async () => {
    const clerk = await createActor(db.prisma, ["KANCELARIA"]);
    await expect(createCaller({ db: db.prisma, actor: clerk.actor, meta: clerk.meta }).documents.registers.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const settings = await createCaller({ db: db.prisma, actor: admin.actor, meta: admin.meta }).documents.registers.get();
    expect(settings.registers.map((r) => r.register)).toEqual(["RPW", "OUTGOING", "INTERNAL", "DISPATCH_BOOK"]);
  });
});
