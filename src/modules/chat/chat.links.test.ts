import { describe, expect, it } from "vitest";
import { directKey, extractRecordLinks, messagePreview } from "./chat.links";

const ORIGIN = "https://ezd.boguchwala.pl";

describe("extractRecordLinks", () => {
  it("finds letter and case paths and this app's own addresses, once each", () => {
    const text = `Zobacz /pisma/przychodzace/clx1abcd2efgh oraz ${ORIGIN}/sprawy/cm9zzzzzzzz1, (i /pisma/wewnetrzne/ab12cd34ef56). Jeszcze raz /pisma/przychodzace/clx1abcd2efgh.`;
    expect(extractRecordLinks(text, ORIGIN)).toEqual([
      { type: "document", id: "clx1abcd2efgh", href: "/pisma/przychodzace/clx1abcd2efgh" },
      { type: "case", id: "cm9zzzzzzzz1", href: "/sprawy/cm9zzzzzzzz1" },
      { type: "document", id: "ab12cd34ef56", href: "/pisma/wewnetrzne/ab12cd34ef56" },
    ]);
  });

  it("ignores other hosts, unknown sections, parts of words and too short ids", () => {
    expect(extractRecordLinks("https://evil.example/pisma/przychodzace/clx1abcd2efgh", ORIGIN)).toEqual([]);
    expect(extractRecordLinks("/kontakty/clx1abcd2efgh", ORIGIN)).toEqual([]);
    expect(extractRecordLinks("abc/sprawy/clx1abcd2efgh", ORIGIN)).toEqual([]);
    expect(extractRecordLinks("/sprawy/abc", ORIGIN)).toEqual([]);
  });

  it("keeps at most `max` links", () => {
    const text = Array.from({ length: 8 }, (_, i) => `/sprawy/case0000000${i}`).join(" ");
    expect(extractRecordLinks(text, ORIGIN, 3)).toHaveLength(3);
  });
});

describe("directKey and messagePreview", () => {
  it("names a pair the same way whoever starts", () => {
    expect(directKey("b", "a")).toBe("a:b");
    expect(directKey("a", "b")).toBe("a:b");
  });
  it("shortens long messages to one line", () => {
    expect(messagePreview("Dzień dobry,\n\nproszę o pismo")).toBe("Dzień dobry, proszę o pismo");
    expect(messagePreview("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
