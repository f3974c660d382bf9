import { describe, expect, it } from "vitest";
import { BIP_SPECIALS } from "./bip.schemas";
import { STANDARD_BIP_MENU, type StandardMenuItem } from "./bip.menu-seed";

const all = (items: readonly StandardMenuItem[]): StandardMenuItem[] => items.flatMap((i) => [i, ...all(i.children ?? [])]);

describe("the standard BIP menu", () => {
  it("has the mandatory items in order", () => {
    expect(STANDARD_BIP_MENU.map((i) => i.title)).toEqual([
      "O urzędzie", "Władze", "Struktura organizacyjna", "Prawo lokalne", "Ogłoszenia", "Zamówienia publiczne", "Oświadczenia majątkowe",
      "Rejestr umów", "Jak załatwić sprawę", "Kontakt", "Podpisy elektroniczne", "Deklaracja dostępności", "Instrukcja korzystania",
      "Informacje nieudostępnione", "Redakcja", "Archiwum",
    ]);
    expect(STANDARD_BIP_MENU.find((i) => i.slug === "prawo-lokalne")?.children?.map((c) => c.slug)).toEqual(["uchwaly", "zarzadzenia"]);
  });

  it("uses URL-safe slugs without Polish letters, unique among siblings", () => {
    for (const item of all(STANDARD_BIP_MENU)) expect(item.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const top = STANDARD_BIP_MENU.map((i) => i.slug);
    expect(new Set(top).size).toBe(top.length);
  });

  it("covers every special page exactly once, and only SPECIAL items have one", () => {
    const specials = all(STANDARD_BIP_MENU).filter((i) => i.special).map((i) => i.special);
    expect([...specials].sort()).toEqual([...BIP_SPECIALS].sort());
    for (const item of all(STANDARD_BIP_MENU)) expect(item.kind === "SPECIAL").toBe(item.special !== undefined);
  });
});
