/**
 * Inputs and DTOs of the BIP editor (staff): articles and their versions, the approval workflow,
 * attachments, the menu tree and the bulletin's settings. Client-safe; shared by the forms and
 * the router.
 */
import { z } from "zod";
import { BIP_SPECIALS, ZAccessibilityStatement, ZProcedureCard } from "./bip.schemas";

export const BIP_EDITOR_PATH = "/bip-redakcja";
export const BIP_ARTICLES_PAGE_SIZE = 25;
export const bipEditorArticleHref = (id: string) => `${BIP_EDITOR_PATH}/${id}`;

const text = (max: number) => z.string().trim().max(max, `Najwyżej ${max} znaków.`);
const required = (max: number, message: string) => text(max).min(1, message);
const id = z.string().min(1).max(64);
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Podaj datę w formacie RRRR-MM-DD.");
/** A datetime-local value (Polish time): "2026-11-25T09:15". */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Podaj datę i godzinę.");

export const BIP_SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ZBipSlug = z
  .string()
  .trim()
  .min(1, "Podaj adres (segment URL).")
  .max(80, "Najwyżej 80 znaków.")
  .regex(BIP_SLUG_RE, "Adres: małe litery bez polskich znaków, cyfry i myślniki, np. „ogloszenia”.");

export const ZEspFormCode = z
  .string()
  .trim()
  .max(60)
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, "Kod formularza: małe litery, cyfry i myślniki, np. „pismo-ogolne”.");

/** The fields of one version as the editor sends them. Restriction: all three fields or none. */
export const ZArticleFields = z
  .object({
    title: required(300, "Podaj tytuł."),
    summary: text(500).default(""),
    /** Raw HTML from the editor; the server sanitises it (allow-list) before storing. */
    bodyHtml: z.string().max(500_000, "Treść jest za długa.").default(""),
    producedBy: required(200, "Podaj, kto wytworzył informację (np. „Wydział Finansowy — Anna Nowak”)."),
    producedAt: dateOnly,
    changeNote: text(1000).default(""),
    restrictionScope: text(1000).default(""),
    restrictionBasis: text(1000).default(""),
    restrictedBy: text(200).default(""),
    procedure: ZProcedureCard.nullable().default(null),
    espFormCode: ZEspFormCode.default(""),
  })
  .superRefine((v, ctx) => {
    const filled = [v.restrictionScope, v.restrictionBasis, v.restrictedBy].filter(Boolean).length;
    if (filled > 0 && filled < 3) {
      for (const key of ["restrictionScope", "restrictionBasis", "restrictedBy"] as const) {
        if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "Ograniczenie dostępu wymaga zakresu, podstawy prawnej i osoby, która je wprowadziła." });
      }
    }
  });
export type ArticleFields = z.input<typeof ZArticleFields>;

export const ZCreateArticleInput = z.object({ menuItemId: id, fields: ZArticleFields });
export const ZSaveDraftInput = z.object({ articleId: id, fields: ZArticleFields });
export const ZArticleIdInput = z.object({ articleId: id });
export const ZApproveInput = z.object({
  articleId: id,
  /** Empty = publish now; a later Polish local time = scheduled publication. */
  publishAt: localDateTime.or(z.literal("")).default(""),
});
export const ZReturnVersionInput = z.object({ articleId: id, comment: required(1000, "Napisz, co trzeba poprawić.") });
export const ZWithdrawInput = z.object({ articleId: id, reason: required(1000, "Podaj powód wycofania.") });
export const ZAttachmentIdInput = z.object({ attachmentId: id });
export const ZAttachmentTitle = text(300);

export const BIP_LIST_FILTERS = ["all", "mine", "waiting", "draft", "published", "withdrawn"] as const;
export type BipListFilter = (typeof BIP_LIST_FILTERS)[number];
export const ZArticleListInput = z.object({
  menuItemId: id.optional(),
  filter: z.enum(BIP_LIST_FILTERS).default("all"),
  q: text(200).optional(),
  page: z.number().int().min(1).max(1000).default(1),
});

// Menu ------------------------------------------------------------------------------------------

export const ZMenuAddInput = z
  .object({
    parentId: id.nullable().default(null),
    title: required(200, "Podaj nazwę pozycji menu."),
    slug: ZBipSlug,
    kind: z.enum(["ARTICLES", "PAGE", "SPECIAL"]),
    special: z.enum(BIP_SPECIALS).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "SPECIAL" && !v.special) ctx.addIssue({ code: "custom", path: ["special"], message: "Wybierz stronę specjalną." });
  });
export const ZMenuUpdateInput = z.object({ id, title: required(200, "Podaj nazwę pozycji menu."), slug: ZBipSlug });
export const ZMenuMoveInput = z.object({ id, direction: z.enum(["up", "down"]) });
export const ZMenuVisibleInput = z.object({ id, visible: z.boolean() });
export const ZMenuIdInput = z.object({ id });

export const ZMenuItemDto = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  slug: z.string(),
  title: z.string(),
  kind: z.enum(["ARTICLES", "PAGE", "SPECIAL"]),
  special: z.string().nullable(),
  visible: z.boolean(),
  sortKey: z.number(),
  depth: z.number(),
  path: z.array(z.string()),
  articleCount: z.number(),
  childCount: z.number(),
  /** Articles can be written under it (ARTICLES, PAGE, or the specials that list articles). */
  holdsArticles: z.boolean(),
  /** Under "Jak załatwić sprawę": its articles carry a procedure card and an ESP form. */
  procedure: z.boolean(),
});
export type MenuItemDto = z.infer<typeof ZMenuItemDto>;

// Articles --------------------------------------------------------------------------------------

export const VERSION_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
export const ARTICLE_STATUSES = ["DRAFT", "PUBLISHED", "WITHDRAWN"] as const;

export const ZVersionDto = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(VERSION_STATUSES),
  /** APPROVED and publishAt in the past. */
  published: z.boolean(),
  /** APPROVED with publishAt in the future. */
  scheduled: z.boolean(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  procedure: ZProcedureCard.nullable(),
  producedBy: z.string(),
  producedAt: z.string(),
  enteredByName: z.string(),
  enteredById: z.string(),
  changeNote: z.string(),
  restrictionScope: z.string().nullable(),
  restrictionBasis: z.string().nullable(),
  restrictedBy: z.string().nullable(),
  submittedAt: z.date().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  reviewComment: z.string().nullable(),
  publishAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type VersionDto = z.infer<typeof ZVersionDto>;

export const ZAttachmentDto = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  addedInVersion: z.number(),
  removedInVersion: z.number().nullable(),
  downloads: z.number(),
  createdAt: z.date(),
});
export type AttachmentDto = z.infer<typeof ZAttachmentDto>;

export const ZArticleDetail = z.object({
  id: z.string(),
  seq: z.number(),
  status: z.enum(ARTICLE_STATUSES),
  espFormCode: z.string().nullable(),
  viewCount: z.number(),
  menuItem: z.object({ id: z.string(), title: z.string(), path: z.array(z.string()), procedure: z.boolean() }),
  createdByName: z.string(),
  createdAt: z.date(),
  withdrawnAt: z.date().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  publisher: z.string(),
  /** Newest first. */
  versions: z.array(ZVersionDto),
  attachments: z.array(ZAttachmentDto),
  /** The number of the version being edited (DRAFT, RETURNED or SUBMITTED), if any. */
  openVersion: z.number().nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), withdraw: z.boolean(), attach: z.boolean() }),
});
export type ArticleDetail = z.infer<typeof ZArticleDetail>;

export const ZArticleListItem = z.object({
  id: z.string(),
  seq: z.number(),
  status: z.enum(ARTICLE_STATUSES),
  title: z.string(),
  menuTitle: z.string(),
  latestNumber: z.number(),
  latestStatus: z.enum(VERSION_STATUSES),
  latestScheduled: z.boolean(),
  latestEnteredByName: z.string(),
  updatedAt: z.date(),
});
export type ArticleListItem = z.infer<typeof ZArticleListItem>;

export const ZArticleList = z.object({
  items: z.array(ZArticleListItem),
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pages: z.number(),
  waiting: z.number(),
});
export type ArticleList = z.infer<typeof ZArticleList>;

export const ZSavedVersion = z.object({ articleId: z.string(), seq: z.number(), number: z.number() });

// Settings --------------------------------------------------------------------------------------

export const ZBipSettingsInput = z.object({
  publisher: required(300, "Podaj podmiot udostępniający informację."),
  editorName: required(200, "Podaj imię i nazwisko redaktora BIP."),
  editorPhone: text(50).regex(/^[0-9 +()-]*$/, "Telefon: cyfry, spacje, +, ( ) i -.").default(""),
  editorEmail: z.string().trim().max(200).pipe(z.email("Podaj poprawny adres e-mail, np. bip@urzad.gov.pl.")),
  accessibility: ZAccessibilityStatement,
});
export type BipSettingsInput = z.input<typeof ZBipSettingsInput>;
export const ZBipSettingsDto = z.object({
  publisher: z.string(),
  editorName: z.string(),
  editorPhone: z.string(),
  editorEmail: z.string(),
  accessibility: ZAccessibilityStatement,
  updatedAt: z.date().nullable(),
});
export type BipSettingsDto = z.infer<typeof ZBipSettingsDto>;
