/**
 * What every service receives: the database, the acting user (or null for the public and the
 * system) and the request metadata for the audit trail. Framework-free.
 */
import type { Permission, Role } from "@/lib/permissions";
import { can } from "@/lib/permissions";
import type { Db } from "./db";
import { forbidden } from "./errors";

export interface Actor {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  departmentId: string | null;
  positionName: string | null;
  locale: string;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface ServiceContext {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
}

export interface PublicContext {
  db: Db;
  actor: Actor | null;
  meta: RequestMeta;
}

export const SYSTEM_META: RequestMeta = { ip: null, userAgent: "obieg-system" };

export function actorName(actor: Pick<Actor, "firstName" | "lastName">): string {
  return `${actor.firstName} ${actor.lastName}`;
}

/** Services re-check the permission even when the procedure did: they are called from jobs and tests too. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.roles, permission)) throw forbidden();
}
