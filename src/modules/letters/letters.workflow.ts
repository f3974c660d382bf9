/**
 * Dekretacja as a state machine, pure and client-safe. An assignment row (DocumentAssignment) is
 * in one of the AssignmentStatus states; who may move it depends on the actor's work scope:
 *
 *   TO_DEPARTMENT ──assign (head)──▶ TO_USER ──accept (clerk)──▶ ACCEPTED ──done (clerk)──▶ DONE
 *        ▲                              │  ▲                        │
 *        └──────── RETURNED ◀──return───┘  └──assign again (head)   └──return──▶ RETURNED
 *   any active row ──forward (head or the clerk, with a reason)──▶ FORWARDED + a new row elsewhere
 *   INFO copies: TO_DEPARTMENT / TO_USER ──read──▶ READ
 *
 * "Head" means isHeadOf (the head or their substitute today), "clerk" means actsFor (the person
 * or their substitute). Services re-check every move with these functions inside the transaction.
 */
import type { AssignmentAction, AssignmentRole, AssignmentStatus, LetterStatus } from "./letters.schemas";

/** What the rules need of the actor's WorkScope (documents.policy.ts). */
export interface WorkflowScope {
  userIds: string[];
  departmentIds: string[];
  headOfDepartmentIds: string[];
  /** Kancelaria ("letters.register"). */
  registry: boolean;
}

export interface AssignmentState {
  role: AssignmentRole;
  status: AssignmentStatus;
  departmentId: string;
  userId: string | null;
}

/** Rows still in someone's hands (not forwarded, read or done). */
export const ACTIVE_STATUSES = ["TO_DEPARTMENT", "TO_USER", "ACCEPTED", "RETURNED"] as const satisfies readonly AssignmentStatus[];

export function isActive(status: AssignmentStatus): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

const isHead = (scope: WorkflowScope, departmentId: string) => scope.headOfDepartmentIds.includes(departmentId);
const actsFor = (scope: WorkflowScope, userId: string | null) => userId !== null && scope.userIds.includes(userId);

/** May the actor take `action` on this assignment now? */
export function canAct(a: AssignmentState, action: AssignmentAction, scope: WorkflowScope): boolean {
  if (a.role === "INFO") {
    if (action !== "read") return false;
    if (a.status !== "TO_DEPARTMENT" && a.status !== "TO_USER") return false;
    return a.userId ? actsFor(scope, a.userId) : scope.departmentIds.includes(a.departmentId) || isHead(scope, a.departmentId);
  }
  switch (action) {
    case "assign":
      return (a.status === "TO_DEPARTMENT" || a.status === "RETURNED" || a.status === "TO_USER") && isHead(scope, a.departmentId);
    case "accept":
      return a.status === "TO_USER" && actsFor(scope, a.userId);
    case "return":
      return (a.status === "TO_USER" || a.status === "ACCEPTED") && actsFor(scope, a.userId);
    case "forward":
      return (isActive(a.status) && isHead(scope, a.departmentId)) || ((a.status === "TO_USER" || a.status === "ACCEPTED") && actsFor(scope, a.userId));
    case "done":
      return a.status === "ACCEPTED" && actsFor(scope, a.userId);
    case "read":
      return false;
  }
}

/** Every action the actor may take on the assignment, in the order the screen offers them. */
export function allowedActions(a: AssignmentState, scope: WorkflowScope): AssignmentAction[] {
  const order: AssignmentAction[] = ["accept", "done", "read", "assign", "return", "forward"];
  return order.filter((action) => canAct(a, action, scope));
}

/** The state the assignment is left in by the action. */
export function nextStatus(action: AssignmentAction): AssignmentStatus {
  const map: Record<AssignmentAction, AssignmentStatus> = { assign: "TO_USER", accept: "ACCEPTED", return: "RETURNED", forward: "FORWARDED", read: "READ", done: "DONE" };
  return map[action];
}

export interface DocumentState {
  status: LetterStatus;
  departmentId: string | null;
  assigneeId: string | null;
  dueDate: string | null;
}

/**
 * How the document follows its leading assignment: accepting makes the clerk responsible (status
 * IN_PROGRESS, the deadline), returning an accepted letter or forwarding it clears that, "done"
 * closes the letter. Cooperating and INFO rows leave the document as it is.
 */
export function documentEffect(
  a: AssignmentState & { dueDate?: string | null },
  action: AssignmentAction,
  doc: DocumentState,
  target?: { departmentId: string },
): Partial<DocumentState> {
  if (a.role !== "LEADING") return {};
  switch (action) {
    case "accept":
      return { status: "IN_PROGRESS", assigneeId: a.userId, dueDate: a.dueDate ?? null };
    case "return":
      return a.status === "ACCEPTED" ? { status: "REGISTERED", assigneeId: null } : {};
    case "forward":
      return { departmentId: target?.departmentId ?? doc.departmentId, assigneeId: null, ...(doc.status === "IN_PROGRESS" ? { status: "REGISTERED" as const } : {}) };
    case "done":
      return { status: "DONE" };
    default:
      return {};
  }
}

/**
 * May the actor decree the document to departments? "initial" — the kancelaria's first dekretacja
 * of an incoming letter (no active leading assignment yet); "fix" — the kancelaria corrects a wrong
 * one while no clerk has accepted it; otherwise null (heads re-route by forwarding their row).
 */
export function decreeMode(doc: { kind: "INCOMING" | "INTERNAL"; status: LetterStatus }, assignments: AssignmentState[], scope: WorkflowScope): "initial" | "fix" | null {
  if (doc.kind !== "INCOMING" || !scope.registry) return null;
  if (doc.status === "DONE" || doc.status === "CANCELLED") return null;
  const leading = assignments.filter((a) => a.role === "LEADING" && isActive(a.status));
  if (leading.length === 0) return "initial";
  return leading.every((a) => a.status !== "ACCEPTED") ? "fix" : null;
}

/** Rows a corrected dekretacja replaces: the active leading and cooperating ones and unread copies. */
export function replacedByDecree(a: AssignmentState): boolean {
  return a.role === "INFO" ? a.status === "TO_DEPARTMENT" || a.status === "TO_USER" : isActive(a.status) && a.status !== "ACCEPTED";
}
