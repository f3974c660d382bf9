/**
 * Inputs and DTOs of incoming letters (RPW), internal letters and dekretacja. Client-safe: the
 * forms validate with the routers' schemas.
 */
import { z } from "zod";

export const LETTERS_PAGE_SIZE = 25;
export const INBOX_PAGE_SIZE = 10;

/** Channels of an incoming letter (przesyłka wpływająca). */
export const INCOMING_CHANNELS = ["PAPER", "EMAIL", "ESP", "EPUAP", "E_DORECZENIA", "COURIER"] as const;
export type IncomingChannel = (typeof INCOMING_CHANNELS)[number];

export const LETTER_KINDS = ["INCOMING", "INTERNAL"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Statuses an incoming or internal letter goes through (DRAFT only for an unsent internal letter). */
export const LETTER_STATUSES = ["DRAFT", "REGISTERED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const ASSIGNMENT_ROLES = ["LEADING", "COOPERATING", "INFO"] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_STATUSES = ["TO_DEPARTMENT", "TO_USER", "ACCEPTED", "RETURNED", "FORWARDED", "READ", "DONE"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_ACTIONS = ["assign", "accept", "return", "forward", "read", "done"] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

/** List sort orders: received (newest first, the default), number, subject, sender. */
export const LETTER_SORTS = ["received", "number", "subject", "sender"] as const;
export type LetterSort = (typeof LETTER_SORTS)[number];

/** Views whose filters a user may save. */
export const SAVED_FILTER_VIEWS = ["rpw", "wewnetrzne"] as const;
export type SavedFilterView = (typeof SAVED_FILTER_VIEWS)[number];

const ZId = z.string().min(1).max(64);
const ZIds = z.array(ZId).max(30);
const ZOptionalText = (max: number) => z.string().trim().max(max, `Najwyżej ${max} znaków.`).default("");
const ZOptionalDate = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), "Podaj datę w formacie RRRR-MM-DD.");
const ZCount = z.string().trim().default("").refine((v) => /^\d{0,4}$/.test(v), "Podaj liczbę całkowitą od 0 do 9999.");
/** A local date and time in Poland as the `datetime-local` control gives it. */
export const ZLocalDateTime = z
  .string()
  .trim()
  .min(1, "Podaj datę i godzinę wpływu.")
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(`${v}Z`)), "Podaj datę i godzinę w formacie RRRR-MM-DD GG:MM.");

/** Dekretacja to departments: one leading, optional cooperating and "do wiadomości" departments. */
const decreeFields = {
  leadingDepartmentId: z.string().max(64).default(""),
  cooperatingDepartmentIds: ZIds.default([]),
  infoDepartmentIds: ZIds.default([]),
};

type DecreeShape = { leadingDepartmentId: string; cooperatingDepartmentIds: string[]; infoDepartmentIds: string[] };

/** The same department cannot lead and cooperate, nor get a copy it already works on. */
export function decreeProblems(v: DecreeShape): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const others = [...v.cooperatingDepartmentIds, ...v.infoDepartmentIds];
  if (!v.leadingDepartmentId && others.length > 0) out.push({ path: "leadingDepartmentId", message: "Wskaż komórkę wiodącą — pozostałe komórki ją uzupełniają." });
  if (v.leadingDepartmentId && others.includes(v.leadingDepartmentId)) out.push({ path: "cooperatingDepartmentIds", message: "Komórka wiodąca nie może być jednocześnie współpracującą ani otrzymać pisma do wiadomości." });
  if (v.cooperatingDepartmentIds.some((d) => v.infoDepartmentIds.includes(d))) out.push({ path: "infoDepartmentIds", message: "Komórka współpracująca nie otrzymuje dodatkowo kopii do wiadomości." });
  return out;
}

function refineDecree(v: DecreeShape, ctx: z.RefinementCtx) {
  for (const p of decreeProblems(v)) ctx.addIssue({ code: "custom", message: p.message, path: [p.path] });
}

export const ZRegisterLetterInput = z
  .object({
    channel: z.enum(INCOMING_CHANNELS, { message: "Wybierz kanał wpływu." }),
    senderId: z.string().min(1, "Wybierz nadawcę z bazy teleadresowej albo dodaj nowy kontakt.").max(64),
    letterDate: ZOptionalDate,
    receivedAt: ZLocalDateTime,
    senderReference: ZOptionalText(100),
    subject: z.string().trim().min(1, "Podaj, czego dotyczy pismo.").max(500, "Najwyżej 500 znaków."),
    pages: ZCount,
    attachmentsCount: ZCount,
    notes: ZOptionalText(2000),
    confidential: z.boolean().default(false),
    accessUserIds: ZIds.default([]),
    ...decreeFields,
  })
  .superRefine(refineDecree);
export type RegisterLetterInput = z.input<typeof ZRegisterLetterInput>;

export const ZLetterIdInput = z.object({ id: ZId });

export const ZDecreeInput = z
  .object({
    documentId: ZId,
    ...decreeFields,
    leadingDepartmentId: z.string().min(1, "Wybierz komórkę wiodącą.").max(64),
    /** Required when correcting an earlier dekretacja. */
    reason: ZOptionalText(500),
  })
  .superRefine(refineDecree);
export type DecreeInput = z.input<typeof ZDecreeInput>;

export const ZAssignToUserInput = z.object({
  assignmentId: ZId,
  userId: z.string().min(1, "Wybierz pracownika.").max(64),
  note: ZOptionalText(1000),
  dueDate: ZOptionalDate,
});
export type AssignToUserInput = z.input<typeof ZAssignToUserInput>;

export const ZAssignmentIdInput = z.object({ assignmentId: ZId });

export const ZReturnInput = z.object({
  assignmentId: ZId,
  reason: z.string().trim().min(1, "Podaj powód zwrotu.").max(500, "Najwyżej 500 znaków."),
});
export type ReturnInput = z.input<typeof ZReturnInput>;

export const ZForwardInput = z
  .object({
    assignmentId: ZId,
    departmentId: z.string().max(64).default(""),
    userId: z.string().max(64).default(""),
    reason: z.string().trim().min(1, "Podaj powód przekazania.").max(500, "Najwyżej 500 znaków."),
  })
  .refine((v) => Boolean(v.departmentId) !== Boolean(v.userId), { message: "Wskaż komórkę albo osobę, której przekazujesz pismo (jedno z dwóch).", path: ["departmentId"] });
export type ForwardInput = z.input<typeof ZForwardInput>;

export const ZLetterListInput = z.object({
  kind: z.enum(LETTER_KINDS).default("INCOMING"),
  year: z.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  channel: z.enum(INCOMING_CHANNELS).optional(),
  status: z.enum(LETTER_STATUSES).optional(),
  departmentId: z.string().max(64).optional(),
  /** Received (incoming) or sent (internal) from / to, calendar days in Poland. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  mine: z.boolean().default(false),
  sort: z.enum(LETTER_SORTS).default("received"),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type LetterListInput = z.input<typeof ZLetterListInput>;

const ZPersonRef = z.object({ id: z.string(), name: z.string() });
const ZDepartmentRef = z.object({ id: z.string(), symbol: z.string(), name: z.string() });
export type DepartmentRef = z.infer<typeof ZDepartmentRef>;

export const ZLetterListItem = z.object({
  id: z.string(),
  kind: z.enum(LETTER_KINDS),
  label: z.string(),
  registerNo: z.string().nullable(),
  receivedAt: z.date().nullable(),
  createdAt: z.date(),
  senderName: z.string().nullable(),
  senderReference: z.string().nullable(),
  subject: z.string(),
  channel: z.string(),
  status: z.enum(LETTER_STATUSES),
  department: ZDepartmentRef.nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string().nullable(),
  confidential: z.boolean(),
  recipients: z.array(z.string()),
});
export type LetterListItem = z.infer<typeof ZLetterListItem>;

export const ZLetterList = z.object({
  items: z.array(ZLetterListItem),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
});
export type LetterList = z.infer<typeof ZLetterList>;

export const ZAssignment = z.object({
  id: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  status: z.enum(ASSIGNMENT_STATUSES),
  department: ZDepartmentRef,
  user: ZPersonRef.nullable(),
  note: z.string().nullable(),
  dueDate: z.string().nullable(),
  reason: z.string().nullable(),
  assignedByName: z.string(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  /** What the actor may do with it now. */
  actions: z.array(z.enum(ASSIGNMENT_ACTIONS)),
});
export type AssignmentDto = z.infer<typeof ZAssignment>;

export const ZLetterDetail = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(LETTER_KINDS),
  label: z.string(),
  registerNo: z.string().nullable(),
  status: z.enum(LETTER_STATUSES),
  channel: z.string(),
  subject: z.string(),
  body: z.string().nullable(),
  description: z.string().nullable(),
  sender: z.object({ id: z.string(), name: z.string(), address: z.string().nullable() }).nullable(),
  senderReference: z.string().nullable(),
  letterDate: z.string().nullable(),
  receivedAt: z.date().nullable(),
  pages: z.number().int().nullable(),
  attachmentsCount: z.number().int().nullable(),
  confidential: z.boolean(),
  accessPeople: z.array(ZPersonRef),
  department: ZDepartmentRef.nullable(),
  assignee: ZPersonRef.nullable(),
  dueDate: z.string().nullable(),
  case: z.object({ id: z.string(), mark: z.string(), title: z.string() }).nullable(),
  recipients: z.array(ZDepartmentRef),
  createdBy: ZPersonRef,
  createdAt: z.date(),
  assignments: z.array(ZAssignment),
  can: z.object({
    /** "initial": the first dekretacja; "fix": correcting it (kancelaria, before a clerk accepted). */
    decree: z.enum(["initial", "fix"]).nullable(),
    upload: z.boolean(),
    openCase: z.boolean(),
    reply: z.boolean(),
    edit: z.boolean(),
    send: z.boolean(),
  }),
});
export type LetterDetail = z.infer<typeof ZLetterDetail>;

export const ZHistoryEntry = z.object({
  id: z.string(),
  occurredAt: z.date(),
  action: z.string(),
  actorName: z.string().nullable(),
  actorPosition: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZOption = z.object({ id: z.string(), label: z.string() });
export type Option = z.infer<typeof ZOption>;

/** Departments and people the forms offer. */
export const ZLetterOptions = z.object({
  departments: z.array(ZOption),
  people: z.array(ZOption),
  now: z.string(),
  years: z.array(z.number().int()),
});
export type LetterOptions = z.infer<typeof ZLetterOptions>;

export const ZClerksInput = z.object({ assignmentId: ZId });

export const ZRegisteredLetter = z.object({ id: z.string(), registerNo: z.string(), seq: z.number().int() });

// Internal letters ---------------------------------------------------------------------------

export const ZInternalLetterInput = z.object({
  subject: z.string().trim().min(1, "Podaj temat pisma.").max(500, "Najwyżej 500 znaków."),
  body: ZOptionalText(20_000),
  recipientDepartmentIds: ZIds.default([]),
  caseId: z.string().max(64).default(""),
  confidential: z.boolean().default(false),
  /** Send at once (register and route) rather than keep a draft. */
  send: z.boolean().default(false),
});
export type InternalLetterInput = z.input<typeof ZInternalLetterInput>;

export const ZUpdateInternalInput = ZInternalLetterInput.extend({ id: ZId });

export const ZInternalSaved = z.object({ id: z.string(), registerNo: z.string().nullable(), sent: z.boolean() });

// Inbox ("Do mnie") --------------------------------------------------------------------------

export const ZInboxInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  deptPage: z.number().int().min(1).max(10_000).default(1),
});

export const ZInboxItem = z.object({
  assignmentId: z.string(),
  documentId: z.string(),
  href: z.string(),
  label: z.string(),
  subject: z.string(),
  senderName: z.string().nullable(),
  role: z.enum(ASSIGNMENT_ROLES),
  status: z.enum(ASSIGNMENT_STATUSES),
  departmentSymbol: z.string(),
  userName: z.string().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  assignedAt: z.date(),
  actions: z.array(z.enum(ASSIGNMENT_ACTIONS)),
});
export type InboxItem = z.infer<typeof ZInboxItem>;

const ZInboxPage = z.object({ items: z.array(ZInboxItem), total: z.number().int(), page: z.number().int(), pages: z.number().int() });

export const ZMyAssignments = z.object({
  /** Assigned to me (or to a person I substitute today): to accept, in progress, copies to read. */
  mine: ZInboxPage,
  /** Heads: waiting for dekretacja in my departments (new or returned), department copies to read. */
  department: ZInboxPage,
  isHead: z.boolean(),
});
export type MyAssignments = z.infer<typeof ZMyAssignments>;

export const ZLetterInboxCounts = z.object({ toAccept: z.number().int(), toAssign: z.number().int(), info: z.number().int() });
export type LetterInboxCounts = z.infer<typeof ZLetterInboxCounts>;

// Saved filters ------------------------------------------------------------------------------

export const ZSavedFilterInput = z.object({
  view: z.enum(SAVED_FILTER_VIEWS),
  name: z.string().trim().min(1, "Podaj nazwę filtra.").max(60, "Najwyżej 60 znaków."),
  query: z.string().max(1000),
});
export const ZSavedFilterListInput = z.object({ view: z.enum(SAVED_FILTER_VIEWS) });
export const ZSavedFilter = z.object({ id: z.string(), name: z.string(), query: z.string() });
export type SavedFilterDto = z.infer<typeof ZSavedFilter>;
