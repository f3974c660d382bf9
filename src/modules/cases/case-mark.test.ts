import { describe, expect, it } from "vitest";
import { formatCaseMark, isValidInitials, normalizeInitials } from "./case-mark";

describe("formatCaseMark", () => {
  it("joins department, JRWA class, number and year with dots", () => {
    expect(formatCaseMark({ departmentSymbol: "GK", jrwaSymbol: "6220", number: 5, year: 2026 })).toBe("GK.6220.5.2026");
    expect(formatCaseMark({ departmentSymbol: "OR", jrwaSymbol: "0012", number: 1, year: 2026 })).toBe("OR.0012.1.2026");
    expect(formatCaseMark({ departmentSymbol: "USC", jrwaSymbol: "4201", number: 120, year: 2027, initials: null })).toBe("USC.4201.120.2027");
  });

  it("keeps the hyphen of a referat and appends upper-case initials", () => {
    expect(formatCaseMark({ departmentSymbol: "GK-D", jrwaSymbol: "7021", number: 3, year: 2026, initials: "JK" })).toBe("GK-D.7021.3.2026.JK");
    expect(formatCaseMark({ departmentSymbol: "GK-D", jrwaSymbol: "7021", number: 3, year: 2026, initials: "jk" })).toBe("GK-D.7021.3.2026.JK");
    expect(formatCaseMark({ departmentSymbol: "SO", jrwaSymbol: "1431", number: 9, year: 2026, initials: "Łś" })).toBe("SO.1431.9.2026.ŁŚ");
  });

  it("refuses parts that would break the format", () => {
    const ok = { departmentSymbol: "GK", jrwaSymbol: "6220", number: 1, year: 2026 };
    expect(() => formatCaseMark({ ...ok, departmentSymbol: "GK.D" })).toThrow();
    expect(() => formatCaseMark({ ...ok, departmentSymbol: "gk" })).toThrow();
    expect(() => formatCaseMark({ ...ok, departmentSymbol: "GK-" })).toThrow();
    expect(() => formatCaseMark({ ...ok, jrwaSymbol: "62.20" })).toThrow();
    expect(() => formatCaseMark({ ...ok, number: 0 })).toThrow();
    expect(() => formatCaseMark({ ...ok, number: 1.5 })).toThrow();
    expect(() => formatCaseMark({ ...ok, year: 26 })).toThrow();
    expect(() => formatCaseMark({ ...ok, initials: "J.K" })).toThrow();
    expect(() => formatCaseMark({ ...ok, initials: "J1" })).toThrow();
    expect(() => formatCaseMark({ ...ok, initials: "ABCDE" })).toThrow();
  });
});

describe("initials", () => {
  it("normalizes to upper-case letters only", () => {
    expect(normalizeInitials(" j.k. ")).toBe("JK");
    expect(normalizeInitials("ał")).toBe("AŁ");
    expect(normalizeInitials("")).toBeNull();
    expect(normalizeInitials("1-2")).toBeNull();
    expect(isValidInitials("JK")).toBe(true);
    expect(isValidInitials("J-K")).toBe(false);
    expect(isValidInitials("jk")).toBe(false);
  });
});
