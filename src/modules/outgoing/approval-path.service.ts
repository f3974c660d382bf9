/**
 * Ścieżki akceptacji: each department's ordered approval steps (HEAD = the head of the author's
 * department, USER = a named person). A department without its own path uses its parent wydział's
 * (a referat), else the default [HEAD]. Configured by the administrator ("org.manage").
 */
import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { badRequest, notFound } from "@/server/errors";
import type { PathStepConfig } from "./outgoing.approval";
import type { ApprovalPathEditor, ApprovalPathRow, ZSaveApprovalPathInput } from "./outgoing.schemas";

type SaveInput = z.output<typeof ZSaveApprovalPathInput>;

const DEPARTMENT_NOT_FOUND = "Nie znaleziono takiej komórki organizacyjnej.";

/** The path a department's drafts follow: its own steps, else its parent's (a referat), else [] (= the default). */
export async function loadApprovalConfig(db: Db | Tx, departmentId: string): Promise<PathStepConfig[]> {
  const own = await db.approvalPathStep.findMany({ where: { departmentId }, orderBy: { order: "asc" }, select: { kind: true, userId: true } });
  if (own.length > 0) return own;
  const dept = await db.department.findUnique({ where: { id: departmentId }, select: { parentId: true } });
  if (!dept?.parentId) return [];
  return db.approvalPathStep.findMany({ where: { departmentId: dept.parentId }, orderBy: { order: "asc" }, select: { kind: true, userId: true } });
}

const rowSelect = {
  id: true,
  symbol: true,
  name: true,
  parentId: true,
  parent: { select: { symbol: true } },
  head: { select: { firstName: true, lastName: true } },
  approvalPath: { orderBy: { order: "asc" as const }, select: { kind: true, userId: true, user: { select: { firstName: true, lastName: true, position: { select: { name: true } } } } } },
} as const;

type RowData = { id: string; symbol: string; name: string; parentId: string | null; parent: { symbol: string } | null; head: { firstName: string; lastName: string } | null; approvalPath: { kind: "HEAD" | "USER"; userId: string | null; user: { firstName: string; lastName: string; position: { name: string } | null } | null }[] };

function toRow(d: RowData, parentHasPath: boolean): ApprovalPathRow {
  return {
    department: { id: d.id, symbol: d.symbol, name: d.name, parentSymbol: d.parent?.symbol ?? null, headName: d.head ? `${d.head.firstName} ${d.head.lastName}` : null },
    steps: d.approvalPath.map((s) => ({ kind: s.kind, userId: s.userId, userName: s.user ? `${s.user.firstName} ${s.user.lastName}` : null, userPosition: s.user?.position?.name ?? null })),
    inheritedFrom: d.approvalPath.length === 0 && parentHasPath ? (d.parent?.symbol ?? null) : null,
  };
}

/** Every active department with its path, by symbol. */
export async function listApprovalPaths(ctx: ServiceContext): Promise<ApprovalPathRow[]> {
  assertCan(ctx.actor, "org.manage");
  const rows = await ctx.db.department.findMany({ where: { active: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], select: rowSelect });
  const withPath = new Set(rows.filter((r) => r.approvalPath.length > 0).map((r) => r.id));
  return rows.map((r) => toRow(r, Boolean(r.parentId && withPath.has(r.parentId))));
}

/** One department's path and the people a USER step may name. */
export async function getApprovalPathEditor(ctx: ServiceContext, departmentId: string): Promise<ApprovalPathEditor> {
  assertCan(ctx.actor, "org.manage");
  const d = await ctx.db.department.findUnique({ where: { id: departmentId }, select: rowSelect });
  if (!d) throw notFound(DEPARTMENT_NOT_FOUND);
  const parentHasPath = d.parentId ? (await ctx.db.approvalPathStep.count({ where: { departmentId: d.parentId } })) > 0 : false;
  const people = await ctx.db.user.findMany({
    where: { active: true },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true, position: { select: { name: true } }, department: { select: { symbol: true } } },
  });
  return {
    row: toRow(d, parentHasPath),
    people: people.map((p) => ({ id: p.id, label: `${p.lastName} ${p.firstName}${p.position ? `, ${p.position.name}` : ""}${p.department ? ` (${p.department.symbol})` : ""}` })),
  };
}

/** Replaces a department's path with the given ordered steps. */
export async function saveApprovalPath(ctx: ServiceContext, input: SaveInput): Promise<ApprovalPathRow> {
  assertCan(ctx.actor, "org.manage");
  const steps = input.steps.map((s) => ({ kind: s.kind, userId: s.kind === "USER" ? (s.userId ?? null) : null }));
  const fieldErrors: Record<string, string> = {};
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (s.kind === "HEAD") {
      if (seen.has("HEAD")) fieldErrors[`steps.${i}.kind`] = "Kierownik komórki jest już na ścieżce.";
      seen.add("HEAD");
    } else if (s.userId) {
      if (seen.has(s.userId)) fieldErrors[`steps.${i}.userId`] = "Ta osoba jest już na ścieżce.";
      seen.add(s.userId);
    }
  });
  const userIds = steps.map((s) => s.userId).filter((u): u is string => Boolean(u));
  const users = await ctx.db.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true } });
  const active = new Set(users.map((u) => u.id));
  steps.forEach((s, i) => {
    if (s.userId && !active.has(s.userId)) fieldErrors[`steps.${i}.userId`] = "Wybierz aktywnego użytkownika.";
  });
  if (Object.keys(fieldErrors).length > 0) throw badRequest("Popraw zaznaczone kroki ścieżki.", fieldErrors);

  return ctx.db.$transaction(async (tx) => {
    const d = await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true, symbol: true } });
    if (!d) throw notFound(DEPARTMENT_NOT_FOUND);
    await tx.approvalPathStep.deleteMany({ where: { departmentId: d.id } });
    await tx.approvalPathStep.createMany({ data: steps.map((s, order) => ({ departmentId: d.id, order, kind: s.kind, userId: s.userId })) });
    await recordAudit(tx, ctx, { action: "approval-path.updated", entityType: "department", entityId: d.id, data: { symbol: d.symbol, steps } });
    const row = await tx.department.findUniqueOrThrow({ where: { id: d.id }, select: rowSelect });
    return toRow(row, false);
  });
}
