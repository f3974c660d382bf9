/**
 * Polecenia: a supervisor gives a task to one or more people below them; each assignee accepts,
 * asks, reports progress and reports it done; the giver answers, confirms or returns, or cancels
 * the task. Overdue work is flagged (computed from the Polish calendar day) and reminded by a daily
 * job; substitutes act for absent people (recorded as "w zastępstwie"). Every step is an entry in
 * the task's append-only thread, audited, notified (e-mail per preferences) and signalled live.
 * Framework-free.
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import { formatDate, todayInPoland } from "@/lib/i18n/translator";
import { documentHref, documentLabel } from "@/modules/documents/document-label";
import { caseVisibleWhere, documentVisibleWhere, loadWorkScope, type WorkScope } from "@/modules/documents/documents.policy";
import { fromDateOnly } from "@/modules/letters/letters.dates";
import { notify } from "@/modules/notifications/notifications.service";
import type { NotificationParams } from "@/modules/notifications/notifications.types";
import { signalUsers } from "@/modules/realtime/realtime.jobs";
import { recordAudit } from "@/server/audit/audit";
import { actorName, type ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, badRequest, forbidden, notFound } from "@/server/errors";
import { attachPending, attachmentSelect, toAttachmentDto } from "./tasks.attachments";
import { actsAsGiver, assignableWhere, ownAssignee, taskVisibleWhere } from "./tasks.policy";
import {
  OPEN_STATUSES,
  TASKS_PAGE_SIZE,
  ZAssignableInput,
  ZCreateTaskInput,
  ZListTasksInput,
  ZTaskCancel,
  ZTaskComment,
  ZTaskDecision,
  ZTaskDone,
  ZTaskProgress,
  ZTaskReturn,
  ZTaskText,
  type AssigneeDto,
  type Person,
  type TaskCounts,
  type TaskDetail,
  type TaskList,
  type TaskSummary,
} from "./tasks.schemas";

export const TASK_NOT_FOUND = "Nie znaleziono takiego polecenia albo nie masz do niego dostępu.";

const personSelect = { id: true, firstName: true, lastName: true, position: { select: { name: true } }, department: { select: { name: true } } } as const satisfies Prisma.UserSelect;
type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;
const toPerson = (u: PersonRow): Person => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, position: u.position?.name ?? null, department: u.department?.name ?? null });

const summarySelect = {
  id: true,
  seq: true,
  title: true,
  priority: true,
  dueDate: true,
  createdAt: true,
  cancelledAt: true,
  createdById: true,
  createdBy: { select: personSelect },
  assignees: {
    orderBy: { user: { lastName: "asc" } },
    select: { id: true, userId: true, status: true, progress: true, awaitingAnswer: true, doneAt: true, confirmedAt: true, user: { select: personSelect } },
  },
} as const satisfies Prisma.TaskSelect;
type SummaryRow = Prisma.TaskGetPayload<{ select: typeof summarySelect }>;

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);
const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function toSummary(r: SummaryRow, today: string): TaskSummary {
  const due = dayOf(r.dueDate);
  const assignees: AssigneeDto[] = r.assignees.map((a) => ({
    id: a.id,
    person: toPerson(a.user),
    status: a.status,
    progress: a.progress,
    awaitingAnswer: a.awaitingAnswer,
    overdue: due !== null && due < today && isOpen(a.status),
    doneAt: a.doneAt,
    confirmedAt: a.confirmedAt,
  }));
  return {
    id: r.id,
    seq: r.seq,
    title: r.title,
    priority: r.priority,
    dueDate: due,
    createdAt: r.createdAt,
    giver: toPerson(r.createdBy),
    assignees,
    overdue: assignees.some((a) => a.overdue),
    cancelled: r.cancelledAt !== null,
  };
}

const params = (task: { seq: number; title: string; dueDate: Date | null }, by: string, comment = ""): NotificationParams["task.assigned"] => ({
  number: String(task.seq),
  title: task.title,
  by,
  due: task.dueDate ? formatDate(task.dueDate) : "—",
  comment,
});

// — people —

/** People the actor may give tasks to, matching `q` (name or e-mail, diacritics ignored by the user keys). */
export async function listAssignable(ctx: ServiceContext, raw: unknown): Promise<Person[]> {
  const input = ZAssignableInput.parse(raw);
  const scope = await loadWorkScope(ctx.db, ctx.actor);
  const where = await assignableWhere(ctx.db, scope);
  const words = input.q.toLocaleLowerCase("pl").split(/\s+/).filter(Boolean);
  const rows = await ctx.db.user.findMany({
    where: { AND: [where, ...words.map((w) => ({ OR: [{ firstName: { contains: w, mode: "insensitive" as const } }, { lastName: { contains: w, mode: "insensitive" as const } }, { email: { contains: w } }] }))] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 50,
    select: personSelect,
  });
  return rows.map(toPerson);
}

// — giving a task —

async function subjectVisible(db: Db, scope: WorkScope, subject: { type: "document" | "case"; id: string }): Promise<boolean> {
  return subject.type === "document"
    ? Boolean(await db.document.findFirst({ where: { AND: [{ id: subject.id }, documentVisibleWhere(scope)] }, select: { id: true } }))
    : Boolean(await db.case.findFirst({ where: { AND: [{ id: subject.id }, caseVisibleWhere(scope)] }, select: { id: true } }));
}

export async function createTask(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<{ id: string; seq: number }> {
  const input = ZCreateTaskInput.parse(raw);
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  if (input.dueDate && input.dueDate < todayInPoland(now)) throw badRequest("Termin nie może być wcześniejszy niż dzisiaj.", { dueDate: "Termin nie może być wcześniejszy niż dzisiaj." });
  if (input.subject && !(await subjectVisible(ctx.db, scope, input.subject))) throw notFound();
  const ids = [...new Set(input.assigneeIds)];
  const allowed = await ctx.db.user.findMany({ where: { AND: [{ id: { in: ids } }, await assignableWhere(ctx.db, scope)] }, select: { id: true, departmentId: true } });
  if (allowed.length !== ids.length) {
    throw forbidden("Polecenia można dawać tylko osobom, którym przewodzisz (podwładnym i pracownikom kierowanych komórek).");
  }
  return ctx.db.$transaction(async (tx) => {
    const task = await tx.task.create({
      data: {
        title: input.title,
        description: input.description,
        priority: input.priority,
        dueDate: input.dueDate ? fromDateOnly(input.dueDate) : null,
        createdById: ctx.actor.id,
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
        assignees: { create: allowed.map((u) => ({ userId: u.id, departmentId: u.departmentId })) },
      },
      select: { id: true, seq: true, title: true, dueDate: true },
    });
    await attachPending(tx, ctx.actor.id, input.attachmentIds, { taskId: task.id, entryId: null }, now);
    await recordAudit(tx, ctx, { action: "task.created", entityType: "task", entityId: task.id, data: { seq: task.seq, title: task.title, assigneeIds: ids, dueDate: input.dueDate ?? null } });
    await notify(tx, { type: "task.assigned", userIds: ids, params: params(task, actorName(ctx.actor)), link: `/polecenia/${task.id}`, actorId: ctx.actor.id, now });
    await signalUsers(tx, [ctx.actor.id, ...ids], ["tasks"]);
    return { id: task.id, seq: task.seq };
  });
}

// — reading —

export async function listTasks(ctx: ServiceContext, raw: ListTasksInputRaw, now = new Date()): Promise<TaskList> {
  const input = ZListTasksInput.parse(raw);
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const headsSomething = scope.headOfDepartmentIds.length > 0 || scope.all;
  const stateOf = (open: boolean): Prisma.TaskAssigneeWhereInput => (open ? { status: { in: [...OPEN_STATUSES, "DONE"] } } : { status: { in: ["CONFIRMED", "CANCELLED"] } });
  let where: Prisma.TaskWhereInput;
  if (input.view === "mine") {
    const mine: Prisma.TaskAssigneeWhereInput = { userId: { in: scope.userIds } };
    where = { assignees: { some: input.state === "all" ? mine : { ...mine, ...stateOf(input.state === "open") } } };
  } else if (input.view === "given") {
    where = { createdById: { in: scope.userIds }, ...(input.state === "all" ? {} : { assignees: input.state === "open" ? { some: stateOf(true) } : { every: stateOf(false) } }) };
  } else {
    if (!headsSomething) throw forbidden("Polecenia komórki widzi jej kierownik.");
    const dept: Prisma.TaskAssigneeWhereInput = scope.all ? {} : { departmentId: { in: scope.headOfDepartmentIds } };
    where = { assignees: { some: input.state === "all" ? dept : { ...dept, ...stateOf(input.state === "open") } } };
  }
  const [total, rows] = await Promise.all([
    ctx.db.task.count({ where }),
    ctx.db.task.findMany({
      where,
      // Soonest deadline first (no deadline last), then the newest.
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { seq: "desc" }],
      skip: (input.page - 1) * TASKS_PAGE_SIZE,
      take: TASKS_PAGE_SIZE,
      select: summarySelect,
    }),
  ]);
  const today = todayInPoland(now);
  return { items: rows.map((r) => toSummary(r, today)), total, page: input.page, pageSize: TASKS_PAGE_SIZE, views: headsSomething ? ["mine", "given", "department"] : ["mine", "given"] };
}
type ListTasksInputRaw = Parameters<typeof ZListTasksInput.parse>[0];

async function loadVisible(ctx: ServiceContext, taskId: string, now: Date) {
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const task = await ctx.db.task.findFirst({ where: { AND: [{ id: taskId }, taskVisibleWhere(scope)] }, select: { ...summarySelect, description: true, subjectType: true, subjectId: true } });
  if (!task) throw notFound(TASK_NOT_FOUND);
  return { scope, task };
}

export async function getTask(ctx: ServiceContext, taskId: string, now = new Date()): Promise<TaskDetail> {
  const { scope, task } = await loadVisible(ctx, taskId, now);
  const entries = await ctx.db.taskEntry.findMany({
    where: { taskId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      body: true,
      progress: true,
      createdAt: true,
      author: { select: { firstName: true, lastName: true } },
      onBehalfOf: { select: { firstName: true, lastName: true } },
      assignee: { select: { user: { select: { firstName: true, lastName: true } } } },
      attachments: { select: attachmentSelect, orderBy: { createdAt: "asc" } },
    },
  });
  const taskFiles = await ctx.db.taskAttachment.findMany({ where: { taskId, entryId: null }, orderBy: { createdAt: "asc" }, select: attachmentSelect });
  let subject: TaskDetail["subject"] = null;
  if (task.subjectType === "document" && task.subjectId) {
    const d = await ctx.db.document.findFirst({ where: { AND: [{ id: task.subjectId }, documentVisibleWhere(scope)] }, select: { id: true, kind: true, caseId: true, seq: true, registerNo: true, subject: true } });
    subject = { type: "document", href: d ? documentHref(d) : "/pisma", label: d ? documentLabel(d) : null, title: d?.subject ?? null, allowed: Boolean(d) };
  } else if (task.subjectType === "case" && task.subjectId) {
    const c = await ctx.db.case.findFirst({ where: { AND: [{ id: task.subjectId }, caseVisibleWhere(scope)] }, select: { mark: true, title: true } });
    subject = { type: "case", href: `/sprawy/${task.subjectId}`, label: c?.mark ?? null, title: c?.title ?? null, allowed: Boolean(c) };
  }
  const name = (u: { firstName: string; lastName: string } | null | undefined) => (u ? `${u.firstName} ${u.lastName}` : null);
  return {
    ...toSummary(task, todayInPoland(now)),
    description: task.description,
    subject,
    attachments: taskFiles.map(toAttachmentDto),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      author: name(e.author)!,
      onBehalfOf: name(e.onBehalfOf),
      assignee: name(e.assignee?.user),
      body: e.body,
      progress: e.progress,
      createdAt: e.createdAt,
      attachments: e.attachments.map(toAttachmentDto),
    })),
    isGiver: actsAsGiver(scope, task),
    myAssigneeId: task.cancelledAt ? null : (ownAssignee(scope, task.assignees)?.id ?? null),
  };
}

/** For the dashboard and the menu badge. */
export async function taskCounts(ctx: ServiceContext, now = new Date()): Promise<TaskCounts> {
  const scope = await loadWorkScope(ctx.db, ctx.actor, now);
  const today = fromDateOnly(todayInPoland(now));
  const open = { status: { in: [...OPEN_STATUSES] } };
  const [mine, mineOverdue, toConfirm, givenOverdue] = await Promise.all([
    ctx.db.taskAssignee.count({ where: { userId: { in: scope.userIds }, ...open } }),
    ctx.db.taskAssignee.count({ where: { userId: { in: scope.userIds }, ...open, task: { dueDate: { lt: today } } } }),
    ctx.db.taskAssignee.count({ where: { status: "DONE", task: { createdById: { in: scope.userIds } } } }),
    ctx.db.taskAssignee.count({ where: { ...open, task: { createdById: { in: scope.userIds }, dueDate: { lt: today } } } }),
  ]);
  return { mine, mineOverdue, toConfirm, givenOverdue };
}

// — the assignee's steps —

type Loaded = Awaited<ReturnType<typeof loadVisible>>;

function requireOwnAssignee({ scope, task }: Loaded) {
  if (task.cancelledAt) throw new AppError("CONFLICT", "To polecenie zostało anulowane.");
  const mine = ownAssignee(scope, task.assignees);
  if (!mine) throw forbidden("Tę czynność wykonuje osoba, której dano polecenie.");
  return mine;
}

interface StepResult {
  ok: true;
}

/** One step in a transaction: the entry, the audit record, notifications and the live signal. */
async function step(
  ctx: ServiceContext,
  loaded: Loaded,
  entry: { kind: Prisma.TaskEntryCreateManyInput["kind"]; assigneeId: string | null; onBehalfOfId: string | null; body: string; progress?: number | null; attachmentIds?: string[] },
  change: (tx: Tx) => Promise<void>,
  notice: { type: "task.commented" | "task.done" | "task.confirmed" | "task.returned" | "task.cancelled"; userIds: string[] } | null,
  now: Date,
): Promise<StepResult> {
  const { task } = loaded;
  await ctx.db.$transaction(async (tx) => {
    await change(tx);
    const { attachmentIds = [], ...fields } = entry;
    const created = await tx.taskEntry.create({ data: { taskId: task.id, authorId: ctx.actor.id, createdAt: now, ...fields, progress: entry.progress ?? null }, select: { id: true } });
    await attachPending(tx, ctx.actor.id, attachmentIds, { taskId: task.id, entryId: created.id }, now);
    await recordAudit(tx, ctx, { action: "task.step", entityType: "task", entityId: task.id, data: { seq: task.seq, kind: entry.kind, assigneeId: entry.assigneeId, onBehalfOfId: entry.onBehalfOfId } });
    if (notice) await notify(tx, { type: notice.type, userIds: notice.userIds, params: params(task, actorName(ctx.actor), entry.body), link: `/polecenia/${task.id}`, actorId: ctx.actor.id, now });
    await signalUsers(tx, [task.createdById, ...task.assignees.map((a) => a.userId)], ["tasks"]);
  });
  return { ok: true };
}

const behalf = (ctx: ServiceContext, userId: string) => (userId === ctx.actor.id ? null : userId);

export async function acceptTask(ctx: ServiceContext, taskId: string, now = new Date()): Promise<StepResult> {
  const loaded = await loadVisible(ctx, taskId, now);
  const mine = requireOwnAssignee(loaded);
  if (mine.status !== "NEW") throw new AppError("CONFLICT", "To polecenie zostało już przyjęte.");
  return step(
    ctx,
    loaded,
    { kind: "ACCEPTED", assigneeId: mine.id, onBehalfOfId: behalf(ctx, mine.userId), body: "" },
    async (tx) => void (await tx.taskAssignee.update({ where: { id: mine.id }, data: { status: "ACCEPTED", acceptedAt: now } })),
    null,
    now,
  );
}

export async function reportProgress(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<StepResult> {
  const input = ZTaskProgress.parse(raw);
  const loaded = await loadVisible(ctx, input.taskId, now);
  const mine = requireOwnAssignee(loaded);
  if (!isOpen(mine.status)) throw new AppError("CONFLICT", "Postęp zgłasza się tylko w poleceniu w toku.");
  return step(
    ctx,
    loaded,
    { kind: "PROGRESS", assigneeId: mine.id, onBehalfOfId: behalf(ctx, mine.userId), body: input.body, progress: input.progress, attachmentIds: input.attachmentIds },
    async (tx) => void (await tx.taskAssignee.update({ where: { id: mine.id }, data: { progress: input.progress, status: mine.status === "NEW" ? "ACCEPTED" : mine.status, acceptedAt: mine.status === "NEW" ? now : undefined } })),
    { type: "task.commented", userIds: [loaded.task.createdById] },
    now,
  );
}

/** The assignee asks the giver for clarification (the task shows it waiting for an answer). */
export async function askClarification(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<StepResult> {
  const input = ZTaskText.parse(raw);
  const loaded = await loadVisible(ctx, input.taskId, now);
  const mine = requireOwnAssignee(loaded);
  return step(
    ctx,
    loaded,
    { kind: "QUESTION", assigneeId: mine.id, onBehalfOfId: behalf(ctx, mine.userId), body: input.body },
    async (tx) => void (await tx.taskAssignee.update({ where: { id: mine.id }, data: { awaitingAnswer: true } })),
    { type: "task.commented", userIds: [loaded.task.createdById] },
    now,
  );
}

export async function completeTask(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<StepResult> {
  const input = ZTaskDone.parse(raw);
  const loaded = await loadVisible(ctx, input.taskId, now);
  const mine = requireOwnAssignee(loaded);
  if (!isOpen(mine.status)) throw new AppError("CONFLICT", mine.status === "DONE" ? "Wykonanie zostało już zgłoszone." : "To polecenie jest zamknięte.");
  return step(
    ctx,
    loaded,
    { kind: "DONE", assigneeId: mine.id, onBehalfOfId: behalf(ctx, mine.userId), body: input.body, progress: 100, attachmentIds: input.attachmentIds },
    async (tx) => void (await tx.taskAssignee.update({ where: { id: mine.id }, data: { status: "DONE", doneAt: now, progress: 100, awaitingAnswer: false, acceptedAt: mine.status === "NEW" ? now : undefined } })),
    { type: "task.done", userIds: [loaded.task.createdById] },
    now,
  );
}

// — the giver's steps —

function requireGiver(loaded: Loaded) {
  if (!actsAsGiver(loaded.scope, loaded.task)) throw forbidden("Tę czynność wykonuje osoba, która dała polecenie.");
  if (loaded.task.cancelledAt) throw new AppError("CONFLICT", "To polecenie zostało anulowane.");
}

function assigneeOf(loaded: Loaded, assigneeId: string) {
  const a = loaded.task.assignees.find((x) => x.id === assigneeId);
  if (!a) throw notFound("Tej osoby nie ma wśród wykonawców polecenia.");
  return a;
}

export async function confirmTask(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<StepResult> {
  const input = ZTaskDecision.parse(raw);
  const loaded = await loadVisible(ctx, input.taskId, now);
  requireGiver(loaded);
  const a = assigneeOf(loaded, input.assigneeId);
  if (a.status !== "DONE") throw new AppError("CONFLICT", "Potwierdzić można tylko polecenie zgłoszone jako wykonane.");
  return step(
    ctx,
    loaded,
    { kind: "CONFIRMED", assigneeId: a.id, onBehalfOfId: behalf(ctx, loaded.task.createdById), body: input.body },
    async (tx) => void (await tx.taskAssignee.update({ where: { id: a.id }, data: { status: "CONFIRMED", confirmedAt: now } })),
    { type: "task.confirmed", userIds: [a.userId] },
    now,
  );
}

export async function returnTask(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<StepResult> {
  const input = ZTaskReturn.parse(raw);
  const loaded = await loadVisible(ctx, input.taskId, now);
  requireGiver(loaded);
  const a = assigneeOf(loaded, input.assigneeId);
  if (a.status !== "DONE") throw new AppError("CONFLICT", "Zwrócić można tylko polecenie zgłoszone jako wykonane.");
  return step(
    ctx,
    loaded,
    { kind: "RETURNED", assigneeId: a.id, onBehalfOfId: behalf(ctx, loaded.task.createdById), body: input.body },
    async (tx) => void (await tx.taskAssignee.update({ where: { id: a.id }, data: { status: "RETURNED", doneAt: null } })),
    { type: "task.returned", userIds: [a.userId] },
    now,
  );
}

export async function cancelTask(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<StepResult> {
  const input = ZTaskCancel.parse(raw);
  const loaded = await loadVisible(ctx, input.taskId, now);
  requireGiver(loaded);
  const open = loaded.task.assignees.filter((a) => a.status !== "CONFIRMED");
  return step(
    ctx,
    loaded,
    { kind: "CANCELLED", assigneeId: null, onBehalfOfId: behalf(ctx, loaded.task.createdById), body: input.body },
    async (tx) => {
      await tx.task.update({ where: { id: loaded.task.id }, data: { cancelledAt: now } });
      await tx.taskAssignee.updateMany({ where: { id: { in: open.map((a) => a.id) } }, data: { status: "CANCELLED" } });
    },
    { type: "task.cancelled", userIds: open.map((a) => a.userId) },
    now,
  );
}

/** A comment by anyone who sees the task; the giver's comment answers open questions. */
export async function commentTask(ctx: ServiceContext, raw: unknown, now = new Date()): Promise<StepResult> {
  const input = ZTaskComment.parse(raw);
  const loaded = await loadVisible(ctx, input.taskId, now);
  const { task, scope } = loaded;
  const giver = actsAsGiver(scope, task);
  const target = input.assigneeId ? assigneeOf(loaded, input.assigneeId) : null;
  const answering = giver ? task.assignees.filter((a) => a.awaitingAnswer && (!target || a.id === target.id)) : [];
  const mine = ownAssignee(scope, task.assignees);
  const recipients = giver ? (target ? [target.userId] : task.assignees.map((a) => a.userId)) : [task.createdById, ...(target ? [target.userId] : [])];
  return step(
    ctx,
    loaded,
    {
      kind: answering.length ? "ANSWER" : "COMMENT",
      assigneeId: target?.id ?? (answering.length === 1 ? answering[0]!.id : !giver && mine ? mine.id : null),
      onBehalfOfId: giver ? behalf(ctx, task.createdById) : mine ? behalf(ctx, mine.userId) : null,
      body: input.body,
      attachmentIds: input.attachmentIds,
    },
    async (tx) => {
      if (answering.length) await tx.taskAssignee.updateMany({ where: { id: { in: answering.map((a) => a.id) } }, data: { awaitingAnswer: false } });
    },
    { type: "task.commented", userIds: recipients },
    now,
  );
}

// — reminders —

/** Daily: assignees whose deadline is today or tomorrow, and overdue ones (with their givers), hear once per task and deadline. */
export async function remindTaskDeadlines(db: Db, day: string, now = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  const tomorrow = new Date(fromDateOnly(day).getTime() + 86_400_000);
  const rows = await db.taskAssignee.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, task: { cancelledAt: null, dueDate: { not: null, lte: tomorrow } } },
    select: { id: true, userId: true, task: { select: { id: true, seq: true, title: true, dueDate: true, createdById: true } }, user: { select: { firstName: true, lastName: true } } },
  });
  let dueSoon = 0;
  let overdue = 0;
  for (const r of rows) {
    const due = dayOf(r.task.dueDate)!;
    const late = due < day;
    const type = late ? "task.overdue" : "task.due-soon";
    const stored = await db.$transaction(async (tx) => {
      const p = params(r.task, `${r.user.firstName} ${r.user.lastName}`);
      let n = await notify(tx, { type, userIds: [r.userId], params: p, link: `/polecenia/${r.task.id}`, dedupeKey: `${type}:${r.id}:${due}`, now });
      if (late) n += await notify(tx, { type: "task.overdue-given", userIds: [r.task.createdById], params: p, link: `/polecenia/${r.task.id}`, dedupeKey: `task.overdue-given:${r.id}:${due}`, now });
      return n;
    });
    if (stored > 0) {
      if (late) overdue += 1;
      else dueSoon += 1;
    }
  }
  return { dueSoon, overdue };
}
