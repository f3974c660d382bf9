import { describe, expect, it } from "vitest";
import { filterToMeili, filterToSql, meiliString } from "./filter";
import { tsQuery } from "./postgres";
import { F } from "./types";
import { foldedWords, vocabulary, words } from "./text";

describe("search filters", () => {
  const rule = F.or(F.and(F.eq("confidential", false), F.or(F.overlap("accessDepartmentIds", ["d1", "d2"]), F.eq("kind", "INCOMING"))), F.overlap("accessUserIds", ["u1"]));

  it("compiles to parameterised SQL", () => {
    const params: unknown[] = ["already"];
    expect(filterToSql(F.and(rule, F.eq("year", 2026), F.in("type", ["letter", "case"])), params)).toBe(
      `((("confidential" = FALSE AND ("accessDepartmentIds" && $2::text[] OR "kind" = $3)) OR "accessUserIds" && $4::text[]) AND "year" = $5::int AND "type" = ANY($6::text[]))`,
    );
    expect(params).toEqual(["already", ["d1", "d2"], "INCOMING", ["u1"], 2026, ["letter", "case"]]);
    expect(filterToSql(F.overlap("accessUserIds", []), [])).toBe("FALSE");
    expect(filterToSql(F.or(), [])).toBe("FALSE");
  });

  it("compiles to a Meilisearch filter expression, quoting strings", () => {
    expect(filterToMeili(rule)).toBe(`((confidential = false AND (accessDepartmentIds IN ["d1", "d2"] OR kind = "INCOMING")) OR accessUserIds IN ["u1"])`);
    expect(filterToMeili(F.in("type", []))).toBe(`type = "__none__"`);
    expect(filterToMeili(F.and())).toBeNull();
    expect(meiliString(`a"b\\c`)).toBe(`"a\\"b\\\\c"`);
  });

  it("folds and splits words the same way for indexing and queries", () => {
    expect(words("RPW/12/2026 Łódź, ŻÓŁĆ!")).toEqual(["rpw", "12", "2026", "lodz", "zolc"]);
    expect(foldedWords("Wycinka  drzew")).toBe("wycinka drzew");
    expect(vocabulary(["Wycinka drzew 2026 w parku", "wycinka"])).toEqual(["wycinka", "drzew", "parku"]);
    expect(tsQuery(["wyci", "lodz"], new Map([["wyci", ["wycinka"]]]))).toBe("(wyci:* | wycinka) & (lodz:*)");
  });
});
