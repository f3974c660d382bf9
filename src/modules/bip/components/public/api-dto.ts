/** The public JSON API's shapes: published data only, stable field names, absolute URLs. */
import "server-only";
import { z } from "zod";
import { env } from "@/env";
import { bipArticleHref, bipAttachmentHref, bipVersionHref } from "../../bip.schemas";
import type { BipArticleDto, BipArticleSummary, BipChangeEntry } from "../../bip.public.service";

const base = () => env.APP_URL.replace(/\/+$/, "");

export const ZApiListQuery = z.object({
  strona: z.coerce.number().int().min(1).max(100_000).default(1),
  na_strone: z.coerce.number().int().min(1).max(100).default(20),
});

export const summaryJson = (a: BipArticleSummary) => ({
  seq: a.seq,
  url: `${base()}${bipArticleHref(a.seq)}`,
  api: `${base()}/api/bip/artykuly/${a.seq}`,
  title: a.title,
  summary: a.summary,
  category: a.menuTitle,
  producedBy: a.producedBy,
  firstPublishedAt: a.firstPublishedAt.toISOString(),
  publishedAt: a.publishedAt.toISOString(),
  version: a.versionNumber,
});

export const articleJson = (a: BipArticleDto, register: BipChangeEntry[]) => ({
  seq: a.seq,
  url: `${base()}${bipArticleHref(a.seq)}`,
  status: a.status === "WITHDRAWN" ? "wycofany" : "opublikowany",
  withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
  withdrawalReason: a.withdrawalReason,
  category: { title: a.menu.title, path: a.menu.path },
  publisher: a.publisher,
  title: a.version.title,
  summary: a.version.summary,
  bodyHtml: a.version.bodyHtml,
  bodyText: a.version.bodyText,
  procedure: a.version.procedure,
  espForm: a.espFormCode ? `${base()}/esp/formularz/${encodeURIComponent(a.espFormCode)}` : null,
  producedBy: a.version.producedBy,
  producedAt: a.version.producedAt.toISOString().slice(0, 10),
  enteredBy: a.version.enteredBy,
  publishedAt: a.version.publishedAt.toISOString(),
  firstPublishedAt: a.firstPublishedAt.toISOString(),
  version: a.version.number,
  restriction: a.version.restriction,
  viewCount: a.viewCount,
  attachments: a.attachments.map((f) => ({ title: f.title, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256, url: `${base()}${bipAttachmentHref(f.id)}` })),
  changes: register.map((e) => ({
    version: e.number,
    url: `${base()}${bipVersionHref(a.seq, e.number)}`,
    publishedAt: e.publishedAt.toISOString(),
    enteredBy: e.enteredBy,
    producedBy: e.producedBy,
    changeNote: e.changeNote,
  })),
});
