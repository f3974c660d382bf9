/** Channel authorization and the browser's subscription list (framework-free). */
import { loadWorkScope } from "@/modules/documents/documents.policy";
import type { Actor } from "@/server/context";
import type { Db } from "@/server/db";
import { browserRealtimeConfig, signChannel, type BrowserRealtimeConfig } from "@/server/integrations/realtime";
import { mayJoinConversationChannel } from "@/modules/chat/chat.service";
import { CHANNEL, channelsFor, chatChannelConversation, mayJoin } from "./realtime.channels";

const SOCKET_ID = /^\d{1,20}\.\d{1,20}$/;

export type ChannelAuthResult = { ok: true; auth: { auth: string; channel_data?: string } } | { ok: false; status: 400 | 403; error: string };

export async function authorizeChannel(db: Db, actor: Actor, socketId: string, channel: string, now = new Date()): Promise<ChannelAuthResult> {
  if (!SOCKET_ID.test(socketId) || !/^(private|presence)-[A-Za-z0-9_\-=@,.;]{1,160}$/.test(channel)) {
    return { ok: false, status: 400, error: "Nieprawidłowe żądanie subskrypcji kanału." };
  }
  const conversationId = chatChannelConversation(channel);
  if (conversationId) {
    // A conversation's channel: its current members only.
    if (!(await mayJoinConversationChannel(db, actor.id, conversationId))) return { ok: false, status: 403, error: "Nie masz dostępu do tego kanału." };
    return { ok: true, auth: signChannel(socketId, channel) };
  }
  const scope = await loadWorkScope(db, actor, now);
  if (!mayJoin(scope, channel)) return { ok: false, status: 403, error: "Nie masz dostępu do tego kanału." };
  if (channel === CHANNEL.office) {
    const presence = { user_id: actor.id, user_info: { name: `${actor.firstName} ${actor.lastName}`, position: actor.positionName ?? "" } };
    return { ok: true, auth: signChannel(socketId, channel, presence) };
  }
  return { ok: true, auth: signChannel(socketId, channel) };
}

export interface RealtimeSetup {
  config: BrowserRealtimeConfig | null;
  channels: string[];
  userChannel: string;
}

export async function realtimeSetup(db: Db, actor: Actor, now = new Date()): Promise<RealtimeSetup> {
  const scope = await loadWorkScope(db, actor, now);
  return { config: browserRealtimeConfig(), channels: channelsFor(scope), userChannel: CHANNEL.user(actor.id) };
}
