import type { Metadata } from "next";
import { searchBip, searchTerms } from "@/modules/bip/bip.public.service";
import { ArticleList } from "@/modules/bip/components/public/article-list";
import { loadBipChrome, pageParam } from "@/modules/bip/components/public/bip-data";
import { SearchForm } from "@/modules/bip/components/public/bip-shell";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const queryOf = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).slice(0, 200);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await loadBipChrome();
  const q = queryOf((await searchParams).q);
  return { title: q ? t("bip.search.titleFor", { q }) : t("bip.search.title"), robots: { index: false, follow: true }, alternates: { canonical: "/bip/szukaj" } };
}

export default async function BipSearch({ searchParams }: Props) {
  const { db, t, locale } = await loadBipChrome();
  const params = await searchParams;
  const q = queryOf(params.q).trim();
  const hasTerms = searchTerms(q).length > 0;
  const results = hasTerms ? await searchBip(db, q, { page: pageParam(params.strona), pageSize: 20 }) : null;
  return (
    <>
      <h1 className="text-2xl font-semibold">{q ? t("bip.search.titleFor", { q }) : t("bip.search.title")}</h1>
      <div className="mt-4">
        <SearchForm t={t} defaultValue={q} id="bip-q-results" />
        <p className="mt-1 text-sm text-slate-700">{t("bip.search.hint")}</p>
      </div>
      <div className="mt-6" aria-live="polite">
        {!results ? (
          <p>{t("bip.search.empty")}</p>
        ) : results.total === 0 ? (
          <p>{t("bip.search.none")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm">{t("bip.search.count", { n: results.total })}</p>
            <ArticleList page={results} t={t} locale={locale} pageHref={(n) => `/bip/szukaj?q=${encodeURIComponent(q)}&strona=${n}`} />
          </>
        )}
      </div>
    </>
  );
}
