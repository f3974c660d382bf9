import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { MailList } from "@/modules/mail/components/mail-view";
import { myMailHref, myMailInputFromSearchParams } from "@/modules/mail/mail.schemas";
import { listMyEmails } from "@/modules/mail/mail.service";
import { getRequestMeta, requireActor } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("mail.mine.title") };
}

/** "Moja poczta": the e-mails the system sent to the signed-in user. */
export default async function MyMailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const input = myMailInputFromSearchParams(await searchParams);
  const [t, locale, page] = await Promise.all([getT(), getLocale(), listMyEmails(ctx, input)]);
  return (
    <>
      <PageHeader title={t("mail.mine.title")} description={t("mail.mine.description")} />
      <MailList t={t} locale={locale} page={page} mode="mine" hrefFor={myMailHref} detailHref={(id) => `/poczta/${id}`} emptyText={t("mail.mine.emptyText")} />
    </>
  );
}
