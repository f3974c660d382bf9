import { describe, expect, it } from "vitest";
import { diffParagraphs, diffStats, diffText, tokenize } from "./bip.diff";

const render = (before: string, after: string) =>
  diffText(before, after)
    .map((s) => (s.kind === "same" ? s.text : s.kind === "added" ? `[+${s.text}]` : `[-${s.text}]`))
    .join("");

describe("bip.diff", () => {
  it("tokenizes words and paragraph breaks", () => {
    expect(tokenize("Ala  ma\nkota.\n\nDrugi akapit")).toEqual(["Ala ", "ma ", "kota.", "\n\n", "Drugi ", "akapit"]);
    expect(tokenize("")).toEqual([]);
  });

  it("reports nothing changed for equal texts (white space inside a paragraph ignored)", () => {
    expect(diffText("Termin składania ofert", "Termin  składania\nofert")).toEqual([{ kind: "same", text: "Termin składania ofert" }]);
  });

  it("marks a replaced word as removed and added", () => {
    expect(render("Termin do 10 grudnia 2026 r.", "Termin do 17 grudnia 2026 r.")).toBe("Termin do [-10 ][+17 ]grudnia 2026 r.");
  });

  it("marks added and removed paragraphs", () => {
    const segs = diffText("Pierwszy.\n\nDrugi.", "Pierwszy.\n\nNowy akapit.\n\nDrugi.");
    expect(diffStats(segs)).toEqual({ added: 2, removed: 0 });
    const paras = diffParagraphs(segs);
    expect(paras).toHaveLength(3);
    expect(paras[1]).toEqual([{ kind: "added", text: "Nowy akapit." }]);
    expect(diffStats(diffText("a b c", "a c"))).toEqual({ added: 0, removed: 1 });
  });

  it("handles empty sides", () => {
    expect(diffText("", "Nowa treść")).toEqual([{ kind: "added", text: "Nowa treść" }]);
    expect(diffText("Stara treść", "")).toEqual([{ kind: "removed", text: "Stara treść" }]);
  });

  it("keeps Polish letters and compares case-sensitively", () => {
    expect(render("Żółć gęś", "żółć gęś")).toBe("[-Żółć ][+żółć ]gęś");
  });

  it("stays correct and fast for long bodies (paragraph fallback)", () => {
    const para = (i: number) => Array.from({ length: 60 }, (_, j) => `słowo${i}_${j}`).join(" ");
    const before = Array.from({ length: 80 }, (_, i) => para(i)).join("\n\n");
    const after = before.replace(para(40), `${para(40)} dopisek`);
    const started = Date.now();
    const segs = diffText(before, after);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(diffStats(segs).added).toBeGreaterThan(0);
    expect(segs.filter((s) => s.kind === "same").map((s) => s.text).join("")).toContain(para(0));
    expect(segs.filter((s) => s.kind !== "same").map((s) => s.text).join("")).not.toContain(para(0));
  });
});
