/**
 * One BIP article: the title, the notices (old version, withdrawn, restricted), the body, the
 * procedure card, the attachments and the information record (metryka) with the mandatory fields.
 */
import { formatDate, formatDateTime, formatNumber, type Locale, type Translate } from "@/lib/i18n/translator";
import { bipArticleHref, bipAttachmentHref } from "../../bip.schemas";
import type { BipArticleDto } from "../../bip.public.service";
import { ProcedureCardView } from "./procedure-card";

const BODY_CLASS =
  "mt-4 max-w-prose leading-relaxed text-slate-900 [&_a]:text-brand-700 [&_a]:underline [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-4 [&_h3]:font-semibold [&_li]:mt-1 [&_ol]:mt-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mt-3 [&_table]:mt-3 [&_td]:border [&_td]:border-slate-300 [&_td]:p-1 [&_th]:border [&_th]:border-slate-300 [&_th]:p-1 [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:pl-6";

const formatSize = (bytes: number, locale: Locale) =>
  bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} kB`;

export function ArticleView({ article, t, locale, print = false }: { article: BipArticleDto; t: Translate; locale: Locale; print?: boolean }) {
  const v = article.version;
  const isCurrent = v.number === article.currentNumber;
  return (
    <article>
      <h1 className="text-2xl font-semibold leading-tight">{v.title}</h1>
      {!isCurrent && (
        <p role="note" className="mt-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          {t("bip.article.oldVersion", { n: v.number })}{" "}
          {!print && (
            <a className="link" href={bipArticleHref(article.seq)}>
              {t("bip.article.seeCurrent")}
            </a>
          )}
        </p>
      )}
      {article.status === "WITHDRAWN" && (
        <div role="note" className="mt-3 rounded border border-slate-400 bg-slate-100 p-3 text-sm">
          <p>{t("bip.article.withdrawn", { date: article.withdrawnAt ? formatDate(article.withdrawnAt, locale) : "—" })}</p>
          {article.withdrawalReason && <p>{t("bip.article.withdrawalReason", { reason: article.withdrawalReason })}</p>}
        </div>
      )}
      {v.summary && <p className="mt-3 text-lg text-slate-800">{v.summary}</p>}
      {v.restriction && (
        <section aria-labelledby="ograniczenie" className="mt-4 rounded border border-slate-400 p-3 text-sm">
          <h2 id="ograniczenie" className="font-semibold">
            {t("bip.article.restricted")}
          </h2>
          <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{t("bip.article.restrictionScope")}</dt>
            <dd>{v.restriction.scope || "—"}</dd>
            <dt className="font-medium">{t("bip.article.restrictionBasis")}</dt>
            <dd>{v.restriction.basis || "—"}</dd>
            <dt className="font-medium">{t("bip.article.restrictedBy")}</dt>
            <dd>{v.restriction.by || "—"}</dd>
          </dl>
        </section>
      )}
      {/* bodyHtml is sanitised (allow-list) when the editor saves a version. */}
      <div className={BODY_CLASS} dangerouslySetInnerHTML={{ __html: v.bodyHtml }} />
      <ProcedureCardView card={v.procedure} espFormCode={isCurrent && article.status !== "WITHDRAWN" && !print ? article.espFormCode : null} title={v.title} t={t} />

      <section aria-labelledby="zalaczniki" className="mt-6">
        <h2 id="zalaczniki" className="text-lg font-semibold">
          {t("bip.article.attachments")}
        </h2>
        {article.attachments.length === 0 ? (
          <p className="text-sm text-slate-700">{t("bip.article.noAttachments")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {article.attachments.map((a) => (
              <li key={a.id} className="text-sm">
                <a className="link" href={bipAttachmentHref(a.id)} download={a.fileName}>
                  {a.title || a.fileName}
                </a>{" "}
                <span className="text-slate-700">
                  ({a.fileName}, {formatSize(a.size, locale)}, {t("bip.article.downloads", { n: a.downloads })})
                </span>
                <br />
                <span className="break-all font-mono text-xs text-slate-700">
                  {t("bip.article.sha256")}: {a.sha256}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="metryka" className="mt-6 rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm">
        <h2 id="metryka" className="font-semibold">
          {t("bip.article.metadata")}
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("bip.article.publisher")}</dt>
          <dd>{article.publisher || "—"}</dd>
          <dt className="font-medium">{t("bip.article.producedBy")}</dt>
          <dd>{v.producedBy}</dd>
          <dt className="font-medium">{t("bip.article.producedAt")}</dt>
          <dd>{formatDate(v.producedAt, locale)}</dd>
          <dt className="font-medium">{t("bip.article.enteredBy")}</dt>
          <dd>{v.enteredBy}</dd>
          <dt className="font-medium">{t("bip.article.publishedAt")}</dt>
          <dd>
            <time dateTime={v.publishedAt.toISOString()}>{formatDateTime(v.publishedAt, locale)}</time>
          </dd>
          {article.versionCount > 1 && (
            <>
              <dt className="font-medium">{t("bip.article.firstPublishedAt")}</dt>
              <dd>
                <time dateTime={article.firstPublishedAt.toISOString()}>{formatDateTime(article.firstPublishedAt, locale)}</time>
              </dd>
            </>
          )}
          <dt className="font-medium">{t("bip.article.version")}</dt>
          <dd>{t("bip.article.versionOf", { n: v.number, count: article.versionCount })}</dd>
          <dt className="font-medium">{t("bip.article.views")}</dt>
          <dd>{formatNumber(article.viewCount, locale)}</dd>
          <dt className="font-medium">{t("bip.article.section")}</dt>
          <dd>{article.menu.title}</dd>
        </dl>
        {!print && (
          <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2 print:hidden">
            <a className="link" href={`${bipArticleHref(article.seq)}/zmiany`}>
              {t("bip.article.changes")}
            </a>
            <a className="link" href={`${bipArticleHref(article.seq)}/druk${isCurrent ? "" : `?wersja=${v.number}`}`}>
              {t("bip.article.print")}
            </a>
          </p>
        )}
      </section>
    </article>
  );
}
