/** Who may change a case: its responsible clerk (or their substitute today) or the head of its department. */
import { actsFor, isHeadOf, type WorkScope } from "@/modules/documents/documents.policy";

export function canManageCase(scope: WorkScope, c: { responsibleId: string; departmentId: string }): boolean {
  return actsFor(scope, c.responsibleId) || isHeadOf(scope, c.departmentId);
}

/** Departments where the actor may open a case: their own and, for heads, the ones they run. */
export function openingDepartmentIds(scope: WorkScope, actorDepartmentId: string | null): string[] {
  return [...new Set([actorDepartmentId, ...scope.headOfDepartmentIds].filter((d): d is string => Boolean(d)))];
}
