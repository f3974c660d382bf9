import { describe, expect, it } from "vitest";
import { ZCreateUserInput, ZUpdateUserInput } from "./users.schemas";

/** The first message per field, as the tRPC error formatter reports it. */
const firstByPath = (issues: { path: PropertyKey[]; message: string }[]) => {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.join(".")] ??= i.message;
  return out;
};

const base = { email: "  Jan.Kowalski@Urzad.Example ", firstName: " Jan ", lastName: "Kowalski", phone: "", roles: ["PRACOWNIK", "KIEROWNIK"], departmentId: "", positionId: null, locationId: "", supervisorId: "" };

describe("user schemas", () => {
  it("normalises the e-mail, trims names, turns empty choices into null and orders roles", () => {
    const v = ZCreateUserInput.parse({ ...base, passwordMode: "generate" });
    expect(v).toMatchObject({ email: "jan.kowalski@urzad.example", firstName: "Jan", phone: null, departmentId: null, locationId: null, supervisorId: null, roles: ["KIEROWNIK", "PRACOWNIK"] });
  });

  it("needs at least one role and a valid password when the administrator types one", () => {
    const r = ZCreateUserInput.safeParse({ ...base, roles: [], passwordMode: "set", password: "krotkie" });
    expect(r.success).toBe(false);
    const byPath = firstByPath(r.error!.issues);
    expect(byPath.roles).toBe("Wybierz co najmniej jedną rolę.");
    expect(byPath.password).toBe("Hasło musi mieć co najmniej 10 znaków.");
  });

  it("refuses an unknown role and a malformed e-mail with Polish messages", () => {
    const r = ZUpdateUserInput.safeParse({ ...base, id: "x", email: "nie-adres", roles: ["KROL"] });
    const byPath = firstByPath(r.error!.issues);
    expect(byPath.email).toMatch(/poprawny adres e-mail/);
    expect(byPath["roles.0"]).toBe("Nieznana rola.");
  });
});
