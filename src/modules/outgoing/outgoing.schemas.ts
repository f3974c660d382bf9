/**
 * Inputs and DTOs of outgoing letters (przesyłki wychodzące), approval paths (ścieżki akceptacji)
 * and the książka nadawcza. Client-safe: the forms validate with the routers' schemas.
 */
import { z } from "zod";

export const OUTGOING_PAGE_SIZE = 25;
export const DISPATCH_BOOK_PAGE_SIZE = 50;

/** Outgoing channels, in the order the form offers them (the law's priority first). */
/** ESP: the citizen's account in the office's own submission box (by e-mail address); EPUAP: an ePUAP box. */
export const OUTGOING_CHANNELS = ["E_DORECZENIA", "REGISTERED_MAIL", "ORDINARY_MAIL", "EMAIL", "ESP", "EPUAP", "PERSONAL"] as const;
export type OutgoingChannel = (typeof OUTGOING_CHANNELS)[number];

export const OUTGOING_STATUSES = ["DRAFT", "AWAITING_APPROVAL", "APPROVED", "DISPATCHED", "CANCELLED"] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

export const APPROVAL_STATUSES = ["WAITING", "PENDING", "APPROVED", "REJECTED", "SKIPPED"] as const;
export type ApprovalStatusName = (typeof APPROVAL_STATUSES)[number];

/** The register's views: my drafts, awaiting approval, to dispatch, dispatched (= the outgoing register). */
export const OUTGOING_VIEWS = ["robocze", "do-akceptacji", "do-wysylki", "wyslane"] as const;
export type OutgoingView = (typeof OUTGOING_VIEWS)[number];

export const OUTGOING_SORTS = ["najnowsze", "najstarsze", "numer"] as const;
export type OutgoingSort = (typeof OUTGOING_SORTS)[number];

const ZId = z.string().min(1).max(64);
const ZIsoDate = (message: string) => z.string().min(1, message).pipe(z.iso.date("Podaj datę w formacie RRRR-MM-DD."));
const ZOptionalDate = z.union([z.literal(""), z.iso.date("Podaj datę w formacie RRRR-MM-DD.")]).optional();

/** What a recipient needs for a channel (the contact's data as the picker returns it). */
export interface RecipientContactData {
  address: string | null;
  email: string | null;
  eDoreczeniaAddress: string | null;
  epuapAddress: string | null;
}

/** The channel the law prefers: e-Doręczenia when the addressee has an address there, else registered paper mail. */
export function defaultChannelFor(contact: Pick<RecipientContactData, "eDoreczeniaAddress">): OutgoingChannel {
  return contact.eDoreczeniaAddress ? "E_DORECZENIA" : "REGISTERED_MAIL";
}

/** Why the contact cannot be reached through the channel (Polish), or null. */
export function recipientChannelProblem(contact: RecipientContactData, channel: OutgoingChannel): string | null {
  switch (channel) {
    case "EMAIL":
      return contact.email ? null : "Ten kontakt nie ma adresu e-mail — uzupełnij go w bazie kontaktów albo wybierz inny sposób wysyłki.";
    case "E_DORECZENIA":
      return contact.eDoreczeniaAddress ? null : "Ten kontakt nie ma adresu do e-Doręczeń — wybierz list polecony albo inny sposób wysyłki.";
    case "ESP":
      return contact.email ? null : "Ten kontakt nie ma adresu e-mail, pod którym odbierze pismo w skrzynce podawczej urzędu (ESP) — uzupełnij go albo wybierz inny sposób wysyłki.";
    case "EPUAP":
      return contact.epuapAddress ? null : "Ten kontakt nie ma adresu skrytki ePUAP — wybierz inny sposób wysyłki.";
    case "REGISTERED_MAIL":
    case "ORDINARY_MAIL":
      return contact.address ? null : "Ten kontakt nie ma adresu pocztowego — uzupełnij go w bazie kontaktów albo wybierz inny sposób wysyłki.";
    case "PERSONAL":
      return null;
  }
}

/** The address the letter goes to by that channel: postal, e-Doręczenia, ePUAP box or e-mail. */
export function deliveryAddressFor(contact: RecipientContactData, channel: OutgoingChannel): string | null {
  switch (channel) {
    case "EMAIL":
      return contact.email;
    case "E_DORECZENIA":
      return contact.eDoreczeniaAddress;
    case "ESP":
      return contact.email;
    case "EPUAP":
      return contact.epuapAddress;
    default:
      return contact.address;
  }
}

export const ZRecipientInput = z.object({
  contactId: z.string().min(1, "Wybierz adresata z bazy kontaktów.").max(64),
  channel: z.enum(OUTGOING_CHANNELS, { message: "Wybierz sposób wysyłki." }),
});
export type RecipientInput = z.infer<typeof ZRecipientInput>;

const draftFields = {
  subject: z.string().trim().min(1, "Podaj tytuł (temat) pisma.").max(300, "Tytuł może mieć najwyżej 300 znaków."),
  body: z.string().max(20_000, "Treść może mieć najwyżej 20 000 znaków.").default(""),
  recipients: z
    .array(ZRecipientInput)
    .min(1, "Dodaj co najmniej jednego adresata.")
    .max(50, "Pismo może mieć najwyżej 50 adresatów.")
    .refine((list) => new Set(list.map((r) => r.contactId)).size === list.length, "Ten sam adresat jest na liście dwa razy."),
  caseId: z.string().max(64).optional().nullable(),
  replyToId: z.string().max(64).optional().nullable(),
};

export const ZCreateDraftInput = z.object(draftFields);
export type CreateDraftInput = z.input<typeof ZCreateDraftInput>;

export const ZUpdateDraftInput = z.object({ id: ZId, ...draftFields });
export type UpdateDraftInput = z.input<typeof ZUpdateDraftInput>;

export const ZOutgoingIdInput = z.object({ id: ZId });

export const ZRejectInput = z.object({
  id: ZId,
  comment: z.string().trim().min(1, "Podaj powód zwrotu — autor zobaczy go przy projekcie.").max(2000, "Najwyżej 2000 znaków."),
});
export type RejectInput = z.input<typeof ZRejectInput>;

/** The electronic signature the person made on the letter's PDF just before this act (optional). */
const ZSignatureRef = z.string().trim().min(1).max(80).optional();
export const ZApproveInput = z.object({ id: ZId, comment: z.string().trim().max(2000, "Najwyżej 2000 znaków.").optional(), signatureId: ZSignatureRef });
export const ZSubmitInput = z.object({ id: ZId, signatureId: ZSignatureRef });

export const ZRecordDeliveryInput = z.object({
  recipientId: ZId,
  deliveredOn: ZIsoDate("Podaj datę doręczenia z potwierdzenia odbioru."),
});
export type RecordDeliveryInput = z.input<typeof ZRecordDeliveryInput>;

export const ZDraftPrefillInput = z.object({ caseId: z.string().max(64).optional(), replyToId: z.string().max(64).optional() });

export const ZOutgoingListInput = z.object({
  view: z.enum(OUTGOING_VIEWS).default("wyslane"),
  year: z.number().int().min(2000).max(2100).optional(),
  channel: z.enum(OUTGOING_CHANNELS).optional(),
  q: z.string().trim().max(100).optional(),
  departmentId: z.string().max(64).optional(),
  from: ZOptionalDate,
  to: ZOptionalDate,
  sort: z.enum(OUTGOING_SORTS).default("najnowsze"),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type OutgoingListInput = z.input<typeof ZOutgoingListInput>;

// ——— DTOs ———

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZRecipientDto = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  channel: z.enum(OUTGOING_CHANNELS),
  trackingNo: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  dispatchBook: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type RecipientDto = z.infer<typeof ZRecipientDto>;

export const ZOutgoingListItem = z.object({
  id: z.string(),
  seq: z.number().int(),
  label: z.string(),
  registerNo: z.string().nullable(),
  subject: z.string(),
  status: z.enum(OUTGOING_STATUSES),
  departmentSymbol: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.date(),
  dispatchedAt: z.date().nullable(),
  caseMark: z.string().nullable(),
  recipients: z.array(z.object({ name: z.string(), channel: z.enum(OUTGOING_CHANNELS), deliveredOn: z.string().nullable() })),
});
export type OutgoingListItem = z.infer<typeof ZOutgoingListItem>;

export const ZOutgoingList = z.object({
  items: z.array(ZOutgoingListItem),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ robocze: z.number().int(), "do-akceptacji": z.number().int(), "do-wysylki": z.number().int(), wyslane: z.number().int() }),
  departments: z.array(z.object({ id: z.string(), label: z.string() })),
  canDispatch: z.boolean(),
});
export type OutgoingList = z.infer<typeof ZOutgoingList>;

export const ZApprovalStepDto = z.object({
  id: z.string(),
  order: z.number().int(),
  approver: ZPerson.extend({ position: z.string().nullable() }),
  status: z.enum(APPROVAL_STATUSES),
  comment: z.string().nullable(),
  decidedAt: z.date().nullable(),
  /** The decision was made with an electronic signature on the letter's PDF. */
  signed: z.boolean(),
});
export type ApprovalStepDto = z.infer<typeof ZApprovalStepDto>;

export const ZHistoryEntry = z.object({
  id: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  actorPosition: z.string().nullable(),
  occurredAt: z.date(),
  comment: z.string().nullable(),
});

export const ZOutgoingDetail = z.object({
  id: z.string(),
  seq: z.number().int(),
  label: z.string(),
  registerNo: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(OUTGOING_STATUSES),
  department: z.object({ id: z.string(), symbol: z.string(), name: z.string() }).nullable(),
  author: ZPerson,
  createdAt: z.date(),
  updatedAt: z.date(),
  dispatchedAt: z.date().nullable(),
  dispatchedBy: ZPerson.nullable(),
  case: z.object({ id: z.string(), mark: z.string(), title: z.string() }).nullable(),
  replyTo: z.object({ id: z.string(), label: z.string(), subject: z.string() }).nullable(),
  recipients: z.array(ZRecipientDto),
  approvalSteps: z.array(ZApprovalStepDto),
  /** Electronic signatures made on the letter's files (PAdES/XAdES/CAdES), oldest first. */
  signatures: z.array(z.object({ id: z.string(), signerName: z.string(), signedAt: z.date(), format: z.enum(["CADES", "PADES", "XADES"]), fileName: z.string() })),
  /** The latest rejection's comment while the letter is a draft again. */
  rejection: z.object({ comment: z.string().nullable(), by: z.string(), at: z.date() }).nullable(),
  history: z.array(ZHistoryEntry),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    decide: z.boolean(),
    dispatch: z.boolean(),
    recordDelivery: z.boolean(),
    uploadFiles: z.boolean(),
  }),
});
export type OutgoingDetail = z.infer<typeof ZOutgoingDetail>;

/** A contact as the draft form holds it (contract 1's ContactSummary). */
export const ZContactRef = z.object({
  id: z.string(),
  kind: z.enum(["PERSON", "INSTITUTION", "COMPANY"]),
  name: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  eDoreczeniaAddress: z.string().nullable(),
  epuapAddress: z.string().nullable(),
});

/** What the draft form starts from: a new draft (from a case or in reply to a letter) or an existing one. */
export const ZDraftForm = z.object({
  id: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  recipients: z.array(z.object({ contact: ZContactRef, channel: z.enum(OUTGOING_CHANNELS) })),
  case: z.object({ id: z.string(), mark: z.string(), title: z.string() }).nullable(),
  replyTo: z.object({ id: z.string(), label: z.string(), subject: z.string() }).nullable(),
});
export type DraftForm = z.infer<typeof ZDraftForm>;

export const ZDraftCreated = z.object({ id: z.string(), label: z.string() });

export const ZDecisionResult = z.object({ status: z.enum(OUTGOING_STATUSES) });

export const ZDispatchResult = z.object({ registerNo: z.string() });

// ——— Inbox ("Do mnie") ———

export const ZInboxApprovalItem = z.object({
  id: z.string(),
  label: z.string(),
  subject: z.string(),
  authorName: z.string(),
  departmentSymbol: z.string().nullable(),
  since: z.date(),
  comment: z.string().nullable(),
});

export const ZInboxApprovals = z.object({
  toApprove: z.array(ZInboxApprovalItem),
  toApproveTotal: z.number().int(),
  rejected: z.array(ZInboxApprovalItem),
  rejectedTotal: z.number().int(),
});
export type InboxApprovalsDto = z.infer<typeof ZInboxApprovals>;

export const ZOutgoingInboxCounts = z.object({ toApprove: z.number().int(), toDispatch: z.number().int(), rejected: z.number().int() });
export type OutgoingInboxCounts = z.infer<typeof ZOutgoingInboxCounts>;

// ——— Approval paths ———

export const APPROVAL_PATH_KINDS = ["HEAD", "USER"] as const;

export const ZApprovalPathStepInput = z
  .object({ kind: z.enum(APPROVAL_PATH_KINDS), userId: z.string().max(64).nullable().optional() })
  .refine((s) => s.kind === "HEAD" || Boolean(s.userId), { message: "Wybierz osobę akceptującą.", path: ["userId"] });

export const ZSaveApprovalPathInput = z.object({
  departmentId: ZId,
  steps: z.array(ZApprovalPathStepInput).min(1, "Ścieżka musi mieć co najmniej jeden krok.").max(8, "Ścieżka może mieć najwyżej 8 kroków."),
});
export type SaveApprovalPathInput = z.input<typeof ZSaveApprovalPathInput>;

export const ZApprovalPathDepartmentInput = z.object({ departmentId: ZId });

const ZPathStepDto = z.object({ kind: z.enum(APPROVAL_PATH_KINDS), userId: z.string().nullable(), userName: z.string().nullable(), userPosition: z.string().nullable() });

export const ZApprovalPathRow = z.object({
  department: z.object({ id: z.string(), symbol: z.string(), name: z.string(), parentSymbol: z.string().nullable(), headName: z.string().nullable() }),
  /** Configured steps; empty means the default ([HEAD]) or the parent wydział's path for a referat. */
  steps: z.array(ZPathStepDto),
  inheritedFrom: z.string().nullable(),
});
export type ApprovalPathRow = z.infer<typeof ZApprovalPathRow>;

export const ZApprovalPathList = z.array(ZApprovalPathRow);

export const ZApprovalPathEditor = z.object({
  row: ZApprovalPathRow,
  people: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type ApprovalPathEditor = z.infer<typeof ZApprovalPathEditor>;

// ——— Książka nadawcza ———

export const ZBookCandidatesInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });

export const ZBookCandidate = z.object({
  recipientId: z.string(),
  documentId: z.string(),
  label: z.string(),
  subject: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  dispatchedAt: z.date().nullable(),
});

export const ZBookCandidates = z.object({
  items: z.array(ZBookCandidate),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  today: z.string(),
});
export type BookCandidates = z.infer<typeof ZBookCandidates>;

export const ZCreateDispatchBookInput = z.object({
  date: ZIsoDate("Podaj datę nadania."),
  /** Selected recipients; empty = all waiting registered letters. */
  recipientIds: z.array(ZId).max(1000).default([]),
});
export type CreateDispatchBookInput = z.input<typeof ZCreateDispatchBookInput>;

export const ZDispatchBookListInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });

export const ZDispatchBookSummary = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  itemCount: z.number().int(),
  createdByName: z.string(),
  createdAt: z.date(),
});

export const ZDispatchBookList = z.object({
  items: z.array(ZDispatchBookSummary),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
});

export const ZDispatchBookItem = z.object({
  recipientId: z.string(),
  lp: z.number().int(),
  documentId: z.string(),
  label: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  trackingNo: z.string().nullable(),
  deliveredOn: z.string().nullable(),
});

export const ZDispatchBook = ZDispatchBookSummary.extend({ items: z.array(ZDispatchBookItem) });
export type DispatchBookDto = z.infer<typeof ZDispatchBook>;

export const ZSaveTrackingInput = z.object({
  bookId: ZId,
  items: z
    .array(
      z.object({
        recipientId: ZId,
        trackingNo: z
          .string()
          .trim()
          .max(40, "Numer nadawczy może mieć najwyżej 40 znaków.")
          .regex(/^[A-Za-z0-9 -]*$/, "Numer nadawczy może zawierać litery, cyfry, spacje i myślniki."),
      }),
    )
    .max(1000),
});
export type SaveTrackingInput = z.input<typeof ZSaveTrackingInput>;
