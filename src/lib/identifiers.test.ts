import { describe, expect, it } from "vitest";
import {
  digitsOf,
  isValidEDoreczeniaAddress,
  isValidEpuapAddress,
  isValidKrs,
  isValidNip,
  isValidPesel,
  isValidPostalCode,
  isValidRegon,
  normalizeEDoreczeniaAddress,
  peselBirthDate,
  peselSex,
} from "./identifiers";

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

// PESEL: weights 1 3 7 9 1 3 7 9 1 3, check = (10 − sum mod 10) mod 10; the month carries the century.
//  44051401359 (the textbook example, 14.05.1944): sum 101 → check 9 ✓
//  85031401527 (14.03.1985): sum 73 → check 7 ✓
//  03312504213 (25.11.2003, month 31 = 11 + 20): sum 77 → check 3 ✓
//  05230100704 (1.03.2005, month 23 = 3 + 20) ✓;  82122436910 (24.12.1982) ✓
describe("isValidPesel", () => {
  it.each(["44051401359", "85031401527", "03312504213", "05230100704", "82122436910", "850314 01527", "850-314-015-27"])("accepts %s", (pesel) => {
    expect(isValidPesel(pesel)).toBe(true);
  });

  it.each([
    ["44051401358", "wrong check digit"],
    ["85031401520", "wrong check digit"],
    ["85133101527", "month 13 (no century encodes it; check digit right)"],
    ["85023001526", "30 February (check digit right)"],
    ["01022905616", "29 February 1901, not a leap year (check digit right)"],
    ["8503140152", "10 digits"],
    ["850314015270", "12 digits"],
    ["8503140152a", "a letter"],
    ["", "empty"],
  ])("refuses %s (%s)", (pesel) => {
    expect(isValidPesel(pesel)).toBe(false);
  });

  it("decodes the birth date with its century, and the sex", () => {
    expect(peselBirthDate("44051401359")).toBe("1944-05-14");
    expect(peselBirthDate("03312504213")).toBe("2003-11-25");
    expect(peselBirthDate("00822900000")).toBeNull(); // 1800 was not a leap year
    expect(peselBirthDate("96822800000")).toBe("1896-02-28");
    expect(peselBirthDate("04422900000")).toBe("2104-02-29");
    expect(peselBirthDate("99612500000")).toBe("2299-01-25");
    expect(peselBirthDate("00022900000")).toBeNull(); // 1900 was not a leap year
    expect(peselBirthDate("00222900000")).toBe("2000-02-29"); // 2000 was
    expect(peselSex("44051401359")).toBe("M");
    expect(peselSex("85031401527")).toBe("F");
  });
});

describe("isValidKrs (format only: the KRS number has no check digit)", () => {
  it.each(["0000123456", "0000 123 456", "1234567890"])("accepts %s", (krs) => {
    expect(isValidKrs(krs)).toBe(true);
  });
  it.each(["123456", "00001234567", "00001234a6", ""])("refuses %s", (krs) => {
    expect(isValidKrs(krs)).toBe(false);
  });
});

describe("isValidPostalCode", () => {
  it.each(["36-040", " 35-045 "])("accepts %s", (code) => expect(isValidPostalCode(code)).toBe(true));
  it.each(["36040", "3-6040", "36-04", "AB-CDE", ""])("refuses %s", (code) => expect(isValidPostalCode(code)).toBe(false));
});

describe("e-Doręczenia and ePUAP addresses", () => {
  it.each(["AE:PL-12345-67890-ABCDE-12", "ae:pl-51270-17491-vbvhb-25", " AE:PL-00000-00000-12AB3-99 "])("accepts the e-Doręczenia address %s", (a) => {
    expect(isValidEDoreczeniaAddress(a)).toBe(true);
  });
  it.each(["AE:PL-1234-67890-ABCDE-12", "AE:PL-12345-67890-ABCDE-1", "AE:DE-12345-67890-ABCDE-12", "PL-12345-67890-ABCDE-12", "AE:PL-12345-6789A-ABCDE-12", "AE:PL-12345-67890-ABČDE-12", ""])(
    "refuses the e-Doręczenia address %s",
    (a) => expect(isValidEDoreczeniaAddress(a)).toBe(false),
  );
  it("normalises an e-Doręczenia address to upper case without spaces", () => {
    expect(normalizeEDoreczeniaAddress(" ae:pl-51270-17491-vbvhb-25 ")).toBe("AE:PL-51270-17491-VBVHB-25");
  });
  it.each(["/UMBoguchwala/SkrytkaESP", "/ZUS/skrytka", "/wios_rzeszow/ESP-1"])("accepts the ePUAP address %s", (a) => expect(isValidEpuapAddress(a)).toBe(true));
  it.each(["UMBoguchwala/SkrytkaESP", "/UMBoguchwala", "/UM Boguchwała/ESP", "/a/b/c", ""])("refuses the ePUAP address %s", (a) => expect(isValidEpuapAddress(a)).toBe(false));
});
