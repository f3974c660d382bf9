import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { SearchForm, SearchResults } from "@/modules/search/components/search-results";
import { searchInputOf, searchPageParams } from "@/modules/search/search.schemas";
import { searchDocuments } from "@/modules/search/search.service";
import { getRequestMeta, requirePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getT } from "@/server/i18n";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getT();
  const { q } = searchPageParams(await searchParams);
  return { title: q ? t("search.page.titleFor", { q }) : t("search.page.title") };
}

/** Staff search: the query and filters live in the URL; only what the user may open is found. */
export default async function SearchPage({ searchParams }: Props) {
  const actor = await requirePermission("dashboard.view");
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const params = searchPageParams(await searchParams);
  const [t, result] = await Promise.all([getT(), params.q ? searchDocuments(ctx, searchInputOf(params)) : Promise.resolve(null)]);
  return (
    <>
      <PageHeader title={params.q ? t("search.page.titleFor", { q: params.q }) : t("search.page.title")} description={t("search.page.description")} />
      <div className="mb-6">
        <SearchForm t={t} q={params.q} />
      </div>
      <SearchResults t={t} params={params} result={result} />
    </>
  );
}
