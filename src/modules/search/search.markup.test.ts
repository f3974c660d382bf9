import { describe, expect, it } from "vitest";
import { markupSegments } from "./search.markup";
import { highlightAll } from "./search.highlight";
import { searchPageHref, searchPageParams } from "./search.schemas";

describe("markupSegments", () => {
  it("splits marked and plain text and unescapes entities", () => {
    expect(markupSegments("Skarga &amp; <mark>zażalenie</mark> na &lt;decyzję&gt;")).toEqual([
      { text: "Skarga & ", mark: false },
      { text: "zażalenie", mark: true },
      { text: " na <decyzję>", mark: false },
    ]);
  });

  it("keeps markup typed by a user as text, never as an element", () => {
    const html = highlightAll('<img src=x onerror="alert(1)"> zazalenie', ["zazalenie"])!;
    const segments = markupSegments(html);
    expect(segments).toEqual([
      { text: '<img src=x onerror="alert(1)"> ', mark: false },
      { text: "zazalenie", mark: true },
    ]);
  });

  it("does not double-unescape", () => {
    expect(markupSegments("&amp;lt;")).toEqual([{ text: "&lt;", mark: false }]);
  });

  it("returns nothing for an empty string", () => {
    expect(markupSegments("")).toEqual([]);
  });
});

describe("results page URL", () => {
  it("reads valid parameters and drops malformed ones", () => {
    expect(searchPageParams({ q: " zażalenie ", typ: "letter", rok: "2026", stan: "IN_PROGRESS", strona: "3", komorka: "dep1" })).toEqual({
      q: "zażalenie",
      type: "letter",
      year: 2026,
      status: "IN_PROGRESS",
      page: 3,
      departmentId: "dep1",
    });
    expect(searchPageParams({ q: ["a", "b"], typ: "user", rok: "abc", stan: "x'); drop", strona: "-1" })).toEqual({ q: "a", page: 1 });
  });

  it("writes the URL back, leaving page 1 out, and round-trips", () => {
    expect(searchPageHref({ q: "a b", type: "case", page: 1 })).toBe("/szukaj?q=a+b&typ=case");
    const p = { q: "RPW/1/2026", type: "letter" as const, year: 2026, status: "DONE", departmentId: "d", page: 2 };
    const url = new URL(searchPageHref(p), "http://x");
    expect(searchPageParams(Object.fromEntries(url.searchParams))).toEqual(p);
  });
});
