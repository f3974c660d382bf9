/**
 * Writes one audit entry. Call it with the transaction client of the change it describes, so the
 * entry and the change commit or roll back together. There is no update or delete here, and the
 * database refuses both (trigger in the foundation migration).
 */
import type { Prisma } from "@prisma/client";
import type { Actor, RequestMeta } from "../context";
import type { Tx } from "../db";
import type { AuditEventInput } from "./audit.events";

type AuditWriter = Pick<Tx, "auditEvent">;

export interface AuditWho {
  actor: Pick<Actor, "id" | "firstName" | "lastName" | "positionName"> | null;
  meta: RequestMeta;
}

export async function recordAudit(db: AuditWriter, who: AuditWho, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      caseId: event.caseId ?? null,
      documentId: event.documentId ?? null,
      data: event.data as Prisma.InputJsonValue,
      actorId: who.actor?.id ?? null,
      actorName: who.actor ? `${who.actor.firstName} ${who.actor.lastName}` : null,
      actorPosition: who.actor?.positionName ?? null,
      ip: who.meta.ip?.slice(0, 64) ?? null,
      userAgent: who.meta.userAgent?.slice(0, 512) ?? null,
    },
  });
}
