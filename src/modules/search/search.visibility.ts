/**
 * The permission filter of search, stated for the engines: the same rule as
 * documentVisibleWhere / caseVisibleWhere (src/modules/documents/documents.policy.ts) over the
 * copies of the visibility columns each indexed record carries, so the engine filters before
 * paging. Contacts: whoever has contacts.view. BIP: public.
 */
import { can, type Role } from "@/lib/permissions";
import { F, type Filter } from "@/server/integrations/search";
import type { WorkScope } from "@/modules/documents/documents.policy";

/** documentVisibleWhere(scope) without narrowing. */
export function letterVisibility(scope: WorkScope): Filter {
  const personal = F.overlap("accessUserIds", scope.userIds);
  if (scope.all) return F.or(F.eq("confidential", false), personal);
  const open: Filter[] = [];
  if (scope.departmentIds.length) open.push(F.overlap("accessDepartmentIds", scope.departmentIds));
  if (scope.registry) open.push(F.eq("kind", "INCOMING"), F.and(F.eq("kind", "OUTGOING"), F.in("status", ["APPROVED", "DISPATCHED"])));
  return open.length ? F.or(F.and(F.eq("confidential", false), F.or(...open)), personal) : personal;
}

/**
 * caseVisibleWhere(scope): an indexed case carries accessUserIds = responsible clerk, creator and
 * the access list, and its own departmentId.
 */
export function caseVisibility(scope: WorkScope): Filter {
  const personal = F.overlap("accessUserIds", scope.userIds);
  if (scope.all) return F.or(F.eq("confidential", false), personal);
  if (!scope.departmentIds.length) return personal;
  return F.or(F.and(F.eq("confidential", false), F.in("departmentId", scope.departmentIds)), personal);
}

export function visibilityFilter(scope: WorkScope, roles: Role[]): Filter {
  const branches: Filter[] = [F.and(F.eq("type", "letter"), letterVisibility(scope)), F.and(F.eq("type", "case"), caseVisibility(scope))];
  if (can(roles, "contacts.view")) branches.push(F.eq("type", "contact"));
  branches.push(F.eq("type", "bip"));
  return F.or(...branches);
}
