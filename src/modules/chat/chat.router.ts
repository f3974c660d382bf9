import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  ZConversationDetail,
  ZConversationId,
  ZConversationList,
  ZCreateGroupInput,
  ZEditMessageInput,
  ZListConversationsInput,
  ZListMessagesInput,
  ZMarkReadInput,
  ZMembersInput,
  ZMessageDto,
  ZMessageId,
  ZMessagePage,
  ZOpenDirectInput,
  ZRemoveMemberInput,
  ZRenameInput,
  ZSearchHit,
  ZSearchMessagesInput,
  ZSendMessageInput,
  ZPersonRef,
  ZSubjectRef,
} from "./chat.schemas";
import {
  addMembers,
  createGroupConversation,
  deleteMessage,
  editMessage,
  getConversation,
  listConversations,
  listMessages,
  markDelivered,
  markRead,
  openDirectConversation,
  removeMember,
  renameConversation,
  searchMessages,
  sendMessage,
  signalTyping,
  suggestSubjectPeople,
  unreadTotal,
} from "./chat.service";

const ZCreated = z.object({ id: z.string() });

/** Every signed-in staff member chats; each procedure checks the caller's membership of the conversation. */
export const chatRouter = createTRPCRouter({
  list: protectedProcedure.input(ZListConversationsInput).output(ZConversationList).query(({ ctx, input }) => listConversations(ctx, input)),
  get: protectedProcedure.input(ZConversationId).output(ZConversationDetail).query(({ ctx, input }) => getConversation(ctx, input.conversationId)),
  unread: protectedProcedure.output(z.number()).query(({ ctx }) => unreadTotal(ctx)),
  messages: protectedProcedure.input(ZListMessagesInput).output(ZMessagePage).query(({ ctx, input }) => listMessages(ctx, input)),
  search: protectedProcedure.input(ZSearchMessagesInput).output(z.array(ZSearchHit)).query(({ ctx, input }) => searchMessages(ctx, input)),
  openDirect: protectedProcedure.input(ZOpenDirectInput).output(ZCreated).mutation(({ ctx, input }) => openDirectConversation(ctx, input.userId)),
  createGroup: protectedProcedure.input(ZCreateGroupInput).output(ZCreated).mutation(({ ctx, input }) => createGroupConversation(ctx, input)),
  rename: protectedProcedure.input(ZRenameInput).output(z.void()).mutation(({ ctx, input }) => renameConversation(ctx, input)),
  addMembers: protectedProcedure.input(ZMembersInput).output(z.void()).mutation(({ ctx, input }) => addMembers(ctx, input)),
  removeMember: protectedProcedure.input(ZRemoveMemberInput).output(z.void()).mutation(({ ctx, input }) => removeMember(ctx, input)),
  send: protectedProcedure.input(ZSendMessageInput).output(ZMessageDto).mutation(({ ctx, input }) => sendMessage(ctx, input)),
  edit: protectedProcedure.input(ZEditMessageInput).output(ZMessageDto).mutation(({ ctx, input }) => editMessage(ctx, input)),
  delete: protectedProcedure.input(ZMessageId).output(z.void()).mutation(({ ctx, input }) => deleteMessage(ctx, input.messageId)),
  markRead: protectedProcedure.input(ZMarkReadInput).output(z.object({ readSeq: z.string() })).mutation(({ ctx, input }) => markRead(ctx, input)),
  markDelivered: protectedProcedure.output(z.object({ conversations: z.number() })).mutation(({ ctx }) => markDelivered(ctx)),
  /** "Zapytaj o to pismo / tę sprawę": the people to preselect (the caller must see the record). */
  askPeople: protectedProcedure.input(ZSubjectRef).output(z.array(ZPersonRef)).query(({ ctx, input }) => suggestSubjectPeople(ctx, input)),
  typing: protectedProcedure.input(ZConversationId).output(z.void()).mutation(({ ctx, input }) => signalTyping(ctx, input.conversationId)),
});
