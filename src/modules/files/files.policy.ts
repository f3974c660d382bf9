/**
 * Who may add files to a document. Seeing it is not enough (documentVisibleWhere decides that):
 * one must be working on it — its author, its assignee, anyone with an assignment on it, the head
 * of its department, the responsible clerk of its case, or the kancelaria while an incoming letter
 * is still open (scans are added at registration). Substitutes act for the absent (scope.userIds).
 * Finished documents (DONE, CANCELLED) and dispatched outgoing letters are read-only for everybody.
 */
import { actsFor, isHeadOf, type WorkScope } from "@/modules/documents/documents.policy";

export interface FilePolicyDocument {
  kind: "INCOMING" | "OUTGOING" | "INTERNAL" | "NOTE";
  status: "REGISTERED" | "IN_PROGRESS" | "DONE" | "DRAFT" | "AWAITING_APPROVAL" | "APPROVED" | "DISPATCHED" | "CANCELLED";
  createdById: string;
  assigneeId: string | null;
  departmentId: string | null;
  assignments: { userId: string | null }[];
  case: { responsibleId: string } | null;
}

/** Why nobody may add files any more (Polish), or null while the document is open. */
export function filesReadOnlyReason(doc: Pick<FilePolicyDocument, "kind" | "status">): string | null {
  if (doc.kind === "OUTGOING" && doc.status === "DISPATCHED") return "Pismo zostało już wysłane — jego pliki można tylko przeglądać.";
  if (doc.status === "DONE") return "Pismo jest załatwione — jego pliki można tylko przeglądać.";
  if (doc.status === "CANCELLED") return "Pismo zostało anulowane — nie można dodawać do niego plików.";
  return null;
}

export function canAttachFiles(scope: WorkScope, doc: FilePolicyDocument): boolean {
  if (filesReadOnlyReason(doc)) return false;
  if (actsFor(scope, doc.createdById) || actsFor(scope, doc.assigneeId)) return true;
  if (doc.assignments.some((a) => actsFor(scope, a.userId))) return true;
  if (doc.departmentId && isHeadOf(scope, doc.departmentId)) return true;
  if (doc.case && actsFor(scope, doc.case.responsibleId)) return true;
  return scope.registry && doc.kind === "INCOMING";
}
