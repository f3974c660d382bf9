/**
 * The kinds of notification, their parameters and how each is delivered by default. Client-safe.
 * A module adds its types here (with texts in notifications.messages.ts) when it starts notifying.
 */
import type { MessageKey, Translate } from "@/lib/i18n/translator";

export const DELIVERIES = ["IN_APP", "EMAIL", "DIGEST", "OFF"] as const;
export type Delivery = (typeof DELIVERIES)[number];

export interface NotificationParams {
  /** A letter (or its copy "do wiadomości") was given to the person or to the department they run. */
  "letter.assigned": { label: string; subject: string; by: string; role: "LEADING" | "COOPERATING" | "INFO" };
  /** An outgoing letter waits for the person's approval. */
  "approval.requested": { label: string; subject: string; author: string };
  /** The person's outgoing letter was approved (all steps) or returned with a comment. */
  "approval.decided": { label: string; subject: string; by: string; approved: boolean; comment: string };
  /** A case the person handles is due within three days. */
  "case.deadline-approaching": { mark: string; title: string; due: string };
  /** A case the person handles is past its due date. */
  "case.deadline-missed": { mark: string; title: string; due: string };
  /** A letter delivered to a citizen's ESP account was not collected within 14 days. */
  "esp.delivery-expired": { label: string; subject: string; recipient: string; sent: string };
  /** The addressee confirmed receipt of a letter in the ESP (the UPD is attached to the letter). */
  "esp.delivery-confirmed": { label: string; subject: string; recipient: string; confirmed: string };
  /** Polecenia: a task was given to the person; a comment, question or progress report; done (to the giver); confirmed, returned or cancelled (to the assignee); deadline today/tomorrow; overdue (to the assignee and to the giver). */
  "task.assigned": TaskParams;
  "task.commented": TaskParams;
  "task.done": TaskParams;
  "task.confirmed": TaskParams;
  "task.returned": TaskParams;
  "task.cancelled": TaskParams;
  "task.due-soon": TaskParams;
  "task.overdue": TaskParams;
  "task.overdue-given": TaskParams;
  /** Komunikator: messages unread for a few minutes (one notice per batch; never copied to substitutes). */
  "chat.unread": { from: string; count: number; conversation: string };
}

/** A task's number, title, the person who acted (or the assignee, in reminders), its deadline and the comment. */
export type TaskParams = { number: string; title: string; by: string; due: string; comment: string };

export type NotificationType = keyof NotificationParams;

export const NOTIFICATION_TYPES = ["letter.assigned", "approval.requested", "approval.decided", "case.deadline-approaching", "case.deadline-missed", "esp.delivery-expired", "esp.delivery-confirmed", "task.assigned", "task.commented", "task.done", "task.confirmed", "task.returned", "task.cancelled", "task.due-soon", "task.overdue", "task.overdue-given", "chat.unread"] as const satisfies readonly NotificationType[];

const _everyTypeListed: [Exclude<NotificationType, (typeof NOTIFICATION_TYPES)[number]>] extends [never] ? true : never = true;
void _everyTypeListed;

export const DEFAULT_DELIVERY: Record<NotificationType, Delivery> = {
  "letter.assigned": "EMAIL",
  "approval.requested": "EMAIL",
  "approval.decided": "IN_APP",
  "case.deadline-approaching": "DIGEST",
  "case.deadline-missed": "EMAIL",
  "esp.delivery-expired": "EMAIL",
  "esp.delivery-confirmed": "IN_APP",
  "task.assigned": "EMAIL",
  "task.commented": "EMAIL",
  "task.done": "EMAIL",
  "task.confirmed": "IN_APP",
  "task.returned": "EMAIL",
  "task.cancelled": "IN_APP",
  "task.due-soon": "EMAIL",
  "task.overdue": "EMAIL",
  "task.overdue-given": "EMAIL",
  "chat.unread": "EMAIL",
};

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/** The title and one-line body of a notification in the reader's language. */
export function notificationText(t: Translate, type: NotificationType, params: Record<string, unknown>, onBehalfOf?: string | null): { title: string; body: string } {
  const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" ? v : String(v ?? "")])) as Record<string, string | number>;
  const key = (part: string) => `notifications.types.${type}.${part}` as MessageKey;
  let title: string;
  let body: string;
  switch (type) {
    case "letter.assigned":
      title = t(key(params.role === "INFO" ? "titleInfo" : "title"), p);
      body = t(key("body"), p);
      break;
    case "approval.decided":
      title = t(key(params.approved ? "titleApproved" : "titleReturned"), p);
      body = t(key(params.approved ? "bodyApproved" : "bodyReturned"), p);
      break;
    default:
      title = t(key("title"), p);
      body = t(key("body"), p);
  }
  if (onBehalfOf) body = `${body} ${t("notifications.onBehalfOf", { name: onBehalfOf })}`;
  return { title, body };
}
