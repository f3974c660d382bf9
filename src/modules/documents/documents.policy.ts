/**
 * Who sees which letters and cases — the one visibility rule of kancelaria, letters and cases.
 *
 * - Everybody sees what they created, what is assigned to them (dekretacja, approval step, the
 *   responsible clerk of its case) and what they were named on (confidential access lists).
 * - A clerk sees the letters and cases of their department; a head (Department.headId) also those
 *   of the referaty below; a substitute, while the substitution lasts, sees what the absent person
 *   sees by department and by assignment.
 * - The kancelaria ("letters.register") sees every incoming letter and every approved or dispatched
 *   outgoing letter (the registers it keeps); kierownictwo ("documents.view.all") sees everything.
 * - `confidential` narrows a letter or case to the named people only (author, assignees, approvers,
 *   the responsible clerk and the access list): department-wide and office-wide views skip it.
 *
 * Services start every read from `documentVisibleWhere` / `caseVisibleWhere`; a record outside
 * answers NOT_FOUND, so its existence does not leak.
 */
import type { Prisma } from "@prisma/client";
import { todayInPoland } from "@/lib/i18n/translator";
import { can } from "@/lib/permissions";
import type { Actor } from "@/server/context";
import type { Db, Tx } from "@/server/db";

export interface WorkScope {
  actorId: string;
  /** The actor and everyone they substitute today. */
  userIds: string[];
  /** Departments whose non-confidential letters and cases the actor sees. */
  departmentIds: string[];
  /** Departments the actor runs as head (or as a head's substitute), with their referaty. */
  headOfDepartmentIds: string[];
  /** "documents.view.all": every non-confidential record. */
  all: boolean;
  /** "letters.register": every non-confidential incoming and approved/dispatched outgoing letter. */
  registry: boolean;
}

/** Builds the actor's scope for today (Polish calendar day): one small query per source. */
export async function loadWorkScope(db: Db | Tx, actor: Actor, now = new Date()): Promise<WorkScope> {
  const today = todayInPoland(now);
  // One round trip (every list and detail starts here): the people the actor acts for today, their
  // departments, and the departments they head with the referaty below.
  const rows = await db.$queryRaw<{ kind: "user" | "member" | "head"; id: string }[]>`
    WITH people AS (
      SELECT ${actor.id}::text AS id, ${actor.departmentId}::text AS department_id
      UNION
      SELECT u.id, u."departmentId" FROM "Substitution" s JOIN "User" u ON u.id = s."absentId"
      WHERE s."substituteId" = ${actor.id} AND s."cancelledAt" IS NULL AND s."dateFrom" <= ${today}::date AND s."dateTo" >= ${today}::date
    ), headed AS (
      SELECT d.id FROM "Department" d WHERE d."headId" IN (SELECT id FROM people)
    )
    SELECT 'user' AS kind, id FROM people
    UNION ALL SELECT 'member', department_id FROM people WHERE department_id IS NOT NULL
    UNION ALL SELECT 'head', id FROM headed
    UNION ALL SELECT 'head', d.id FROM "Department" d WHERE d."parentId" IN (SELECT id FROM headed)`;
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const headOfDepartmentIds = unique(of("head"));
  return {
    actorId: actor.id,
    userIds: unique([actor.id, ...of("user")]),
    departmentIds: unique([...of("member"), ...headOfDepartmentIds]),
    headOfDepartmentIds,
    all: can(actor.roles, "documents.view.all"),
    registry: can(actor.roles, "letters.register"),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * What the caller's own filter already guarantees about the rows, so the rule can be stated more
 * simply for the database: the kancelaria listing incoming letters (or approved/dispatched outgoing
 * ones) sees all non-confidential rows, which lets PostgreSQL walk a sort index instead of
 * evaluating every branch of the rule on every row.
 */
export interface VisibilityNarrowing {
  kind?: "INCOMING" | "OUTGOING" | "INTERNAL" | "NOTE";
  statuses?: readonly ("REGISTERED" | "IN_PROGRESS" | "DONE" | "DRAFT" | "AWAITING_APPROVAL" | "APPROVED" | "DISPATCHED" | "CANCELLED")[];
}

function registryCoversAll(narrowing: VisibilityNarrowing | undefined): boolean {
  if (narrowing?.kind === "INCOMING") return true;
  return narrowing?.kind === "OUTGOING" && Boolean(narrowing.statuses?.length) && narrowing.statuses!.every((s) => s === "APPROVED" || s === "DISPATCHED");
}

/**
 * Letters (and case notes) the scope may see. The branches are column comparisons on the row
 * itself: `accessDepartmentIds` and `accessUserIds` are kept by database triggers (migration
 * kancelaria_list_performance) from the letter, its case, dekretacja, approval steps, access list
 * and internal recipients.
 */
export function documentVisibleWhere(scope: WorkScope, narrowing?: VisibilityNarrowing): Prisma.DocumentWhereInput {
  const personal: Prisma.DocumentWhereInput = { accessUserIds: { hasSome: scope.userIds } };
  if (scope.all || (scope.registry && registryCoversAll(narrowing))) return { OR: [{ confidential: false }, personal] };
  const open: Prisma.DocumentWhereInput[] = [];
  if (scope.departmentIds.length) open.push({ accessDepartmentIds: { hasSome: scope.departmentIds } });
  if (scope.registry) {
    open.push({ kind: "INCOMING" }, { kind: "OUTGOING", status: { in: ["APPROVED", "DISPATCHED"] } });
  }
  return open.length ? { OR: [{ confidential: false, OR: open }, personal] } : personal;
}

/** Cases the scope may see. */
export function caseVisibleWhere(scope: WorkScope): Prisma.CaseWhereInput {
  const users = { in: scope.userIds };
  const personal: Prisma.CaseWhereInput[] = [{ responsibleId: users }, { createdById: users }, { access: { some: { userId: users } } }];
  if (scope.all) return { OR: [{ confidential: false }, ...personal] };
  return { OR: [{ confidential: false, departmentId: { in: scope.departmentIds } }, ...personal] };
}

/** The head of the department (or of its parent wydział), or their substitute today. */
export function isHeadOf(scope: WorkScope, departmentId: string): boolean {
  return scope.headOfDepartmentIds.includes(departmentId);
}

/** The actor acts for this user (is them, or substitutes them today). */
export function actsFor(scope: WorkScope, userId: string | null | undefined): boolean {
  return Boolean(userId) && scope.userIds.includes(userId as string);
}
