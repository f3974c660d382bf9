import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { createTranslator, formatDate, formatDateTime, todayInPoland, type MessageKey } from "./translator";

/** Every leaf of a message tree as "a.b.c" → text. */
function leaves(node: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof node !== "object" || node === null) {
    out.set(prefix, node);
    return out;
  }
  for (const [k, v] of Object.entries(node)) for (const [path, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(path, leaf);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(\|[^}]*)?\}/g)].map((m) => m[1]).sort();

describe("createTranslator", () => {
  const pl = createTranslator("pl");
  const en = createTranslator("en");

  it("picks the Polish plural form for 1, 2–4, 5–21, 22–24, 25…", () => {
    const forms = [0, 1, 2, 4, 5, 11, 12, 21, 22, 25, 102, 112].map((n) => pl("common.results", { n }));
    expect(forms).toEqual([
      "0 wyników",
      "1 wynik",
      "2 wyniki",
      "4 wyniki",
      "5 wyników",
      "11 wyników",
      "12 wyników",
      "21 wyników",
      "22 wyniki",
      "25 wyników",
      "102 wyniki",
      "112 wyników",
    ]);
  });

  it("uses the English singular and plural with the same template syntax", () => {
    expect([1, 2, 5, 22, 25].map((n) => en("common.results", { n }))).toEqual(["1 result", "2 results", "5 results", "22 results", "25 results"]);
  });

  it("formats the plural's number the Polish way", () => {
    expect(pl("common.results", { n: 12345 })).toBe("12\u00a0345 wyników");
  });

  it("replaces named parameters and leaves unknown ones visible", () => {
    expect(pl("common.pageOf", { page: 2, pages: 7 })).toBe("Strona 2 z 7");
    expect(en("common.pageOf", { page: 2, pages: 7 })).toBe("Page 2 of 7");
    expect(pl("common.pageOf", { page: 2 })).toBe("Strona 2 z {pages}");
    expect(pl("dashboard.greeting", { name: "Ewa" })).toBe("Dzień dobry, Ewa");
  });

  it("falls back to the key for an unknown key, and to Polish for a text missing in English", () => {
    expect(pl("nie.ma.takiego" as MessageKey)).toBe("nie.ma.takiego");
    expect(en("common" as MessageKey)).toBe("common");
    const common = catalog.en.common as Record<string, string>;
    const saved = common.save;
    delete common.save;
    try {
      expect(createTranslator("en")("common.save")).toBe("Zapisz");
    } finally {
      common.save = saved!;
    }
    expect(createTranslator("en")("common.save")).toBe("Save");
  });
});

describe("message catalogs", () => {
  const pl = leaves(catalog.pl);
  const en = leaves(catalog.en);

  it("have exactly the same keys in Polish and English", () => {
    expect(pl.size).toBeGreaterThan(100);
    expect([...en.keys()].sort()).toEqual([...pl.keys()].sort());
  });

  it("have a non-empty text under every key, with the same placeholders in both languages", () => {
    for (const [key, text] of pl) {
      expect(typeof text, key).toBe("string");
      expect((text as string).trim(), key).not.toBe("");
      expect(placeholders(en.get(key) as string), key).toEqual(placeholders(text as string));
    }
  });

  it("give every Polish plural its three forms", () => {
    for (const [key, text] of pl) {
      for (const m of (text as string).matchAll(/\{\w+\|([^}]*)\}/g)) expect(m[1]!.split("|"), key).toHaveLength(3);
    }
  });
});

describe("dates in Polish time", () => {
  it("shows dates and times in Europe/Warsaw, winter and summer", () => {
    expect(formatDate("2026-01-15T23:30:00Z")).toBe("16.01.2026");
    expect(formatDateTime("2026-01-15T23:30:05Z")).toBe("16.01.2026, 00:30:05");
    expect(formatDateTime("2026-07-01T10:00:00Z")).toBe("01.07.2026, 12:00:00");
  });

  it("knows which day it is in Poland", () => {
    expect(todayInPoland(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-29");
    expect(todayInPoland(new Date("2026-03-28T22:30:00Z"))).toBe("2026-03-28");
  });
});
