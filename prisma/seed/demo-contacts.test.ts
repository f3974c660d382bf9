import { describe, expect, it } from "vitest";
import { ZCreateContactInput } from "@/modules/contacts/contacts.schemas";
import { demoContacts } from "./demo-contacts";

describe("demo contacts", () => {
  it("are about forty, each valid by the form's own schema (identifiers pass their checksums)", () => {
    expect(demoContacts.length).toBeGreaterThanOrEqual(35);
    for (const c of demoContacts) {
      const [first, ...rest] = c.addresses;
      const parsed = ZCreateContactInput.safeParse({ ...c, ...first });
      expect(parsed.success, `${c.name ?? c.lastName}: ${parsed.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`).toBe(true);
      for (const a of rest) expect(ZCreateContactInput.safeParse({ ...c, ...a }).success).toBe(true);
    }
  });

  it("have unique identifiers and include Zofia Żółć", () => {
    for (const key of ["pesel", "nip", "regon", "krs", "eDoreczeniaAddress"] as const) {
      const values = demoContacts.map((c) => c[key]).filter(Boolean);
      expect(new Set(values).size, key).toBe(values.length);
    }
    expect(demoContacts.some((c) => c.firstName === "Zofia" && c.lastName === "Żółć")).toBe(true);
    expect(new Set(demoContacts.map((c) => c.kind))).toEqual(new Set(["PERSON", "COMPANY", "INSTITUTION"]));
  });
});
