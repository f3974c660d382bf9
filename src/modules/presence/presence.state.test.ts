import { describe, expect, it } from "vitest";
import {
  absentUntil,
  addDays,
  aggregateAway,
  applyReport,
  HIDDEN_GRACE_MS,
  IDLE_MS,
  isLeaveReason,
  MAX_TABS,
  parseTabs,
  presenceStatus,
  TAB_STALE_MS,
  tabIsAway,
} from "./presence.state";

const T = 1_800_000_000_000;

describe("one tab", () => {
  it("is away after 10 minutes without input, and active again after input", () => {
    expect(tabIsAway({ lastInputAt: T, hiddenSince: null }, T + IDLE_MS - 1)).toBe(false);
    expect(tabIsAway({ lastInputAt: T, hiddenSince: null }, T + IDLE_MS)).toBe(true);
    expect(tabIsAway({ lastInputAt: T + IDLE_MS, hiddenSince: null }, T + IDLE_MS)).toBe(false);
  });

  it("is away when hidden for a minute, not at once", () => {
    expect(tabIsAway({ lastInputAt: T, hiddenSince: T }, T + HIDDEN_GRACE_MS - 1)).toBe(false);
    expect(tabIsAway({ lastInputAt: T, hiddenSince: T }, T + HIDDEN_GRACE_MS)).toBe(true);
  });
});

describe("a person's tabs", () => {
  it("is online when any recent tab is active, away when all are away", () => {
    let tabs = applyReport({}, "a", true, T);
    expect(aggregateAway(tabs, T)).toBe(true);
    tabs = applyReport(tabs, "b", false, T + 1000);
    expect(aggregateAway(tabs, T + 1000)).toBe(false);
    tabs = applyReport(tabs, "b", true, T + 2000);
    expect(aggregateAway(tabs, T + 2000)).toBe(true);
  });

  it("forgets a tab not heard from for a few minutes (closed), so the remaining idle tab makes the person away", () => {
    let tabs = applyReport({}, "active", false, T);
    tabs = applyReport(tabs, "idle", true, T + 1000);
    expect(aggregateAway(tabs, T + 1000)).toBe(false);
    tabs = applyReport(tabs, "idle", true, T + TAB_STALE_MS + 1);
    expect(Object.keys(tabs)).toEqual(["idle"]);
    expect(aggregateAway(tabs, T + TAB_STALE_MS + 1)).toBe(true);
  });

  it("drops a closed tab at once: the person's remaining idle tab decides", () => {
    let tabs = applyReport({}, "active", false, T);
    tabs = applyReport(tabs, "idle", true, T + 1000);
    tabs = applyReport(tabs, "active", false, T + 2000, true);
    expect(Object.keys(tabs)).toEqual(["idle"]);
    expect(aggregateAway(tabs, T + 2000)).toBe(true);
  });

  it("is not away with no recent tab at all (not connected: offline is presence-office's business)", () => {
    expect(aggregateAway({}, T)).toBe(false);
    expect(aggregateAway({ a: { away: true, at: T } }, T + TAB_STALE_MS)).toBe(false);
  });

  it("keeps at most MAX_TABS tabs, the newest", () => {
    let tabs = {};
    for (let i = 0; i < MAX_TABS + 5; i += 1) tabs = applyReport(tabs, `t${i}`, false, T + i);
    expect(Object.keys(tabs)).toHaveLength(MAX_TABS);
    expect(tabs).toHaveProperty(`t${MAX_TABS + 4}`);
    expect(tabs).not.toHaveProperty("t0");
  });

  it("reads stored JSON defensively", () => {
    expect(parseTabs(null)).toEqual({});
    expect(parseTabs([1])).toEqual({});
    expect(parseTabs({ a: { away: true, at: T }, b: { away: "yes", at: T }, c: 5 })).toEqual({ a: { away: true, at: T } });
  });
});

describe("absences", () => {
  it("adds calendar days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("lasts until the end of the absence covering today, following absences that continue it", () => {
    const today = "2026-11-25";
    expect(absentUntil([{ dateFrom: "2026-11-20", dateTo: "2026-11-27" }], today)).toBe("2026-11-27");
    expect(absentUntil([{ dateFrom: "2026-11-26", dateTo: "2026-11-27" }], today)).toBeNull();
    expect(absentUntil([{ dateFrom: "2026-11-10", dateTo: "2026-11-24" }], today)).toBeNull();
    expect(
      absentUntil(
        [
          { dateFrom: "2026-11-30", dateTo: "2026-12-04" },
          { dateFrom: "2026-11-25", dateTo: "2026-11-27" },
          { dateFrom: "2026-11-28", dateTo: "2026-11-29" },
          { dateFrom: "2026-12-10", dateTo: "2026-12-12" },
        ],
        today,
      ),
    ).toBe("2026-12-04");
  });

  it("says 'on leave' only for a leave; other reasons stay private", () => {
    expect(isLeaveReason("Urlop wypoczynkowy")).toBe(true);
    expect(isLeaveReason("urlop na żądanie")).toBe(true);
    expect(isLeaveReason("Zwolnienie lekarskie")).toBe(false);
    expect(isLeaveReason(null)).toBe(false);
  });
});

describe("a person's status", () => {
  it("absence wins over anything; then online, away, offline", () => {
    expect(presenceStatus({ online: true, away: false, absent: true })).toBe("leave");
    expect(presenceStatus({ online: false, away: false, absent: true })).toBe("leave");
    expect(presenceStatus({ online: true, away: false, absent: false })).toBe("online");
    expect(presenceStatus({ online: true, away: true, absent: false })).toBe("away");
    expect(presenceStatus({ online: false, away: true, absent: false })).toBe("offline");
  });
});
