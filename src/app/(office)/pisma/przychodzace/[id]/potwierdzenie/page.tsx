import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate, formatDateTime, isLocale } from "@/lib/i18n/translator";
import { PrintButton } from "@/modules/letters/components/print-button";
import { getLetterConfirmation, type LetterConfirmation } from "@/modules/letters/letters.service";
import { getRequestMeta, requirePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getT } from "@/server/i18n";

export const metadata: Metadata = { title: "Potwierdzenie przyjęcia pisma" };

/** Only the slip is printed: everything else on the page (menu, header, buttons) is hidden on paper. */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  #letter-slip, #letter-slip * { visibility: visible !important; }
  #letter-slip { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0 !important; box-shadow: none !important; }
  @page { size: A4; margin: 18mm; }
}`;

export default async function LetterConfirmationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("documents.work");
  const { id } = await params;
  const t = await getT();
  const locale = isLocale(actor.locale) ? actor.locale : "pl";
  let slip: LetterConfirmation;
  try {
    slip = await getLetterConfirmation({ db: await getDb(), actor, meta: await getRequestMeta() }, id.slice(0, 64));
  } catch (error) {
    if ((error instanceof AppError && error.code === "NOT_FOUND") || (error instanceof TRPCError && error.code === "NOT_FOUND")) notFound();
    throw error;
  }
  const none = t("common.noData");
  const rows: [string, string][] = [
    [t("letters.slip.number"), slip.registerNo],
    [t("letters.slip.systemId"), `ID ${slip.seq}`],
    [t("letters.slip.received"), formatDateTime(slip.receivedAt, locale)],
    [t("letters.slip.sender"), [slip.senderName, slip.senderAddress].filter(Boolean).join(", ") || none],
    [t("letters.slip.senderReference"), slip.senderReference ?? none],
    [t("letters.slip.letterDate"), slip.letterDate ? formatDate(`${slip.letterDate}T12:00:00Z`, locale) : none],
    [t("letters.slip.subject"), slip.subject],
    [t("letters.slip.channel"), t(`letters.channels.${slip.channel as "PAPER"}`)],
    [t("letters.slip.pages"), slip.pages === null ? none : String(slip.pages)],
    [t("letters.slip.attachments"), slip.attachmentsCount === null ? none : String(slip.attachmentsCount)],
    [t("letters.slip.registeredBy"), [slip.registeredBy, slip.registeredByPosition].filter(Boolean).join(", ")],
  ];
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap gap-2">
        <PrintButton label={t("letters.slip.print")} />
        <a href={`/api/pisma/${id}/potwierdzenie`} className="btn-secondary" target="_blank" rel="noopener">
          {t("letters.slip.pdf")}
        </a>
        <Link href={`/pisma/przychodzace/${id}`} className="btn-secondary">
          {t("letters.slip.back")}
        </Link>
      </div>
      <article id="letter-slip" className="card mx-auto max-w-2xl text-slate-900" aria-labelledby="letter-slip-title">
        <header className="mb-4 border-b border-slate-300 pb-3">
          <p className="font-semibold">{slip.office.name}</p>
          <p className="text-sm">{slip.office.address}</p>
        </header>
        <h1 id="letter-slip-title" className="mb-4 text-xl font-semibold">
          {t("letters.slip.heading")}
        </h1>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[14rem_minmax(0,1fr)]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-sm font-medium text-slate-700">{k}</dt>
              <dd className="break-words" data-testid={k === t("letters.slip.number") ? "slip-number" : undefined}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
        <div className="mt-12 grid grid-cols-2 gap-8 text-center text-xs text-slate-700">
          <p className="border-t border-slate-400 pt-1">{t("letters.slip.stamp")}</p>
          <p className="border-t border-slate-400 pt-1">{t("letters.slip.signature")}</p>
        </div>
      </article>
    </>
  );
}
