/**
 * Pure rules of user administration (no database): the supervisor hierarchy must stay a tree, and
 * the office must keep at least one active administrator.
 */
import type { Role } from "@/lib/permissions";

/**
 * Whether making `supervisorId` the supervisor of `userId` closes a loop: walking up from the new
 * supervisor through `supervisorOf` reaches the user. Self-supervision is the shortest loop.
 * Returns the chain that would loop (from the new supervisor up to the user), or null.
 */
export function findSupervisorCycle(userId: string, supervisorId: string | null, supervisorOf: ReadonlyMap<string, string | null>): string[] | null {
  if (!supervisorId) return null;
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null = supervisorId;
  while (current) {
    if (current === userId) return [...chain, current];
    if (seen.has(current)) return null; // an existing loop above, not through this user
    seen.add(current);
    chain.push(current);
    current = supervisorOf.get(current) ?? null;
  }
  return null;
}

/**
 * Whether a change would leave no active administrator: the user is an active administrator now and
 * after the change is not (role removed or account deactivated), and nobody else is.
 */
export function removesLastAdministrator(
  before: { active: boolean; roles: readonly Role[] },
  after: { active: boolean; roles: readonly Role[] },
  otherActiveAdministrators: number,
): boolean {
  const wasAdmin = before.active && before.roles.includes("ADMINISTRATOR");
  const isAdmin = after.active && after.roles.includes("ADMINISTRATOR");
  return wasAdmin && !isAdmin && otherActiveAdministrators === 0;
}
