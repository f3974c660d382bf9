/**
 * Who gives tasks to whom and who sees them.
 *
 * - A person gives tasks to those below them: their subordinates down the supervisor chain
 *   (User.supervisorId) and the staff of the departments they head (with the referaty below);
 *   kierownictwo ("documents.view.all") to anyone. A substitute, while the substitution lasts,
 *   gives tasks as the absent person would.
 * - A task is seen by its giver, its assignees, their substitutes, the heads of the assignees'
 *   departments ("my department's tasks") and kierownictwo. Anyone else gets NOT_FOUND.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import type { WorkScope } from "@/modules/documents/documents.policy";
import type { Db, Tx } from "@/server/db";

/** Everyone below the given people in the supervisor chain (not the people themselves). */
export async function subordinatesOf(db: Db | Tx, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE below AS (
      SELECT u.id, 1 AS depth FROM "User" u WHERE u."supervisorId" = ANY(${userIds}::text[])
      UNION
      SELECT u.id, b.depth + 1 FROM "User" u JOIN below b ON u."supervisorId" = b.id WHERE b.depth < 20
    )
    SELECT DISTINCT id FROM below`;
  return rows.map((r) => r.id).filter((id) => !userIds.includes(id));
}

/** The people the scope may give tasks to (active staff only, never oneself). */
export async function assignableWhere(db: Db | Tx, scope: WorkScope): Promise<Prisma.UserWhereInput> {
  const base: Prisma.UserWhereInput = { active: true, id: { not: scope.actorId } };
  if (scope.all) return base;
  const below = await subordinatesOf(db, scope.userIds);
  const or: Prisma.UserWhereInput[] = [];
  if (below.length) or.push({ id: { in: below } });
  if (scope.headOfDepartmentIds.length) or.push({ departmentId: { in: scope.headOfDepartmentIds } });
  return or.length ? { AND: [base, { OR: or }] } : { id: { in: [] } };
}

export function taskVisibleWhere(scope: WorkScope): Prisma.TaskWhereInput {
  if (scope.all) return {};
  const or: Prisma.TaskWhereInput[] = [{ createdById: { in: scope.userIds } }, { assignees: { some: { userId: { in: scope.userIds } } } }];
  if (scope.headOfDepartmentIds.length) or.push({ assignees: { some: { departmentId: { in: scope.headOfDepartmentIds } } } });
  return { OR: or };
}

/** The giver, or someone acting for the giver today. */
export function actsAsGiver(scope: WorkScope, task: { createdById: string }): boolean {
  return scope.userIds.includes(task.createdById);
}

/** The assignee row the actor works on: their own first, else one of a person they substitute. */
export function ownAssignee<T extends { userId: string }>(scope: WorkScope, assignees: T[]): T | undefined {
  return assignees.find((a) => a.userId === scope.actorId) ?? assignees.find((a) => scope.userIds.includes(a.userId));
}
