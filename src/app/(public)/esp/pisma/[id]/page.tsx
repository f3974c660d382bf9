import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { EspShell } from "@/modules/esp/components/esp-shell";
import { getMyDelivery, isDeliveryId } from "@/modules/esp/esp.delivery.service";
import { requireEspAccount } from "@/modules/esp/esp.session";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getLocale, getT } from "@/server/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("esp.delivery.title")} · ${t("esp.title")}`, robots: { index: false } };
}

/**
 * An office letter in the citizen's ESP account. Before confirming receipt: sender, number, dates and
 * the "Potwierdź odbiór" form (no JavaScript needed); after: the letter's files and the UPD downloads.
 * Another account's letter answers 404.
 */
export default async function EspDeliveryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ blad?: string }> }) {
  const { id } = await params;
  const account = await requireEspAccount(`/esp/pisma/${id}`);
  if (!isDeliveryId(id)) notFound();
  const [t, locale, { blad }] = await Promise.all([getT(), getLocale(), searchParams]);
  const d = await getMyDelivery(await getDb(), account.id, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const confirmed = d.status === "CONFIRMED";
  return (
    <EspShell>
      <p className="text-sm">
        <Link href="/esp" className="link">
          ← {t("esp.delivery.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-words">{confirmed && d.subject ? d.subject : t("esp.delivery.title")}</h1>
      {blad && !confirmed ? (
        <p role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          {t("esp.unexpected")}
        </p>
      ) : null}
      <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("esp.delivery.from")}</dt>
        <dd className="break-words">
          {d.office.name}
          {d.office.address ? `, ${d.office.address}` : ""}
        </dd>
        <dt className="font-medium text-slate-700">{t("esp.delivery.registerNo")}</dt>
        <dd className="font-mono">{d.registerNo ?? "—"}</dd>
        <dt className="font-medium text-slate-700">{t("esp.delivery.sent")}</dt>
        <dd>{formatDateTime(d.sentAt, locale)}</dd>
        {confirmed ? (
          <>
            <dt className="font-medium text-slate-700">{t("esp.delivery.confirmed")}</dt>
            <dd>{d.confirmedAt ? formatDateTime(d.confirmedAt, locale) : "—"}</dd>
          </>
        ) : (
          <>
            <dt className="font-medium text-slate-700">{t("esp.delivery.deadline")}</dt>
            <dd>{formatDate(d.expiresAt, locale)}</dd>
          </>
        )}
        {d.expiredAt ? (
          <>
            <dt className="font-medium text-slate-700">{t("esp.delivery.expired")}</dt>
            <dd>{formatDateTime(d.expiredAt, locale)}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-700">{t("esp.account.status")}</dt>
        <dd>{t(`esp.account.deliveryStatus.${d.status}`)}</dd>
      </dl>

      {confirmed ? (
        <>
          <div role="status" className="mt-6 rounded-lg border border-green-300 bg-green-50 p-4 text-green-900">
            {t("esp.delivery.confirmedIntro")}
          </div>
          <section aria-labelledby="pliki" className="mt-6">
            <h2 id="pliki" className="text-lg font-semibold">
              {t("esp.delivery.files")}
            </h2>
            {d.files && d.files.length > 0 ? (
              <ul className="mt-2 space-y-2 text-sm">
                {d.files.map((f) => (
                  <li key={f.id} className="break-all">
                    <a className="link font-medium" href={`/api/esp/pisma/${d.id}/pliki/${f.id}`}>
                      {f.fileName}
                    </a>{" "}
                    ({f.sizeLabel}) — <span className="font-mono text-xs text-slate-700">SHA-256 {f.sha256}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-slate-700">{t("esp.delivery.noFiles")}</p>
            )}
          </section>
          {d.hasUpd ? (
            <div className="mt-6 flex flex-wrap gap-3">
              <a className="btn-primary" href={`/api/esp/upd/${d.id}/xml`}>
                {t("esp.delivery.downloadXml")}
              </a>
              <a className="btn-secondary" href={`/api/esp/upd/${d.id}/pdf`}>
                {t("esp.delivery.downloadPdf")}
              </a>
            </div>
          ) : null}
        </>
      ) : (
        <section aria-labelledby="odbior" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="odbior" className="text-lg font-semibold">
            {t("esp.delivery.confirm")}
          </h2>
          <p className="mt-2 text-slate-900">{d.status === "EXPIRED" ? t("esp.delivery.expiredIntro") : t("esp.delivery.awaitingIntro")}</p>
          {d.status === "AWAITING" ? <p className="mt-2 text-sm text-slate-800">{t("esp.delivery.rule")}</p> : null}
          <form method="post" action={`/api/esp/pisma/${d.id}/potwierdz`} className="mt-4">
            <button type="submit" className="btn-primary">
              {t("esp.delivery.confirm")}
            </button>
            <p className="mt-2 text-sm text-slate-800">{t("esp.delivery.confirmHint")}</p>
          </form>
        </section>
      )}
    </EspShell>
  );
}
