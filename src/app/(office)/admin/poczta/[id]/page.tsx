import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { MailDetail } from "@/modules/mail/components/mail-view";
import { ZEmailIdInput, type EmailDetail } from "@/modules/mail/mail.schemas";
import { getEmail } from "@/modules/mail/mail.service";
import { getRequestMeta, requirePermission } from "@/server/auth/session";
import type { ServiceContext } from "@/server/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getLocale, getT } from "@/server/i18n";
import { mailFrom } from "@/server/integrations/mail";

async function load(ctx: ServiceContext, id: string): Promise<EmailDetail> {
  const parsed = ZEmailIdInput.safeParse({ id });
  if (!parsed.success) notFound();
  try {
    return await getEmail(ctx, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("mail.admin.title") };
}

/** One message as the administrator sees it: headers, delivery facts, HTML and text; "Wyślij ponownie" when it failed. */
export default async function AdminMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("mail.view");
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const { id } = await params;
  const [t, locale, email] = await Promise.all([getT(), getLocale(), load(ctx, id)]);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/poczta" className="link text-sm">
          <span aria-hidden="true">←</span> {t("mail.admin.back")}
        </Link>
      </p>
      <PageHeader title={email.subject} description={t("mail.admin.title")} />
      <MailDetail t={t} locale={locale} email={email} mode="admin" from={mailFrom()} />
    </>
  );
}
