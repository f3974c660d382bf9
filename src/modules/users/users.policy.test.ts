import { describe, expect, it } from "vitest";
import { findSupervisorCycle, removesLastAdministrator } from "./users.policy";

describe("findSupervisorCycle", () => {
  // kierownik ← naczelnik ← sekretarz ← burmistrz (arrows: "is supervised by")
  const tree = new Map<string, string | null>([
    ["burmistrz", null],
    ["sekretarz", "burmistrz"],
    ["naczelnik", "sekretarz"],
    ["kierownik", "naczelnik"],
    ["referent", "kierownik"],
  ]);

  it("allows no supervisor and a supervisor higher up", () => {
    expect(findSupervisorCycle("referent", null, tree)).toBeNull();
    expect(findSupervisorCycle("referent", "sekretarz", tree)).toBeNull();
    expect(findSupervisorCycle("naczelnik", "burmistrz", tree)).toBeNull();
  });

  it("refuses self-supervision", () => {
    expect(findSupervisorCycle("kierownik", "kierownik", tree)).toEqual(["kierownik"]);
  });

  it("refuses a direct or indirect subordinate as supervisor", () => {
    expect(findSupervisorCycle("kierownik", "referent", tree)).toEqual(["referent", "kierownik"]);
    expect(findSupervisorCycle("sekretarz", "referent", tree)).toEqual(["referent", "kierownik", "naczelnik", "sekretarz"]);
  });

  it("stops on an existing loop that does not pass through the user", () => {
    const broken = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
      ["c", null],
    ]);
    expect(findSupervisorCycle("c", "a", broken)).toBeNull();
  });
});

describe("removesLastAdministrator", () => {
  const admin = { active: true, roles: ["ADMINISTRATOR" as const] };
  it("refuses removing the role or deactivating when nobody else is an active administrator", () => {
    expect(removesLastAdministrator(admin, { active: true, roles: ["PRACOWNIK"] }, 0)).toBe(true);
    expect(removesLastAdministrator(admin, { active: false, roles: ["ADMINISTRATOR"] }, 0)).toBe(true);
  });
  it("allows it when another active administrator remains, or when nothing changes", () => {
    expect(removesLastAdministrator(admin, { active: true, roles: ["PRACOWNIK"] }, 1)).toBe(false);
    expect(removesLastAdministrator(admin, admin, 0)).toBe(false);
    expect(removesLastAdministrator({ active: false, roles: ["ADMINISTRATOR"] }, { active: false, roles: [] }, 0)).toBe(false);
  });
});
