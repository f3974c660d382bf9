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
  "contact.created": { kind: string; name: string; via: "form" | "quick" | "import"; duplicatesIgnored: number };
  "contact.updated": { changes: FieldChanges; duplicatesIgnored: number };
  "contact.address-added": { address: string; isPrimary: boolean };
  "contact.address-updated": { changes: FieldChanges };
  "contact.address-removed": { address: string };
  "contact.merged": { mergedId: string; mergedName: string; keptName: string; documents: number; recipients: number; cases: number; addresses: number; filled: string[] };
  "contact.pesel-revealed": Record<string, never>;
  "contact.imported": { imported: number; rejected: number };
  "contact.exported": { count: number; q: string | null; kind: string | null };
  // — files events (files module) —
  "file.uploaded": { fileName: string; sha256: string; size: number; mimeType: string; kind: string };
  "file.downloaded": { fileName: string; sha256: string; inline: boolean };
  "file.integrity-failed": { fileName: string; expected: string; actual: string | null; reason: "mismatch" | "missing" };
  "registers.updated": { changes: FieldChanges };
  // — letters events (letters module: incoming, internal, dekretacja) —
  "letter.registered": { registerNo: string; channel: string; subject: string; confidential: boolean };
  "letter.decreed": { leading: string; cooperating: string[]; info: string[]; correction: boolean; reason: string | null };
  "assignment.assigned": { assignmentId: string; role: string; department: string; to: string; dueDate: string | null; note: string | null };
  "assignment.accepted": { assignmentId: string; role: string; department: string; user: string };
  "assignment.returned": { assignmentId: string; role: string; department: string; reason: string };
  "assignment.forwarded": { assignmentId: string; role: string; from: string; to: string; reason: string };
  "assignment.read": { assignmentId: string; department: string };
  "assignment.done": { assignmentId: string; role: string; department: string };
  "internal.drafted": { subject: string };
  "internal.updated": { changes: FieldChanges };
  "internal.sent": { registerNo: string; recipients: string[] };
  // — outgoing events (outgoing module: drafts, approval, dispatch, ZPO) —
  "outgoing.drafted": { subject: string; recipients: number };
  "outgoing.updated": { subject: string; recipients: number };
  "outgoing.submitted": { approverIds: string[]; signatureId?: string | null };
  "outgoing.withdrawn": Record<string, never>;
  "outgoing.approved": { order: number; final: boolean; comment: string | null; onBehalfOf: string | null; signatureId?: string | null };
  "outgoing.rejected": { order: number; comment: string; onBehalfOf: string | null };
  "outgoing.dispatched": { registerNo: string; channels: string[] };
  "outgoing.delivery-recorded": { recipientId: string; name: string; deliveredOn: string };
  "dispatch-book.created": { number: string; date: string; items: number };
  "dispatch-book.tracking-saved": { number: string; changed: number };
  "approval-path.updated": { symbol: string; steps: { kind: string; userId: string | null }[] };
  // — cases events (cases module: JRWA, cases, deadlines) —
  "jrwa.created": { symbol: string; name: string; category: string | null };
  "jrwa.updated": { symbol: string; changes: FieldChanges };
  "jrwa.deactivated": { symbol: string };
  "jrwa.activated": { symbol: string };
  "jrwa.deleted": { symbol: string; name: string };
  "case.opened": { mark: string; title: string; jrwaSymbol: string; responsibleId: string; sourceDocumentId: string | null; dueDate: string | null };
  "case.started": { mark: string };
  "case.document-added": { mark: string; documentId: string };
  "case.note-added": { mark: string; subject: string };
  "case.suspended": { mark: string; reason: string };
  "case.resumed": { mark: string; suspendedDays: number; dueDate: string | null };
  "case.closed": { mark: string; note: string | null; documentsDone: number };
  "case.reopened": { mark: string; reason: string };
  "case.transferred": { mark: string; fromResponsibleId: string; toResponsibleId: string; fromDepartmentId: string; toDepartmentId: string; reason: string | null };
  "case.deadline-notice": { mark: string; reason: string; previousDue: string | null; newDue: string; noticeId: string };
  // — realtime & notifications events (mail, password reset, notification preferences) —
  "auth.password-reset-requested": { email: string; sent: boolean };
  "auth.password-reset": Record<string, never>;
  "email.resent": { to: string; subject: string };
  "notification.preferences-updated": { changes: FieldChanges };
  // — signatures events (local CA, certificates, signing, verification) —
  "pki.ca-created": { root: string; issuing: string; seal: string };
  "pki.crl-published": { number: number; revoked: number };
  "pki.seal-replaced": { revoked: string; issued: string; reason: string };
  "signature.sealed": { format: string; fileId: string | null; purpose: string; serial: string };
  "certificate.requested": { publicKeyHash: string; renewsId: string | null };
  "certificate.issued": { serial: string; subject: string; notAfter: string };
  "certificate.rejected": { reason: string };
  "certificate.revoked": { serial: string; reason: string };
  "signature.created": { format: string; fileId: string; fileName: string; serial: string | null; seal: boolean };
  "signature.verified": { fileName: string; valid: boolean; signer: string | null; serial: string | null };
  // — BIP —
  "bip.article-created": { seq: number; menuItemId: string; title: string };
  "bip.version-saved": { seq: number; number: number; title: string };
  "bip.version-submitted": { seq: number; number: number };
  "bip.version-approved": { seq: number; number: number; publishAt: string };
  "bip.version-returned": { seq: number; number: number; comment: string };
  "bip.article-withdrawn": { seq: number; reason: string };
  "bip.attachment-added": { seq: number; fileName: string; sha256: string };
  "bip.attachment-removed": { seq: number; fileName: string };
  "bip.menu-changed": { change: string; title: string };
  "bip.settings-updated": { fields: string[] };
  // — ESP —
  "esp.signed-in": { email: string };
  "esp.submission-received": { number: string; email: string; formCode: string; files: number; registerNo: string };
  "esp.delivery-sent": { email: string; recipientId: string };
  "esp.delivery-confirmed": { email: string; recipientId: string };
  "esp.delivery-expired": { email: string; recipientId: string };
  // — komunikator —
  "chat.group-created": { title: string; memberIds: string[] };
  "chat.group-renamed": { from: string; to: string };
  "chat.members-added": { userIds: string[] };
  "chat.member-removed": { userId: string; self: boolean };
  "chat.message-edited": { conversationId: string; before: string; after: string };
  "chat.message-deleted": { conversationId: string; before: string };
  "chat.file-uploaded": { fileName: string; sha256: string; size: number; mimeType: string };
  "chat.file-downloaded": { conversationId: string; messageId: string; fileName: string; sha256: string };
  // — polecenia —
  "task.created": { seq: number; title: string; assigneeIds: string[]; dueDate: string | null };
  "task.step": { seq: number; kind: string; assigneeId: string | null; onBehalfOfId: string | null };
  "task.file-uploaded": { fileName: string; sha256: string; size: number; mimeType: string };
  "task.file-downloaded": { taskId: string; seq: number; fileName: string; sha256: string };
  // — search —
  "search.reindex-requested": { engine: string };
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
  "email",
  "certificate",
  "signature",
  "bip-article",
  "bip-menu",
  "bip-settings",
  "esp-submission",
  "esp-delivery",
  "esp-account",
  "chat-conversation",
  "chat-message",
  "chat-attachment",
  "task",
  "task-attachment",
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
  "contact.created",
  "contact.updated",
  "contact.address-added",
  "contact.address-updated",
  "contact.address-removed",
  "contact.merged",
  "contact.pesel-revealed",
  "contact.imported",
  "contact.exported",
  // — files actions —
  "file.uploaded",
  "file.downloaded",
  "file.integrity-failed",
  "registers.updated",
  // — letters actions —
  "letter.registered",
  "letter.decreed",
  "assignment.assigned",
  "assignment.accepted",
  "assignment.returned",
  "assignment.forwarded",
  "assignment.read",
  "assignment.done",
  "internal.drafted",
  "internal.updated",
  "internal.sent",
  // — outgoing actions —
  "outgoing.drafted",
  "outgoing.updated",
  "outgoing.submitted",
  "outgoing.withdrawn",
  "outgoing.approved",
  "outgoing.rejected",
  "outgoing.dispatched",
  "outgoing.delivery-recorded",
  "dispatch-book.created",
  "dispatch-book.tracking-saved",
  "approval-path.updated",
  // — cases actions —
  "jrwa.created",
  "jrwa.updated",
  "jrwa.deactivated",
  "jrwa.activated",
  "jrwa.deleted",
  "case.opened",
  "case.started",
  "case.document-added",
  "case.note-added",
  "case.suspended",
  "case.resumed",
  "case.closed",
  "case.reopened",
  "case.transferred",
  "case.deadline-notice",
  // — realtime & notifications actions —
  "auth.password-reset-requested",
  "auth.password-reset",
  "email.resent",
  "notification.preferences-updated",
  // — signatures actions —
  "pki.ca-created",
  "pki.crl-published",
  "pki.seal-replaced",
  "signature.sealed",
  "certificate.requested",
  "certificate.issued",
  "certificate.rejected",
  "certificate.revoked",
  "signature.created",
  "signature.verified",
  "bip.article-created",
  "bip.version-saved",
  "bip.version-submitted",
  "bip.version-approved",
  "bip.version-returned",
  "bip.article-withdrawn",
  "bip.attachment-added",
  "bip.attachment-removed",
  "bip.menu-changed",
  "bip.settings-updated",
  "esp.signed-in",
  "esp.submission-received",
  "esp.delivery-sent",
  "esp.delivery-confirmed",
  "esp.delivery-expired",
  "chat.group-created",
  "chat.group-renamed",
  "chat.members-added",
  "chat.member-removed",
  "chat.message-edited",
  "chat.message-deleted",
  "chat.file-uploaded",
  "chat.file-downloaded",
  "task.created",
  "task.step",
  "task.file-uploaded",
  "task.file-downloaded",
  "search.reindex-requested",
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
