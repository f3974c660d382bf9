import type { Metadata } from "next";
import Link from "next/link";
import { searchTerms } from "@/modules/bip/bip.public.service";
import { Pages } from "@/modules/bip/components/public/article-list";
import { loadBipChrome, pageParam } from "@/modules/bip/components/public/bip-data";
import { SearchForm } from "@/modules/bip/components/public/bip-shell";
import { Highlighted } from "@/modules/search/components/highlighted";
import { searchPublic } from "@/modules/search/search.service";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 20;
const MAX_PAGE = 500;

const queryOf = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).slice(0, 200);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await loadBipChrome();
  const q = queryOf((await searchParams).q);
  return { title: q ? t("bip.search.titleFor", { q }) : t("bip.search.title"), robots: { index: false, follow: true }, alternates: { canonical: "/bip/szukaj" } };
}

/** BIP search through the search engine (published articles only), with the matches marked. */
export default async function BipSearch({ searchParams }: Props) {
  const { db, t } = await loadBipChrome();
  const params = await searchParams;
  const q = queryOf(params.q).trim();
  const page = Math.min(pageParam(params.strona), MAX_PAGE);
  const results = searchTerms(q).length > 0 ? await searchPublic(db, { q, page }) : null;
  const pages = results ? Math.max(1, Math.ceil(results.total / PAGE_SIZE)) : 1;
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
            <ul className="divide-y divide-slate-200 border-y border-slate-200">
              {results.hits.map((hit) => (
                <li key={hit.id} className="py-3">
                  <h2 className="font-semibold">
                    <Link href={hit.url} className="link">
                      <Highlighted markup={hit.highlights.title} fallback={hit.title} />
                    </Link>
                  </h2>
                  {hit.subtitle && (
                    <p className="mt-1 text-sm text-slate-800">
                      <Highlighted markup={hit.highlights.subtitle} fallback={hit.subtitle} />
                    </p>
                  )}
                  {hit.highlights.body.map((fragment, i) => (
                    <p key={i} className="mt-1 text-sm break-words text-slate-700">
                      <Highlighted markup={fragment} fallback="" />
                    </p>
                  ))}
                </li>
              ))}
            </ul>
            <Pages page={{ items: results.hits, total: results.total, page, pageSize: PAGE_SIZE, pages }} t={t} pageHref={(n) => `/bip/szukaj?q=${encodeURIComponent(q)}&strona=${n}`} />
          </>
        )}
      </div>
    </>
  );
}
