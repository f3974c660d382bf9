import { describe, expect, it } from "vitest";
import { fromDateOnly, rangesOverlap, substitutionStatus, toDateOnly } from "./substitutions.dates";
import { ZCreateSubstitutionInput } from "./substitutions.schemas";

describe("substitution dates", () => {
  it("treats both ends as inclusive when checking overlap", () => {
    const a = { dateFrom: "2026-12-01", dateTo: "2026-12-10" };
    expect(rangesOverlap(a, { dateFrom: "2026-12-10", dateTo: "2026-12-12" })).toBe(true);
    expect(rangesOverlap(a, { dateFrom: "2026-11-20", dateTo: "2026-12-01" })).toBe(true);
    expect(rangesOverlap(a, { dateFrom: "2026-12-03", dateTo: "2026-12-04" })).toBe(true);
    expect(rangesOverlap(a, { dateFrom: "2026-11-01", dateTo: "2026-12-31" })).toBe(true);
    expect(rangesOverlap(a, { dateFrom: "2026-12-11", dateTo: "2026-12-12" })).toBe(false);
    expect(rangesOverlap(a, { dateFrom: "2026-11-01", dateTo: "2026-11-30" })).toBe(false);
  });

  it("classifies by today's date and cancellation", () => {
    const s = { dateFrom: "2026-12-01", dateTo: "2026-12-10", cancelledAt: null };
    expect(substitutionStatus(s, "2026-11-30")).toBe("upcoming");
    expect(substitutionStatus(s, "2026-12-01")).toBe("current");
    expect(substitutionStatus(s, "2026-12-10")).toBe("current");
    expect(substitutionStatus(s, "2026-12-11")).toBe("past");
    expect(substitutionStatus({ ...s, cancelledAt: new Date() }, "2026-12-05")).toBe("cancelled");
  });

  it("round-trips calendar dates through the database representation", () => {
    expect(toDateOnly(fromDateOnly("2026-03-29"))).toBe("2026-03-29");
  });

  it("validates the form: two different people, the last day not before the first", () => {
    const ok = { absentId: "a", substituteId: "b", dateFrom: "2026-12-01", dateTo: "2026-12-01", reason: "Urlop" };
    expect(ZCreateSubstitutionInput.safeParse(ok).success).toBe(true);
    const issues = (v: object) => ZCreateSubstitutionInput.safeParse({ ...ok, ...v }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ substituteId: "a" })).toEqual([["substituteId", "Osoba nie może zastępować samej siebie."]]);
    expect(issues({ dateTo: "2026-11-30" })).toEqual([["dateTo", "Ostatni dzień nie może być wcześniejszy niż pierwszy."]]);
    expect(issues({ dateFrom: "2026-02-30" })).toEqual([["dateFrom", "Podaj datę w formacie RRRR-MM-DD."]]);
    expect(issues({ reason: "  " })).toEqual([["reason", "Podaj powód nieobecności, np. urlop wypoczynkowy."]]);
  });
});
