import { describe, expect, it } from "vitest";
import { highlightAll, highlightFragments, typoDistance, wordMatches } from "./search.highlight";

describe("highlighting", () => {
  it("marks folded prefix matches in the original text, escaping HTML", () => {
    expect(highlightAll("Żółć <b>& Łódź", ["zolc", "lod"])).toBe("<mark>Żółć</mark> &lt;b&gt;&amp; <mark>Łódź</mark>");
    expect(highlightAll("Nic tu nie ma", ["zolc"])).toBeNull();
  });

  it("marks words within a typo of a query word, not short or numeric ones", () => {
    expect(typoDistance("wycinka", "wycinak")).toBe(1); // a swap is one edit
    expect(wordMatches("wycinka", "wycinak")).toBe(true);
    expect(wordMatches("wycinkę".normalize("NFC").replace("ę", "e"), "wycinka")).toBe(true);
    expect(wordMatches("kot", "kat")).toBe(false);
    expect(wordMatches("2026", "2025")).toBe(false);
    expect(highlightAll("Wycinka drzew", ["wycinak"])).toBe("<mark>Wycinka</mark> drzew");
    expect(highlightAll("Wniosek o wycinkę drzew", ["wycinka"])).toBe("Wniosek o <mark>wycinkę</mark> drzew"); // inflection: one edit
  });

  it("cuts fragments around matches in a long body", () => {
    const body = `${"lorem ipsum ".repeat(40)}decyzja środowiskowa ${"dolor sit ".repeat(40)}`;
    const [fragment, ...rest] = highlightFragments(body, ["srodowiskowa"]);
    expect(rest).toEqual([]);
    expect(fragment).toMatch(/^… .*<mark>środowiskowa<\/mark>.* …$/);
    expect(fragment!.length).toBeLessThan(220);
  });
});
