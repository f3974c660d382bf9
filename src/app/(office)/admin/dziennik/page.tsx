import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { auditInputFromSearchParams } from "@/modules/audit/audit.schemas";
import { listAuditActors, listAuditEvents } from "@/modules/audit/audit.service";
import { AuditEntryList, AuditPager } from "@/modules/audit/components/audit-entry-list";
import { AuditFilters } from "@/modules/audit/components/audit-filters";
import { getRequestMeta, requirePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";

export const metadata: Metadata = { title: "Dziennik zdarzeń" };

/** The audit trail: filters and keyset pages in the URL, rendered on the server. */
export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("audit.view");
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const { input, errors, raw } = auditInputFromSearchParams(await searchParams);
  const [t, locale, page, actors] = await Promise.all([getT(), getLocale(), listAuditEvents(ctx, input), listAuditActors(ctx)]);
  const filtered = Object.keys(input.filters).length > 0;
  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <AuditFilters t={t} raw={raw} errors={errors} actors={actors} />
      <AuditEntryList t={t} locale={locale} page={page} filters={input.filters} filtered={filtered} />
      <AuditPager t={t} page={page} filters={input.filters} />
    </>
  );
}
