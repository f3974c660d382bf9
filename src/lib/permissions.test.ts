import { describe, expect, it } from "vitest";
import { can, isRole, permissionsOf, PERMISSIONS, ROLE_PERMISSIONS, ROLES, toRoles, type Permission } from "./permissions";

const ADMIN_ONLY: Permission[] = ["users.manage", "org.manage", "audit.view", "jobs.view", "search.manage"];

describe("role → permission map", () => {
  it("gives every role the dashboard and the office directory", () => {
    for (const role of ROLES) {
      expect(can([role], "dashboard.view"), role).toBe(true);
      expect(can([role], "directory.view"), role).toBe(true);
    }
  });

  it.each(ADMIN_ONLY)("grants %s to the ADMINISTRATOR only", (permission) => {
    expect(ROLES.filter((r) => can([r], permission))).toEqual(["ADMINISTRATOR"]);
  });

  it("lets heads manage substitutions in their department, and only the leadership everyone's", () => {
    expect(ROLES.filter((r) => can([r], "substitutions.manage")).sort()).toEqual(["ADMINISTRATOR", "KIEROWNIK", "SEKRETARZ"]);
    expect(ROLES.filter((r) => can([r], "substitutions.manage.all")).sort()).toEqual(["ADMINISTRATOR", "SEKRETARZ"]);
  });

  it("grants only known permissions", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
  });

  it("combines the permissions of several roles, and gives none without a role", () => {
    expect(can([], "dashboard.view")).toBe(false);
    expect(permissionsOf([]).size).toBe(0);
    expect(can(["PRACOWNIK"], "audit.view")).toBe(false);
    expect(can(["PRACOWNIK", "ADMINISTRATOR"], "audit.view")).toBe(true);
    expect(can(["REDAKTOR_BIP"], "bip.publish") && !can(["KIEROWNIK"], "bip.publish") && !can(["PRACOWNIK"], "bip.edit")).toBe(true);
    expect(permissionsOf(["KIEROWNIK", "PRACOWNIK"])).toEqual(new Set(["dashboard.view", "directory.view", "contacts.view", "documents.work", "substitutions.manage", "bip.edit"]));
    expect(can(["KANCELARIA"], "letters.register") && can(["KANCELARIA"], "letters.dispatch")).toBe(true);
    expect(can(["PRACOWNIK"], "letters.register") || can(["KIEROWNIK"], "documents.view.all")).toBe(false);
  });

  it("narrows stored role names to the known ones", () => {
    expect(isRole("KANCELARIA")).toBe(true);
    expect(isRole("administrator")).toBe(false);
    expect(toRoles(["PRACOWNIK", "ROOT", "", "ADMINISTRATOR"])).toEqual(["PRACOWNIK", "ADMINISTRATOR"]);
  });
});
