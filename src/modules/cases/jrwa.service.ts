/**
 * JRWA (jednolity rzeczowy wykaz akt): the picker used when opening a case, and the administrator's
 * editor. A class's parent is its symbol without the last digit (decimal classification); only
 * leaf classes (with a kategoria archiwalna) hold cases. A class with cases or sub-classes is never
 * deleted — it is withdrawn from use (active = false) and stays in old case marks.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { foldText } from "@/lib/polish";
import { recordAudit } from "@/server/audit/audit";
import { diffFields } from "@/server/audit/audit.events";
import { assertCan, type ServiceContext } from "@/server/context";
import { AppError, badRequest, conflict, isUniqueViolation, notFound } from "@/server/errors";
import type { JrwaNode, JrwaOption, JrwaTree, ZCreateJrwaInput, ZJrwaSearchInput, ZJrwaTreeInput, ZUpdateJrwaInput } from "./cases.schemas";

const JRWA_NOT_FOUND = "Nie znaleziono takiej klasy JRWA.";

const optionSelect = { id: true, symbol: true, name: true, category: true } as const satisfies Prisma.JrwaClassSelect;

function wordsWhere(q: string | undefined): Prisma.JrwaClassWhereInput[] {
  return foldText(q ?? "")
    .split(" ")
    .filter(Boolean)
    .map((word) => ({ searchText: { contains: word } }));
}

/** Active leaf classes for the case form's picker: by symbol prefix ("62"), or words of the name ("srodowisk"). */
export async function searchJrwa(ctx: ServiceContext, input: z.output<typeof ZJrwaSearchInput>): Promise<JrwaOption[]> {
  assertCan(ctx.actor, "documents.work");
  const q = (input.q ?? "").trim();
  const where: Prisma.JrwaClassWhereInput = /^\d{1,4}$/.test(q)
    ? { isLeaf: true, active: true, symbol: { startsWith: q } }
    : { isLeaf: true, active: true, AND: wordsWhere(q) };
  return ctx.db.jrwaClass.findMany({ where, orderBy: { symbol: "asc" }, take: input.limit, select: optionSelect });
}

/** The whole plan as a flat list in symbol order (a tree by parentId), or the matches with their ancestors. */
export async function getJrwaTree(ctx: ServiceContext, input: z.output<typeof ZJrwaTreeInput>): Promise<JrwaTree> {
  assertCan(ctx.actor, "jrwa.manage");
  const rows = await ctx.db.jrwaClass.findMany({
    orderBy: { symbol: "asc" },
    select: { id: true, symbol: true, name: true, parentId: true, category: true, isLeaf: true, active: true, searchText: true, _count: { select: { cases: true, children: true } } },
  });
  const words = foldText(input.q ?? "").split(" ").filter(Boolean);
  const toNode = (r: (typeof rows)[number]): JrwaNode => ({
    id: r.id,
    symbol: r.symbol,
    name: r.name,
    parentId: r.parentId,
    category: r.category,
    isLeaf: r.isLeaf,
    active: r.active,
    caseCount: r._count.cases,
    childCount: r._count.children,
  });
  if (words.length === 0) return { nodes: rows.map(toNode), total: rows.length, matched: rows.length };
  const matches = rows.filter((r) => words.every((w) => r.searchText.includes(w) || r.symbol.startsWith(w)));
  const keep = new Set<string>();
  for (const m of matches) for (let s = m.symbol; s.length > 0; s = s.slice(0, -1)) keep.add(s);
  return { nodes: rows.filter((r) => keep.has(r.symbol)).map(toNode), total: rows.length, matched: matches.length };
}

/** DB CHECK violations (category pattern, leaf without category) as a form error. */
function isCheckViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
  return e?.cause?.code === "23514" || (typeof e?.message === "string" && e.message.includes("JrwaClass_"));
}

const CATEGORY_MESSAGE = "Kategoria archiwalna: A, Bc, B z liczbą lat (np. B5, B10) albo BE z liczbą lat (np. BE10).";

export async function createJrwaClass(ctx: ServiceContext, input: z.output<typeof ZCreateJrwaInput>): Promise<JrwaNode> {
  assertCan(ctx.actor, "jrwa.manage");
  return ctx.db.$transaction(async (tx) => {
    let parentId: string | null = null;
    if (input.symbol.length > 1) {
      const parentSymbol = input.symbol.slice(0, -1);
      const parent = await tx.jrwaClass.findUnique({ where: { symbol: parentSymbol }, select: { id: true, isLeaf: true } });
      if (!parent) throw badRequest(`Najpierw dodaj klasę nadrzędną ${parentSymbol}.`, { symbol: `Brak klasy nadrzędnej ${parentSymbol}.` });
      if (parent.isLeaf) throw badRequest(`Klasa ${parentSymbol} jest klasą końcową — nie ma podklas.`, { symbol: `Klasa ${parentSymbol} jest klasą końcową.` });
      parentId = parent.id;
    }
    if (input.isLeaf && input.symbol.length < 2) throw badRequest("Klasa pierwszego rzędu grupuje inne klasy — nie może być końcowa.", { isLeaf: "Klasa pierwszego rzędu nie może być końcowa." });
    try {
      const created = await tx.jrwaClass.create({
        data: { symbol: input.symbol, name: input.name, category: input.category, isLeaf: input.isLeaf, parentId, searchText: foldText(`${input.symbol} ${input.name}`) },
        select: { id: true, symbol: true, name: true, parentId: true, category: true, isLeaf: true, active: true },
      });
      await recordAudit(tx, ctx, { action: "jrwa.created", entityType: "jrwa", entityId: created.id, data: { symbol: created.symbol, name: created.name, category: created.category } });
      return { ...created, caseCount: 0, childCount: 0 };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Klasa o symbolu ${input.symbol} już istnieje.`, { symbol: `Klasa o symbolu ${input.symbol} już istnieje.` });
      if (isCheckViolation(error)) throw badRequest(CATEGORY_MESSAGE, { category: CATEGORY_MESSAGE });
      throw error;
    }
  });
}

export async function updateJrwaClass(ctx: ServiceContext, input: z.output<typeof ZUpdateJrwaInput>): Promise<JrwaNode> {
  assertCan(ctx.actor, "jrwa.manage");
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.jrwaClass.findUnique({
      where: { id: input.id },
      select: { id: true, symbol: true, name: true, category: true, isLeaf: true, _count: { select: { cases: true, children: true } } },
    });
    if (!before) throw notFound(JRWA_NOT_FOUND);
    if (!input.isLeaf && before.isLeaf && before._count.cases > 0) throw badRequest("W tej klasie są sprawy — musi pozostać klasą końcową.", { isLeaf: "W tej klasie są sprawy." });
    if (input.isLeaf && before._count.children > 0) throw badRequest("Ta klasa ma podklasy — nie może być końcowa.", { isLeaf: "Ta klasa ma podklasy." });
    const changes = diffFields(before, { name: input.name, category: input.category, isLeaf: input.isLeaf }, ["name", "category", "isLeaf"]);
    try {
      const updated = await tx.jrwaClass.update({
        where: { id: input.id },
        data: { name: input.name, category: input.category, isLeaf: input.isLeaf, searchText: foldText(`${before.symbol} ${input.name}`) },
        select: { id: true, symbol: true, name: true, parentId: true, category: true, isLeaf: true, active: true },
      });
      if (Object.keys(changes).length > 0) await recordAudit(tx, ctx, { action: "jrwa.updated", entityType: "jrwa", entityId: before.id, data: { symbol: before.symbol, changes } });
      return { ...updated, caseCount: before._count.cases, childCount: before._count.children };
    } catch (error) {
      if (isCheckViolation(error)) throw badRequest(CATEGORY_MESSAGE, { category: CATEGORY_MESSAGE });
      throw error;
    }
  });
}

/** Withdraws a class (and keeps it in old marks), or brings it back. */
export async function setJrwaClassActive(ctx: ServiceContext, id: string, active: boolean): Promise<void> {
  assertCan(ctx.actor, "jrwa.manage");
  await ctx.db.$transaction(async (tx) => {
    const c = await tx.jrwaClass.findUnique({ where: { id }, select: { symbol: true, active: true } });
    if (!c) throw notFound(JRWA_NOT_FOUND);
    if (c.active === active) return;
    await tx.jrwaClass.update({ where: { id }, data: { active } });
    await recordAudit(tx, ctx, { action: active ? "jrwa.activated" : "jrwa.deactivated", entityType: "jrwa", entityId: id, data: { symbol: c.symbol } });
  });
}

/** Deletes a class that never held a case and has no sub-classes; otherwise it can only be withdrawn. */
export async function deleteJrwaClass(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "jrwa.manage");
  await ctx.db.$transaction(async (tx) => {
    const c = await tx.jrwaClass.findUnique({ where: { id }, select: { symbol: true, name: true, _count: { select: { cases: true, children: true, counters: true } } } });
    if (!c) throw notFound(JRWA_NOT_FOUND);
    if (c._count.cases > 0 || c._count.counters > 0) throw new AppError("CONFLICT", `W klasie ${c.symbol} są sprawy — nie można jej usunąć, można ją tylko wycofać z użycia.`);
    if (c._count.children > 0) throw new AppError("CONFLICT", `Klasa ${c.symbol} ma podklasy — najpierw usuń albo wycofaj podklasy.`);
    await tx.jrwaClass.delete({ where: { id } });
    await recordAudit(tx, ctx, { action: "jrwa.deleted", entityType: "jrwa", entityId: id, data: { symbol: c.symbol, name: c.name } });
  });
}
