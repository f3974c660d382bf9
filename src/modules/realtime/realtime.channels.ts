/**
 * The channels of the live layer and who may join them. Payloads on every channel are only
 * "something changed" signals (a topic and an id): the browser then refetches through the normal
 * authorized queries, so a signal never carries data its receiver could not read anyway.
 *
 * - private-user-<id>: one person's inbox, notifications and open tabs (joined by the person and
 *   by whoever substitutes them today);
 * - private-department-<id>: a department's non-confidential letters and cases (members, heads);
 * - private-registry: the kancelaria's RPW and the management's view of everything;
 * - presence-office: who is online (every signed-in staff member);
 * - private-chat-<conversationId>: a Komunikator conversation (its current members only; checked
 *   against the membership by the channel authorization, not by the work scope).
 */
import type { WorkScope } from "@/modules/documents/documents.policy";

export const CHANNEL = {
  user: (id: string) => `private-user-${id}`,
  department: (id: string) => `private-department-${id}`,
  registry: "private-registry",
  office: "presence-office",
  chat: (conversationId: string) => `private-chat-${conversationId}`,
} as const;

/** The conversation id of a private-chat-<id> channel, or null for other channels. */
export function chatChannelConversation(channel: string): string | null {
  const m = /^private-chat-([a-z0-9]{8,40})$/.exec(channel);
  return m ? m[1]! : null;
}

/** What the live layer signals: a list or a counter in the browser listens to its topic. */
export const TOPICS = ["documents", "cases", "notifications", "chat", "tasks"] as const;
export type Topic = (typeof TOPICS)[number];

export interface ChangedSignal {
  topics: Topic[];
  id?: string;
}

/** The channels the actor's browser subscribes to (all of which `mayJoin` allows). */
export function channelsFor(scope: WorkScope): string[] {
  return [
    ...scope.userIds.map(CHANNEL.user),
    ...scope.departmentIds.map(CHANNEL.department),
    ...(scope.registry || scope.all ? [CHANNEL.registry] : []),
    CHANNEL.office,
  ];
}

export function mayJoin(scope: WorkScope, channel: string): boolean {
  return channelsFor(scope).includes(channel);
}
