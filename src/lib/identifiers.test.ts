import { describe, expect, it } from "vitest";
import { digitsOf, isValidNip, isValidPostalCode, isValidRegon } from "./identifiers";

// Valid examples, each checked by hand with the weights 6 5 7 2 3 4 5 6 7 (NIP) and
// 8 9 2 3 4 5 6 7 / 2 4 8 5 0 9 7 3 6 1 2 4 8 (REGON):
//  NIP 8171997406  (demo office):   8·6+1·5+7·7+1·2+9·3+9·4+7·5+4·6+0·7 = 226, 226 mod 11 = 6 ✓
//  NIP 5260250274  (Ministerstwo Finansów): sum mod 11 = 4 ✓
//  NIP 1234563218:  sum mod 11 = 8 ✓
//  NIP 100000016x:  sum mod 11 = 10 — no valid check digit exists, every last digit is refused
//  REGON 690581850 (demo office):   6·8+9·9+0·2+5·3+8·4+1·5+8·6+5·7 = 264, 264 mod 11 = 0 ✓
//  REGON 123456785: sum mod 11 = 5 ✓;  REGON 100000050: sum mod 11 = 10 → check digit 0 ✓
//  REGON 12345678500120: 14 digits, its first nine valid, sum mod 11 = 0 ✓
//  REGON 69058185000017: 14 digits on the demo office's REGON, sum mod 11 = 7 ✓

describe("isValidNip", () => {
  it.each(["8171997406", "5260250274", "1234563218", "817-199-74-06", "817 199 74 06", "PL8171997406"])("accepts %s", (nip) => {
    expect(isValidNip(nip)).toBe(true);
  });

  it.each([
    ["8171997407", "wrong check digit"],
    ["1234563219", "wrong check digit"],
    ["1000000160", "remainder 10 (never issued)"],
    ["1000000169", "remainder 10 (never issued)"],
    ["817199740", "9 digits"],
    ["81719974061", "11 digits"],
    ["81719974OA", "letters"],
    ["", "empty"],
  ])("refuses %s (%s)", (nip) => {
    expect(isValidNip(nip)).toBe(false);
  });
});

describe("isValidRegon", () => {
  it.each(["690581850", "123456785", "100000050", "12345678500120", "69058185000017", "690-581-850"])("accepts %s", (regon) => {
    expect(isValidRegon(regon)).toBe(true);
  });

  it.each([
    ["690581856", "wrong check digit"],
    ["123456789", "wrong check digit"],
    ["12345678500121", "wrong check digit of the 14-digit number"],
    ["12345678900120", "14 digits whose first nine are not a REGON"],
    ["12345678", "8 digits"],
    ["1234567850012", "13 digits"],
    ["", "empty"],
  ])("refuses %s (%s)", (regon) => {
    expect(isValidRegon(regon)).toBe(false);
  });
});

describe("isValidPostalCode", () => {
  it("accepts NN-NNN only", () => {
    expect(isValidPostalCode("36-040")).toBe(true);
    expect(isValidPostalCode(" 00-950 ")).toBe(true);
    expect(isValidPostalCode("36040")).toBe(false);
    expect(isValidPostalCode("36-04")).toBe(false);
    expect(isValidPostalCode("AB-CDE")).toBe(false);
  });
});

describe("digitsOf", () => {
  it("drops spaces and hyphens", () => {
    expect(digitsOf(" 817-199 74-06 ")).toBe("8171997406");
  });
});
