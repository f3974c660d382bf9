/**
 * The public side of the BIP: what a visitor may read. Framework-free, database only, no actor.
 * Only *published* versions are ever returned: status APPROVED and publishAt <= now. Drafts,
 * versions sent for approval or returned, and scheduled (future) versions never leave this file.
 * Withdrawn articles stay readable (the BIP archive) but leave the menu listings.
 */
import "server-only";
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@prisma/client";
import { foldText } from "@/lib/polish";
import type { FileStore } from "@/server/integrations/storage";
import { ZProcedureCard, ZAccessibilityStatement, type AccessibilityStatement, type ProcedureCard } from "./bip.schemas";

type Db = PrismaClient;

/** The filter of a published version at `now`. */
export const publishedVersionWhere = (now: Date) => ({ status: "APPROVED" as const, publishAt: { lte: now } });

// ---------------------------------------------------------------------------------------------
// Menu

export interface BipMenuNode {
  id: string;
  slug: string;
  title: string;
  kind: "ARTICLES" | "PAGE" | "SPECIAL";
  special: string | null;
  /** Slugs from the top: ["prawo-lokalne", "uchwaly"]. */
  path: string[];
  children: BipMenuNode[];
}

/** The visible menu as a tree, siblings by sortKey. */
export async function getBipMenuTree(db: Db): Promise<BipMenuNode[]> {
  const rows = await db.bipMenuItem.findMany({
    where: { visible: true },
    orderBy: [{ sortKey: "asc" }, { title: "asc" }],
    select: { id: true, parentId: true, slug: true, title: true, kind: true, special: true },
  });
  const build = (parentId: string | null, path: string[]): BipMenuNode[] =>
    rows
      .filter((r) => r.parentId === parentId)
      .map((r) => {
        const p = [...path, r.slug];
        return { id: r.id, slug: r.slug, title: r.title, kind: r.kind, special: r.special, path: p, children: build(r.id, p) };
      });
  return build(null, []);
}

/** A menu item by its slug path, with its breadcrumb; null when there is none (or it is hidden). */
export function findMenuNode(tree: readonly BipMenuNode[], slugs: readonly string[]): { node: BipMenuNode; trail: BipMenuNode[] } | null {
  const trail: BipMenuNode[] = [];
  let level: readonly BipMenuNode[] = tree;
  for (const slug of slugs) {
    const node = level.find((n) => n.slug === slug);
    if (!node) return null;
    trail.push(node);
    level = node.children;
  }
  const node = trail[trail.length - 1];
  return node ? { node, trail } : null;
}

/** The menu item of a special page ("redakcja", "deklaracja-dostepnosci", …), for links. */
export function findSpecial(tree: readonly BipMenuNode[], special: string): BipMenuNode | null {
  for (const n of tree) {
    if (n.special === special) return n;
    const inner = findSpecial(n.children, special);
    if (inner) return inner;
  }
  return null;
}

function subtreeIds(node: BipMenuNode): string[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

// ---------------------------------------------------------------------------------------------
// Listings

export interface BipArticleSummary {
  seq: number;
  title: string;
  summary: string;
  producedBy: string;
  /** The current version's publication. */
  publishedAt: Date;
  /** The first version's publication. */
  firstPublishedAt: Date;
  versionNumber: number;
  menuTitle: string;
  withdrawnAt: Date | null;
  espFormCode: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export interface PageInput {
  page?: number;
  pageSize?: number;
}

const clampPage = (input: PageInput = {}) => {
  const pageSize = Math.min(100, Math.max(1, Math.floor(input.pageSize ?? 20)));
  const page = Math.max(1, Math.floor(input.page ?? 1));
  return { page, pageSize };
};

type SummaryRow = {
  seq: number;
  title: string;
  summary: string;
  producedBy: string;
  publishAt: Date;
  firstPublishAt: Date;
  number: number;
  menuTitle: string;
  withdrawnAt: Date | null;
  espFormCode: string | null;
  total: bigint | number;
};

/**
 * The one query behind every listing: articles with their current published version, filtered
 * by `where` (SQL over a = BipArticle, v = current version), newest publication first.
 */
async function querySummaries(db: Db, now: Date, where: Prisma.Sql, input: PageInput = {}): Promise<Page<BipArticleSummary>> {
  const { page, pageSize } = clampPage(input);
  const rows = await db.$queryRaw<SummaryRow[]>(Prisma.sql`
    SELECT a."seq", v."title", v."summary", v."producedBy", v."publishAt", v."number", m."title" AS "menuTitle",
           a."withdrawnAt", a."espFormCode",
           (SELECT min(f."publishAt") FROM "BipArticleVersion" f
             WHERE f."articleId" = a."id" AND f."status" = 'APPROVED' AND f."publishAt" <= ${now}) AS "firstPublishAt",
           count(*) OVER () AS "total"
      FROM "BipArticle" a
      JOIN "BipMenuItem" m ON m."id" = a."menuItemId"
      JOIN LATERAL (
        SELECT cv."title", cv."summary", cv."producedBy", cv."publishAt", cv."number", cv."bodyText"
          FROM "BipArticleVersion" cv
         WHERE cv."articleId" = a."id" AND cv."status" = 'APPROVED' AND cv."publishAt" <= ${now}
         ORDER BY cv."number" DESC LIMIT 1
      ) v ON true
     WHERE ${where}
     ORDER BY v."publishAt" DESC, a."seq" DESC
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      title: r.title,
      summary: r.summary,
      producedBy: r.producedBy,
      publishedAt: new Date(r.publishAt),
      firstPublishedAt: new Date(r.firstPublishAt),
      versionNumber: r.number,
      menuTitle: r.menuTitle,
      withdrawnAt: r.withdrawnAt ? new Date(r.withdrawnAt) : null,
      espFormCode: r.espFormCode,
    })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

const notWithdrawn = Prisma.sql`a."status" <> 'WITHDRAWN'`;

/** Published articles of a menu item and of its sub-items (Prawo lokalne lists uchwały and zarządzenia). */
export async function listMenuArticles(db: Db, node: BipMenuNode, input: PageInput = {}, now = new Date()): Promise<Page<BipArticleSummary>> {
  const ids = subtreeIds(node);
  return querySummaries(db, now, Prisma.sql`${notWithdrawn} AND a."menuItemId" IN (${Prisma.join(ids)})`, input);
}

/** Every published article (the public JSON API, the sitemap). */
export async function listPublishedArticles(db: Db, input: PageInput = {}, now = new Date()): Promise<Page<BipArticleSummary>> {
  return querySummaries(db, now, notWithdrawn, input);
}

/** The BIP archive: withdrawn articles, never deleted. */
export async function listArchive(db: Db, input: PageInput = {}, now = new Date()): Promise<Page<BipArticleSummary>> {
  return querySummaries(db, now, Prisma.sql`a."status" = 'WITHDRAWN'`, input);
}

/** Procedure cards of "Jak załatwić sprawę": published articles whose current version has a card. */
export async function listProcedureCards(db: Db, input: PageInput = {}, now = new Date()): Promise<Page<BipArticleSummary>> {
  return querySummaries(db, now, Prisma.sql`${notWithdrawn} AND (a."espFormCode" IS NOT NULL OR EXISTS (
    SELECT 1 FROM "BipArticleVersion" pv WHERE pv."articleId" = a."id" AND pv."number" = v."number" AND pv."procedure" IS NOT NULL))`, input);
}

/** The announcements feed (Ogłoszenia, RSS/Atom and the home page): newest first. */
export async function listAnnouncements(db: Db, limit = 20, now = new Date()): Promise<BipArticleSummary[]> {
  const menu = await db.bipMenuItem.findFirst({ where: { parentId: null, slug: "ogloszenia" }, select: { id: true } });
  if (!menu) return [];
  return (await querySummaries(db, now, Prisma.sql`${notWithdrawn} AND a."menuItemId" = ${menu.id}`, { pageSize: limit })).items;
}

/** Splits a query into folded words (at most 8, each at least 2 characters). */
export function searchTerms(query: string): string[] {
  return [...new Set(foldText(query).split(" ").filter((w) => w.length >= 2))].slice(0, 8);
}

// ---------------------------------------------------------------------------------------------
// One article

export interface BipAttachmentDto {
  id: string;
  title: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  downloads: number;
}

export interface BipVersionDto {
  number: number;
  title: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  procedure: ProcedureCard | null;
  producedBy: string;
  producedAt: Date;
  enteredBy: string;
  changeNote: string;
  publishedAt: Date;
  restriction: { scope: string; basis: string; by: string } | null;
}

export interface BipArticleDto {
  id: string;
  seq: number;
  status: "PUBLISHED" | "WITHDRAWN";
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  espFormCode: string | null;
  viewCount: number;
  menu: { title: string; path: string[] };
  publisher: string;
  /** The shown version (the current one unless a number was asked for). */
  version: BipVersionDto;
  /** The number of the current published version. */
  currentNumber: number;
  /** How many published versions (the change register's length). */
  versionCount: number;
  firstPublishedAt: Date;
  attachments: BipAttachmentDto[];
}

const VERSION_SELECT = {
  number: true,
  title: true,
  summary: true,
  bodyHtml: true,
  bodyText: true,
  procedure: true,
  producedBy: true,
  producedAt: true,
  enteredById: true,
  changeNote: true,
  publishAt: true,
  restrictionScope: true,
  restrictionBasis: true,
  restrictedBy: true,
} satisfies Prisma.BipArticleVersionSelect;

type VersionRow = Prisma.BipArticleVersionGetPayload<{ select: typeof VERSION_SELECT }>;

async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
}

function parseProcedure(value: unknown): ProcedureCard | null {
  if (value === null || value === undefined) return null;
  const parsed = ZProcedureCard.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function toVersionDto(v: VersionRow, names: Map<string, string>): BipVersionDto {
  const restricted = Boolean(v.restrictionScope || v.restrictionBasis);
  return {
    number: v.number,
    title: v.title,
    summary: v.summary,
    bodyHtml: v.bodyHtml,
    bodyText: v.bodyText,
    procedure: parseProcedure(v.procedure),
    producedBy: v.producedBy,
    producedAt: v.producedAt,
    enteredBy: names.get(v.enteredById) ?? "—",
    changeNote: v.changeNote,
    publishedAt: v.publishAt!,
    restriction: restricted ? { scope: v.restrictionScope ?? "", basis: v.restrictionBasis ?? "", by: v.restrictedBy ?? "" } : null,
  };
}

/** Attachments present in version `number` (added in it or before, not removed by it). */
export const attachmentActiveIn = (a: { addedInVersion: number; removedInVersion: number | null }, number: number) =>
  a.addedInVersion <= number && (a.removedInVersion === null || a.removedInVersion > number);

/**
 * An article by its public number with its current published version — or with published version
 * `versionNumber` from the change register. Null when there is nothing published to show.
 */
export async function getPublicArticle(db: Db, seq: number, options: { versionNumber?: number; now?: Date } = {}): Promise<BipArticleDto | null> {
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  const now = options.now ?? new Date();
  const article = await db.bipArticle.findUnique({
    where: { seq },
    select: {
      id: true,
      seq: true,
      status: true,
      withdrawnAt: true,
      withdrawalReason: true,
      espFormCode: true,
      viewCount: true,
      menuItemId: true,
      versions: { where: publishedVersionWhere(now), orderBy: { number: "asc" }, select: VERSION_SELECT },
      attachments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, fileName: true, mimeType: true, size: true, sha256: true, downloads: true, addedInVersion: true, removedInVersion: true },
      },
    },
  });
  if (!article || article.status === "DRAFT" || article.versions.length === 0) return null;
  const current = article.versions[article.versions.length - 1]!;
  const shown = options.versionNumber === undefined ? current : article.versions.find((v) => v.number === options.versionNumber);
  if (!shown) return null;
  const [names, settings, menuPath] = await Promise.all([userNames(db, [shown.enteredById]), db.bipSettings.findUnique({ where: { id: 1 } }), menuPathOf(db, article.menuItemId)]);
  return {
    id: article.id,
    seq: article.seq,
    status: article.status,
    withdrawnAt: article.withdrawnAt,
    withdrawalReason: article.withdrawalReason,
    espFormCode: article.espFormCode,
    viewCount: article.viewCount,
    menu: menuPath,
    publisher: settings?.publisher ?? "",
    version: toVersionDto(shown, names),
    currentNumber: current.number,
    versionCount: article.versions.length,
    firstPublishedAt: article.versions[0]!.publishAt!,
    attachments: article.attachments
      .filter((a) => attachmentActiveIn(a, shown.number))
      .map(({ addedInVersion: _a, removedInVersion: _r, ...a }) => a),
  };
}

async function menuPathOf(db: Db, menuItemId: string): Promise<{ title: string; path: string[] }> {
  const path: string[] = [];
  let title = "";
  let id: string | null = menuItemId;
  for (let depth = 0; id && depth < 10; depth++) {
    const row: { slug: string; title: string; parentId: string | null } | null = await db.bipMenuItem.findUnique({ where: { id }, select: { slug: true, title: true, parentId: true } });
    if (!row) break;
    if (depth === 0) title = row.title;
    path.unshift(row.slug);
    id = row.parentId;
  }
  return { title, path };
}

/** The article shown as a PAGE menu item (O urzędzie, Władze, Kontakt): its newest published article. */
export async function getMenuPageArticle(db: Db, node: BipMenuNode, now = new Date()): Promise<BipArticleDto | null> {
  const page = await querySummaries(db, now, Prisma.sql`${notWithdrawn} AND a."menuItemId" = ${node.id}`, { pageSize: 1 });
  const first = page.items[0];
  return first ? getPublicArticle(db, first.seq, { now }) : null;
}

export interface BipChangeEntry {
  number: number;
  title: string;
  publishedAt: Date;
  enteredBy: string;
  producedBy: string;
  producedAt: Date;
  changeNote: string;
  bodyText: string;
  summary: string;
  restricted: boolean;
  attachmentsAdded: string[];
  attachmentsRemoved: string[];
}

/** The change register: every published version, oldest first. Null when nothing is published. */
export async function getChangeRegister(db: Db, seq: number, now = new Date()): Promise<{ seq: number; title: string; entries: BipChangeEntry[] } | null> {
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  const article = await db.bipArticle.findUnique({
    where: { seq },
    select: {
      seq: true,
      status: true,
      versions: { where: publishedVersionWhere(now), orderBy: { number: "asc" }, select: VERSION_SELECT },
      attachments: { select: { fileName: true, title: true, addedInVersion: true, removedInVersion: true } },
    },
  });
  if (!article || article.status === "DRAFT" || article.versions.length === 0) return null;
  const names = await userNames(db, article.versions.map((v) => v.enteredById));
  const published = article.versions.map((v) => v.number);
  const entries = article.versions.map((v, i) => {
    const previous = i > 0 ? published[i - 1]! : 0;
    // Attachment changes since the previous *published* version.
    const added = article.attachments.filter((a) => attachmentActiveIn(a, v.number) && !(previous > 0 && attachmentActiveIn(a, previous)));
    const removed = previous > 0 ? article.attachments.filter((a) => attachmentActiveIn(a, previous) && !attachmentActiveIn(a, v.number)) : [];
    return {
      number: v.number,
      title: v.title,
      publishedAt: v.publishAt!,
      enteredBy: names.get(v.enteredById) ?? "—",
      producedBy: v.producedBy,
      producedAt: v.producedAt,
      changeNote: v.changeNote,
      bodyText: v.bodyText,
      summary: v.summary,
      restricted: Boolean(v.restrictionScope || v.restrictionBasis),
      attachmentsAdded: added.map((a) => a.title || a.fileName),
      attachmentsRemoved: removed.map((a) => a.title || a.fileName),
    };
  });
  return { seq: article.seq, title: article.versions[article.versions.length - 1]!.title, entries };
}

const BOT = /bot|crawl|spider|slurp|preview|fetch|monitor|curl|wget|python-requests|headless|lighthouse/i;

/** True when the user agent looks like a robot (those views are not counted). */
export function isBot(userAgent: string | null | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}

/** Counts one view of a published article (one UPDATE); robots are not counted. Returns whether it counted. */
export async function recordArticleView(db: Db, seq: number, userAgent: string | null | undefined): Promise<boolean> {
  if (isBot(userAgent) || !Number.isSafeInteger(seq)) return false;
  const n = await db.bipArticle.updateMany({ where: { seq, status: { not: "DRAFT" } }, data: { viewCount: { increment: 1 } } });
  return n.count > 0;
}

// ---------------------------------------------------------------------------------------------
// Attachments

export interface OpenedBipAttachment {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  sha256: string;
}

/**
 * An attachment's bytes for download: only when it belongs to a published version of an article
 * that is published or archived. Counts the download and verifies the SHA-256 of the bytes.
 * Null when there is nothing public under this id; throws when the stored bytes are damaged.
 */
export async function openBipAttachment(db: Db, id: string, store: FileStore, now = new Date()): Promise<OpenedBipAttachment | null> {
  if (!/^[a-z0-9]{10,40}$/i.test(id)) return null;
  const att = await db.bipAttachment.findUnique({
    where: { id },
    select: {
      fileName: true,
      mimeType: true,
      sha256: true,
      addedInVersion: true,
      removedInVersion: true,
      article: { select: { status: true, versions: { where: publishedVersionWhere(now), select: { number: true } } } },
    },
  });
  if (!att || att.article.status === "DRAFT") return null;
  if (!att.article.versions.some((v) => attachmentActiveIn(att, v.number))) return null;
  const bytes = await store.get(att.sha256);
  if (!bytes) return null;
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (digest !== att.sha256) throw new Error(`BIP attachment ${id}: stored bytes do not match SHA-256`);
  await db.bipAttachment.update({ where: { id }, data: { downloads: { increment: 1 } } });
  return { fileName: att.fileName, mimeType: att.mimeType, bytes, sha256: att.sha256 };
}

// ---------------------------------------------------------------------------------------------
// Settings, structure

export interface BipSettingsDto {
  publisher: string;
  editorName: string;
  editorPhone: string;
  editorEmail: string;
  accessibility: AccessibilityStatement;
  updatedAt: Date | null;
}

export async function getBipSettings(db: Db): Promise<BipSettingsDto> {
  const [row, office] = await Promise.all([db.bipSettings.findUnique({ where: { id: 1 } }), db.office.findUnique({ where: { id: 1 }, select: { name: true } })]);
  const parsed = ZAccessibilityStatement.safeParse(row?.accessibility ?? {});
  return {
    publisher: row?.publisher || office?.name || "",
    editorName: row?.editorName ?? "",
    editorPhone: row?.editorPhone ?? "",
    editorEmail: row?.editorEmail ?? "",
    accessibility: parsed.success ? parsed.data : ZAccessibilityStatement.parse({}),
    updatedAt: row?.updatedAt ?? null,
  };
}

export interface BipOfficeDto {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string | null;
  email: string | null;
  epuapAddress: string | null;
  nip: string | null;
  regon: string | null;
}

export async function getBipOffice(db: Db): Promise<BipOfficeDto | null> {
  return db.office.findUnique({
    where: { id: 1 },
    select: { name: true, street: true, postalCode: true, city: true, phone: true, email: true, epuapAddress: true, nip: true, regon: true },
  });
}

export interface BipDepartmentNode {
  symbol: string;
  name: string;
  head: { name: string; position: string | null } | null;
  email: string | null;
  phone: string | null;
  location: { name: string; address: string } | null;
  children: BipDepartmentNode[];
}

/** Struktura organizacyjna: active departments as a tree, with heads and locations. */
export async function getOrgStructure(db: Db): Promise<BipDepartmentNode[]> {
  const rows = await db.department.findMany({
    where: { active: true },
    orderBy: { sortKey: "asc" },
    select: {
      id: true,
      parentId: true,
      symbol: true,
      name: true,
      email: true,
      phone: true,
      head: { select: { firstName: true, lastName: true, active: true, position: { select: { name: true } } } },
      location: { select: { name: true, street: true, postalCode: true, city: true } },
    },
  });
  const build = (parentId: string | null): BipDepartmentNode[] =>
    rows
      .filter((r) => r.parentId === parentId)
      .map((r) => ({
        symbol: r.symbol,
        name: r.name,
        head: r.head && r.head.active ? { name: `${r.head.firstName} ${r.head.lastName}`, position: r.head.position?.name ?? null } : null,
        email: r.email,
        phone: r.phone,
        location: r.location ? { name: r.location.name, address: `${r.location.street}, ${r.location.postalCode} ${r.location.city}` } : null,
        children: build(r.id),
      }));
  return build(null);
}

/** Sitemap data: menu pages and published (incl. archived) articles with their last publication. */
export async function listSitemapEntries(db: Db, now = new Date()): Promise<{ menu: string[][]; articles: { seq: number; updatedAt: Date }[] }> {
  const [tree, rows] = await Promise.all([
    getBipMenuTree(db),
    db.bipArticleVersion.groupBy({ by: ["articleId"], where: publishedVersionWhere(now), _max: { publishAt: true } }),
  ]);
  const flat = (nodes: BipMenuNode[]): string[][] => nodes.flatMap((n) => [n.path, ...flat(n.children)]);
  const articles = await db.bipArticle.findMany({ where: { id: { in: rows.map((r) => r.articleId) }, status: { not: "DRAFT" } }, select: { id: true, seq: true } });
  const latest = new Map(rows.map((r) => [r.articleId, r._max.publishAt!]));
  return { menu: flat(tree), articles: articles.map((a) => ({ seq: a.seq, updatedAt: latest.get(a.id)! })).sort((a, b) => a.seq - b.seq) };
}
