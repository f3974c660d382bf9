import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { adminMailHrefFor, MailFiltersForm, MailList } from "@/modules/mail/components/mail-view";
import { mailInputFromSearchParams } from "@/modules/mail/mail.schemas";
import { listEmails } from "@/modules/mail/mail.service";
import { getRequestMeta, requirePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";
import { configuredMailTransportName } from "@/server/integrations/mail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("mail.admin.title") };
}

/** Every e-mail the system sent or keeps in the local outbox: filters and pages in the URL, rendered on the server. */
export default async function AdminMailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("mail.view");
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const input = mailInputFromSearchParams(await searchParams);
  const [t, locale, page] = await Promise.all([getT(), getLocale(), listEmails(ctx, input)]);
  const filtered = Boolean(input.filters.status || input.filters.template || input.filters.to);
  return (
    <>
      <PageHeader
        title={t("mail.admin.title")}
        description={
          <>
            {t("mail.admin.description")} <span data-testid="mail-transport">{t(`mail.admin.transport.${configuredMailTransportName()}`)}</span>
          </>
        }
      />
      <MailFiltersForm t={t} filters={input.filters} />
      <MailList
        t={t}
        locale={locale}
        page={page}
        mode="admin"
        hrefFor={adminMailHrefFor(input.filters)}
        detailHref={(id) => `/admin/poczta/${id}`}
        emptyText={filtered ? t("mail.admin.emptyFiltered") : t("mail.admin.emptyAll")}
      />
    </>
  );
}
