import { describe, expect, it } from "vitest";
import { filterToMeili, filterToSql, filterToTsquery, meiliString } from "./filter";
import { SEARCH_BUCKETS, tierQueries, tsQuery } from "./postgres";
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
    // Only the last word (the one being typed) is a prefix, and only from 3 characters on.
    expect(tsQuery(["wyci", "lodz"], new Map([["wyci", ["wycinka"]]]))).toBe("(wyci | wycinka) & (lodz:*)");
    expect(tsQuery(["rpw", "12", "2026"])).toBe("(rpw) & (12) & (2026:*)");
    expect(tsQuery(["wycinka", "dr"])).toBe("(wycinka) & (dr)");
  });

  it("searches the bucketed index title tier first, then every word without the title matches", () => {
    const tiers = tierQueries(["wycinak", "lod"], new Map([["wycinak", ["wycinka"]]]), F.and());
    expect(tiers).toHaveLength(2 * SEARCH_BUCKETS);
    expect(tiers[0]).toEqual({ query: "(0awycinak | 0awycinka) & (0alod:*)", except: null });
    expect(tiers[SEARCH_BUCKETS + 3]).toEqual({ query: "(3wwycinak | 3wwycinka) & (3wlod:*)", except: "(3awycinak | 3awycinka) & (3alod:*)" });
    // The permission filter goes into the index query, over the bucket's value lexemes.
    const [first] = tierQueries(["lodz"], new Map(), F.and(rule, F.eq("year", 2026)));
    expect(first!.query).toBe(`(0alodz:*) & (((!'0fc=true' & (('0fa=d1' | '0fa=d2') | '0fk=INCOMING')) | ('0fu=u1')) & '0fy=2026')`);
  });

  it("compiles to tsquery over value lexemes: everything is null, nothing is a lexeme no record has", () => {
    const lexeme = (field: string, value: string) => `${field}=${value}`;
    expect(filterToTsquery(F.and(), lexeme)).toBeNull();
    expect(filterToTsquery(F.or(F.eq("type", "bip"), F.and()), lexeme)).toBeNull();
    expect(filterToTsquery(F.or(), lexeme)).toBe(`'type='`);
    expect(filterToTsquery(F.in("type", []), lexeme)).toBe(`'type='`);
    expect(filterToTsquery(F.eq("status", "it's"), lexeme)).toBe(`'status=it''s'`);
    expect(filterToTsquery(F.eq("confidential", true), lexeme)).toBe(`'confidential=true'`);
  });
});
