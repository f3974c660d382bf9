/**
 * Loads the JRWA of gminy into an empty JrwaClass table: run at start-up for every database (not
 * only the demo), so an office can open cases from its first day. Idempotent: a table with any
 * class is left alone (the administrator edits it in /admin/jrwa), and concurrent starts skip
 * duplicates.
 */
import type { PrismaClient } from "@prisma/client";
import { foldText } from "@/lib/polish";
import { JRWA_CLASSES } from "./jrwa-data";

/** The id of a seeded class: stable, so a parent is known before it is inserted. */
export const jrwaSeedId = (symbol: string) => `jrwa-${symbol}`;

export async function seedJrwaIfEmpty(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.jrwaClass.count()) > 0) return false;
  const byLevel = new Map<number, typeof JRWA_CLASSES>();
  for (const c of JRWA_CLASSES) byLevel.set(c.symbol.length, [...(byLevel.get(c.symbol.length) ?? []), c]);
  await prisma.$transaction(async (tx) => {
    for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
      await tx.jrwaClass.createMany({
        data: byLevel.get(level)!.map((c) => ({
          id: jrwaSeedId(c.symbol),
          symbol: c.symbol,
          name: c.name,
          parentId: c.symbol.length > 1 ? jrwaSeedId(c.symbol.slice(0, -1)) : null,
          category: c.category ?? null,
          isLeaf: c.symbol.length === 4,
          searchText: foldText(`${c.symbol} ${c.name}`),
        })),
        skipDuplicates: true,
      });
    }
  });
  return true;
}
