/**
 * Who may do what in the Komunikator. A conversation exists for its current members only: anyone
 * else gets NOT_FOUND (by URL, API and channel), so its existence does not leak.
 */
import "server-only";
import type { Db, Tx } from "@/server/db";
import { notFound } from "@/server/errors";

export const CONVERSATION_NOT_FOUND = "Nie znaleziono takiej rozmowy albo nie jesteś jej uczestnikiem.";

export interface Membership {
  conversationId: string;
  userId: string;
  isOwner: boolean;
  readSeq: bigint;
  deliveredSeq: bigint;
  kind: "DIRECT" | "GROUP" | "DEPARTMENT";
}

/** The actor's active membership, or null. */
export async function findMembership(db: Db | Tx, conversationId: string, userId: string): Promise<Membership | null> {
  const m = await db.conversationMember.findUnique({
    where: { conversationId_userId: { conversationId, userId } },
    select: { conversationId: true, userId: true, isOwner: true, readSeq: true, deliveredSeq: true, leftAt: true, conversation: { select: { kind: true } } },
  });
  if (!m || m.leftAt) return null;
  return { conversationId: m.conversationId, userId: m.userId, isOwner: m.isOwner, readSeq: m.readSeq, deliveredSeq: m.deliveredSeq, kind: m.conversation.kind };
}

export async function requireMembership(db: Db | Tx, conversationId: string, userId: string): Promise<Membership> {
  const m = await findMembership(db, conversationId, userId);
  if (!m) throw notFound(CONVERSATION_NOT_FOUND);
  return m;
}

/** Renaming and changing members: the owner of a group conversation. */
export function mayManage(m: Membership): boolean {
  return m.kind === "GROUP" && m.isOwner;
}

/** Own messages are edited and deleted within the window, and never once deleted. */
export function mayEditMessage(message: { authorId: string; createdAt: Date; deletedAt: Date | null }, actorId: string, windowMinutes: number, now: Date): boolean {
  return message.authorId === actorId && !message.deletedAt && now.getTime() - message.createdAt.getTime() <= windowMinutes * 60_000;
}
