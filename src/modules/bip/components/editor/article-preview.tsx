import type { Translate } from "@/lib/i18n/translator";
import { formatDate, formatDateTime, type Locale } from "@/lib/i18n/translator";
import type { AttachmentDto, VersionDto } from "../../bip.editor.schemas";

/** Classes that give the sanitised body its typography (no plugin). */
export const BIP_BODY_CLASSES =
  "max-w-none text-slate-900 [&_a]:text-brand-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_h2]:mt-4 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-2 [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_pre]:overflow-x-auto [&_pre]:bg-slate-100 [&_pre]:p-2 [&_table]:my-3 [&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:p-1 [&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-100 [&_th]:p-1 [&_ul]:list-disc [&_ul]:pl-6";

/** The attachments a version has: added in it or earlier, not removed by it. */
export function attachmentsOfVersion(attachments: AttachmentDto[], number: number): AttachmentDto[] {
  return attachments.filter((a) => a.addedInVersion <= number && (a.removedInVersion === null || a.removedInVersion > number));
}

/**
 * A version rendered as the public BIP shows an article: title, lead, restriction notice, body,
 * procedure card, attachments and the mandatory metadata. The body is HTML sanitised on save.
 */
export function ArticlePreview({ version, publisher, attachments, t, locale }: { version: VersionDto; publisher: string; attachments: AttachmentDto[]; t: Translate; locale: Locale }) {
  const files = attachmentsOfVersion(attachments, version.number);
  const card = version.procedure;
  return (
    <article className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6" lang="pl">
      <h2 className="text-2xl font-semibold text-slate-900">{version.title}</h2>
      {version.summary && <p className="mt-2 text-slate-800">{version.summary}</p>}
      {version.restrictionScope && (
        <div className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">{t("bipEditor.restricted")}</p>
          <p>{t("bipEditor.restrictedScope", { v: version.restrictionScope })}</p>
          <p>{t("bipEditor.restrictedBasis", { v: version.restrictionBasis ?? "" })}</p>
          <p>{t("bipEditor.restrictedByLabel", { v: version.restrictedBy ?? "" })}</p>
        </div>
      )}
      <div className={`mt-4 ${BIP_BODY_CLASSES}`} dangerouslySetInnerHTML={{ __html: version.bodyHtml }} />
      {card && (
        <section className="mt-4 rounded-md border border-slate-200 p-3" aria-label={t("bipEditor.procedureCard")}>
          <h3 className="text-lg font-semibold">{t("bipEditor.procedureCard")}</h3>
          <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            {card.documents.length > 0 && (
              <>
                <dt className="font-medium">{t("bipEditor.fieldDocuments")}</dt>
                <dd>
                  <ul className="list-disc pl-5">
                    {card.documents.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {(
              [
                ["fieldFees", card.fees],
                ["fieldDeadline", card.deadline],
                ["fieldWhere", card.where],
                ["fieldWho", card.who],
                ["fieldAppeal", card.appeal],
                ["fieldLegalBasis", card.legalBasis],
              ] as const
            )
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-medium">{t(`bipEditor.${k}`)}</dt>
                  <dd className="whitespace-pre-line">{v}</dd>
                </div>
              ))}
          </dl>
        </section>
      )}
      {files.length > 0 && (
        <section className="mt-4">
          <h3 className="text-lg font-semibold">{t("bipEditor.attachments")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/api/bip-redakcja/zalaczniki/${f.id}`} className="text-brand-800 underline">
                  {f.title}
                </a>{" "}
                ({f.fileName})
              </li>
            ))}
          </ul>
        </section>
      )}
      <dl className="mt-6 grid gap-x-4 gap-y-1 border-t border-slate-200 pt-3 text-sm text-slate-800 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">{t("bipEditor.meta.publisher")}</dt>
        <dd>{publisher || "—"}</dd>
        <dt className="font-medium">{t("bipEditor.meta.producedBy")}</dt>
        <dd>{version.producedBy}</dd>
        <dt className="font-medium">{t("bipEditor.meta.producedAt")}</dt>
        <dd>{formatDate(version.producedAt, locale)}</dd>
        <dt className="font-medium">{t("bipEditor.meta.enteredBy")}</dt>
        <dd>{version.enteredByName}</dd>
        <dt className="font-medium">{t("bipEditor.meta.publishedAt")}</dt>
        <dd>{version.publishAt ? formatDateTime(version.publishAt, locale) : t("bipEditor.meta.notPublished")}</dd>
        {version.changeNote && (
          <>
            <dt className="font-medium">{t("bipEditor.meta.changeNote")}</dt>
            <dd>{version.changeNote}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
