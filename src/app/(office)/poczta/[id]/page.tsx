import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { MailDetail } from "@/modules/mail/components/mail-view";
import { ZEmailIdInput, type EmailDetail } from "@/modules/mail/mail.schemas";
import { getMyEmail } from "@/modules/mail/mail.service";
import { getRequestMeta, requireActor } from "@/server/auth/session";
import type { ServiceContext } from "@/server/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getLocale, getT } from "@/server/i18n";

async function load(ctx: ServiceContext, id: string): Promise<EmailDetail> {
  const parsed = ZEmailIdInput.safeParse({ id });
  if (!parsed.success) notFound();
  try {
    return await getMyEmail(ctx, parsed.data);
  } catch (error) {
    // Someone else's message answers 404 like a missing one.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("mail.mine.title") };
}

/** One of the user's own messages, with a note on what this copy is. */
export default async function MyMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const { id } = await params;
  const [t, locale, email] = await Promise.all([getT(), getLocale(), load(ctx, id)]);
  return (
    <>
      <p className="mb-2">
        <Link href="/poczta" className="link text-sm">
          <span aria-hidden="true">←</span> {t("mail.mine.back")}
        </Link>
      </p>
      <PageHeader title={email.subject} description={t("mail.mine.title")} />
      <MailDetail t={t} locale={locale} email={email} mode="mine" />
    </>
  );
}
