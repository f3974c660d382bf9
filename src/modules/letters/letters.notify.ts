/**
 * "Nowe pismo do mnie": who hears about a dekretacja. A department's letter goes to the person
 * who runs it (the head, or the head of the wydział above a referat without its own head); a
 * letter given to a person goes to that person. Substitutes are added by `notify`.
 */
import { documentHref, documentLabel } from "@/modules/documents/document-label";
import { notify } from "@/modules/notifications/notifications.service";
import type { ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";

type Role = "LEADING" | "COOPERATING" | "INFO";

export async function headsOf(tx: Tx, departmentIds: string[]): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  const rows = await tx.department.findMany({ where: { id: { in: departmentIds } }, select: { headId: true, parent: { select: { headId: true } } } });
  return rows.map((d) => d.headId ?? d.parent?.headId ?? null).filter((id): id is string => id !== null);
}

export async function notifyLetterAssigned(tx: Tx, ctx: ServiceContext, documentId: string, to: { role: Role; userIds?: string[]; departmentIds?: string[] }): Promise<void> {
  const userIds = [...(to.userIds ?? []), ...(await headsOf(tx, to.departmentIds ?? []))];
  if (userIds.length === 0) return;
  const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { id: true, kind: true, caseId: true, seq: true, registerNo: true, subject: true } });
  await notify(tx, {
    type: "letter.assigned",
    userIds,
    actorId: ctx.actor.id,
    params: { label: documentLabel(doc), subject: doc.subject, by: `${ctx.actor.firstName} ${ctx.actor.lastName}`, role: to.role },
    link: documentHref(doc),
  });
}
