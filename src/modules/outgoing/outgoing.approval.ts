/**
 * The approval path (ścieżka akceptacji) of an outgoing draft and the state machine of its steps.
 * Pure and client-safe: the service feeds it rows, the unit tests feed it plain objects.
 */
import type { ApprovalStatusName, OutgoingStatus } from "./outgoing.schemas";

export interface PathStepConfig {
  kind: "HEAD" | "USER";
  userId: string | null;
}

/** The author's department as the path needs it: its head, and the head of its parent wydział (for a referat). */
export interface PathDepartment {
  headId: string | null;
  parentHeadId: string | null;
}

export const DEFAULT_APPROVAL_PATH: readonly PathStepConfig[] = [{ kind: "HEAD", userId: null }];

export type ResolvedPath = { ok: true; approverIds: string[] } | { ok: false; problem: "NO_HEAD" | "NO_USER" };

/**
 * Whom a draft goes to, in order. HEAD is the head of the author's department; for a referat
 * whose head is missing, or is the author themselves, the head of the parent wydział. USER is the
 * named person. Steps whose approver is the author are skipped, and a person is asked only once
 * (the first time they appear). An empty result means the draft is approved at once.
 */
export function resolveApprovers(config: readonly PathStepConfig[], department: PathDepartment | null, authorId: string): ResolvedPath {
  const steps = config.length > 0 ? config : DEFAULT_APPROVAL_PATH;
  const approverIds: string[] = [];
  for (const step of steps) {
    let approver: string | null;
    if (step.kind === "HEAD") {
      approver = headFor(department, authorId);
      if (!approver) return { ok: false, problem: "NO_HEAD" };
    } else {
      approver = step.userId;
      if (!approver) return { ok: false, problem: "NO_USER" };
    }
    if (approver === authorId || approverIds.includes(approver)) continue;
    approverIds.push(approver);
  }
  return { ok: true, approverIds };
}

function headFor(department: PathDepartment | null, authorId: string): string | null {
  if (!department) return null;
  if (department.headId && department.headId !== authorId) return department.headId;
  return department.parentHeadId ?? department.headId;
}

/** The statuses new steps start with: the first PENDING, the rest WAITING. */
export function initialStepStatuses(count: number): ApprovalStatusName[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? "PENDING" : "WAITING"));
}

export interface StepState {
  id: string;
  order: number;
  status: ApprovalStatusName;
}

export interface DecisionOutcome {
  /** Steps whose status changes. */
  updates: { id: string; status: ApprovalStatusName }[];
  /** The decided step. */
  stepId: string;
  documentStatus: OutgoingStatus;
}

/**
 * Approving or rejecting the PENDING step of a round. Approve: it becomes APPROVED and the next
 * WAITING step PENDING, or the letter APPROVED after the last. Reject: it becomes REJECTED, the
 * WAITING ones SKIPPED, the letter goes back to DRAFT. Null when no step is PENDING.
 */
export function decide(steps: readonly StepState[], decision: "approve" | "reject"): DecisionOutcome | null {
  const ordered = [...steps].sort((a, b) => a.order - b.order);
  const pending = ordered.find((s) => s.status === "PENDING");
  if (!pending) return null;
  const waiting = ordered.filter((s) => s.status === "WAITING" && s.order > pending.order);
  if (decision === "reject") {
    return {
      stepId: pending.id,
      updates: [{ id: pending.id, status: "REJECTED" }, ...waiting.map((s) => ({ id: s.id, status: "SKIPPED" as const }))],
      documentStatus: "DRAFT",
    };
  }
  const next = waiting[0];
  return {
    stepId: pending.id,
    updates: [{ id: pending.id, status: "APPROVED" }, ...(next ? [{ id: next.id, status: "PENDING" as const }] : [])],
    documentStatus: next ? "AWAITING_APPROVAL" : "APPROVED",
  };
}

/** Steps closed when the author withdraws a draft from approval: the open ones become SKIPPED. */
export function withdrawUpdates(steps: readonly StepState[]): { id: string; status: ApprovalStatusName }[] {
  return steps.filter((s) => s.status === "PENDING" || s.status === "WAITING").map((s) => ({ id: s.id, status: "SKIPPED" }));
}

export type OutgoingAction = "edit" | "submit" | "withdraw" | "decide" | "dispatch" | "recordDelivery";

/** Which actions the letter's status allows (who may take them is decided by the service). */
export function statusAllows(status: OutgoingStatus, action: OutgoingAction): boolean {
  switch (action) {
    case "edit":
    case "submit":
      return status === "DRAFT";
    case "withdraw":
    case "decide":
      return status === "AWAITING_APPROVAL";
    case "dispatch":
      return status === "APPROVED";
    case "recordDelivery":
      return status === "DISPATCHED";
  }
}
