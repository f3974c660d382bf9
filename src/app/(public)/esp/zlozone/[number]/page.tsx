import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/i18n/translator";
import { EspDraftClear } from "@/modules/esp/components/esp-form-enhancer";
import { EspShell } from "@/modules/esp/components/esp-shell";
import { numberFromSlug } from "@/modules/esp/esp.schemas";
import { requireEspAccount } from "@/modules/esp/esp.session";
import { stashTake } from "@/modules/esp/esp.stash";
import { getMySubmission } from "@/modules/esp/esp.submit.service";
import { formatAccessCode } from "@/modules/esp/esp.tokens";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getLocale, getT } from "@/server/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("esp.receipt.title"), robots: { index: false } };
}

/** The receipt after submitting (and later, from "Moje konto"): numbers, files, UPP downloads; the access code once. */
export default async function EspReceiptPage({ params }: { params: Promise<{ number: string }> }) {
  const account = await requireEspAccount();
  const { number: slug } = await params;
  const number = numberFromSlug(slug);
  if (!number) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const s = await getMySubmission(await getDb(), account.id, number).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // Shown once: handed over by the form handler, gone after this render.
  const accessCode = stashTake<string>(account.id, `code:${s.number}`);
  return (
    <EspShell>
      <EspDraftClear code={s.formCode} />
      <div role="status" className="rounded-lg border border-green-300 bg-green-50 p-4">
        <h1 className="text-2xl font-semibold text-green-900">{t("esp.receipt.title")}</h1>
        <p className="mt-2 text-green-900">{t("esp.receipt.intro")}</p>
      </div>
      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("esp.receipt.number")}</dt>
        <dd className="font-mono">{s.number}</dd>
        <dt className="font-medium text-slate-700">{t("esp.receipt.registerNo")}</dt>
        <dd className="font-mono">{s.registerNo}</dd>
        <dt className="font-medium text-slate-700">{t("esp.receipt.received")}</dt>
        <dd>{formatDateTime(s.receivedAt, locale)}</dd>
        <dt className="font-medium text-slate-700">{t("esp.receipt.subject")}</dt>
        <dd className="break-words">{s.title}</dd>
        <dt className="font-medium text-slate-700">{t("esp.account.status")}</dt>
        <dd>{t(`esp.status.${s.status}`)}</dd>
      </dl>
      <section aria-labelledby="kod" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
        <h2 id="kod" className="font-semibold">
          {t("esp.receipt.accessCode")}
        </h2>
        {accessCode ? (
          <>
            <p className="mt-1 font-mono text-2xl tracking-widest" data-testid="access-code">
              {formatAccessCode(accessCode)}
            </p>
            <p className="mt-1 text-sm text-slate-800">{t("esp.receipt.accessCodeHint")}</p>
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-800">{t("esp.receipt.accessCodeShown")}</p>
        )}
      </section>
      <section aria-labelledby="pliki" className="mt-6">
        <h2 id="pliki" className="text-lg font-semibold">
          {t("esp.receipt.files")}
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          {s.files.map((f) => (
            <li key={f.sha256 + f.fileName} className="break-all">
              {f.fileName} ({f.sizeLabel}) — <span className="font-mono text-xs text-slate-700">SHA-256 {f.sha256}</span>
            </li>
          ))}
        </ul>
      </section>
      <div className="mt-6 flex flex-wrap gap-3">
        <a className="btn-primary" href={`/api/esp/upp/${s.slug}/xml`}>
          {t("esp.receipt.downloadXml")}
        </a>
        <a className="btn-secondary" href={`/api/esp/upp/${s.slug}/pdf`}>
          {t("esp.receipt.downloadPdf")}
        </a>
      </div>
      <p className="mt-4 text-sm text-slate-700">{t("esp.receipt.emailed", { email: account.email })}</p>
    </EspShell>
  );
}
