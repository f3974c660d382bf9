import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { EspShell } from "@/modules/esp/components/esp-shell";
import { ESP_FORM_CODES } from "@/modules/esp/esp.forms";
import { requireEspAccount } from "@/modules/esp/esp.session";
import { listMyDeliveryRows } from "@/modules/esp/esp.delivery.service";
import { listMySubmissions } from "@/modules/esp/esp.submit.service";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("esp.account.title")} · ${t("esp.title")}`, robots: { index: false } };
}

/** The citizen's account: forms, own submissions with their UPP, the office's letters. */
export default async function EspAccountPage() {
  const account = await requireEspAccount();
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const [submissions, deliveries] = await Promise.all([listMySubmissions(db, account.id), listMyDeliveryRows(db, account.id)]);
  return (
    <EspShell>
      <h1 className="text-2xl font-semibold">{t("esp.account.title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("esp.account.signedInAs", { email: account.email })}</p>

      <section aria-labelledby="formularze" className="mt-6">
        <h2 id="formularze" className="text-xl font-semibold">
          {t("esp.account.newLetter")}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-3">
          {ESP_FORM_CODES.map((code) => (
            <li key={code} className="rounded-lg border border-slate-200 p-4">
              <Link href={`/esp/formularz/${code}`} className="link font-medium">
                {t(`esp.forms.${code}.title`)}
              </Link>
              <p className="mt-1 text-sm text-slate-700">{t(`esp.forms.${code}.description`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="zlozone" className="mt-8">
        <h2 id="zlozone" className="text-xl font-semibold">
          {t("esp.account.submissions")}
        </h2>
        {submissions.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("esp.account.noSubmissions")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
            {submissions.map((s) => (
              <li key={s.number} className="flex flex-wrap items-start justify-between gap-2 p-3">
                <div className="min-w-0">
                  <p className="font-medium break-words">
                    <Link href={`/esp/zlozone/${s.slug}`} className="link">
                      {s.title}
                    </Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t("esp.account.number")}: {s.number}
                    {s.registerNo ? ` · RPW: ${s.registerNo}` : ""} · {t("esp.account.date")}: {formatDateTime(s.receivedAt, locale)}
                  </p>
                </div>
                <div className="text-sm">
                  <p>
                    <span className="text-slate-700">{t("esp.account.status")}: </span>
                    <strong>{t(`esp.status.${s.status}`)}</strong>
                  </p>
                  <p className="flex gap-3">
                    <a className="link" href={`/api/esp/upp/${s.slug}/pdf`}>
                      PDF
                    </a>
                    <a className="link" href={`/api/esp/upp/${s.slug}/xml`}>
                      XML
                    </a>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="z-urzedu" className="mt-8">
        <h2 id="z-urzedu" className="text-xl font-semibold">
          {t("esp.account.deliveries")}
        </h2>
        {deliveries.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("esp.account.noDeliveries")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
            {deliveries.map((d) => (
              <li key={d.id} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                <span className="min-w-0 break-words">
                  <Link href={`/esp/pisma/${d.id}`} className="link font-medium">
                    {d.subject || (d.registerNo ? `${t("esp.delivery.title")} ${d.registerNo}` : t("esp.delivery.title"))}
                  </Link>
                </span>
                <span className={d.status === "CONFIRMED" ? "text-slate-700" : "font-medium text-amber-900"}>
                  {t("esp.account.deliverySent")}: {formatDate(d.sentAt, locale)} · {t(`esp.account.deliveryStatus.${d.status}`)}
                  {d.status === "AWAITING" ? ` · ${t("esp.delivery.deadline")}: ${formatDate(d.expiresAt, locale)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </EspShell>
  );
}
