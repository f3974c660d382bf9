/**
 * Polecenia: inputs (shared by forms and the router) and DTOs. Client-safe.
 */
import { z } from "zod";

export const TASK_PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const TASK_STATUSES = ["NEW", "ACCEPTED", "DONE", "CONFIRMED", "RETURNED", "CANCELLED"] as const;
/** Statuses in which the assignee still has work to do (and the deadline can pass). */
export const OPEN_STATUSES = ["NEW", "ACCEPTED", "RETURNED"] as const;
export const TASKS_PAGE_SIZE = 25;
export const TASK_TITLE_MAX = 200;
export const TASK_TEXT_MAX = 5000;
export const MAX_ASSIGNEES = 50;
/** Files given with a task or with one entry of its thread. */
export const MAX_ATTACHMENTS = 10;
/** An uploaded file must be attached within this time (later it is no longer attachable). */
export const PENDING_UPLOAD_HOURS = 24;
/** Uploaded and not yet attached files one person may have at a time. */
export const MAX_PENDING_UPLOADS = 30;

const id = z.string().min(1).max(64);
const attachmentIds = z.array(id).max(MAX_ATTACHMENTS, `Można dołączyć najwyżej ${MAX_ATTACHMENTS} plików.`).default([]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Podaj datę w formacie RRRR-MM-DD.");
const text = (required: string | null) =>
  z
    .string()
    .max(TASK_TEXT_MAX, `Tekst może mieć najwyżej ${TASK_TEXT_MAX} znaków.`)
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .refine((s) => required === null || s.length > 0, required ?? "");

export const ZCreateTaskInput = z.object({
  title: z.string().trim().min(3, "Tytuł polecenia musi mieć co najmniej 3 znaki.").max(TASK_TITLE_MAX, `Tytuł może mieć najwyżej ${TASK_TITLE_MAX} znaków.`),
  description: text(null).default(""),
  priority: z.enum(TASK_PRIORITIES).default("NORMAL"),
  dueDate: day.optional(),
  assigneeIds: z.array(id).min(1, "Wybierz co najmniej jedną osobę.").max(MAX_ASSIGNEES, `Polecenie można dać najwyżej ${MAX_ASSIGNEES} osobom.`),
  subject: z.object({ type: z.enum(["document", "case"]), id }).optional(),
  /** Files uploaded beforehand (POST /api/polecenia/zalaczniki) by the giver. */
  attachmentIds,
});
export type CreateTaskInput = z.input<typeof ZCreateTaskInput>;

export const ZTaskId = z.object({ taskId: id });
export const ZTaskText = z.object({ taskId: id, body: text("Wpisz treść.") });
export const ZTaskComment = z.object({ taskId: id, body: text("Wpisz treść komentarza."), assigneeId: id.optional(), attachmentIds });
export const ZTaskProgress = z.object({ taskId: id, progress: z.number().int().min(0, "Postęp to liczba od 0 do 100.").max(100, "Postęp to liczba od 0 do 100."), body: text(null).default(""), attachmentIds });
export const ZTaskDone = z.object({ taskId: id, body: text(null).default(""), attachmentIds });
export const ZTaskDecision = z.object({ taskId: id, assigneeId: id, body: text(null).default("") });
export const ZTaskReturn = z.object({ taskId: id, assigneeId: id, body: text("Napisz, co trzeba poprawić lub uzupełnić.") });
export const ZTaskCancel = z.object({ taskId: id, body: text("Podaj powód anulowania polecenia.") });

export const ZListTasksInput = z.object({
  view: z.enum(["mine", "given", "department"]),
  state: z.enum(["open", "closed", "all"]).default("open"),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type ListTasksInput = z.input<typeof ZListTasksInput>;

export const ZAssignableInput = z.object({ q: z.string().trim().max(100).default("") });

// — DTOs —

export const ZPerson = z.object({ id: z.string(), name: z.string(), position: z.string().nullable(), department: z.string().nullable() });
export type Person = z.infer<typeof ZPerson>;

export const ZAssigneeDto = z.object({
  id: z.string(),
  person: ZPerson,
  status: z.enum(TASK_STATUSES),
  progress: z.number(),
  awaitingAnswer: z.boolean(),
  overdue: z.boolean(),
  doneAt: z.date().nullable(),
  confirmedAt: z.date().nullable(),
});
export type AssigneeDto = z.infer<typeof ZAssigneeDto>;

export const ZTaskSummary = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  dueDate: z.string().nullable(),
  createdAt: z.date(),
  giver: ZPerson,
  assignees: z.array(ZAssigneeDto),
  /** Some assignee's deadline has passed with work still open. */
  overdue: z.boolean(),
  cancelled: z.boolean(),
});
export type TaskSummary = z.infer<typeof ZTaskSummary>;

export const TASK_VIEWS = ["mine", "given", "department"] as const;
/** `views`: the lists this reader has ("department" for heads, their substitutes and kierownictwo). */
export const ZTaskList = z.object({ items: z.array(ZTaskSummary), total: z.number(), page: z.number(), pageSize: z.number(), views: z.array(z.enum(TASK_VIEWS)) });
export type TaskList = z.infer<typeof ZTaskList>;

/** A file of a task or of an entry of its thread; `url` downloads it (whoever sees the task). */
export const ZTaskAttachmentDto = z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number(), url: z.string() });
export type TaskAttachmentDto = z.infer<typeof ZTaskAttachmentDto>;

export const ZTaskEntryDto = z.object({
  id: z.string(),
  kind: z.enum(["COMMENT", "QUESTION", "ANSWER", "PROGRESS", "ACCEPTED", "DONE", "CONFIRMED", "RETURNED", "CANCELLED"]),
  author: z.string(),
  onBehalfOf: z.string().nullable(),
  assignee: z.string().nullable(),
  body: z.string(),
  progress: z.number().nullable(),
  createdAt: z.date(),
  attachments: z.array(ZTaskAttachmentDto),
});

export const ZTaskDetail = ZTaskSummary.extend({
  description: z.string(),
  subject: z.object({ type: z.enum(["document", "case"]), href: z.string(), label: z.string().nullable(), title: z.string().nullable(), allowed: z.boolean() }).nullable(),
  /** The files given with the task (the thread's files are on its entries). */
  attachments: z.array(ZTaskAttachmentDto),
  entries: z.array(ZTaskEntryDto),
  /** The actor gave the task (or acts for the giver today): confirm, return, cancel, answer. */
  isGiver: z.boolean(),
  /** The assignee row the actor works on (their own, or of the person they substitute), if any. */
  myAssigneeId: z.string().nullable(),
});
export type TaskDetail = z.infer<typeof ZTaskDetail>;

export const ZTaskCounts = z.object({ mine: z.number(), mineOverdue: z.number(), toConfirm: z.number(), givenOverdue: z.number() });
export type TaskCounts = z.infer<typeof ZTaskCounts>;
