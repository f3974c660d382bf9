/** Inputs and DTOs of cases (sprawy), JRWA and the spis spraw. Client-safe: forms validate with the router's schemas. */
import { z } from "zod";
import { ZContactSummary } from "@/modules/contacts/contacts.schemas";
import { DEADLINE_TYPES } from "./deadlines";

export const CASES_PAGE_SIZE = 25;
export const CASE_REGISTER_PAGE_SIZE = 50;

export const CASE_STATUSES = ["NEW", "IN_PROGRESS", "SUSPENDED", "CLOSED", "REOPENED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses of a case still being handled (its deadline runs). */
export const ACTIVE_CASE_STATUSES = ["NEW", "IN_PROGRESS", "REOPENED"] as const satisfies readonly CaseStatus[];

/** The list views (Polish slugs in the address bar). */
export const CASE_VIEWS = ["moje", "komorki", "po-terminie", "termin", "zakonczone", "wszystkie"] as const;
export type CaseView = (typeof CASE_VIEWS)[number];
export const CASE_SORTS = ["najnowsze", "najstarsze", "termin", "znak"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const ZDeadlineType = z.enum(DEADLINE_TYPES, { error: "Wybierz rodzaj terminu." });
const ZId = z.string().min(1).max(64);
const ZDay = z.iso.date("Podaj datę w formacie RRRR-MM-DD.");
const optionalDay = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .pipe(ZDay.nullable());
const optionalId = z
  .string()
  .max(64)
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

export const JRWA_CATEGORY_PATTERN = /^(A|Bc|B[0-9]{1,2}|BE[0-9]{1,2})$/;
export const INITIALS_PATTERN = /^[A-ZĄĆĘŁŃÓŚŹŻ]{1,4}$/;

// ——— JRWA ———

export const ZJrwaSearchInput = z.object({ q: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(50).default(20) });

export const ZJrwaOption = z.object({ id: z.string(), symbol: z.string(), name: z.string(), category: z.string().nullable() });
export type JrwaOption = z.infer<typeof ZJrwaOption>;

export const ZJrwaNode = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  category: z.string().nullable(),
  isLeaf: z.boolean(),
  active: z.boolean(),
  caseCount: z.number().int(),
  childCount: z.number().int(),
});
export type JrwaNode = z.infer<typeof ZJrwaNode>;

export const ZJrwaTreeInput = z.object({ q: z.string().trim().max(100).optional() });
export const ZJrwaTree = z.object({ nodes: z.array(ZJrwaNode), total: z.number().int(), matched: z.number().int() });
export type JrwaTree = z.infer<typeof ZJrwaTree>;

const jrwaFields = {
  symbol: z
    .string()
    .trim()
    .min(1, "Podaj symbol klasy.")
    .regex(/^\d{1,4}$/, "Symbol to od 1 do 4 cyfr, np. 6220."),
  name: z.string().trim().min(1, "Podaj nazwę klasy.").max(300, "Najwyżej 300 znaków."),
  category: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || JRWA_CATEGORY_PATTERN.test(v), "Kategoria archiwalna: A, Bc, B z liczbą lat (np. B5, B10) albo BE z liczbą lat (np. BE10)."),
  isLeaf: z.union([z.boolean(), z.enum(["on", "true", "false", ""])]).transform((v) => v === true || v === "on" || v === "true"),
};

const leafNeedsCategory = (v: { isLeaf: boolean; category: string | null }) => !v.isLeaf || v.category !== null;
const leafMessage = { message: "Klasa końcowa (do zakładania spraw) musi mieć kategorię archiwalną.", path: ["category"] };

export const ZCreateJrwaInput = z.object({ ...jrwaFields }).refine(leafNeedsCategory, leafMessage);
export type CreateJrwaInput = z.input<typeof ZCreateJrwaInput>;
export const ZUpdateJrwaInput = z.object({ id: ZId, name: jrwaFields.name, category: jrwaFields.category, isLeaf: jrwaFields.isLeaf }).refine(leafNeedsCategory, leafMessage);
export type UpdateJrwaInput = z.input<typeof ZUpdateJrwaInput>;
export const ZJrwaIdInput = z.object({ id: ZId });
export const ZJrwaSetActiveInput = z.object({ id: ZId, active: z.boolean() });

// ——— Opening a case ———

export const ZOpenCaseInput = z
  .object({
    sourceDocumentId: optionalId,
    jrwaClassId: z.string().min(1, "Wybierz klasę z wykazu akt (JRWA).").max(64),
    title: z.string().trim().min(1, "Podaj tytuł sprawy.").max(500, "Najwyżej 500 znaków."),
    description: z
      .string()
      .trim()
      .max(4000, "Najwyżej 4000 znaków.")
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    departmentId: optionalId,
    responsibleId: optionalId,
    partyIds: z.array(ZId).max(50).default([]),
    deadlineType: ZDeadlineType.default("KPA_1M"),
    customDueDate: optionalDay,
    startDate: optionalDay,
    confidential: z.boolean().default(false),
    accessUserIds: z.array(ZId).max(50).default([]),
    initials: z
      .string()
      .trim()
      .optional()
      .nullable()
      .transform((v) => (v ? v.toLocaleUpperCase("pl") : null))
      .refine((v) => v === null || INITIALS_PATTERN.test(v), "Inicjały: od 1 do 4 wielkich liter, np. JK."),
  })
  .refine((v) => v.deadlineType !== "CUSTOM" || v.customDueDate !== null, { message: "Podaj datę terminu załatwienia.", path: ["customDueDate"] })
  .refine((v) => !v.customDueDate || !v.startDate || v.customDueDate >= v.startDate, { message: "Termin nie może być wcześniejszy niż data wszczęcia.", path: ["customDueDate"] });
export type OpenCaseInput = z.input<typeof ZOpenCaseInput>;

export const ZOpenCaseOptionsInput = z.object({ documentId: optionalId });
const ZOption = z.object({ id: z.string(), label: z.string() });
const ZPersonOption = z.object({ id: z.string(), label: z.string(), departmentId: z.string().nullable() });
export const ZOpenCaseOptions = z.object({
  today: z.string(),
  departments: z.array(ZOption.extend({ symbol: z.string() })),
  defaultDepartmentId: z.string().nullable(),
  /** People who may be named responsible (a clerk sees only themself). */
  clerks: z.array(ZPersonOption),
  /** Anyone active, for the confidential access list. */
  people: z.array(ZOption),
  selfId: z.string(),
  source: z
    .object({
      id: z.string(),
      label: z.string(),
      subject: z.string(),
      startDate: z.string().nullable(),
      departmentId: z.string().nullable(),
      sender: ZContactSummary.nullable(),
      caseMark: z.string().nullable(),
      canOpen: z.boolean(),
    })
    .nullable(),
});
export type OpenCaseOptions = z.infer<typeof ZOpenCaseOptions>;

export const ZOpenedCase = z.object({ id: z.string(), mark: z.string() });

// ——— A case ———

export const ZCaseIdInput = z.object({ id: ZId });
export const ZAddDocumentInput = z.object({ caseId: ZId, documentId: z.string().min(1, "Wybierz pismo.").max(64) });
export const ZSuspendCaseInput = z.object({ id: ZId, reason: z.string().trim().min(1, "Podaj powód zawieszenia.").max(1000, "Najwyżej 1000 znaków.") });
export const ZCloseCaseInput = z.object({
  id: ZId,
  note: z
    .string()
    .trim()
    .max(1000, "Najwyżej 1000 znaków.")
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export const ZReopenCaseInput = z.object({ id: ZId, reason: z.string().trim().min(1, "Podaj powód wznowienia.").max(1000, "Najwyżej 1000 znaków.") });
export const ZTransferCaseInput = z.object({
  id: ZId,
  responsibleId: z.string().min(1, "Wybierz osobę, której przekazujesz sprawę.").max(64),
  reason: z
    .string()
    .trim()
    .max(1000, "Najwyżej 1000 znaków.")
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export const ZDeadlineNoticeInput = z.object({
  id: ZId,
  reason: z.string().trim().min(1, "Podaj przyczynę niezałatwienia sprawy w terminie.").max(2000, "Najwyżej 2000 znaków."),
  newDueDate: z.string().min(1, "Podaj nowy termin załatwienia sprawy.").pipe(ZDay),
});
export const ZAddNoteInput = z.object({
  caseId: ZId,
  subject: z.string().trim().min(1, "Podaj tytuł notatki.").max(500, "Najwyżej 500 znaków."),
  body: z
    .string()
    .trim()
    .max(20000, "Najwyżej 20 000 znaków.")
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export const ZAttachCandidatesInput = z.object({ caseId: ZId, q: z.string().trim().max(100).optional() });

const ZPersonRef = z.object({ id: z.string(), name: z.string(), position: z.string().nullable() });

export const ZCaseDocument = z.object({
  id: z.string(),
  kind: z.enum(["INCOMING", "OUTGOING", "INTERNAL", "NOTE"]),
  status: z.string(),
  label: z.string(),
  href: z.string(),
  subject: z.string(),
  body: z.string().nullable(),
  date: z.date(),
  counterpart: z.string().nullable(),
  fileCount: z.number().int(),
});
export type CaseDocumentDto = z.infer<typeof ZCaseDocument>;

export const ZCaseDetail = z.object({
  id: z.string(),
  mark: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  department: z.object({ id: z.string(), symbol: z.string(), name: z.string() }),
  jrwa: z.object({ id: z.string(), symbol: z.string(), name: z.string(), category: z.string().nullable() }),
  year: z.number().int(),
  number: z.number().int(),
  responsible: ZPersonRef,
  createdBy: ZPersonRef,
  createdAt: z.date(),
  startDate: z.string(),
  deadlineType: ZDeadlineType,
  dueDate: z.string().nullable(),
  deadlineState: z.enum(["none", "overdue", "today", "soon", "ok", "paused", "closed"]),
  suspendedReason: z.string().nullable(),
  closedAt: z.date().nullable(),
  confidential: z.boolean(),
  access: z.array(ZOption),
  parties: z.array(ZContactSummary),
  documents: z.array(ZCaseDocument),
  suspensions: z.array(z.object({ id: z.string(), reason: z.string(), startedOn: z.string(), endedOn: z.string().nullable() })),
  notices: z.array(z.object({ id: z.string(), reason: z.string(), previousDue: z.string().nullable(), newDue: z.string(), createdAt: z.date() })),
  sourceDocumentId: z.string().nullable(),
  canManage: z.boolean(),
  canTransferToOthers: z.boolean(),
  today: z.string(),
});
export type CaseDetail = z.infer<typeof ZCaseDetail>;

export const ZTransferOptions = z.object({ people: z.array(ZPersonOption) });
export const ZAttachCandidates = z.array(z.object({ id: z.string(), label: z.string(), subject: z.string(), kind: z.string() }));

// ——— Lists ———

export const ZCaseListInput = z.object({
  view: z.enum(CASE_VIEWS).default("moje"),
  q: z.string().trim().max(100).optional(),
  departmentId: z.string().max(64).optional(),
  jrwa: z.string().trim().max(4).optional(),
  year: z.number().int().min(1990).max(2999).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  sort: z.enum(CASE_SORTS).default("najnowsze"),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type CaseListInput = z.input<typeof ZCaseListInput>;

export const ZCaseListItem = z.object({
  id: z.string(),
  mark: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  departmentSymbol: z.string(),
  jrwaSymbol: z.string(),
  responsibleName: z.string(),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  deadlineState: z.enum(["none", "overdue", "today", "soon", "ok", "paused", "closed"]),
  confidential: z.boolean(),
  createdAt: z.date(),
});
export type CaseListItem = z.infer<typeof ZCaseListItem>;

export const ZCaseList = z.object({
  items: z.array(ZCaseListItem),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
  today: z.string(),
  departments: z.array(ZOption.extend({ symbol: z.string() })),
});
export type CaseList = z.infer<typeof ZCaseList>;

export const ZCaseInboxInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });
export const ZCaseInbox = z.object({ items: z.array(ZCaseListItem), total: z.number().int(), page: z.number().int(), pages: z.number().int(), today: z.string() });
export const ZCaseInboxCounts = z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() });

// ——— Metryka, spis spraw ———

export const ZMetrykaRow = z.object({
  id: z.string(),
  occurredAt: z.date(),
  actorName: z.string().nullable(),
  actorPosition: z.string().nullable(),
  action: z.string(),
  documentLabel: z.string().nullable(),
  documentHref: z.string().nullable(),
});
export type MetrykaRow = z.infer<typeof ZMetrykaRow>;
export const ZMetryka = z.object({ caseId: z.string(), mark: z.string(), title: z.string(), rows: z.array(ZMetrykaRow) });
export type Metryka = z.infer<typeof ZMetryka>;

export const ZCaseRegisterInput = z.object({
  departmentId: z.string().max(64).optional(),
  jrwa: z.string().trim().max(4).optional(),
  year: z.number().int().min(1990).max(2999).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type CaseRegisterInput = z.input<typeof ZCaseRegisterInput>;
export const ZCaseRegisterRow = z.object({
  id: z.string().nullable(),
  number: z.number().int(),
  mark: z.string(),
  title: z.string(),
  from: z.string().nullable(),
  startDate: z.string(),
  closedOn: z.string().nullable(),
  remarks: z.string().nullable(),
});
export type CaseRegisterRow = z.infer<typeof ZCaseRegisterRow>;
export const ZCaseRegister = z.object({
  departments: z.array(ZOption.extend({ symbol: z.string() })),
  years: z.array(z.number().int()),
  /** Set once department, class and year are chosen. */
  selection: z
    .object({
      department: z.object({ id: z.string(), symbol: z.string(), name: z.string() }),
      jrwa: z.object({ id: z.string(), symbol: z.string(), name: z.string(), category: z.string().nullable() }),
      year: z.number().int(),
    })
    .nullable(),
  rows: z.array(ZCaseRegisterRow),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  /** Classes that have cases in the chosen department and year (a hint under the filter). */
  classesWithCases: z.array(ZJrwaOption),
});
export type CaseRegister = z.infer<typeof ZCaseRegister>;
