import { formatDate, type Locale, type Translate } from "@/lib/i18n/translator";
import { bipArticleHref } from "../../bip.schemas";
import type { BipArticleSummary, Page } from "../../bip.public.service";

/** A list of articles (title, lead, dates) with server-side pages (?strona=). */
export function ArticleList({ page, t, locale, pageHref }: { page: Page<BipArticleSummary>; t: Translate; locale: Locale; pageHref: (n: number) => string }) {
  if (page.items.length === 0) return <p className="text-slate-700">{t("bip.list.empty")}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-200 border-y border-slate-200">
        {page.items.map((a) => (
          <li key={a.seq} className="py-3">
            <h3 className="font-semibold">
              <a href={bipArticleHref(a.seq)} className="link">
                {a.title}
              </a>
            </h3>
            {a.summary && <p className="mt-1 text-sm text-slate-800">{a.summary}</p>}
            <p className="mt-1 text-xs text-slate-700">
              {a.withdrawnAt ? t("bip.list.withdrawn", { date: formatDate(a.withdrawnAt, locale) }) : t("bip.list.published", { date: formatDate(a.firstPublishedAt, locale) })}
              {!a.withdrawnAt && a.versionNumber > 1 && <>, {t("bip.list.updated", { date: formatDate(a.publishedAt, locale) })}</>}
              {" · "}
              {a.menuTitle}
            </p>
          </li>
        ))}
      </ul>
      <Pages page={page} t={t} pageHref={pageHref} />
    </>
  );
}

export function Pages({ page, t, pageHref }: { page: Page<unknown>; t: Translate; pageHref: (n: number) => string }) {
  if (page.pages <= 1) return null;
  return (
    <nav aria-label={t("bip.pagination.label")} className="mt-4 flex flex-wrap items-center gap-3 text-sm print:hidden">
      {page.page > 1 && (
        <a className="btn-secondary" rel="prev" href={pageHref(page.page - 1)}>
          {t("bip.pagination.previous")}
        </a>
      )}
      <span aria-current="page">{t("bip.pagination.page", { page: page.page, pages: page.pages })}</span>
      {page.page < page.pages && (
        <a className="btn-secondary" rel="next" href={pageHref(page.page + 1)}>
          {t("bip.pagination.next")}
        </a>
      )}
    </nav>
  );
}
