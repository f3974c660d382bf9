/** Who hears about approvals: the approver whose step opens, and the author when it is decided. */
import { documentHref, documentLabel } from "@/modules/documents/document-label";
import { notify } from "@/modules/notifications/notifications.service";
import type { ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";

const docSelect = { id: true, kind: true, caseId: true, seq: true, registerNo: true, subject: true, createdById: true, createdBy: { select: { firstName: true, lastName: true } } } as const;

/** The approver of the step now PENDING (once per step) learns that the draft waits for them. */
export async function notifyApprovalRequested(tx: Tx, ctx: ServiceContext, documentId: string): Promise<void> {
  const pending = await tx.approvalStep.findFirst({ where: { documentId, status: "PENDING" }, select: { id: true, approverId: true } });
  if (!pending) return;
  const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: docSelect });
  await notify(tx, {
    type: "approval.requested",
    userIds: [pending.approverId],
    actorId: ctx.actor.id,
    params: { label: documentLabel(doc), subject: doc.subject, author: `${doc.createdBy.firstName} ${doc.createdBy.lastName}` },
    link: documentHref(doc),
    dedupeKey: `approval-step:${pending.id}`,
  });
}

/** The author learns that the draft was approved (after the last step) or returned with a comment. */
export async function notifyApprovalDecided(tx: Tx, ctx: ServiceContext, documentId: string, outcome: { approved: boolean; comment: string | null }): Promise<void> {
  const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: docSelect });
  await notify(tx, {
    type: "approval.decided",
    userIds: [doc.createdById],
    actorId: ctx.actor.id,
    params: { label: documentLabel(doc), subject: doc.subject, by: `${ctx.actor.firstName} ${ctx.actor.lastName}`, approved: outcome.approved, comment: outcome.comment ?? "" },
    link: documentHref(doc),
  });
}
