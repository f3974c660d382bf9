/**
 * Every action the audit trail knows, with the shape of its data. A module adds its events here;
 * the viewer, the metryka sprawy and document histories read them back by `action`.
 */
export interface AuditEventMap {
  "auth.signed-in": Record<string, never>;
  "auth.sign-in-failed": { email: string; reason: "unknown-user" | "bad-password" | "locked" | "inactive" };
  "auth.account-locked": { until: string; failures: number };
  "auth.signed-out": Record<string, never>;
  "auth.password-changed": { by: "self" | "admin" };
  "office.updated": { changes: FieldChanges };
  "location.created": { code: string; name: string };
  "location.updated": { changes: FieldChanges };
  "department.created": { symbol: string; name: string };
  "department.updated": { changes: FieldChanges };
  "position.created": { name: string };
  "position.updated": { changes: FieldChanges };
  "position.deleted": { name: string };
  "user.created": { email: string; roles: string[] };
  "user.updated": { changes: FieldChanges };
  "user.unlocked": Record<string, never>;
  "user.deactivated": Record<string, never>;
  "user.activated": Record<string, never>;
  "substitution.created": { absentId: string; substituteId: string; dateFrom: string; dateTo: string };
  "substitution.cancelled": { absentId: string; substituteId: string };
  "profile.updated": { changes: FieldChanges };
  "system.seeded": { users: number; departments: number; locations: number };
  "job.retried": { type: string };
  // — contacts events (contacts module) —
  // — files events (files module) —
  // — letters events (letters module: incoming, internal, dekretacja) —
  // — outgoing events (outgoing module: drafts, approval, dispatch, ZPO) —
  // — cases events (cases module: JRWA, cases, deadlines) —
}

export type AuditAction = keyof AuditEventMap;

/** Before/after of each changed field. Secrets never go in (passwords are recorded as changed only). */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export const AUDIT_ENTITY_TYPES = [
  "user",
  "office",
  "location",
  "department",
  "position",
  "substitution",
  "system",
  "job",
  "contact",
  "document",
  "file",
  "case",
  "jrwa",
  "dispatch-book",
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export type AuditEventInput = {
  [A in AuditAction]: {
    action: A;
    entityType: AuditEntityType;
    entityId?: string | null;
    caseId?: string | null;
    documentId?: string | null;
    data: AuditEventMap[A];
  };
}[AuditAction];

export const AUDIT_ACTIONS = [
  "auth.signed-in",
  "auth.sign-in-failed",
  "auth.account-locked",
  "auth.signed-out",
  "auth.password-changed",
  "office.updated",
  "location.created",
  "location.updated",
  "department.created",
  "department.updated",
  "position.created",
  "position.updated",
  "position.deleted",
  "user.created",
  "user.updated",
  "user.unlocked",
  "user.deactivated",
  "user.activated",
  "substitution.created",
  "substitution.cancelled",
  "profile.updated",
  "system.seeded",
  "job.retried",
  // — contacts actions —
  // — files actions —
  // — letters actions —
  // — outgoing actions —
  // — cases actions —
] as const satisfies readonly AuditAction[];

/** Compile-time check: every action of AuditEventMap is listed in AUDIT_ACTIONS (the viewer's filter and labels). */
const _everyActionListed: [Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>] extends [never] ? true : never = true;
void _everyActionListed;

/** Compares two records field by field; returns only what changed. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: readonly (keyof T)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    const from = normalize(before[f]);
    const to = normalize(after[f]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[String(f)] = { from, to };
  }
  return changes;
}

function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v;
}
