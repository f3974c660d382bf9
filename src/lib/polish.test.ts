import { describe, expect, it } from "vitest";
import { generatedUsers, namedUsers } from "@prisma-seed/demo-data";
import { foldText, polishCollator, polishSortKey } from "./polish";

/** Byte order, as the database compares the key under the "C" collation. */
const byKey = (a: string, b: string) => {
  const ka = polishSortKey(a);
  const kb = polishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe("foldText", () => {
  it("folds Polish letters to ASCII and lower-cases", () => {
    expect(foldText("Żółć")).toBe("zolc");
    expect(foldText("Łódź")).toBe("lodz");
    expect(foldText("ZAŻÓŁĆ GĘŚLĄ JAŹŃ")).toBe("zazolc gesla jazn");
    expect(foldText("Ąę Ćń Óś Źż Łł")).toBe("ae cn os zz ll");
  });

  it("removes other accents and collapses white space", () => {
    expect(foldText("  Müller \t  Brontë\nCrème  ")).toBe("muller bronte creme");
  });

  it("folds decomposed letters (NFD) like composed ones", () => {
    expect(foldText("Żółć".normalize("NFD"))).toBe("zolc");
    expect(foldText("Łódź".normalize("NFD"))).toBe("lodz");
  });

  it("lets a search without diacritics find text with them", () => {
    expect(foldText("Urząd Stanu Cywilnego w Łańcucie").includes(foldText("lancucie"))).toBe(true);
  });
});

describe("polishSortKey", () => {
  const names = ["Zając", "Łukasik", "Lis", "Żak", "Ćwik", "Cieślak", "Mazur", "Śliwa", "Sowa", "Ąbc"];
  const polishOrder = ["Ąbc", "Cieślak", "Ćwik", "Lis", "Łukasik", "Mazur", "Sowa", "Śliwa", "Zając", "Żak"];

  it("orders names as a Polish reader expects", () => {
    expect([...names].sort(byKey)).toEqual(polishOrder);
  });

  it("matches Intl.Collator('pl') on those names", () => {
    expect([...names].sort(polishCollator.compare)).toEqual(polishOrder);
  });

  it("puts each Polish letter right after its base letter, before the next one", () => {
    const pairs = [
      ["Azja", "Ąb", "Bąk"],
      ["Cyran", "Ćma", "Dudek"],
      ["Ewa", "Ęba", "Fik"],
      ["Lucyna", "Łukasz", "Maria"],
      ["Nyga", "Ńa", "Oleś"],
      ["Oz", "Ó", "Pająk"],
      ["Sz", "Śliwa", "Tomala"],
      ["Zyta", "Źrebiec", "Żak"],
    ];
    for (const trio of pairs) expect([...trio].reverse().sort(byKey), trio.join(" < ")).toEqual(trio);
  });

  it("places q, v and x of foreign names in the Latin order", () => {
    expect(["Rak", "Quinn", "Pawlak", "Wrona", "Vogel", "Xiong", "Uss", "Yanko"].sort(byKey)).toEqual(["Pawlak", "Quinn", "Rak", "Uss", "Vogel", "Wrona", "Xiong", "Yanko"]);
  });

  it("ignores case and Unicode normalisation, and sorts a shorter prefix first", () => {
    expect(polishSortKey("ŻAK")).toBe(polishSortKey("żak"));
    expect(polishSortKey("Żak".normalize("NFD"))).toBe(polishSortKey("Żak"));
    expect(["Kowalska", "Kowal", "Kowalczyk"].sort(byKey)).toEqual(["Kowal", "Kowalczyk", "Kowalska"]);
  });

  it("sorts surname then first name when joined with a space (the users' key)", () => {
    const key = (last: string, first: string) => `${polishSortKey(last)} ${polishSortKey(first)}`;
    const people = [key("Kowalczyk", "Adam"), key("Kowal", "Zenon"), key("Kowal", "Żaneta"), key("Kowal", "Adam")];
    expect([...people].sort()).toEqual([key("Kowal", "Adam"), key("Kowal", "Zenon"), key("Kowal", "Żaneta"), key("Kowalczyk", "Adam")]);
  });

  it("is printable ASCII only, with digits before letters", () => {
    const key = polishSortKey("Żółć 2026 Quinn-Łęcka");
    expect(key).toMatch(/^[\x20-\x7e]+$/);
    expect(["Wydział 2", "Wydział A", "Wydział 1"].sort(byKey)).toEqual(["Wydział 1", "Wydział 2", "Wydział A"]);
  });

  it("matches Intl.Collator('pl') on every name of the demo office", () => {
    const people = [...namedUsers, ...generatedUsers()];
    const all = [...new Set(people.flatMap((u) => [u.lastName, u.firstName]))];
    expect(all.length).toBeGreaterThan(40);
    const byCollator = [...all].sort(polishCollator.compare);
    expect([...all].sort(byKey)).toEqual(byCollator);
  });
});
