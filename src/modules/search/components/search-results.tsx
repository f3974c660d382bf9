/**
 * The results page's body (/szukaj), rendered on the server: the query form, facets as links with
 * counts (choosing one narrows, choosing it again removes it), hits with marked fragments, pages.
 */
import Link from "next/link";
import { EmptyState } from "@/components/page-header";
import { Pager } from "@/components/pagination";
import type { MessageKey, Translate } from "@/lib/i18n/translator";
import { SEARCH_PAGE_SIZE, searchPageHref, type FacetValue, type SearchPageParams, type SearchResult } from "../search.schemas";
import { Highlighted, HitSubtitle, HitTypeBadge } from "./highlighted";

const FACET_LIMIT = 10;

type FacetKey = "type" | "department" | "year" | "status";

/** The URL parameter each facet sets, and its value in SearchPageParams. */
function withFacet(params: SearchPageParams, key: FacetKey, value: string | undefined): string {
  const next: SearchPageParams = { ...params, page: 1 };
  if (key === "type") next.type = value as SearchPageParams["type"];
  if (key === "department") next.departmentId = value;
  if (key === "year") next.year = value ? Number(value) : undefined;
  if (key === "status") next.status = value;
  return searchPageHref(next);
}

function selectedOf(params: SearchPageParams, key: FacetKey): string | undefined {
  return key === "type" ? params.type : key === "department" ? params.departmentId : key === "year" ? params.year?.toString() : params.status;
}

function facetLabel(t: Translate, key: FacetKey, f: FacetValue): string {
  if (key === "type") return t(`search.typePlural.${f.value}` as MessageKey);
  if (key === "status") {
    const label = t(`search.status.${f.value}` as MessageKey);
    return label.startsWith("search.") ? f.value : label;
  }
  if (key === "department") return f.label ?? f.value;
  return f.value;
}

export function SearchForm({ t, q }: { t: Translate; q: string }) {
  return (
    <form role="search" method="get" action="/szukaj" className="flex w-full max-w-2xl flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label htmlFor="szukaj-q" className="mb-1 block text-sm font-medium text-slate-900">
          {t("search.page.label")}
        </label>
        <input id="szukaj-q" name="q" type="search" defaultValue={q} placeholder={t("search.page.placeholder")} className="input" maxLength={200} autoComplete="off" />
      </div>
      <button type="submit" className="btn-primary shrink-0">
        {t("search.page.submit")}
      </button>
    </form>
  );
}

function Facets({ t, params, result }: { t: Translate; params: SearchPageParams; result: SearchResult }) {
  const groups: FacetKey[] = ["type", "department", "year", "status"];
  const anySelected = groups.some((k) => selectedOf(params, k) !== undefined);
  return (
    <section aria-labelledby="szukaj-facets" className="space-y-4">
      <h2 id="szukaj-facets" className="text-base font-semibold text-slate-900">
        {t("search.page.filters")}
      </h2>
      {groups.map((key) => {
        const selected = selectedOf(params, key);
        const values = result.facets[key].filter((f) => f.value !== "" && f.value !== "null").slice(0, FACET_LIMIT);
        if (!values.length && !selected) return null;
        return (
          <div key={key}>
            <h3 className="mb-1 text-sm font-semibold text-slate-800">{t(`search.page.facet.${key}`)}</h3>
            <ul className="flex flex-wrap gap-1 lg:flex-col lg:gap-0.5" data-testid={`facet-${key}`}>
              {values.map((f) => {
                const label = facetLabel(t, key, f);
                const isSelected = selected === f.value;
                return (
                  <li key={f.value}>
                    <Link
                      href={withFacet(params, key, isSelected ? undefined : f.value)}
                      aria-current={isSelected ? "true" : undefined}
                      className={`flex min-h-8 items-center justify-between gap-2 rounded-md border px-2 py-1 text-sm ${
                        isSelected ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100 lg:border-transparent"
                      }`}
                    >
                      <span className="truncate">
                        {isSelected && <span aria-hidden="true">✓ </span>}
                        {label}
                      </span>
                      <span className={`text-xs ${isSelected ? "text-white" : "text-slate-700"}`}>
                        <span className="sr-only">{t("search.page.facetCount")}</span>
                        {f.count}
                        {isSelected && <span className="sr-only">{t("search.page.facetRemove")}</span>}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {anySelected && (
        <Link href={searchPageHref({ q: params.q })} className="link text-sm">
          {t("search.page.clearFilters")}
        </Link>
      )}
    </section>
  );
}

export function SearchResults({ t, params, result }: { t: Translate; params: SearchPageParams; result: SearchResult | null }) {
  if (!result) return <EmptyState title={t("search.page.emptyQueryTitle")} text={t("search.page.emptyQueryText")} />;
  const pages = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
      <Facets t={t} params={params} result={result} />
      <section aria-labelledby="szukaj-wyniki" className="min-w-0">
        <h2 id="szukaj-wyniki" className="text-base font-semibold text-slate-900">
          {t("search.page.found", { n: result.total })}{" "}
          <span className="text-sm font-normal text-slate-700" data-testid="search-took">
            {t("search.page.took", { ms: result.tookMs })}
          </span>
        </h2>
        {result.total === 0 ? (
          <div className="mt-3">
            <EmptyState title={t("search.page.noneTitle")} text={t("search.page.noneText")} />
          </div>
        ) : (
          <>
            <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="search-results">
              {result.hits.map((hit) => (
                <li key={`${hit.type}:${hit.id}`} className="px-3 py-3 sm:px-4">
                  <div className="flex min-w-0 flex-wrap items-center gap-2">
                    <HitTypeBadge type={hit.type} t={t} />
                    <Link href={hit.url} className="link min-w-0 font-semibold break-words">
                      <Highlighted markup={hit.highlights.title} fallback={hit.title} />
                    </Link>
                  </div>
                  <HitSubtitle hit={hit} />
                  {hit.highlights.body.map((fragment, i) => (
                    <p key={i} className="mt-1 text-sm break-words text-slate-800">
                      <Highlighted markup={fragment} fallback="" />
                    </p>
                  ))}
                </li>
              ))}
            </ol>
            <Pager page={params.page} pageCount={pages} hrefFor={(page) => searchPageHref({ ...params, page })} label={t("search.page.pagination")} t={t} />
          </>
        )}
      </section>
    </div>
  );
}
