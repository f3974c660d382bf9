/**
 * Presence on PGlite and on the PostgreSQL server: "away" added up over a person's tabs with the
 * office told only on a change, the overview everybody reads, absences from today's substitutions
 * (until when, leave or just absent, who substitutes) and the office shown for a person.
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { getConversation, openDirectConversation } from "@/modules/chat/chat.service";
import { findStaff } from "@/modules/org/org.service";
import type { ServiceContext } from "@/server/context";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createLocation, createSubstitution, createUser, TEST_META } from "@/test/factories";
import { presenceOverview, reportPresence } from "./presence.service";
import { addDays, TAB_STALE_MS } from "./presence.state";

const TAB_A = "tab-aaaaaaaa";
const TAB_B = "tab-bbbbbbbb";

describe.each(TEST_DB_KINDS)("presence (%s)", (kind) => {
  let db: TestDb;
  let p: PrismaClient;
  let anna: ServiceContext, bartek: ServiceContext, celina: ServiceContext, admin: ServiceContext;
  let gkId: string;
  const ctxOf = async (id: string): Promise<ServiceContext> => ({ db: p, actor: actorOf(await p.user.findUniqueOrThrow({ where: { id } })), meta: TEST_META });
  const presenceJobs = () => p.outboxJob.findMany({ where: { type: "presence.changed" }, orderBy: { id: "asc" }, select: { payload: true } });

  beforeAll(async () => {
    db = await createTestDb(kind);
    p = db.prisma;
    const branch = await createLocation(p, { name: "Oddział Gospodarki Komunalnej" });
    const gk = await createDepartment(p, { symbol: "GK" });
    gkId = gk.id;
    await p.department.update({ where: { id: gk.id }, data: { locationId: branch.id } });
    const hq = await createLocation(p, { name: "Siedziba Urzędu", kind: "SIEDZIBA" });
    anna = await ctxOf((await createUser(p, { firstName: "Anna", lastName: "Nowak", departmentId: gk.id })).id);
    bartek = await ctxOf((await createUser(p, { firstName: "Bartłomiej", lastName: "Żak", departmentId: gk.id, locationId: hq.id })).id);
    celina = await ctxOf((await createUser(p, { firstName: "Celina", lastName: "Wójcik", departmentId: gk.id })).id);
    admin = await ctxOf((await createUser(p, { roles: ["ADMINISTRATOR"] })).id);
  });
  afterAll(async () => db?.destroy());

  it("a person is away only when every recent tab is idle; the office is told on each change and only then", async () => {
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await reportPresence(anna, { tabId: TAB_A, away: false }, at(0))).toEqual({ away: false });
    expect(await presenceJobs()).toHaveLength(0);
    expect(await reportPresence(anna, { tabId: TAB_A, away: true }, at(1_000))).toEqual({ away: true });
    expect((await presenceJobs()).map((j) => j.payload)).toEqual([{ userId: anna.actor.id, away: true, at: at(1_000).getTime() }]);
    expect((await presenceOverview(bartek, at(1_500))).away.map((a) => a.userId)).toEqual([anna.actor.id]);

    // A second tab in use: online again; the idle first tab reporting again changes nothing.
    expect(await reportPresence(anna, { tabId: TAB_B, away: false }, at(2_000))).toEqual({ away: false });
    expect(await reportPresence(anna, { tabId: TAB_A, away: true }, at(3_000))).toEqual({ away: false });
    expect((await presenceJobs()).map((j) => (j.payload as { away: boolean }).away)).toEqual([true, false]);
    expect((await presenceOverview(bartek, at(3_500))).away).toEqual([]);

    // The active tab is closed (no more reports): the idle tab's next heartbeat makes her away.
    expect(await reportPresence(anna, { tabId: TAB_A, away: true }, at(TAB_STALE_MS + 2_500))).toEqual({ away: true });
    expect((await presenceJobs()).map((j) => (j.payload as { away: boolean }).away)).toEqual([true, false, true]);
    const row = await p.presenceState.findUniqueOrThrow({ where: { userId: anna.actor.id } });
    expect(Object.keys(row.tabs as object)).toEqual([TAB_A]);

    // Nobody heard from her for a while (every tab closed): not listed as away any more.
    expect((await presenceOverview(bartek, at(2 * TAB_STALE_MS + 3_000))).away).toEqual([]);

    // A closing tab is dropped at once: Bartek's only tab closes while idle, so he is not away.
    await reportPresence(bartek, { tabId: TAB_A, away: true }, at(2 * TAB_STALE_MS + 4_000));
    expect((await presenceOverview(anna, at(2 * TAB_STALE_MS + 4_500))).away.map((a) => a.userId)).toEqual([bartek.actor.id]);
    expect(await reportPresence(bartek, { tabId: TAB_A, away: true, closed: true }, at(2 * TAB_STALE_MS + 5_000))).toEqual({ away: false });
    expect((await p.presenceState.findUniqueOrThrow({ where: { userId: bartek.actor.id } })).tabs).toEqual({});
    expect((await presenceOverview(anna, at(2 * TAB_STALE_MS + 5_500))).away).toEqual([]);
  });

  it("refuses a malformed tab id", async () => {
    await expect(reportPresence(anna, { tabId: "x", away: false })).rejects.toThrow();
  });

  it("lists today's absences: until the end of the absence and what continues it, leave or not, with the substitutes; no reason shown", async () => {
    const today = todayInPoland();
    await createSubstitution(p, { absentId: anna.actor.id, substituteId: bartek.actor.id, dateFrom: addDays(today, -1), dateTo: addDays(today, 2), reason: "Urlop wypoczynkowy", createdById: admin.actor.id });
    await createSubstitution(p, { absentId: anna.actor.id, substituteId: celina.actor.id, dateFrom: addDays(today, 3), dateTo: addDays(today, 5), reason: "Szkolenie", createdById: admin.actor.id });
    await createSubstitution(p, { absentId: celina.actor.id, substituteId: bartek.actor.id, dateFrom: today, dateTo: today, reason: "Zwolnienie lekarskie", createdById: admin.actor.id });
    // Cancelled and future absences do not count today.
    await createSubstitution(p, { absentId: bartek.actor.id, substituteId: celina.actor.id, dateFrom: today, dateTo: addDays(today, 9), createdById: admin.actor.id, cancelledAt: new Date() });
    await createSubstitution(p, { absentId: admin.actor.id, substituteId: celina.actor.id, dateFrom: addDays(today, 1), dateTo: addDays(today, 9), createdById: admin.actor.id });

    const overview = await presenceOverview(bartek);
    expect(overview.today).toBe(today);
    const absent = [...overview.absent].sort((a, b) => a.until.localeCompare(b.until));
    expect(absent).toEqual([
      { userId: celina.actor.id, until: today, onLeave: false, substitutes: ["Bartłomiej Żak"] },
      { userId: anna.actor.id, until: addDays(today, 5), onLeave: true, substitutes: ["Bartłomiej Żak"] },
    ]);
    expect(JSON.stringify(overview)).not.toMatch(/Zwolnienie|Szkolenie|Urlop/);
  });

  it("shows a person's office: their own, else their department's", async () => {
    const { id } = await openDirectConversation(bartek, anna.actor.id);
    expect((await getConversation(bartek, id)).other?.location).toBe("Oddział Gospodarki Komunalnej");
    expect((await getConversation(anna, id)).other?.location).toBe("Siedziba Urzędu");

    const staff = await findStaff(anna, { q: "", departmentId: gkId, locationId: null, includeInactive: false, page: 1 });
    const byName = new Map(staff.items.map((u) => [u.firstName, u.location?.name ?? null]));
    expect(byName.get("Anna")).toBe("Oddział Gospodarki Komunalnej");
    expect(byName.get("Bartłomiej")).toBe("Siedziba Urzędu");
    // Filtering by the branch finds the people working there through their department.
    const branchId = (await p.location.findFirstOrThrow({ where: { name: "Oddział Gospodarki Komunalnej" } })).id;
    const atBranch = await findStaff(anna, { q: "", departmentId: null, locationId: branchId, includeInactive: false, page: 1 });
    expect(atBranch.items.map((u) => u.firstName).sort()).toEqual(["Anna", "Celina"]);
  });
});
