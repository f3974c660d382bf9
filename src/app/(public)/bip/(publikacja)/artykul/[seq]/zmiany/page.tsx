import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { diffText } from "@/modules/bip/bip.diff";
import { bipArticleHref, bipVersionHref } from "@/modules/bip/bip.schemas";
import { getChangeRegister } from "@/modules/bip/bip.public.service";
import { loadBipChrome } from "@/modules/bip/components/public/bip-data";
import { Breadcrumbs } from "@/modules/bip/components/public/bip-menu";
import { DiffView } from "@/modules/bip/components/public/diff-view";

type Props = { params: Promise<{ seq: string }> };

async function load(params: Props["params"]) {
  const chrome = await loadBipChrome();
  const { seq } = await params;
  const register = /^\d{1,9}$/.test(seq) ? await getChangeRegister(chrome.db, Number(seq)) : null;
  if (!register) notFound();
  return { ...chrome, register };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { register, t } = await load(params);
  return { title: t("bip.changes.title", { title: register.title }), alternates: { canonical: `${bipArticleHref(register.seq)}/zmiany` } };
}

/** Rejestr zmian: every published version, and what changed in each compared with the one before. */
export default async function BipChangesPage({ params }: Props) {
  const { t, locale, register } = await load(params);
  const entries = register.entries;
  return (
    <>
      <Breadcrumbs
        label={t("bip.breadcrumb")}
        items={[
          { title: t("bip.short"), href: "/bip" },
          { title: register.title, href: bipArticleHref(register.seq) },
          { title: t("bip.article.changes") },
        ]}
      />
      <h1 className="text-2xl font-semibold">{t("bip.changes.title", { title: register.title })}</h1>
      <div className="mt-4 overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t("bip.changes.table")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("bip.changes.number")}</th>
              <th scope="col">{t("bip.changes.publishedAt")}</th>
              <th scope="col">{t("bip.changes.enteredBy")}</th>
              <th scope="col">{t("bip.changes.producedBy")}</th>
              <th scope="col">{t("bip.changes.note")}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => (
              <tr key={e.number} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2">
                  <a className="link" href={bipVersionHref(register.seq, e.number)} aria-label={t("bip.changes.show", { n: e.number })}>
                    {e.number}
                  </a>
                </th>
                <td className="px-3 py-2 whitespace-nowrap">
                  <time dateTime={e.publishedAt.toISOString()}>{formatDateTime(e.publishedAt, locale)}</time>
                </td>
                <td className="px-3 py-2">{e.enteredBy}</td>
                <td className="px-3 py-2">
                  {e.producedBy} ({formatDate(e.producedAt, locale)})
                </td>
                <td className="px-3 py-2">{e.number === entries[0]!.number ? t("bip.changes.firstVersion") : e.changeNote || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length > 1 && <p className="mt-4 text-sm text-slate-700">{t("bip.changes.legend")}</p>}
      {entries.slice(1).reverse().map((e) => {
        const prev = entries[entries.indexOf(e) - 1]!;
        return (
          <section key={e.number} aria-labelledby={`zmiana-${e.number}`} className="mt-6">
            <h2 id={`zmiana-${e.number}`} className="text-lg font-semibold">
              {t("bip.changes.diffTitle", { n: e.number, prev: prev.number })}
            </h2>
            {e.changeNote && <p className="mt-1">{e.changeNote}</p>}
            <ul className="mt-1 text-sm">
              {e.title !== prev.title && <li>{t("bip.changes.titleChanged", { before: prev.title, after: e.title })}</li>}
              {e.summary !== prev.summary && <li>{t("bip.changes.summaryChanged")}</li>}
              {e.attachmentsAdded.length > 0 && <li>{t("bip.changes.attachmentsAdded", { list: e.attachmentsAdded.join(", ") })}</li>}
              {e.attachmentsRemoved.length > 0 && <li>{t("bip.changes.attachmentsRemoved", { list: e.attachmentsRemoved.join(", ") })}</li>}
            </ul>
            <div className="mt-2">
              <DiffView segments={diffText(prev.bodyText, e.bodyText)} t={t} />
            </div>
          </section>
        );
      })}
    </>
  );
}
