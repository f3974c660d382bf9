import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { SearchAdminView } from "@/modules/search/components/search-admin";
import { getSearchAdmin } from "@/modules/search/search.admin";
import { getRequestMeta, requirePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("search.admin.title") };
}

/** The search index's health and its rebuild (administrators). */
export default async function SearchAdminPage() {
  const actor = await requirePermission("search.manage");
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const [t, locale, overview] = await Promise.all([getT(), getLocale(), getSearchAdmin(ctx)]);
  return (
    <>
      <PageHeader title={t("search.admin.title")} description={t("search.admin.description")} />
      <SearchAdminView t={t} locale={locale} overview={overview} />
    </>
  );
}
