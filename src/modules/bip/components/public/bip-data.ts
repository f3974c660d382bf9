/**
 * Per-request loaders of the public BIP pages (React cache: the layout and the page share one
 * query). Pages call the public service through these; nothing here writes.
 */
import "server-only";
import { cache } from "react";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";
import { getBipMenuTree, getBipOffice, getBipSettings } from "../../bip.public.service";

export const loadBipChrome = cache(async () => {
  const db = await getDb();
  const [tree, settings, office, t, locale] = await Promise.all([getBipMenuTree(db), getBipSettings(db), getBipOffice(db), getT(), getLocale()]);
  return { db, tree, settings, office, t, locale, officeName: settings.publisher || office?.name || "Urząd" };
});

/** Absolute URL of a path on this site (canonical links, feeds, JSON-LD). */
export const absoluteUrl = (path: string) => `${env.APP_URL.replace(/\/+$/, "")}${path}`;

/** Page numbers from ?strona=, at least 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}
