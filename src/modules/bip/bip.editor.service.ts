/**
 * The BIP editor (staff): articles and their versions (rejestr zmian), the approval workflow
 * (draft → submitted → approved now or at a chosen time / returned), withdrawal to the archive,
 * attachments per version, the menu tree and the bulletin's settings. Framework-free; every change
 * writes its bip.* audit entry in its transaction. Published versions are never updated (a DB
 * trigger refuses it): an edit of an approved article makes a new version.
 */
import "server-only";
import { Prisma } from "@prisma/client";
import type { z } from "zod";
import { CAPPED_COUNT, pageWindow } from "@/lib/paging";
import { todayInPoland } from "@/lib/i18n/translator";
import { checkUpload, sha256Hex } from "@/modules/files/files.service";
import { fromDateOnly, toDateOnly, warsawLocalToDate } from "@/modules/letters/letters.dates";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { AppError, badRequest, conflict, forbidden, isUniqueViolation, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import {
  BIP_ARTICLES_PAGE_SIZE,
  type ArticleDetail,
  type ArticleList,
  type AttachmentDto,
  type BipSettingsDto,
  type MenuItemDto,
  type VersionDto,
  type ZApproveInput,
  type ZArticleFields,
  type ZArticleListInput,
  type ZBipSettingsInput,
  type ZCreateArticleInput,
  type ZMenuAddInput,
  type ZMenuMoveInput,
  type ZMenuUpdateInput,
  type ZMenuVisibleInput,
  type ZReturnVersionInput,
  type ZSaveDraftInput,
  type ZWithdrawInput,
} from "./bip.editor.schemas";
import { canApproveArticle, canAttach, canEditArticle, canSubmitArticle, canWithdrawArticle, latestVersion, openVersion } from "./bip.policy";
import { sanitizeBipHtml } from "./bip.sanitize";
import { ZAccessibilityStatement, ZProcedureCard, type ProcedureCard } from "./bip.schemas";

type Fields = z.output<typeof ZArticleFields>;
type CreateInput = z.output<typeof ZCreateArticleInput>;
type SaveInput = z.output<typeof ZSaveDraftInput>;
type ApproveInput = z.output<typeof ZApproveInput>;
type ReturnInput = z.output<typeof ZReturnVersionInput>;
type WithdrawInput = z.output<typeof ZWithdrawInput>;
type ListInput = z.output<typeof ZArticleListInput>;
type MenuAddInput = z.output<typeof ZMenuAddInput>;
type MenuUpdateInput = z.output<typeof ZMenuUpdateInput>;
type MenuMoveInput = z.output<typeof ZMenuMoveInput>;
type MenuVisibleInput = z.output<typeof ZMenuVisibleInput>;
type SettingsInput = z.output<typeof ZBipSettingsInput>;

const ARTICLE_NOT_FOUND = "Nie znaleziono takiego artykułu BIP.";
const MENU_NOT_FOUND = "Nie znaleziono takiej pozycji menu BIP.";
const STALE = "Artykuł zmienił się w międzyczasie. Odśwież stronę i spróbuj ponownie.";
const PROCEDURE_SPECIAL = "jak-zalatwic-sprawe";
/** Specials that list articles written in the editor. */
const ARTICLE_SPECIALS = new Set([PROCEDURE_SPECIAL, "rejestr-umow"]);
const MAX_MENU_DEPTH = 3;
const MAX_SCHEDULE_DAYS = 366;

const nullIfEmpty = (v: string) => (v === "" ? null : v);

// Names of users (versions keep ids only) -------------------------------------------------------

async function namesOf(db: Pick<Tx, "user">, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
}

// Menu ------------------------------------------------------------------------------------------

interface MenuRow {
  id: string;
  parentId: string | null;
  slug: string;
  title: string;
  kind: "ARTICLES" | "PAGE" | "SPECIAL";
  special: string | null;
  visible: boolean;
  sortKey: number;
  _count: { articles: number; children: number };
}

const menuSelect = {
  id: true,
  parentId: true,
  slug: true,
  title: true,
  kind: true,
  special: true,
  visible: true,
  sortKey: true,
  _count: { select: { articles: true, children: true } },
} as const satisfies Prisma.BipMenuItemSelect;

const holdsArticles = (row: Pick<MenuRow, "kind" | "special">) => row.kind !== "SPECIAL" || (row.special !== null && ARTICLE_SPECIALS.has(row.special));

/** The menu as a depth-first list (siblings by sortKey, then title), with paths and flags. */
function buildTree(rows: MenuRow[]): MenuItemDto[] {
  const byParent = new Map<string | null, MenuRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const out: MenuItemDto[] = [];
  const walk = (parentId: string | null, depth: number, path: string[], procedure: boolean) => {
    const children = (byParent.get(parentId) ?? []).sort((a, b) => a.sortKey - b.sortKey || a.title.localeCompare(b.title, "pl"));
    for (const r of children) {
      const p = [...path, r.slug];
      const proc = procedure || r.special === PROCEDURE_SPECIAL;
      out.push({
        id: r.id,
        parentId: r.parentId,
        slug: r.slug,
        title: r.title,
        kind: r.kind,
        special: r.special,
        visible: r.visible,
        sortKey: r.sortKey,
        depth,
        path: p,
        articleCount: r._count.articles,
        childCount: r._count.children,
        holdsArticles: holdsArticles(r),
        procedure: proc,
      });
      if (depth < 20) walk(r.id, depth + 1, p, proc);
    }
  };
  walk(null, 0, [], false);
  return out;
}

async function loadMenu(db: Pick<Tx, "bipMenuItem">): Promise<MenuItemDto[]> {
  return buildTree(await db.bipMenuItem.findMany({ select: menuSelect }));
}

/** The menu tree for the editor (every item, hidden ones too): editors pick where an article goes. */
export async function listBipMenu(ctx: ServiceContext): Promise<MenuItemDto[]> {
  assertCan(ctx.actor, "bip.edit");
  return loadMenu(ctx.db);
}

/** The same tree for whoever manages the menu (bip.manage, e.g. an administrator who does not write articles). */
export async function listBipMenuForManager(ctx: ServiceContext): Promise<MenuItemDto[]> {
  assertCan(ctx.actor, "bip.manage");
  return loadMenu(ctx.db);
}

async function assertSlugFree(tx: Tx, parentId: string | null, slug: string, exceptId?: string) {
  const taken = await tx.bipMenuItem.findFirst({ where: { parentId, slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw conflict("Ten adres jest już zajęty przez inną pozycję na tym poziomie menu.", { slug: "Adres musi być niepowtarzalny wśród pozycji na tym samym poziomie." });
}

export async function addBipMenuItem(ctx: ServiceContext, input: MenuAddInput): Promise<MenuItemDto> {
  assertCan(ctx.actor, "bip.manage");
  try {
    return await ctx.db.$transaction(async (tx) => {
      const tree = await loadMenu(tx);
      if (input.parentId) {
        const parent = tree.find((m) => m.id === input.parentId);
        if (!parent) throw notFound(MENU_NOT_FOUND);
        if (parent.depth + 1 >= MAX_MENU_DEPTH) throw badRequest(`Menu BIP może mieć najwyżej ${MAX_MENU_DEPTH} poziomy.`);
      }
      await assertSlugFree(tx, input.parentId, input.slug);
      const special = input.kind === "SPECIAL" ? input.special : null;
      if (special && tree.some((m) => m.special === special)) throw conflict("Ta strona specjalna jest już w menu.", { special: "Ta strona specjalna jest już w menu." });
      const last = tree.filter((m) => m.parentId === input.parentId).reduce((max, m) => Math.max(max, m.sortKey), 0);
      const row = await tx.bipMenuItem.create({
        data: { parentId: input.parentId, slug: input.slug, title: input.title, kind: input.kind, special, sortKey: last + 10 },
        select: { id: true },
      });
      await recordAudit(tx, ctx, { action: "bip.menu-changed", entityType: "bip-menu", entityId: row.id, data: { change: "added", title: input.title } });
      return (await loadMenu(tx)).find((m) => m.id === row.id)!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Ten adres jest już zajęty przez inną pozycję na tym poziomie menu.", { slug: "Adres musi być niepowtarzalny wśród pozycji na tym samym poziomie." });
    throw error;
  }
}

export async function updateBipMenuItem(ctx: ServiceContext, input: MenuUpdateInput): Promise<void> {
  assertCan(ctx.actor, "bip.manage");
  try {
    await ctx.db.$transaction(async (tx) => {
      const item = await tx.bipMenuItem.findUnique({ where: { id: input.id }, select: { id: true, parentId: true, title: true, slug: true } });
      if (!item) throw notFound(MENU_NOT_FOUND);
      if (item.title === input.title && item.slug === input.slug) return;
      await assertSlugFree(tx, item.parentId, input.slug, item.id);
      await tx.bipMenuItem.update({ where: { id: item.id }, data: { title: input.title, slug: input.slug } });
      const change = item.slug !== input.slug ? `renamed: ${item.title} (${item.slug}) → ${input.title} (${input.slug})` : `renamed: ${item.title} → ${input.title}`;
      await recordAudit(tx, ctx, { action: "bip.menu-changed", entityType: "bip-menu", entityId: item.id, data: { change, title: input.title } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Ten adres jest już zajęty przez inną pozycję na tym poziomie menu.", { slug: "Adres musi być niepowtarzalny wśród pozycji na tym samym poziomie." });
    throw error;
  }
}

/** Moves an item one place up or down among its siblings (renumbering them 10, 20, …). */
export async function moveBipMenuItem(ctx: ServiceContext, input: MenuMoveInput): Promise<void> {
  assertCan(ctx.actor, "bip.manage");
  await ctx.db.$transaction(async (tx) => {
    const tree = await loadMenu(tx);
    const item = tree.find((m) => m.id === input.id);
    if (!item) throw notFound(MENU_NOT_FOUND);
    const siblings = tree.filter((m) => m.parentId === item.parentId);
    const at = siblings.findIndex((m) => m.id === item.id);
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= siblings.length) return;
    const order = [...siblings];
    [order[at], order[to]] = [order[to]!, order[at]!];
    for (const [i, m] of order.entries()) {
      if (m.sortKey !== (i + 1) * 10) await tx.bipMenuItem.update({ where: { id: m.id }, data: { sortKey: (i + 1) * 10 } });
    }
    await recordAudit(tx, ctx, { action: "bip.menu-changed", entityType: "bip-menu", entityId: item.id, data: { change: input.direction === "up" ? "moved up" : "moved down", title: item.title } });
  });
}

export async function setBipMenuItemVisible(ctx: ServiceContext, input: MenuVisibleInput): Promise<void> {
  assertCan(ctx.actor, "bip.manage");
  await ctx.db.$transaction(async (tx) => {
    const item = await tx.bipMenuItem.findUnique({ where: { id: input.id }, select: { id: true, title: true, visible: true } });
    if (!item) throw notFound(MENU_NOT_FOUND);
    if (item.visible === input.visible) return;
    await tx.bipMenuItem.update({ where: { id: item.id }, data: { visible: input.visible } });
    await recordAudit(tx, ctx, { action: "bip.menu-changed", entityType: "bip-menu", entityId: item.id, data: { change: input.visible ? "shown" : "hidden", title: item.title } });
  });
}

/** Deletes an empty item (no sub-items, no articles); special pages are never deleted (hide them instead). */
export async function deleteBipMenuItem(ctx: ServiceContext, id: string): Promise<void> {
  assertCan(ctx.actor, "bip.manage");
  await ctx.db.$transaction(async (tx) => {
    const item = await tx.bipMenuItem.findUnique({ where: { id }, select: menuSelect });
    if (!item) throw notFound(MENU_NOT_FOUND);
    if (item.kind === "SPECIAL") throw badRequest("Stron specjalnych nie można usunąć — można je ukryć.");
    if (item._count.children > 0) throw conflict("Najpierw usuń albo przenieś pozycje podrzędne.");
    if (item._count.articles > 0) throw conflict("Ta pozycja ma artykuły (także wycofane, które zostają w archiwum) — można ją tylko ukryć.");
    await tx.bipMenuItem.delete({ where: { id: item.id } });
    await recordAudit(tx, ctx, { action: "bip.menu-changed", entityType: "bip-menu", entityId: item.id, data: { change: "deleted", title: item.title } });
  });
}

// Articles: reading -----------------------------------------------------------------------------

const versionSelect = {
  id: true,
  number: true,
  status: true,
  title: true,
  summary: true,
  bodyHtml: true,
  bodyText: true,
  procedure: true,
  producedBy: true,
  producedAt: true,
  enteredById: true,
  changeNote: true,
  restrictionScope: true,
  restrictionBasis: true,
  restrictedBy: true,
  submittedAt: true,
  reviewedById: true,
  reviewedAt: true,
  reviewComment: true,
  publishAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.BipArticleVersionSelect;
type VersionRow = Prisma.BipArticleVersionGetPayload<{ select: typeof versionSelect }>;

const attachmentSelect = {
  id: true,
  title: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  addedInVersion: true,
  removedInVersion: true,
  downloads: true,
  createdAt: true,
} as const satisfies Prisma.BipAttachmentSelect;

/** What the policy and the workflow need of an article. */
const stateSelect = {
  id: true,
  seq: true,
  status: true,
  createdById: true,
  menuItemId: true,
  versions: { select: { id: true, number: true, status: true, enteredById: true, publishAt: true }, orderBy: { number: "asc" } },
} as const satisfies Prisma.BipArticleSelect;
type ArticleState = Prisma.BipArticleGetPayload<{ select: typeof stateSelect }>;

async function loadState(tx: Pick<Tx, "bipArticle">, articleId: string): Promise<ArticleState> {
  const row = await tx.bipArticle.findUnique({ where: { id: articleId }, select: stateSelect });
  if (!row) throw notFound(ARTICLE_NOT_FOUND);
  return row;
}

function toVersionDto(v: VersionRow, names: Map<string, string>, now: Date): VersionDto {
  const parsed = v.procedure === null ? null : ZProcedureCard.safeParse(v.procedure);
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    published: v.status === "APPROVED" && !!v.publishAt && v.publishAt <= now,
    scheduled: v.status === "APPROVED" && !!v.publishAt && v.publishAt > now,
    title: v.title,
    summary: v.summary,
    bodyHtml: v.bodyHtml,
    bodyText: v.bodyText,
    procedure: parsed?.success ? parsed.data : null,
    producedBy: v.producedBy,
    producedAt: toDateOnly(v.producedAt),
    enteredById: v.enteredById,
    enteredByName: names.get(v.enteredById) ?? "—",
    changeNote: v.changeNote,
    restrictionScope: v.restrictionScope,
    restrictionBasis: v.restrictionBasis,
    restrictedBy: v.restrictedBy,
    submittedAt: v.submittedAt,
    reviewedByName: v.reviewedById ? (names.get(v.reviewedById) ?? "—") : null,
    reviewedAt: v.reviewedAt,
    reviewComment: v.reviewComment,
    publishAt: v.publishAt,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

async function publisherName(db: Pick<Tx, "bipSettings" | "office">): Promise<string> {
  const settings = await db.bipSettings.findUnique({ where: { id: 1 }, select: { publisher: true } });
  if (settings?.publisher) return settings.publisher;
  return (await db.office.findUnique({ where: { id: 1 }, select: { name: true } }))?.name ?? "";
}

/** One article with all its versions (newest first), its attachments and what the actor may do. */
export async function getBipArticle(ctx: ServiceContext, articleId: string, now = new Date()): Promise<ArticleDetail> {
  assertCan(ctx.actor, "bip.edit");
  const row = await ctx.db.bipArticle.findUnique({
    where: { id: articleId },
    select: {
      ...stateSelect,
      espFormCode: true,
      viewCount: true,
      createdAt: true,
      withdrawnAt: true,
      withdrawnById: true,
      withdrawalReason: true,
      menuItem: { select: { id: true, title: true } },
      attachments: { select: attachmentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) throw notFound(ARTICLE_NOT_FOUND);
  const versions = await ctx.db.bipArticleVersion.findMany({ where: { articleId }, select: versionSelect, orderBy: { number: "desc" } });
  const names = await namesOf(ctx.db, [row.createdById, row.withdrawnById, ...versions.flatMap((v) => [v.enteredById, v.reviewedById])]);
  const menu = (await loadMenu(ctx.db)).find((m) => m.id === row.menuItem.id);
  const open = openVersion(row.versions);
  return {
    id: row.id,
    seq: row.seq,
    status: row.status,
    espFormCode: row.espFormCode,
    viewCount: row.viewCount,
    menuItem: { id: row.menuItem.id, title: row.menuItem.title, path: menu?.path ?? [], procedure: menu?.procedure ?? false },
    createdByName: names.get(row.createdById) ?? "—",
    createdAt: row.createdAt,
    withdrawnAt: row.withdrawnAt,
    withdrawnByName: row.withdrawnById ? (names.get(row.withdrawnById) ?? "—") : null,
    withdrawalReason: row.withdrawalReason,
    publisher: await publisherName(ctx.db),
    versions: versions.map((v) => toVersionDto(v, names, now)),
    attachments: row.attachments satisfies AttachmentDto[],
    openVersion: open?.number ?? null,
    can: {
      edit: canEditArticle(ctx.actor, row),
      submit: canSubmitArticle(ctx.actor, row),
      approve: canApproveArticle(ctx.actor, row),
      withdraw: canWithdrawArticle(ctx.actor, row),
      attach: canAttach(ctx.actor, row),
    },
  };
}

function listWhere(ctx: ServiceContext, input: ListInput): Prisma.BipArticleWhereInput {
  const and: Prisma.BipArticleWhereInput[] = [];
  if (input.menuItemId) and.push({ menuItemId: input.menuItemId });
  if (input.q) and.push({ versions: { some: { title: { contains: input.q, mode: "insensitive" } } } });
  switch (input.filter) {
    case "mine":
      and.push({ status: { not: "WITHDRAWN" }, versions: { some: { enteredById: ctx.actor.id, status: { in: ["DRAFT", "RETURNED", "SUBMITTED"] } } } });
      break;
    case "waiting":
      and.push({ status: { not: "WITHDRAWN" }, versions: { some: { status: "SUBMITTED" } } });
      break;
    case "draft":
      and.push({ status: "DRAFT" });
      break;
    case "published":
      and.push({ status: "PUBLISHED" });
      break;
    case "withdrawn":
      and.push({ status: "WITHDRAWN" });
      break;
    case "all":
      break;
  }
  return { AND: and };
}

export async function listBipArticles(ctx: ServiceContext, input: ListInput, now = new Date()): Promise<ArticleList> {
  assertCan(ctx.actor, "bip.edit");
  const where = listWhere(ctx, input);
  const orderBy: Prisma.BipArticleOrderByWithRelationInput[] = [{ updatedAt: "desc" }, { seq: "desc" }];
  const [counted, waiting] = await Promise.all([
    ctx.db.bipArticle.count({ where, orderBy, ...CAPPED_COUNT }),
    ctx.db.bipArticle.count({ where: { status: { not: "WITHDRAWN" }, versions: { some: { status: "SUBMITTED" } } } }),
  ]);
  const window = pageWindow(input.page, counted, BIP_ARTICLES_PAGE_SIZE);
  const rows = await ctx.db.bipArticle.findMany({
    where,
    orderBy,
    skip: (window.page - 1) * BIP_ARTICLES_PAGE_SIZE,
    take: BIP_ARTICLES_PAGE_SIZE,
    select: {
      id: true,
      seq: true,
      status: true,
      updatedAt: true,
      menuItem: { select: { title: true } },
      versions: { select: { number: true, status: true, title: true, enteredById: true, publishAt: true }, orderBy: { number: "desc" }, take: 1 },
    },
  });
  const names = await namesOf(ctx.db, rows.map((r) => r.versions[0]?.enteredById));
  return {
    ...window,
    waiting,
    items: rows.map((r) => {
      const v = r.versions[0]!;
      return {
        id: r.id,
        seq: r.seq,
        status: r.status,
        title: v.title,
        menuTitle: r.menuItem.title,
        latestNumber: v.number,
        latestStatus: v.status,
        latestScheduled: v.status === "APPROVED" && !!v.publishAt && v.publishAt > now,
        latestEnteredByName: names.get(v.enteredById) ?? "—",
        updatedAt: r.updatedAt,
      };
    }),
  };
}

// Articles: writing -----------------------------------------------------------------------------

interface VersionData {
  title: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  procedure: ProcedureCard | null;
  producedBy: string;
  producedAt: Date;
  changeNote: string;
  restrictionScope: string | null;
  restrictionBasis: string | null;
  restrictedBy: string | null;
}

/** Validates and sanitises the fields of a version (the body through the allow-list). */
function versionData(fields: Fields, number: number, procedureItem: boolean, now: Date): VersionData {
  if (fields.producedAt > todayInPoland(now)) {
    const message = "Data wytworzenia nie może być późniejsza niż dziś.";
    throw badRequest(message, { producedAt: message });
  }
  if (number >= 2 && !fields.changeNote) {
    const message = "Opisz, co zmieniono w tej wersji (rejestr zmian).";
    throw badRequest(message, { changeNote: message });
  }
  const body = sanitizeBipHtml(fields.bodyHtml);
  const restricted = !!fields.restrictionScope;
  return {
    title: fields.title,
    summary: fields.summary,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    procedure: procedureItem ? (fields.procedure ?? ZProcedureCard.parse({})) : null,
    producedBy: fields.producedBy,
    producedAt: fromDateOnly(fields.producedAt),
    changeNote: fields.changeNote,
    restrictionScope: restricted ? fields.restrictionScope : null,
    restrictionBasis: restricted ? fields.restrictionBasis : null,
    restrictedBy: restricted ? fields.restrictedBy : null,
  };
}

function jsonOf(card: ProcedureCard | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return card === null ? Prisma.DbNull : (card as unknown as Prisma.InputJsonValue);
}

async function menuFor(tx: Tx, menuItemId: string): Promise<MenuItemDto> {
  const item = (await loadMenu(tx)).find((m) => m.id === menuItemId);
  if (!item) throw notFound(MENU_NOT_FOUND);
  return item;
}

/** Creates an article with its first draft (version 1) under a menu item that holds articles. */
export async function createBipArticle(ctx: ServiceContext, input: CreateInput, now = new Date()): Promise<{ articleId: string; seq: number; number: number }> {
  assertCan(ctx.actor, "bip.edit");
  return ctx.db.$transaction(async (tx) => {
    const menu = await menuFor(tx, input.menuItemId);
    if (!menu.holdsArticles) throw badRequest("W tej pozycji menu nie pisze się artykułów — jej treść tworzy system.", { menuItemId: "Wybierz pozycję menu z listą artykułów albo stronę." });
    if (menu.kind === "PAGE") {
      const existing = await tx.bipArticle.count({ where: { menuItemId: menu.id, status: { not: "WITHDRAWN" } } });
      if (existing > 0) throw conflict("Ta strona ma już swój artykuł — edytuj go (nowa wersja) zamiast pisać drugi.", { menuItemId: "Ta strona ma już artykuł." });
    }
    const data = versionData(input.fields, 1, menu.procedure, now);
    const article = await tx.bipArticle.create({
      data: { menuItemId: menu.id, createdById: ctx.actor.id, espFormCode: menu.procedure ? nullIfEmpty(input.fields.espFormCode) : null },
      select: { id: true, seq: true },
    });
    await tx.bipArticleVersion.create({ data: { articleId: article.id, number: 1, status: "DRAFT", enteredById: ctx.actor.id, ...data, procedure: jsonOf(data.procedure) } });
    await recordAudit(tx, ctx, { action: "bip.article-created", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, menuItemId: menu.id, title: data.title } });
    await recordAudit(tx, ctx, { action: "bip.version-saved", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, number: 1, title: data.title } });
    return { articleId: article.id, seq: article.seq, number: 1 };
  });
}

/**
 * Saves the draft: updates the version under edit (a submitted one goes back to draft), or — when
 * the newest version is approved — starts a new version max+1 (the approved one is never touched).
 */
export async function saveBipDraft(ctx: ServiceContext, input: SaveInput, now = new Date()): Promise<{ articleId: string; seq: number; number: number }> {
  assertCan(ctx.actor, "bip.edit");
  try {
    return await ctx.db.$transaction(async (tx) => {
      const article = await loadState(tx, input.articleId);
      if (!canEditArticle(ctx.actor, article)) {
        if (article.status === "WITHDRAWN") throw badRequest("Artykuł wycofany do archiwum nie może być zmieniany.");
        throw forbidden("Ten artykuł może zmieniać jego autor albo redaktor BIP.");
      }
      const menu = await menuFor(tx, article.menuItemId);
      const latest = latestVersion(article.versions)!;
      const open = openVersion(article.versions);
      const number = open ? open.number : latest.number + 1;
      const data = versionData(input.fields, number, menu.procedure, now);
      const row = { ...data, procedure: jsonOf(data.procedure), enteredById: ctx.actor.id };
      if (open) {
        const updated = await tx.bipArticleVersion.updateMany({
          where: { id: open.id, status: open.status },
          data: { ...row, status: "DRAFT", submittedAt: null },
        });
        if (updated.count !== 1) throw conflict(STALE);
      } else {
        await tx.bipArticleVersion.create({ data: { articleId: article.id, number, status: "DRAFT", ...row } });
      }
      await tx.bipArticle.update({ where: { id: article.id }, data: { espFormCode: menu.procedure ? nullIfEmpty(input.fields.espFormCode) : null, updatedAt: now } });
      await recordAudit(tx, ctx, { action: "bip.version-saved", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, number, title: data.title } });
      return { articleId: article.id, seq: article.seq, number };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(STALE);
    throw error;
  }
}

/** Sends the draft to a redaktor BIP for approval. */
export async function submitBipVersion(ctx: ServiceContext, articleId: string, now = new Date()): Promise<void> {
  assertCan(ctx.actor, "bip.edit");
  await ctx.db.$transaction(async (tx) => {
    const article = await loadState(tx, articleId);
    if (!canEditArticle(ctx.actor, article)) throw forbidden("Ten artykuł może zmieniać jego autor albo redaktor BIP.");
    if (!canSubmitArticle(ctx.actor, article)) throw conflict("Nie ma wersji roboczej do wysłania — zapisz najpierw zmiany.");
    const open = openVersion(article.versions)!;
    const body = await tx.bipArticleVersion.findUniqueOrThrow({ where: { id: open.id }, select: { bodyText: true } });
    const files = await tx.bipAttachment.count({ where: { articleId, addedInVersion: { lte: open.number }, OR: [{ removedInVersion: null }, { removedInVersion: { gt: open.number } }] } });
    if (!body.bodyText && files === 0) throw badRequest("Artykuł nie ma treści ani załączników — uzupełnij go przed wysłaniem do akceptacji.");
    const updated = await tx.bipArticleVersion.updateMany({ where: { id: open.id, status: open.status }, data: { status: "SUBMITTED", submittedAt: now, reviewComment: null } });
    if (updated.count !== 1) throw conflict(STALE);
    await tx.bipArticle.update({ where: { id: articleId }, data: { updatedAt: now } });
    await recordAudit(tx, ctx, { action: "bip.version-submitted", entityType: "bip-article", entityId: articleId, data: { seq: article.seq, number: open.number } });
  });
}

/**
 * A redaktor BIP approves the submitted version: public at once, or at a chosen later time
 * (scheduled publication). Self-approval is allowed and audited (see bip.policy.ts).
 */
export async function approveBipVersion(ctx: ServiceContext, input: ApproveInput, now = new Date()): Promise<{ publishAt: Date }> {
  assertCan(ctx.actor, "bip.publish");
  let publishAt = now;
  if (input.publishAt) {
    const chosen = warsawLocalToDate(input.publishAt);
    if (chosen.getTime() < now.getTime() - 60_000) {
      const message = "Termin publikacji nie może być w przeszłości — zostaw pole puste, aby opublikować od razu.";
      throw badRequest(message, { publishAt: message });
    }
    if (chosen.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) {
      const message = "Publikację można zaplanować najwyżej na rok naprzód.";
      throw badRequest(message, { publishAt: message });
    }
    if (chosen > now) publishAt = chosen;
  }
  return ctx.db.$transaction(async (tx) => {
    const article = await loadState(tx, input.articleId);
    if (!canApproveArticle(ctx.actor, article)) throw conflict("Nie ma wersji oczekującej na akceptację.");
    const open = openVersion(article.versions)!;
    const updated = await tx.bipArticleVersion.updateMany({
      where: { id: open.id, status: "SUBMITTED" },
      data: { status: "APPROVED", publishAt, reviewedById: ctx.actor.id, reviewedAt: now, reviewComment: null },
    });
    if (updated.count !== 1) throw conflict(STALE);
    await tx.bipArticle.update({ where: { id: article.id }, data: { status: "PUBLISHED", updatedAt: now } });
    await recordAudit(tx, ctx, { action: "bip.version-approved", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, number: open.number, publishAt: publishAt.toISOString() } });
    return { publishAt };
  });
}

/** A redaktor BIP returns the submitted version to its author with a comment. */
export async function returnBipVersion(ctx: ServiceContext, input: ReturnInput, now = new Date()): Promise<void> {
  assertCan(ctx.actor, "bip.publish");
  await ctx.db.$transaction(async (tx) => {
    const article = await loadState(tx, input.articleId);
    if (!canApproveArticle(ctx.actor, article)) throw conflict("Nie ma wersji oczekującej na akceptację.");
    const open = openVersion(article.versions)!;
    const updated = await tx.bipArticleVersion.updateMany({
      where: { id: open.id, status: "SUBMITTED" },
      data: { status: "RETURNED", reviewedById: ctx.actor.id, reviewedAt: now, reviewComment: input.comment },
    });
    if (updated.count !== 1) throw conflict(STALE);
    await tx.bipArticle.update({ where: { id: article.id }, data: { updatedAt: now } });
    await recordAudit(tx, ctx, { action: "bip.version-returned", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, number: open.number, comment: input.comment } });
  });
}

/** Withdraws a published article from the menu; it stays readable in the BIP archive. */
export async function withdrawBipArticle(ctx: ServiceContext, input: WithdrawInput, now = new Date()): Promise<void> {
  assertCan(ctx.actor, "bip.publish");
  await ctx.db.$transaction(async (tx) => {
    const article = await loadState(tx, input.articleId);
    if (!canWithdrawArticle(ctx.actor, article)) throw conflict(article.status === "WITHDRAWN" ? "Artykuł jest już wycofany." : "Wycofać można tylko opublikowany artykuł.");
    const updated = await tx.bipArticle.updateMany({
      where: { id: article.id, status: "PUBLISHED" },
      data: { status: "WITHDRAWN", withdrawnAt: now, withdrawnById: ctx.actor.id, withdrawalReason: input.reason, updatedAt: now },
    });
    if (updated.count !== 1) throw conflict(STALE);
    await recordAudit(tx, ctx, { action: "bip.article-withdrawn", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, reason: input.reason } });
  });
}

// Attachments -----------------------------------------------------------------------------------

export interface AddAttachmentInput {
  articleId: string;
  title: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Adds a file to the draft under edit (type by content, size limit); it stays with later versions until removed. */
export async function addBipAttachment(ctx: ServiceContext, input: AddAttachmentInput, store: FileStore = getFileStore()): Promise<AttachmentDto> {
  assertCan(ctx.actor, "bip.edit");
  const checked = checkUpload(input.fileName, input.bytes);
  const before = await loadState(ctx.db, input.articleId);
  if (!canEditArticle(ctx.actor, before)) throw forbidden("Ten artykuł może zmieniać jego autor albo redaktor BIP.");
  if (!canAttach(ctx.actor, before)) throw conflict("Załączniki dodaje się do wersji roboczej — zapisz najpierw zmiany (nowa wersja).");
  const sha256 = sha256Hex(input.bytes);
  const size = input.bytes.byteLength;
  // The bytes go first: a failed transaction leaves at most an unreferenced blob.
  await store.put(sha256, input.bytes);
  return ctx.db.$transaction(async (tx) => {
    const article = await loadState(tx, input.articleId);
    const open = openVersion(article.versions);
    if (!open || !canAttach(ctx.actor, article)) throw conflict(STALE);
    await tx.fileBlob.upsert({ where: { sha256 }, create: { sha256, size }, update: {} });
    const row = await tx.bipAttachment.create({
      data: { articleId: article.id, addedInVersion: open.number, title: input.title.trim() || checked.fileName, fileName: checked.fileName, mimeType: checked.mimeType, size, sha256, createdById: ctx.actor.id },
      select: attachmentSelect,
    });
    await tx.bipArticle.update({ where: { id: article.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "bip.attachment-added", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, fileName: checked.fileName, sha256 } });
    return row;
  });
}

/**
 * Removes a file from the draft under edit: one added in this draft (never public) is deleted,
 * an earlier one gets removedInVersion (older versions keep it in the change register).
 */
export async function removeBipAttachment(ctx: ServiceContext, attachmentId: string): Promise<void> {
  assertCan(ctx.actor, "bip.edit");
  await ctx.db.$transaction(async (tx) => {
    const file = await tx.bipAttachment.findUnique({ where: { id: attachmentId }, select: { id: true, articleId: true, fileName: true, addedInVersion: true, removedInVersion: true } });
    if (!file || file.removedInVersion !== null) throw notFound("Nie znaleziono takiego załącznika.");
    const article = await loadState(tx, file.articleId);
    if (!canEditArticle(ctx.actor, article)) throw forbidden("Ten artykuł może zmieniać jego autor albo redaktor BIP.");
    const open = openVersion(article.versions);
    if (!open || !canAttach(ctx.actor, article)) throw conflict("Załączniki zmienia się w wersji roboczej — zapisz najpierw zmiany (nowa wersja).");
    if (file.addedInVersion >= open.number) await tx.bipAttachment.delete({ where: { id: file.id } });
    else await tx.bipAttachment.update({ where: { id: file.id }, data: { removedInVersion: open.number } });
    await tx.bipArticle.update({ where: { id: article.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "bip.attachment-removed", entityType: "bip-article", entityId: article.id, data: { seq: article.seq, fileName: file.fileName } });
  });
}

/** The bytes of any attachment for the editor (drafts too), verified against their SHA-256. */
export async function openBipAttachmentForEditor(ctx: ServiceContext, attachmentId: string, store: FileStore = getFileStore()): Promise<{ fileName: string; mimeType: string; size: number; bytes: Uint8Array }> {
  assertCan(ctx.actor, "bip.edit");
  const file = await ctx.db.bipAttachment.findUnique({ where: { id: attachmentId }, select: { fileName: true, mimeType: true, size: true, sha256: true } });
  if (!file) throw notFound("Nie znaleziono takiego załącznika.");
  const bytes = await store.get(file.sha256);
  if (!bytes || sha256Hex(bytes) !== file.sha256) throw new AppError("CONFLICT", `Zawartość pliku „${file.fileName}” jest niedostępna albo uszkodzona. Zgłoś to administratorowi.`);
  return { fileName: file.fileName, mimeType: file.mimeType, size: file.size, bytes };
}

// Settings --------------------------------------------------------------------------------------

const SETTINGS_FIELDS = ["publisher", "editorName", "editorPhone", "editorEmail"] as const;

export async function getBipSettings(ctx: ServiceContext): Promise<BipSettingsDto> {
  assertCan(ctx.actor, "bip.manage");
  const row = await ctx.db.bipSettings.findUnique({ where: { id: 1 } });
  const parsed = ZAccessibilityStatement.safeParse(row?.accessibility ?? {});
  return {
    publisher: row?.publisher || (await publisherName(ctx.db)),
    editorName: row?.editorName ?? "",
    editorPhone: row?.editorPhone ?? "",
    editorEmail: row?.editorEmail ?? "",
    accessibility: parsed.success ? parsed.data : ZAccessibilityStatement.parse({}),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Saves the redakcja's contacts and the accessibility statement (the single row id 1). */
export async function updateBipSettings(ctx: ServiceContext, input: SettingsInput): Promise<BipSettingsDto> {
  assertCan(ctx.actor, "bip.manage");
  if (input.accessibility.updatedOn && input.accessibility.publishedOn && input.accessibility.updatedOn < input.accessibility.publishedOn) {
    const message = "Data aktualizacji nie może być wcześniejsza niż data publikacji strony.";
    throw badRequest(message, { "accessibility.updatedOn": message });
  }
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.bipSettings.findUnique({ where: { id: 1 } });
    const changed: string[] = SETTINGS_FIELDS.filter((f) => (before?.[f] ?? "") !== input[f]);
    const stable = (v: unknown) => JSON.stringify(Object.entries((v ?? {}) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    if (stable(before?.accessibility) !== stable(input.accessibility)) changed.push("accessibility");
    if (before && changed.length === 0) return;
    const data = { ...input, accessibility: input.accessibility as unknown as Prisma.InputJsonValue, updatedById: ctx.actor.id };
    await tx.bipSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, ctx, { action: "bip.settings-updated", entityType: "bip-settings", entityId: "1", data: { fields: changed } });
  });
  return getBipSettings(ctx);
}
