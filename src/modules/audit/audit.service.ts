/**
 * Reading the audit trail. Read-only by design: the trail is written only by `recordAudit` in the
 * transaction of each change, and the database refuses UPDATE, DELETE and TRUNCATE on it.
 */
import type { Prisma } from "@prisma/client";
import { assertCan, type ServiceContext } from "@/server/context";
import {
  AUDIT_PAGE_SIZE,
  auditCursor,
  NO_ACTOR,
  parseAuditCursor,
  type AuditActor,
  type AuditEntry,
  type AuditFilters,
  type AuditListInput,
  type AuditPage,
  type FieldChange,
} from "./audit.schemas";
import { warsawDayStart } from "./audit.format";

const SELECT = {
  id: true,
  occurredAt: true,
  action: true,
  actorId: true,
  actorName: true,
  actorPosition: true,
  entityType: true,
  entityId: true,
  caseId: true,
  documentId: true,
  ip: true,
  userAgent: true,
  data: true,
} as const satisfies Prisma.AuditEventSelect;

type Row = Prisma.AuditEventGetPayload<{ select: typeof SELECT }>;

function toEntry(row: Row): AuditEntry {
  const raw = row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  const { changes: rawChanges, ...data } = raw;
  const changes: FieldChange[] =
    rawChanges && typeof rawChanges === "object" && !Array.isArray(rawChanges)
      ? Object.entries(rawChanges as Record<string, { from?: unknown; to?: unknown } | null>).map(([field, c]) => ({
          field,
          from: c?.from ?? null,
          to: c?.to ?? null,
        }))
      : [];
  return {
    id: row.id.toString(),
    occurredAt: row.occurredAt,
    action: row.action,
    actorId: row.actorId,
    actorName: row.actorName,
    actorPosition: row.actorPosition,
    entityType: row.entityType,
    entityId: row.entityId,
    caseId: row.caseId,
    documentId: row.documentId,
    ip: row.ip,
    userAgent: row.userAgent,
    changes,
    data,
  };
}

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.action) where.action = filters.action;
  if (filters.actorId) where.actorId = filters.actorId === NO_ACTOR ? null : filters.actorId;
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.ip) where.ip = { startsWith: filters.ip };
  if (filters.from || filters.to) {
    where.occurredAt = {
      ...(filters.from ? { gte: warsawDayStart(filters.from) } : {}),
      ...(filters.to ? { lt: warsawDayStart(filters.to, 1) } : {}),
    };
  }
  return where;
}

/** Entries strictly older (or newer) than a cursor in the (occurredAt, id) order. */
function beyond(cursor: string, direction: "older" | "newer"): Prisma.AuditEventWhereInput {
  const c = parseAuditCursor(cursor);
  const op = direction === "older" ? "lt" : "gt";
  return { OR: [{ occurredAt: { [op]: c.occurredAt } }, { occurredAt: c.occurredAt, id: { [op]: c.id } }] };
}

const NEWEST_FIRST = [{ occurredAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditEventOrderByWithRelationInput[];
const OLDEST_FIRST = [{ occurredAt: "asc" }, { id: "asc" }] satisfies Prisma.AuditEventOrderByWithRelationInput[];

/** One page of the trail, newest first, with keyset cursors to the older and newer neighbours. */
export async function listAuditEvents(ctx: ServiceContext, input: AuditListInput): Promise<AuditPage> {
  assertCan(ctx.actor, "audit.view");
  const limit = input.limit ?? AUDIT_PAGE_SIZE;
  const base = whereOf(input.filters);
  const and = (...extra: Prisma.AuditEventWhereInput[]): Prisma.AuditEventWhereInput => ({ AND: [base, ...extra] });

  let rows: Row[];
  let moreOlder: boolean | null = null;
  let moreNewer: boolean | null = null;
  if (input.after) {
    const found = await ctx.db.auditEvent.findMany({ where: and(beyond(input.after, "newer")), orderBy: OLDEST_FIRST, take: limit + 1, select: SELECT });
    if (found.length > limit) {
      rows = found.slice(0, limit).reverse();
      moreNewer = true;
    } else {
      // Reached the newest entries: show the first page rather than a short one.
      rows = await ctx.db.auditEvent.findMany({ where: base, orderBy: NEWEST_FIRST, take: limit + 1, select: SELECT });
      moreOlder = rows.length > limit;
      rows = rows.slice(0, limit);
      moreNewer = false;
    }
  } else {
    const found = await ctx.db.auditEvent.findMany({
      where: input.before ? and(beyond(input.before, "older")) : base,
      orderBy: NEWEST_FIRST,
      take: limit + 1,
      select: SELECT,
    });
    moreOlder = found.length > limit;
    rows = found.slice(0, limit);
    if (!input.before) moreNewer = false;
  }

  const entries = rows.map(toEntry);
  const firstEntry = entries[0];
  const lastEntry = entries.at(-1);
  const exists = async (where: Prisma.AuditEventWhereInput) => (await ctx.db.auditEvent.findFirst({ where, select: { id: true } })) !== null;
  if (moreNewer === null) moreNewer = firstEntry ? await exists(and(beyond(auditCursor(firstEntry), "newer"))) : false;
  if (moreOlder === null) moreOlder = lastEntry ? await exists(and(beyond(auditCursor(lastEntry), "older"))) : false;

  return {
    entries,
    olderCursor: moreOlder && lastEntry ? auditCursor(lastEntry) : null,
    newerCursor: moreNewer && firstEntry ? auditCursor(firstEntry) : null,
  };
}

/** At most this many entries of one object are returned (oldest first). */
export const ENTITY_HISTORY_LIMIT = 1000;

/**
 * The history of one object, oldest first: the shape the metryka sprawy and the history of a
 * document will reuse. Only for holders of "audit.view" here; a module showing the history of its
 * own records checks its record policy and reads by `caseId` / `documentId` the same way.
 */
export async function listEntityHistory(ctx: ServiceContext, entityType: string, entityId: string): Promise<AuditEntry[]> {
  assertCan(ctx.actor, "audit.view");
  const rows = await ctx.db.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: OLDEST_FIRST,
    take: ENTITY_HISTORY_LIMIT,
    select: SELECT,
  });
  return rows.map(toEntry);
}

/** People for the "Osoba" filter: every account (inactive ones too), by surname in Polish order. */
export async function listAuditActors(ctx: ServiceContext): Promise<AuditActor[]> {
  assertCan(ctx.actor, "audit.view");
  const users = await ctx.db.user.findMany({
    select: { id: true, firstName: true, lastName: true, email: true, active: true },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: `${u.lastName} ${u.firstName}`, email: u.email, active: u.active }));
}
