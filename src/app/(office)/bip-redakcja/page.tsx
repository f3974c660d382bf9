import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, TableScroll } from "@/components/data-table";
import { FieldFrame } from "@/components/form/field-frame";
import { EmptyState, PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { can } from "@/lib/permissions";
import { formatDateTime } from "@/lib/i18n/translator";
import { BIP_EDITOR_PATH, BIP_LIST_FILTERS, bipEditorArticleHref, ZArticleListInput } from "@/modules/bip/bip.editor.schemas";
import { ArticleStatusBadge, VersionStatusBadge } from "@/modules/bip/components/editor/status-badges";
import { requirePermission } from "@/server/auth/session";
import { getLocale, getT } from "@/server/i18n";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Redakcja BIP" };

const FILTER_LABEL = { all: "filterAll", mine: "filterMine", waiting: "filterWaiting", draft: "filterDraft", published: "filterPublished", withdrawn: "filterWithdrawn" } as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** /bip-redakcja: BIP articles with filters (menu item, state, my drafts, waiting for approval), server pages, no client JS. */
export default async function BipEditorListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("bip.edit");
  const t = await getT();
  const locale = await getLocale();
  const params = await searchParams;
  const parsed = ZArticleListInput.safeParse({
    filter: one(params.pokaz) || undefined,
    menuItemId: one(params.menu) || undefined,
    q: one(params.q) || undefined,
    page: Number(one(params.strona) ?? "1") || 1,
  });
  const input = parsed.success ? parsed.data : ZArticleListInput.parse({});
  const qc = getQueryClient();
  const [list, menu] = await Promise.all([qc.fetchQuery(trpc.bip.articles.list.queryOptions(input)), qc.fetchQuery(trpc.bip.menu.list.queryOptions())]);
  const hrefFor = (page: number) => {
    const q = new URLSearchParams();
    if (input.filter !== "all") q.set("pokaz", input.filter);
    if (input.menuItemId) q.set("menu", input.menuItemId);
    if (input.q) q.set("q", input.q);
    if (page > 1) q.set("strona", String(page));
    const s = q.toString();
    return s ? `${BIP_EDITOR_PATH}?${s}` : BIP_EDITOR_PATH;
  };
  return (
    <>
      <PageHeader
        title={t("bipEditor.title")}
        description={t("bipEditor.description")}
        actions={
          <>
            <Link href={`${BIP_EDITOR_PATH}/nowy`} className="btn-primary">
              {t("bipEditor.newArticle")}
            </Link>
            {can(actor.roles, "bip.manage") && (
              <>
                <Link href={`${BIP_EDITOR_PATH}/menu`} className="btn-secondary">
                  {t("bipEditor.menuLink")}
                </Link>
                <Link href={`${BIP_EDITOR_PATH}/ustawienia`} className="btn-secondary">
                  {t("bipEditor.settingsLink")}
                </Link>
              </>
            )}
          </>
        }
      />
      <section aria-labelledby="bip-filters" className="card mb-4">
        <h2 id="bip-filters" className="sr-only">
          {t("bipEditor.filters")}
        </h2>
        <form method="get" action={BIP_EDITOR_PATH} className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
          <FieldFrame id="bip-filter" label={t("bipEditor.filter")}>
            <select id="bip-filter" name="pokaz" defaultValue={input.filter} className="input">
              {BIP_LIST_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(`bipEditor.${FILTER_LABEL[f]}`)}
                  {f === "waiting" ? ` (${list.waiting})` : ""}
                </option>
              ))}
            </select>
          </FieldFrame>
          <FieldFrame id="bip-menu" label={t("bipEditor.menuItem")}>
            <select id="bip-menu" name="menu" defaultValue={input.menuItemId ?? ""} className="input">
              <option value="">{t("bipEditor.anyMenuItem")}</option>
              {menu
                .filter((m) => m.holdsArticles)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {"— ".repeat(m.depth)}
                    {m.title}
                  </option>
                ))}
            </select>
          </FieldFrame>
          <FieldFrame id="bip-q" label={t("bipEditor.search")}>
            <input id="bip-q" name="q" type="search" defaultValue={input.q ?? ""} className="input" />
          </FieldFrame>
          <button type="submit" className="btn-primary">
            {t("bipEditor.apply")}
          </button>
        </form>
        {list.waiting > 0 && input.filter !== "waiting" && (
          <p className="mt-3 text-sm">
            <Link href={`${BIP_EDITOR_PATH}?pokaz=waiting`} className="text-brand-800 underline">
              {t("bipEditor.waitingCount", { n: list.waiting })}
            </Link>
          </p>
        )}
      </section>
      {list.items.length === 0 ? (
        <EmptyState title={t("bipEditor.noArticles")} />
      ) : (
        <TableScroll label={t("bipEditor.listCaption")}>
          <DataTable
            caption={t("bipEditor.listCaption")}
            columns={[t("bipEditor.colNumber"), t("bipEditor.colTitle"), t("bipEditor.colMenu"), t("bipEditor.colStatus"), t("bipEditor.colVersion"), t("bipEditor.colAuthor"), t("bipEditor.colUpdated")]}
            stacked
            testId="bip-articles"
          >
            {list.items.map((a) => (
              <tr key={a.id}>
                <td data-label={t("bipEditor.colNumber")}>{a.seq}</td>
                <th scope="row" className="text-left">
                  <Link href={bipEditorArticleHref(a.id)} className="font-medium text-brand-800 underline">
                    {a.title}
                  </Link>
                </th>
                <td data-label={t("bipEditor.colMenu")}>{a.menuTitle}</td>
                <td data-label={t("bipEditor.colStatus")}>
                  <ArticleStatusBadge status={a.status} t={t} />
                </td>
                <td data-label={t("bipEditor.colVersion")}>
                  <span className="mr-1">{a.latestNumber}</span>
                  <VersionStatusBadge status={a.latestStatus} publishAt={null} scheduled={a.latestScheduled} t={t} locale={locale} />
                </td>
                <td data-label={t("bipEditor.colAuthor")}>{a.latestEnteredByName}</td>
                <td data-label={t("bipEditor.colUpdated")}>{formatDateTime(a.updatedAt, locale)}</td>
              </tr>
            ))}
          </DataTable>
        </TableScroll>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} label={t("bipEditor.listCaption")} t={t} />
    </>
  );
}
