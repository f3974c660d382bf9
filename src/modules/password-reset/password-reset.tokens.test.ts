import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZRequestPasswordResetInput, ZResetPasswordForm, ZResetToken } from "./password-reset.schemas";
import { createResetToken, hashResetToken, isResetTokenFormat, resetLink } from "./password-reset.tokens";

describe("reset tokens", () => {
  it("are 32 random bytes in base64url, and the stored hash is their SHA-256", () => {
    const { token, tokenHash } = createResetToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).not.toContain(token);
    expect(hashResetToken(token)).toBe(tokenHash);
  });

  it("differ every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => createResetToken().token));
    expect(tokens.size).toBe(200);
  });

  it("hash differently for tokens differing in one character", () => {
    const { token } = createResetToken();
    const other = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect(hashResetToken(other)).not.toBe(hashResetToken(token));
  });

  it("recognises the token format and rejects anything else", () => {
    const { token } = createResetToken();
    expect(isResetTokenFormat(token)).toBe(true);
    expect(ZResetToken.safeParse(token).success).toBe(true);
    for (const bad of ["", token.slice(1), `${token}A`, `${token.slice(1)}=`, `${token.slice(1)}+`, `${token.slice(1)}/`, null, 42]) {
      expect(isResetTokenFormat(bad)).toBe(false);
    }
  });

  it("builds the link from the configured address, with or without a trailing slash", () => {
    const { token } = createResetToken();
    expect(resetLink("https://ezd.urzad.example", token)).toBe(`https://ezd.urzad.example/logowanie/nowe-haslo?token=${token}`);
    expect(resetLink("https://urzad.example/ezd/", token)).toBe(`https://urzad.example/ezd/logowanie/nowe-haslo?token=${token}`);
    expect(new URL(resetLink("http://localhost:3000", token)).searchParams.get("token")).toBe(token);
  });
});

describe("password-reset form schemas", () => {
  const token = createResetToken().token;

  it("normalises the e-mail address and refuses a malformed one", () => {
    expect(ZRequestPasswordResetInput.parse({ email: "  Jan.Kowalski@Urzad.EXAMPLE " })).toEqual({ email: "jan.kowalski@urzad.example" });
    expect(ZRequestPasswordResetInput.safeParse({ email: "" }).error?.issues[0]?.message).toBe("Podaj adres e-mail.");
    expect(ZRequestPasswordResetInput.safeParse({ email: "jan@" }).error?.issues[0]?.message).toBe("Podaj poprawny adres e-mail, np. jan.kowalski@urzad.gov.pl.");
  });

  it("applies the password policy and wants the same password twice", () => {
    expect(ZResetPasswordForm.safeParse({ token, password: "Nowe-Haslo-2027", repeatPassword: "Nowe-Haslo-2027" }).success).toBe(true);
    const short = ZResetPasswordForm.safeParse({ token, password: "Krotkie1", repeatPassword: "Krotkie1" });
    expect(short.error?.issues.map((i) => i.path.join("."))).toEqual(["password"]);
    const noDigit = ZResetPasswordForm.safeParse({ token, password: "BezCyfryHaslo", repeatPassword: "BezCyfryHaslo" });
    expect(noDigit.error?.issues[0]?.message).toBe("Hasło musi zawierać cyfrę.");
    const differ = ZResetPasswordForm.safeParse({ token, password: "Nowe-Haslo-2027", repeatPassword: "Nowe-Haslo-2028" });
    expect(differ.error?.issues).toMatchObject([{ path: ["repeatPassword"], message: "Hasła nie są takie same." }]);
    expect(ZResetPasswordForm.safeParse({ token: "abc", password: "Nowe-Haslo-2027", repeatPassword: "Nowe-Haslo-2027" }).error?.issues[0]?.path).toEqual(["token"]);
  });
});
