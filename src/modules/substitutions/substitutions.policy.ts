/**
 * Who manages whose substitutions. A kierownik ("substitutions.manage") manages the people of their
 * own department and of its referaty (departments whose parent is theirs); the Sekretarz and the
 * administrator ("substitutions.manage.all") manage everyone. Every read and write of the module
 * starts from these filters, so records outside the scope answer NOT_FOUND.
 */
import type { Prisma } from "@prisma/client";
import { can } from "@/lib/permissions";
import type { Actor } from "@/server/context";
import type { Db, Tx } from "@/server/db";

export type SubstitutionScope = { all: true } | { all: false; departmentIds: string[] };

export async function substitutionScope(db: Db | Tx, actor: Actor): Promise<SubstitutionScope> {
  if (can(actor.roles, "substitutions.manage.all")) return { all: true };
  if (!can(actor.roles, "substitutions.manage") || !actor.departmentId) return { all: false, departmentIds: [] };
  const referaty = await db.department.findMany({ where: { parentId: actor.departmentId }, select: { id: true } });
  return { all: false, departmentIds: [actor.departmentId, ...referaty.map((d) => d.id)] };
}

/** People whose absences the actor may record and see. */
export function peopleInScopeWhere(scope: SubstitutionScope): Prisma.UserWhereInput {
  return scope.all ? {} : { departmentId: { in: scope.departmentIds } };
}

/** Substitutions the actor may see and cancel: those of the people in their scope. */
export function substitutionsVisibleWhere(scope: SubstitutionScope): Prisma.SubstitutionWhereInput {
  return scope.all ? {} : { absent: peopleInScopeWhere(scope) };
}
