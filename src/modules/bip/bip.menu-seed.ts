/**
 * The BIP's standard subject menu (the order and names a Polish gmina's BIP usually has) and the
 * bulletin's settings row. ensureBipMenu adds what is missing and never changes or removes what
 * the redaktor edited, so it runs at every start-up (src/server/db/index.ts) and in the demo seed.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { BipSpecial } from "./bip.schemas";

type DbOrTx = PrismaClient | Prisma.TransactionClient;

export interface StandardMenuItem {
  slug: string;
  title: string;
  kind: "ARTICLES" | "PAGE" | "SPECIAL";
  special?: BipSpecial;
  children?: StandardMenuItem[];
}

export const STANDARD_BIP_MENU: readonly StandardMenuItem[] = [
  { slug: "o-urzedzie", title: "O urzędzie", kind: "PAGE" },
  { slug: "wladze", title: "Władze", kind: "PAGE" },
  { slug: "struktura-organizacyjna", title: "Struktura organizacyjna", kind: "SPECIAL", special: "struktura" },
  {
    slug: "prawo-lokalne",
    title: "Prawo lokalne",
    kind: "ARTICLES",
    children: [
      { slug: "uchwaly", title: "Uchwały", kind: "ARTICLES" },
      { slug: "zarzadzenia", title: "Zarządzenia", kind: "ARTICLES" },
    ],
  },
  { slug: "ogloszenia", title: "Ogłoszenia", kind: "ARTICLES" },
  { slug: "zamowienia-publiczne", title: "Zamówienia publiczne", kind: "ARTICLES" },
  { slug: "oswiadczenia-majatkowe", title: "Oświadczenia majątkowe", kind: "ARTICLES" },
  { slug: "rejestr-umow", title: "Rejestr umów", kind: "SPECIAL", special: "rejestr-umow" },
  { slug: "jak-zalatwic-sprawe", title: "Jak załatwić sprawę", kind: "SPECIAL", special: "jak-zalatwic-sprawe" },
  { slug: "kontakt", title: "Kontakt", kind: "PAGE" },
  { slug: "podpisy-elektroniczne", title: "Podpisy elektroniczne", kind: "SPECIAL", special: "podpisy" },
  { slug: "deklaracja-dostepnosci", title: "Deklaracja dostępności", kind: "SPECIAL", special: "deklaracja-dostepnosci" },
  { slug: "instrukcja-korzystania", title: "Instrukcja korzystania", kind: "SPECIAL", special: "instrukcja" },
  { slug: "informacje-nieudostepnione", title: "Informacje nieudostępnione", kind: "SPECIAL", special: "informacje-nieudostepnione" },
  { slug: "redakcja", title: "Redakcja", kind: "SPECIAL", special: "redakcja" },
  { slug: "archiwum", title: "Archiwum", kind: "SPECIAL", special: "archiwum" },
];

/** Step between sibling sortKeys, so the redaktor can put items in between. */
const SORT_STEP = 10;

/**
 * Creates the missing standard menu items (matched by parent and slug) and the settings row.
 * Returns how many menu items it created (0 on every run after the first).
 */
export async function ensureBipMenu(db: DbOrTx): Promise<number> {
  let created = 0;
  async function ensure(items: readonly StandardMenuItem[], parentId: string | null): Promise<void> {
    for (const [i, item] of items.entries()) {
      let row = await db.bipMenuItem.findFirst({ where: { parentId, slug: item.slug }, select: { id: true } });
      if (!row) {
        row = await db.bipMenuItem.create({
          data: { parentId, slug: item.slug, title: item.title, kind: item.kind, special: item.special ?? null, sortKey: (i + 1) * SORT_STEP },
          select: { id: true },
        });
        created++;
      }
      if (item.children) await ensure(item.children, row.id);
    }
  }
  await ensure(STANDARD_BIP_MENU, null);

  const office = await db.office.findUnique({ where: { id: 1 }, select: { name: true } });
  const settings = await db.bipSettings.findUnique({ where: { id: 1 }, select: { publisher: true } });
  if (!settings) await db.bipSettings.create({ data: { id: 1, publisher: office?.name ?? "" } });
  else if (settings.publisher === "" && office) await db.bipSettings.update({ where: { id: 1 }, data: { publisher: office.name } });
  return created;
}
