import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { createActor } from "@/test/factories";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { auditInputFromSearchParams, NO_ACTOR, type AuditListInput } from "./audit.schemas";
import { listAuditActors, listAuditEvents, listEntityHistory } from "./audit.service";

describe.each(TEST_DB_KINDS)("audit viewer on %s", (kind) => {
  let db: TestDb;
  let admin: ServiceContext;
  let clerk: ServiceContext;
  /** Event ids by label, in the order they happened. */
  const ids: Record<string, string> = {};

  const at = (iso: string) => new Date(iso);
  beforeAll(async () => {
    db = await createTestDb(kind);
    admin = await createActor(db.prisma, ["ADMINISTRATOR"]);
    clerk = await createActor(db.prisma, ["PRACOWNIK"]);
    const a = admin.actor;
    const rows = [
      // label, occurredAt, action, actor?, entity, ip, data
      ["e1", "2026-03-01T08:00:00.000Z", "auth.signed-in", a, "user", a.id, "10.0.0.1", {}],
      ["e2", "2026-03-01T22:59:59.000Z", "user.updated", a, "user", "u-42", "10.0.0.2", { changes: { phone: { from: null, to: "17 875 09 00" }, roles: { from: ["PRACOWNIK"], to: ["KIEROWNIK"] } } }],
      ["e3", "2026-03-01T23:30:00.000Z", "auth.sign-in-failed", null, "user", null, "192.168.5.9", { email: "x@y.example", reason: "unknown-user" }],
      // Two entries in the same millisecond: the id breaks the tie.
      ["e4", "2026-03-02T10:00:00.000Z", "department.created", a, "department", "d-1", "10.0.0.1", { symbol: "GK", name: "Wydział Gospodarki Komunalnej" }],
      ["e5", "2026-03-02T10:00:00.000Z", "user.updated", a, "user", "u-42", "10.0.0.1", { changes: { lastName: { from: "Nowak", to: "Nowak-Kowalska" } } }],
      ["e6", "2026-07-01T22:30:00.000Z", "job.retried", a, "job", "17", "10.0.0.3", { type: "mail.send" }],
      ["e7", "2026-07-02T09:00:00.000Z", "auth.signed-out", a, "user", a.id, null, {}],
    ] as const;
    for (const [label, occurredAt, action, actor, entityType, entityId, ip, data] of rows) {
      const row = await db.prisma.auditEvent.create({
        data: {
          occurredAt: at(occurredAt),
          action,
          actorId: actor?.id ?? null,
          actorName: actor ? `${actor.firstName} ${actor.lastName}` : null,
          actorPosition: actor ? "Informatyk" : null,
          entityType,
          entityId,
          ip,
          userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
          data,
        },
      });
      ids[label] = row.id.toString();
    }
  });
  afterAll(async () => db?.destroy());

  const list = (input: Partial<AuditListInput> = {}) => listAuditEvents(admin, { filters: {}, ...input });
  const labels = (entries: { id: string }[]) => entries.map((e) => Object.keys(ids).find((k) => ids[k] === e.id));

  it("lists newest first, the id breaking ties of the same instant", async () => {
    const page = await list();
    expect(labels(page.entries)).toEqual(["e7", "e6", "e5", "e4", "e3", "e2", "e1"]);
    expect(page.olderCursor).toBeNull();
    expect(page.newerCursor).toBeNull();
  });

  it("pages with keyset cursors, older and back newer, without gaps or repeats", async () => {
    const p1 = await list({ limit: 3 });
    expect(labels(p1.entries)).toEqual(["e7", "e6", "e5"]);
    expect(p1.newerCursor).toBeNull();
    expect(p1.olderCursor).not.toBeNull();

    const p2 = await list({ limit: 3, before: p1.olderCursor! });
    expect(labels(p2.entries)).toEqual(["e4", "e3", "e2"]);
    expect(p2.newerCursor).not.toBeNull();
    expect(p2.olderCursor).not.toBeNull();

    const p3 = await list({ limit: 3, before: p2.olderCursor! });
    expect(labels(p3.entries)).toEqual(["e1"]);
    expect(p3.olderCursor).toBeNull();

    const back = await list({ limit: 3, after: p3.newerCursor! });
    expect(labels(back.entries)).toEqual(["e4", "e3", "e2"]);
    expect(back.olderCursor).toBe(p2.olderCursor);

    // "Nowsze" from the second page reaches the top: a full first page.
    const top = await list({ limit: 3, after: p2.newerCursor! });
    expect(labels(top.entries)).toEqual(["e7", "e6", "e5"]);
    expect(top.newerCursor).toBeNull();
  });

  it("filters by action, person, entity and IP prefix", async () => {
    expect(labels((await list({ filters: { action: "user.updated" } })).entries)).toEqual(["e5", "e2"]);
    expect(labels((await list({ filters: { actorId: NO_ACTOR } })).entries)).toEqual(["e3"]);
    expect(labels((await list({ filters: { actorId: admin.actor.id, action: "auth.signed-in" } })).entries)).toEqual(["e1"]);
    expect(labels((await list({ filters: { entityType: "user", entityId: "u-42" } })).entries)).toEqual(["e5", "e2"]);
    expect(labels((await list({ filters: { entityType: "job" } })).entries)).toEqual(["e6"]);
    expect(labels((await list({ filters: { ip: "192.168." } })).entries)).toEqual(["e3"]);
    expect(labels((await list({ filters: { ip: "10.0.0.1" } })).entries)).toEqual(["e5", "e4", "e1"]);
    expect((await list({ filters: { actorId: clerk.actor.id } })).entries).toEqual([]);
  });

  it("filters by days in Polish time, winter and summer", async () => {
    // 1 March 23:59:59 UTC is 2 March 00:59:59 in Warsaw (CET, +1), and 22:59:59 UTC is still 1 March.
    expect(labels((await list({ filters: { from: "2026-03-02", to: "2026-03-02" } })).entries)).toEqual(["e5", "e4", "e3"]);
    expect(labels((await list({ filters: { to: "2026-03-01" } })).entries)).toEqual(["e2", "e1"]);
    // 1 July 22:30 UTC is 2 July 00:30 in Warsaw (CEST, +2).
    expect(labels((await list({ filters: { from: "2026-07-02" } })).entries)).toEqual(["e7", "e6"]);
    expect(labels((await list({ filters: { from: "2026-07-01", to: "2026-07-01" } })).entries)).toEqual([]);
  });

  it("reads filters from the URL, Polish dates included, and reports bad ones", async () => {
    const { input, errors } = auditInputFromSearchParams({ from: "02.03.2026", to: "2.3.2026", action: "user.updated", ip: "", entityId: "  " });
    expect(input.filters).toEqual({ from: "2026-03-02", to: "2026-03-02", action: "user.updated" });
    expect(errors).toEqual({});
    expect(labels((await listAuditEvents(admin, input)).entries)).toEqual(["e5"]);

    const bad = auditInputFromSearchParams({ from: "31.02.2026", action: "nie.ma", ip: "10.0.0.1; DROP", to: "2026-03-01", before: "garbage" });
    expect(bad.input.filters).toEqual({ to: "2026-03-01" });
    expect(bad.input.before).toBeUndefined();
    expect(Object.keys(bad.errors).sort()).toEqual(["action", "from", "ip"]);

    const reversed = auditInputFromSearchParams({ from: "2026-03-05", to: "2026-03-01" });
    expect(reversed.errors.to).toBe("Data końcowa nie może być wcześniejsza niż początkowa.");
    expect(reversed.input.filters).toEqual({ from: "2026-03-05" });
  });

  it("returns field changes as a list and the rest of the data apart", async () => {
    const e2 = (await list({ filters: { action: "user.updated" } })).entries.find((e) => e.id === ids.e2)!;
    expect(e2.changes).toEqual([
      { field: "phone", from: null, to: "17 875 09 00" },
      { field: "roles", from: ["PRACOWNIK"], to: ["KIEROWNIK"] },
    ]);
    expect(e2.data).toEqual({});
    expect(e2).toMatchObject({ actorName: `${admin.actor.firstName} ${admin.actor.lastName}`, actorPosition: "Informatyk", ip: "10.0.0.2", entityType: "user", entityId: "u-42" });
    const e3 = (await list({ filters: { actorId: NO_ACTOR } })).entries[0]!;
    expect(e3.changes).toEqual([]);
    expect(e3.data).toEqual({ email: "x@y.example", reason: "unknown-user" });
  });

  it("listEntityHistory gives one object's history, oldest first", async () => {
    const history = await listEntityHistory(admin, "user", "u-42");
    expect(labels(history)).toEqual(["e2", "e5"]);
    expect(history[1]!.changes).toEqual([{ field: "lastName", from: "Nowak", to: "Nowak-Kowalska" }]);
    expect(await listEntityHistory(admin, "department", "u-42")).toEqual([]);
    expect(labels(await listEntityHistory(admin, "user", admin.actor.id))).toEqual(["e1", "e7"]);
  });

  it("lists every account for the person filter", async () => {
    const actors = await listAuditActors(admin);
    expect(actors.map((a) => a.id).sort()).toEqual([admin.actor.id, clerk.actor.id].sort());
  });

  it("is for holders of audit.view only", async () => {
    await expect(listAuditEvents(clerk, { filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listEntityHistory(clerk, "user", "u-42")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditActors(clerk)).rejects.toBeInstanceOf(AppError);
  });

  it("offers no way to change or delete entries through the API", () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>).filter(([path]) => path.startsWith("audit."));
    expect(procedures.map(([path]) => path).sort()).toEqual(["audit.actors", "audit.entityHistory", "audit.list"]);
    for (const [path, p] of procedures) expect(p._def.type, path).toBe("query");
  });
});
