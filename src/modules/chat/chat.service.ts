/**
 * Komunikator: one-to-one, group and department conversations between staff, with delivered/read
 * marks, unread counts, record links that each reader sees only as far as they may open the
 * record, edits and deletions of one's own messages within a short window (the old text goes to
 * the audit trail), and search in one's own conversations. Framework-free.
 *
 * Live updates: every change enqueues a "chat" signal (topic + conversation id) to the
 * conversation's channel and to the members' own channels; browsers refetch through these
 * authorized queries. Typing is a short-lived event published directly (nothing is stored).
 */
import "server-only";
import { Prisma } from "@prisma/client";
import { env } from "@/env";
import { foldText } from "@/lib/polish";
import { caseVisibleWhere, documentVisibleWhere, loadWorkScope } from "@/modules/documents/documents.policy";
import { documentHref, documentLabel } from "@/modules/documents/document-label";
import { notify } from "@/modules/notifications/notifications.service";
import { CHANNEL } from "@/modules/realtime/realtime.channels";
import { realtimeSignalJob } from "@/modules/realtime/realtime.jobs";
import { recordAudit } from "@/server/audit/audit";
import { actorName, type Actor, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, badRequest, forbidden, isUniqueViolation, notFound } from "@/server/errors";
import { publishRealtime } from "@/server/integrations/realtime";
import { enqueue } from "@/server/jobs/outbox";
import { chatAttachmentUrl, pendingUploadCutoff } from "./chat.attachments";
import { directKey, extractRecordLinks, messagePreview, type RecordLink } from "./chat.links";
import { findMembership, mayEditMessage, mayManage, requireMembership } from "./chat.policy";
import {
  CONVERSATIONS_PAGE_SIZE,
  EDIT_WINDOW_MINUTES,
  ZCreateGroupInput,
  ZEditMessageInput,
  ZListConversationsInput,
  ZListMessagesInput,
  ZMarkReadInput,
  ZMembersInput,
  ZRemoveMemberInput,
  ZRenameInput,
  ZSearchMessagesInput,
  ZSendMessageInput,
  ZSubjectRef,
  type ConversationDetail,
  type ConversationList,
  type ConversationSummary,
  type LinkCard,
  type MessageDto,
  type MessagePage,
  type PersonRef,
  type SearchHit,
} from "./chat.schemas";

const personSelect = {
  id: true,
  firstName: true,
  lastName: true,
  position: { select: { name: true } },
  department: { select: { name: true, location: { select: { name: true } } } },
  location: { select: { name: true } },
} as const satisfies Prisma.UserSelect;

type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;

const toPerson = (u: PersonRow): PersonRef => ({
  id: u.id,
  name: `${u.firstName} ${u.lastName}`,
  position: u.position?.name ?? null,
  department: u.department?.name ?? null,
  // The person's own office, else their department's (headquarters or a branch office).
  location: u.location?.name ?? u.department?.location?.name ?? null,
});

/** Signals the conversation's open windows and the members' other tabs (unread badges) after commit. */
async function signalConversation(tx: Tx, conversationId: string, memberIds: string[]): Promise<void> {
  await enqueue(tx, realtimeSignalJob, { channels: [CHANNEL.chat(conversationId), ...new Set(memberIds.map(CHANNEL.user))], topics: ["chat"], id: conversationId });
}

async function activeMemberIds(db: Db | Tx, conversationId: string): Promise<string[]> {
  return (await db.conversationMember.findMany({ where: { conversationId, leftAt: null }, select: { userId: true } })).map((m) => m.userId);
}

// — department rooms —

/**
 * The department's room follows its staff list: active people of the department are members, people
 * who left the department (or the office) are not. Created on first use.
 */
export async function syncDepartmentRoom(db: Db, departmentId: string, createdById: string): Promise<string> {
  const department = await db.department.findUnique({ where: { id: departmentId }, select: { name: true, conversation: { select: { id: true } } } });
  if (!department) throw notFound();
  let conversationId = department.conversation?.id;
  if (!conversationId) {
    try {
      conversationId = (await db.conversation.create({ data: { kind: "DEPARTMENT", departmentId, title: department.name, createdById }, select: { id: true } })).id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      conversationId = (await db.conversation.findUniqueOrThrow({ where: { departmentId }, select: { id: true } })).id;
    }
  }
  const id = conversationId;
  const [staff, members] = await Promise.all([
    db.user.findMany({ where: { departmentId, active: true }, select: { id: true } }),
    db.conversationMember.findMany({ where: { conversationId: id }, select: { userId: true, leftAt: true } }),
  ]);
  const staffIds = new Set(staff.map((u) => u.id));
  const current = new Map(members.map((m) => [m.userId, m.leftAt]));
  const join = [...staffIds].filter((u) => !current.has(u));
  const rejoin = [...staffIds].filter((u) => current.has(u) && current.get(u) !== null);
  const leave = members.filter((m) => m.leftAt === null && !staffIds.has(m.userId)).map((m) => m.userId);
  if (join.length || rejoin.length || leave.length) {
    await db.$transaction(async (tx) => {
      if (join.length) await tx.conversationMember.createMany({ data: join.map((userId) => ({ conversationId: id, userId })), skipDuplicates: true });
      if (rejoin.length) await tx.conversationMember.updateMany({ where: { conversationId: id, userId: { in: rejoin } }, data: { leftAt: null } });
      if (leave.length) await tx.conversationMember.updateMany({ where: { conversationId: id, userId: { in: leave } }, data: { leftAt: new Date() } });
      await signalConversation(tx, id, [...join, ...rejoin, ...leave]);
    });
  }
  return id;
}

/** Brings the actor's department room up to date (and leaves rooms of departments they left). */
async function syncOwnRooms(ctx: ServiceContext): Promise<void> {
  const stale = await ctx.db.conversationMember.findMany({
    where: { userId: ctx.actor.id, leftAt: null, conversation: { kind: "DEPARTMENT", departmentId: ctx.actor.departmentId ? { not: ctx.actor.departmentId } : undefined } },
    select: { conversation: { select: { departmentId: true } } },
  });
  for (const s of stale) if (s.conversation.departmentId) await syncDepartmentRoom(ctx.db, s.conversation.departmentId, ctx.actor.id);
  if (ctx.actor.departmentId) await syncDepartmentRoom(ctx.db, ctx.actor.departmentId, ctx.actor.id);
}

// — starting conversations —

/** The one conversation between the actor and another active person (created on first use). */
export async function openDirectConversation(ctx: ServiceContext, userId: string): Promise<{ id: string }> {
  if (userId === ctx.actor.id) throw badRequest("Nie można rozpocząć rozmowy z samym sobą.");
  const other = await ctx.db.user.findFirst({ where: { id: userId, active: true }, select: { id: true } });
  if (!other) throw notFound("Nie znaleziono takiej osoby wśród pracowników urzędu.");
  const key = directKey(ctx.actor.id, userId);
  const existing = await ctx.db.conversation.findUnique({ where: { directKey: key }, select: { id: true } });
  if (existing) return existing;
  try {
    return await ctx.db.conversation.create({
      data: { kind: "DIRECT", directKey: key, createdById: ctx.actor.id, members: { create: [{ userId: ctx.actor.id }, { userId }] } },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return ctx.db.conversation.findUniqueOrThrow({ where: { directKey: key }, select: { id: true } });
  }
}

async function assertSubjectVisible(ctx: ServiceContext, subject: { type: "document" | "case"; id: string }): Promise<void> {
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const found =
    subject.type === "document"
      ? await ctx.db.document.findFirst({ where: { AND: [{ id: subject.id }, documentVisibleWhere(scope)] }, select: { id: true } })
      : await ctx.db.case.findFirst({ where: { AND: [{ id: subject.id }, caseVisibleWhere(scope)] }, select: { id: true } });
  if (!found) throw notFound();
}

async function recordVisibleTo(db: Db, actor: Actor, subject: { type: "document" | "case"; id: string }): Promise<boolean> {
  const scope = await loadWorkScope(db, actor);
  const found =
    subject.type === "document"
      ? await db.document.findFirst({ where: { AND: [{ id: subject.id }, documentVisibleWhere(scope)] }, select: { id: true } })
      : await db.case.findFirst({ where: { AND: [{ id: subject.id }, caseVisibleWhere(scope)] }, select: { id: true } });
  return found !== null;
}

/**
 * "Zapytaj o to pismo / tę sprawę": the people responsible for the record, to preselect — the
 * assigned clerk or case handler, the author of an outgoing or internal letter, the head of the
 * department — only active ones who may open the record themselves, never the actor. The actor
 * must see the record (NOT_FOUND otherwise).
 */
export async function suggestSubjectPeople(ctx: ServiceContext, raw: unknown): Promise<PersonRef[]> {
  const subject = ZSubjectRef.parse(raw);
  await assertSubjectVisible(ctx, subject);
  let candidates: (string | null | undefined)[];
  if (subject.type === "case") {
    const c = await ctx.db.case.findUniqueOrThrow({ where: { id: subject.id }, select: { responsibleId: true, createdById: true, department: { select: { headId: true } } } });
    candidates = [c.responsibleId, c.department.headId, c.createdById];
  } else {
    const d = await ctx.db.document.findUniqueOrThrow({
      where: { id: subject.id },
      select: { kind: true, assigneeId: true, createdById: true, case: { select: { responsibleId: true } }, department: { select: { headId: true } } },
    });
    // An incoming letter's creator is the kancelaria that registered it, not someone responsible for it.
    candidates = [d.assigneeId, d.case?.responsibleId, d.kind === "INCOMING" ? null : d.createdById, d.department?.headId];
  }
  const ids = [...new Set(candidates.filter((id): id is string => Boolean(id) && id !== ctx.actor.id))];
  if (!ids.length) return [];
  const users = await ctx.db.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { ...personSelect, email: true, roles: true, departmentId: true, locale: true },
  });
  const out: PersonRef[] = [];
  for (const id of ids) {
    const u = users.find((x) => x.id === id);
    if (!u) continue;
    const actor: Actor = { id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, roles: u.roles as Actor["roles"], departmentId: u.departmentId, positionName: u.position?.name ?? null, locale: u.locale };
    if (await recordVisibleTo(ctx.db, actor, subject)) out.push(toPerson(u));
  }
  return out;
}

async function activeUsers(db: Db | Tx, ids: string[]): Promise<string[]> {
  const found = await db.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } });
  if (found.length !== new Set(ids).size) throw badRequest("Nie można dodać do rozmowy osoby spoza urzędu ani nieaktywnej.", { memberIds: "Wybierz aktywnych pracowników." });
  return found.map((u) => u.id);
}

/** An ad hoc group; the creator owns it. `subject`: the letter or case it is about (the creator must see it). */
export async function createGroupConversation(ctx: ServiceContext, raw: unknown): Promise<{ id: string }> {
  const input = ZCreateGroupInput.parse(raw);
  if (input.subject) await assertSubjectVisible(ctx, input.subject);
  const others = (await activeUsers(ctx.db, input.memberIds.filter((id) => id !== ctx.actor.id))).filter((id) => id !== ctx.actor.id);
  if (!others.length) throw badRequest("Wybierz co najmniej jedną osobę poza sobą.", { memberIds: "Wybierz co najmniej jedną osobę poza sobą." });
  return ctx.db.$transaction(async (tx) => {
    const conversation = await tx.conversation.create({
      data: {
        kind: "GROUP",
        title: input.title,
        createdById: ctx.actor.id,
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
        members: { create: [{ userId: ctx.actor.id, isOwner: true }, ...others.map((userId) => ({ userId }))] },
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "chat.group-created", entityType: "chat-conversation", entityId: conversation.id, data: { title: input.title, memberIds: others } });
    await signalConversation(tx, conversation.id, [ctx.actor.id, ...others]);
    return conversation;
  });
}

// — managing a group —

export async function renameConversation(ctx: ServiceContext, raw: unknown): Promise<void> {
  const input = ZRenameInput.parse(raw);
  const m = await requireMembership(ctx.db, input.conversationId, ctx.actor.id);
  if (!mayManage(m)) throw forbidden("Nazwę rozmowy zmienia jej założyciel.");
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { title: true } });
    await tx.conversation.update({ where: { id: input.conversationId }, data: { title: input.title } });
    await recordAudit(tx, ctx, { action: "chat.group-renamed", entityType: "chat-conversation", entityId: input.conversationId, data: { from: before.title ?? "", to: input.title } });
    await signalConversation(tx, input.conversationId, await activeMemberIds(tx, input.conversationId));
  });
}

export async function addMembers(ctx: ServiceContext, raw: unknown): Promise<void> {
  const input = ZMembersInput.parse(raw);
  const m = await requireMembership(ctx.db, input.conversationId, ctx.actor.id);
  if (!mayManage(m)) throw forbidden("Osoby do rozmowy dodaje jej założyciel.");
  const ids = await activeUsers(ctx.db, input.userIds);
  await ctx.db.$transaction(async (tx) => {
    const existing = new Map((await tx.conversationMember.findMany({ where: { conversationId: input.conversationId, userId: { in: ids } }, select: { userId: true, leftAt: true } })).map((r) => [r.userId, r.leftAt]));
    const added = ids.filter((id) => !existing.has(id) || existing.get(id) !== null);
    if (!added.length) return;
    await tx.conversationMember.createMany({ data: added.filter((id) => !existing.has(id)).map((userId) => ({ conversationId: input.conversationId, userId })) });
    await tx.conversationMember.updateMany({ where: { conversationId: input.conversationId, userId: { in: added.filter((id) => existing.has(id)) } }, data: { leftAt: null, joinedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "chat.members-added", entityType: "chat-conversation", entityId: input.conversationId, data: { userIds: added } });
    await signalConversation(tx, input.conversationId, await activeMemberIds(tx, input.conversationId));
  });
}

/** The owner removes someone, or anyone leaves a group themselves. Direct and department conversations cannot be left. */
export async function removeMember(ctx: ServiceContext, raw: unknown): Promise<void> {
  const input = ZRemoveMemberInput.parse(raw);
  const m = await requireMembership(ctx.db, input.conversationId, ctx.actor.id);
  const self = input.userId === ctx.actor.id;
  if (m.kind !== "GROUP") throw badRequest("Z tej rozmowy nie można nikogo usunąć.");
  if (!self && !mayManage(m)) throw forbidden("Osoby z rozmowy usuwa jej założyciel.");
  await ctx.db.$transaction(async (tx) => {
    const before = await activeMemberIds(tx, input.conversationId);
    const { count } = await tx.conversationMember.updateMany({ where: { conversationId: input.conversationId, userId: input.userId, leftAt: null }, data: { leftAt: new Date(), isOwner: false } });
    if (!count) throw notFound("Tej osoby nie ma w rozmowie.");
    // A group whose owner left is managed by the longest-standing member.
    if (m.isOwner && self) {
      const next = await tx.conversationMember.findFirst({ where: { conversationId: input.conversationId, leftAt: null }, orderBy: { joinedAt: "asc" }, select: { userId: true } });
      if (next) await tx.conversationMember.update({ where: { conversationId_userId: { conversationId: input.conversationId, userId: next.userId } }, data: { isOwner: true } });
    }
    await recordAudit(tx, ctx, { action: "chat.member-removed", entityType: "chat-conversation", entityId: input.conversationId, data: { userId: input.userId, self } });
    await signalConversation(tx, input.conversationId, before);
  });
}

// — messages —

const messageSelect = {
  id: true,
  seq: true,
  authorId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { firstName: true, lastName: true } },
  attachments: { select: { id: true, fileName: true, mimeType: true, size: true }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.ChatMessageSelect;

type MessageRow = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>;

/** Sends a message (a retried send with the same clientId returns the stored one). */
export async function sendMessage(ctx: ServiceContext, raw: unknown): Promise<MessageDto> {
  const input = ZSendMessageInput.parse(raw);
  await requireMembership(ctx.db, input.conversationId, ctx.actor.id);
  const again = await ctx.db.chatMessage.findUnique({ where: { authorId_clientId: { authorId: ctx.actor.id, clientId: input.clientId } }, select: { id: true } });
  if (again) return getMessage(ctx, again.id);
  const conversation = await ctx.db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { kind: true, departmentId: true } });
  if (conversation.kind === "DEPARTMENT" && conversation.departmentId) await syncDepartmentRoom(ctx.db, conversation.departmentId, ctx.actor.id);
  let id: string;
  try {
    id = await ctx.db.$transaction(async (tx) => {
      const message = await tx.chatMessage.create({
        data: { conversationId: input.conversationId, authorId: ctx.actor.id, clientId: input.clientId, body: input.body, searchText: foldText(input.body) },
        select: { id: true, seq: true, createdAt: true },
      });
      if (input.attachmentIds.length) {
        // Only one's own uploads, not yet sent, uploaded recently; anything else fails the whole message.
        const { count } = await tx.chatAttachment.updateMany({
          where: { id: { in: input.attachmentIds }, uploadedById: ctx.actor.id, messageId: null, createdAt: { gte: pendingUploadCutoff(message.createdAt) } },
          data: { messageId: message.id },
        });
        if (count !== new Set(input.attachmentIds).size) throw badRequest("Któryś z plików nie jest już dostępny. Dołącz go ponownie.", { attachments: "Dołącz plik ponownie." });
      }
      await tx.$executeRaw`UPDATE "Conversation" SET "lastSeq" = GREATEST("lastSeq", ${message.seq}), "lastMessageAt" = GREATEST(COALESCE("lastMessageAt", ${message.createdAt}), ${message.createdAt}) WHERE "id" = ${input.conversationId}`;
      await tx.$executeRaw`UPDATE "ConversationMember" SET "readSeq" = GREATEST("readSeq", ${message.seq}), "deliveredSeq" = GREATEST("deliveredSeq", ${message.seq}) WHERE "conversationId" = ${input.conversationId} AND "userId" = ${ctx.actor.id}`;
      await signalConversation(tx, input.conversationId, await activeMemberIds(tx, input.conversationId));
      return message.id;
    });
  } catch (error) {
    // The same message sent twice at the same moment: the other request stored it.
    if (!isUniqueViolation(error)) throw error;
    id = (await ctx.db.chatMessage.findUniqueOrThrow({ where: { authorId_clientId: { authorId: ctx.actor.id, clientId: input.clientId } }, select: { id: true } })).id;
  }
  return getMessage(ctx, id);
}

async function getMessage(ctx: ServiceContext, id: string): Promise<MessageDto> {
  const row = await ctx.db.chatMessage.findUniqueOrThrow({ where: { id }, select: { ...messageSelect, conversationId: true } });
  const m = await requireMembership(ctx.db, row.conversationId, ctx.actor.id);
  const [dto] = await toMessageDtos(ctx, row.conversationId, m.kind, [row]);
  return dto!;
}

async function ownMessage(ctx: ServiceContext, messageId: string, now: Date) {
  const message = await ctx.db.chatMessage.findUnique({ where: { id: messageId }, select: { id: true, conversationId: true, authorId: true, body: true, createdAt: true, deletedAt: true } });
  if (!message || !(await findMembership(ctx.db, message.conversationId, ctx.actor.id))) throw notFound("Nie znaleziono takiej wiadomości.");
  if (message.authorId !== ctx.actor.id) throw forbidden("Można poprawiać i usuwać tylko własne wiadomości.");
  if (!mayEditMessage(message, ctx.actor.id, EDIT_WINDOW_MINUTES, now)) {
    throw new AppError("CONFLICT", message.deletedAt ? "Ta wiadomość została już usunięta." : `Wiadomość można poprawić lub usunąć tylko w ciągu ${EDIT_WINDOW_MINUTES} minut od wysłania.`);
  }
  return message;
}

export async function editMessage(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<MessageDto> {
  const input = ZEditMessageInput.parse(raw);
  const message = await ownMessage(ctx, input.messageId, now);
  if (message.body !== input.body) {
    await ctx.db.$transaction(async (tx) => {
      await tx.chatMessage.update({ where: { id: message.id }, data: { body: input.body, searchText: foldText(input.body), editedAt: now } });
      await recordAudit(tx, ctx, { action: "chat.message-edited", entityType: "chat-message", entityId: message.id, data: { conversationId: message.conversationId, before: message.body, after: input.body } });
      await signalConversation(tx, message.conversationId, await activeMemberIds(tx, message.conversationId));
    });
  }
  return getMessage(ctx, message.id);
}

/** Deletes the text (and attachments) of an own message; readers see "wiadomość usunięta"; the text stays in the audit trail. */
export async function deleteMessage(ctx: ServiceContext, messageId: string, now = new Date()): Promise<void> {
  const message = await ownMessage(ctx, messageId, now);
  await ctx.db.$transaction(async (tx) => {
    await tx.chatMessage.update({ where: { id: message.id }, data: { body: "", searchText: "", deletedAt: now } });
    await tx.chatAttachment.deleteMany({ where: { messageId: message.id } });
    await recordAudit(tx, ctx, { action: "chat.message-deleted", entityType: "chat-message", entityId: message.id, data: { conversationId: message.conversationId, before: message.body } });
    await signalConversation(tx, message.conversationId, await activeMemberIds(tx, message.conversationId));
  });
}

/**
 * A page of messages, newest first: the newest ones, `before` for older pages (infinite scroll
 * upwards), `around` for a search hit (the message, older ones and about half a page of newer ones)
 * and `after` for newer pages from there (scrolling down).
 */
export async function listMessages(ctx: ServiceContext, raw: unknown): Promise<MessagePage> {
  const input = ZListMessagesInput.parse(raw);
  const m = await requireMembership(ctx.db, input.conversationId, ctx.actor.id);
  const conversationId = input.conversationId;
  /** Up to `take` messages below (desc) or above (asc) `seq`, and whether there are more. */
  const slice = async (seq: { lt: bigint } | { lte: bigint } | { gt: bigint } | undefined, take: number): Promise<[MessageRow[], boolean]> => {
    const rows = await ctx.db.chatMessage.findMany({
      where: { conversationId, ...(seq ? { seq } : {}) },
      orderBy: { seq: seq && "gt" in seq ? "asc" : "desc" },
      take: take + 1,
      select: messageSelect,
    });
    return [rows.slice(0, take), rows.length > take];
  };
  let older: MessageRow[] = [];
  let newer: MessageRow[] = [];
  let moreOlder = false;
  let moreNewer = false;
  if (input.after) {
    [newer, moreNewer] = await slice({ gt: BigInt(input.after) }, input.limit);
    // Older messages than this page are the ones the reader came from.
    moreOlder = newer.length > 0;
  } else if (input.around) {
    // Up to half a page of newer messages; older ones fill the rest (a full page near the end too).
    const [[before, moreBefore], after] = await Promise.all([slice({ lte: BigInt(input.around) }, input.limit), slice({ gt: BigInt(input.around) }, Math.floor(input.limit / 2))]);
    [newer, moreNewer] = after;
    older = before.slice(0, input.limit - newer.length);
    moreOlder = moreBefore || before.length > older.length;
  } else {
    [older, moreOlder] = await slice(input.before ? { lt: BigInt(input.before) } : undefined, input.limit);
    moreNewer = Boolean(input.before) && older.length > 0;
  }
  const page = [...newer.reverse(), ...older];
  return {
    messages: await toMessageDtos(ctx, conversationId, m.kind, page),
    olderCursor: moreOlder ? page[page.length - 1]!.seq.toString() : null,
    newerCursor: moreNewer ? page[0]!.seq.toString() : null,
  };
}

async function toMessageDtos(ctx: ServiceContext, conversationId: string, kind: "DIRECT" | "GROUP" | "DEPARTMENT", rows: MessageRow[], now = new Date()): Promise<MessageDto[]> {
  const others = await ctx.db.conversationMember.findMany({ where: { conversationId, leftAt: null, userId: { not: ctx.actor.id } }, select: { readSeq: true, deliveredSeq: true } });
  const cards = await linkCards(ctx, rows.flatMap((r) => (r.deletedAt ? [] : extractRecordLinks(r.body, env.APP_URL))));
  return rows.map((r) => {
    const mine = r.authorId === ctx.actor.id;
    const readers = others.filter((o) => o.readSeq >= r.seq).length;
    const delivered = others.every((o) => o.deliveredSeq >= r.seq);
    return {
      id: r.id,
      seq: r.seq.toString(),
      author: { id: r.authorId, name: `${r.author.firstName} ${r.author.lastName}` },
      mine,
      body: r.deletedAt ? "" : r.body,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      deleted: r.deletedAt !== null,
      editable: mayEditMessage(r, ctx.actor.id, EDIT_WINDOW_MINUTES, now),
      attachments: r.deletedAt ? [] : r.attachments.map((a) => ({ ...a, url: chatAttachmentUrl(a.id) })),
      links: r.deletedAt ? [] : extractRecordLinks(r.body, env.APP_URL).map((l) => cards.get(l.href)!),
      status: !mine || r.deletedAt ? null : others.length > 0 && readers === others.length ? "read" : others.length > 0 && delivered ? "delivered" : "sent",
      readBy: mine && kind !== "DIRECT" && !r.deletedAt ? readers : null,
    };
  });
}

/** Cards for record links: title and number only when this reader may open the record. */
async function linkCards(ctx: ServiceContext, links: RecordLink[]): Promise<Map<string, LinkCard>> {
  const out = new Map<string, LinkCard>();
  if (!links.length) return out;
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const docIds = [...new Set(links.filter((l) => l.type === "document").map((l) => l.id))];
  const caseIds = [...new Set(links.filter((l) => l.type === "case").map((l) => l.id))];
  const [docs, cases] = await Promise.all([
    docIds.length ? ctx.db.document.findMany({ where: { AND: [{ id: { in: docIds } }, documentVisibleWhere(scope)] }, select: { id: true, seq: true, registerNo: true, subject: true, kind: true, caseId: true } }) : [],
    caseIds.length ? ctx.db.case.findMany({ where: { AND: [{ id: { in: caseIds } }, caseVisibleWhere(scope)] }, select: { id: true, mark: true, title: true } }) : [],
  ]);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const caseById = new Map(cases.map((c) => [c.id, c]));
  for (const l of links) {
    const d = l.type === "document" ? docById.get(l.id) : undefined;
    const c = l.type === "case" ? caseById.get(l.id) : undefined;
    out.set(l.href, {
      href: d ? documentHref(d) : l.href,
      type: l.type,
      allowed: Boolean(d ?? c),
      label: d ? documentLabel(d) : (c?.mark ?? null),
      title: d?.subject ?? c?.title ?? null,
    });
  }
  return out;
}

// — receipts —

/** Marks messages up to `seq` as read by the actor (and so delivered). */
export async function markRead(ctx: ServiceContext, raw: unknown): Promise<{ readSeq: string }> {
  const input = ZMarkReadInput.parse(raw);
  await requireMembership(ctx.db, input.conversationId, ctx.actor.id);
  const seq = BigInt(input.seq);
  return ctx.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ readSeq: bigint; changed: boolean }[]>`
      WITH target AS (SELECT LEAST(${seq}, c."lastSeq") AS s FROM "Conversation" c WHERE c."id" = ${input.conversationId}),
           before AS (SELECT "readSeq" FROM "ConversationMember" WHERE "conversationId" = ${input.conversationId} AND "userId" = ${ctx.actor.id})
      UPDATE "ConversationMember" m SET "readSeq" = GREATEST(m."readSeq", t.s), "deliveredSeq" = GREATEST(m."deliveredSeq", t.s)
      FROM target t, before b
      WHERE m."conversationId" = ${input.conversationId} AND m."userId" = ${ctx.actor.id}
      RETURNING m."readSeq", (m."readSeq" <> b."readSeq") AS changed`;
    const row = rows[0];
    if (row?.changed) await signalConversation(tx, input.conversationId, [ctx.actor.id]);
    return { readSeq: (row?.readSeq ?? 0n).toString() };
  });
}

/** The actor's app has received every message so far (called when it loads or gets a signal): senders see "dostarczono". */
export async function markDelivered(ctx: ServiceContext): Promise<{ conversations: number }> {
  return ctx.db.$transaction(async (tx) => {
    const changed = await tx.$queryRaw<{ conversationId: string }[]>`
      UPDATE "ConversationMember" m SET "deliveredSeq" = c."lastSeq"
      FROM "Conversation" c
      WHERE c."id" = m."conversationId" AND m."userId" = ${ctx.actor.id} AND m."leftAt" IS NULL AND m."deliveredSeq" < c."lastSeq"
      RETURNING m."conversationId"`;
    for (const { conversationId } of changed) await enqueue(tx, realtimeSignalJob, { channels: [CHANNEL.chat(conversationId)], topics: ["chat"], id: conversationId });
    return { conversations: changed.length };
  });
}

// — lists —

async function unreadCounts(db: Db, userId: string, conversationIds: string[] | null): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ conversationId: string; n: bigint | number }[]>`
    SELECT m."conversationId", count(*) AS n
    FROM "ConversationMember" cm
    JOIN "ChatMessage" m ON m."conversationId" = cm."conversationId" AND m."seq" > cm."readSeq"
    WHERE cm."userId" = ${userId} AND cm."leftAt" IS NULL AND m."authorId" <> ${userId} AND m."deletedAt" IS NULL
      ${conversationIds ? Prisma.sql`AND cm."conversationId" IN (${Prisma.join(conversationIds.length ? conversationIds : [""])})` : Prisma.empty}
    GROUP BY m."conversationId"`;
  return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
}

/** Unread messages in all the actor's conversations (the navigation badge). */
export async function unreadTotal(ctx: ServiceContext): Promise<number> {
  let total = 0;
  for (const n of (await unreadCounts(ctx.db, ctx.actor.id, null)).values()) total += n;
  return total;
}

const CURSOR = /^(\d{1,19})_([a-z0-9]{1,40})$/;

/** The actor's conversations, the most recently active first (the department room is joined on the way). */
export async function listConversations(ctx: ServiceContext, raw: unknown = {}): Promise<ConversationList> {
  const input = ZListConversationsInput.parse(raw);
  await syncOwnRooms(ctx);
  const cursor = input.cursor ? CURSOR.exec(input.cursor) : null;
  const rows = await ctx.db.conversation.findMany({
    where: {
      members: { some: { userId: ctx.actor.id, leftAt: null } },
      ...(cursor ? { OR: [{ lastSeq: { lt: BigInt(cursor[1]!) } }, { lastSeq: BigInt(cursor[1]!), id: { lt: cursor[2]! } }] } : {}),
    },
    orderBy: [{ lastSeq: "desc" }, { id: "desc" }],
    take: CONVERSATIONS_PAGE_SIZE + 1,
    select: { id: true },
  });
  const page = rows.slice(0, CONVERSATIONS_PAGE_SIZE);
  const items = await summaries(ctx, page.map((r) => r.id));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > CONVERSATIONS_PAGE_SIZE && last ? `${last.lastSeq}_${last.id}` : null };
}

async function summaries(ctx: ServiceContext, ids: string[]): Promise<ConversationSummary[]> {
  if (!ids.length) return [];
  const [rows, unread] = await Promise.all([
    ctx.db.conversation.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        kind: true,
        title: true,
        lastSeq: true,
        members: { where: { leftAt: null }, select: { userId: true, user: { select: personSelect } } },
        messages: { orderBy: { seq: "desc" }, take: 1, select: { body: true, createdAt: true, deletedAt: true, author: { select: { firstName: true, lastName: true } } } },
      },
    }),
    unreadCounts(ctx.db, ctx.actor.id, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    const other = r.kind === "DIRECT" ? r.members.find((m) => m.userId !== ctx.actor.id) : undefined;
    const last = r.messages[0];
    return {
      id: r.id,
      kind: r.kind,
      title: other ? toPerson(other.user).name : (r.title ?? ""),
      other: other ? toPerson(other.user) : null,
      memberCount: r.members.length,
      lastMessage: last ? { authorName: `${last.author.firstName} ${last.author.lastName}`, preview: last.deletedAt ? "" : messagePreview(last.body), createdAt: last.createdAt, deleted: last.deletedAt !== null } : null,
      unread: unread.get(r.id) ?? 0,
      lastSeq: r.lastSeq.toString(),
    };
  });
}

export async function getConversation(ctx: ServiceContext, conversationId: string): Promise<ConversationDetail> {
  const m = await requireMembership(ctx.db, conversationId, ctx.actor.id);
  const [summary] = await summaries(ctx, [conversationId]);
  const row = await ctx.db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { subjectType: true, subjectId: true, members: { where: { leftAt: null }, select: { isOwner: true, user: { select: personSelect } } } },
  });
  const subject =
    row.subjectType && row.subjectId
      ? (await linkCards(ctx, [{ type: row.subjectType as "document" | "case", id: row.subjectId, href: row.subjectType === "case" ? `/sprawy/${row.subjectId}` : `/pisma/${row.subjectId}` }])).values().next().value ?? null
      : null;
  return {
    ...summary!,
    members: row.members.map((x) => ({ ...toPerson(x.user), isOwner: x.isOwner })).sort((a, b) => a.name.localeCompare(b.name, "pl")),
    canManage: mayManage(m),
    subject,
    channel: CHANNEL.chat(conversationId),
  };
}

// — typing and search —

/** "… pisze": a short-lived event to the conversation's channel; nothing is stored, a failure is ignored. */
export async function signalTyping(ctx: ServiceContext, conversationId: string): Promise<void> {
  await requireMembership(ctx.db, conversationId, ctx.actor.id);
  await publishRealtime([{ channels: [CHANNEL.chat(conversationId)], name: "typing", data: { userId: ctx.actor.id, name: actorName(ctx.actor) } }]).catch(() => undefined);
}

/** Messages in the actor's current conversations containing every word (diacritics ignored), newest first. */
export async function searchMessages(ctx: ServiceContext, raw: unknown): Promise<SearchHit[]> {
  const input = ZSearchMessagesInput.parse(raw);
  const words = foldText(input.q).split(" ").filter(Boolean).slice(0, 8);
  const rows = await ctx.db.chatMessage.findMany({
    where: {
      deletedAt: null,
      conversation: { members: { some: { userId: ctx.actor.id, leftAt: null } } },
      AND: words.map((w) => ({ searchText: { contains: w } })),
    },
    orderBy: { seq: "desc" },
    take: 50,
    select: { id: true, seq: true, conversationId: true, body: true, createdAt: true, author: { select: { firstName: true, lastName: true } } },
  });
  const titles = new Map((await summaries(ctx, [...new Set(rows.map((r) => r.conversationId))])).map((s) => [s.id, s.title]));
  return rows.map((r) => ({
    conversationId: r.conversationId,
    conversationTitle: titles.get(r.conversationId) ?? "",
    messageId: r.id,
    seq: r.seq.toString(),
    authorName: `${r.author.firstName} ${r.author.lastName}`,
    body: messagePreview(r.body, 300),
    createdAt: r.createdAt,
  }));
}

/** Channel authorization for private-chat-<id>: current members only. */
export async function mayJoinConversationChannel(db: Db, userId: string, conversationId: string): Promise<boolean> {
  return (await findMembership(db, conversationId, userId)) !== null;
}

// — e-mail about unread messages —

/** Messages unread this long are announced (per the person's notification preference). */
export const UNREAD_NOTICE_MINUTES = 5;

/**
 * Tells each person about messages waiting for them longer than UNREAD_NOTICE_MINUTES: one notice
 * per batch (the newest seq announced is remembered, so the same messages are never announced
 * twice, even by two servers at once), never copied to substitutes. Run every minute.
 */
export async function notifyUnreadMessages(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNREAD_NOTICE_MINUTES * 60_000);
  const due = await db.$queryRaw<{ conversationId: string; userId: string; lastSeq: bigint; n: bigint | number; authors: string; kind: string; title: string | null }[]>`
    SELECT cm."conversationId", cm."userId", c."lastSeq", count(*) AS n, c."kind"::text AS kind, c."title",
           string_agg(DISTINCT u."firstName" || ' ' || u."lastName", ', ') AS authors
    FROM "ConversationMember" cm
    JOIN "Conversation" c ON c."id" = cm."conversationId"
    JOIN "ChatMessage" m ON m."conversationId" = cm."conversationId" AND m."seq" > GREATEST(cm."readSeq", cm."emailedSeq")
                        AND m."authorId" <> cm."userId" AND m."deletedAt" IS NULL
    JOIN "User" u ON u."id" = m."authorId"
    WHERE cm."leftAt" IS NULL AND c."lastSeq" > GREATEST(cm."readSeq", cm."emailedSeq")
    GROUP BY cm."conversationId", cm."userId", c."lastSeq", c."kind", c."title"
    HAVING min(m."createdAt") <= ${cutoff}
    LIMIT 500`;
  let sent = 0;
  for (const d of due) {
    sent += await db.$transaction(async (tx) => {
      // Whoever marks it first announces it; a concurrent run (another server) finds nothing to do.
      const claimed = await tx.conversationMember.updateMany({
        where: { conversationId: d.conversationId, userId: d.userId, emailedSeq: { lt: d.lastSeq }, readSeq: { lt: d.lastSeq } },
        data: { emailedSeq: d.lastSeq },
      });
      if (!claimed.count) return 0;
      return notify(tx, {
        type: "chat.unread",
        userIds: [d.userId],
        params: { from: d.authors, count: Number(d.n), conversation: d.kind === "DIRECT" ? d.authors : (d.title ?? "") },
        link: `/komunikator/${d.conversationId}`,
        dedupeKey: `chat-unread:${d.conversationId}:${d.lastSeq}`,
        personal: true,
        now,
      });
    });
  }
  return sent;
}
