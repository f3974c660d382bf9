import { describe, expect, it } from "vitest";
import { formatRegisterNumber, registerFormatProblem } from "./register-format";

describe("register number format", () => {
  it("formats the default RPW pattern", () => {
    expect(formatRegisterNumber("RPW/{n}/{yyyy}", 1, 2026)).toBe("RPW/1/2026");
    expect(formatRegisterNumber("KO.{n}.{yy}", 123, 2026)).toBe("KO.123.26");
    expect(formatRegisterNumber("{yyyy}-{n}", 7, 2031)).toBe("2031-7");
  });

  it("accepts sensible patterns", () => {
    for (const f of ["RPW/{n}/{yyyy}", "KO.{n}.{yy}", "{yyyy}-{n}", "Dz_{n} {yyyy}"]) expect(registerFormatProblem(f)).toBeNull();
  });

  it("refuses a pattern without exactly one number, without a year or with unknown fields", () => {
    expect(registerFormatProblem("RPW/{yyyy}")).toMatch(/\{n\}/);
    expect(registerFormatProblem("RPW/{n}/{n}/{yyyy}")).toMatch(/\{n\}/);
    expect(registerFormatProblem("RPW/{n}")).toMatch(/rok/);
    expect(registerFormatProblem("RPW/{n}/{yyyy}/{mm}")).toMatch(/Dozwolone/);
    expect(registerFormatProblem(" RPW/{n}/{yyyy}")).toMatch(/spacją/);
    expect(registerFormatProblem("RPW<{n}>{yyyy}")).toMatch(/znaki/);
  });
});
