import { describe, expect, it } from "vitest";
import { ZNewPassword } from "@/lib/password-policy";
import { generatePassword } from "./users.password";

describe("generatePassword", () => {
  it("meets the password policy, has no look-alike characters and differs every time", () => {
    const passwords = Array.from({ length: 200 }, generatePassword);
    for (const p of passwords) {
      expect(ZNewPassword.safeParse(p).success).toBe(true);
      expect(p).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      expect(p).not.toMatch(/[01lIO]/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
