import Link from "next/link";
import { EmptyState } from "@/components/page-header";
import { formatDateTime, type Locale, type Translate } from "@/lib/i18n/translator";
import { formatAuditValue, labelOr, shortUserAgent } from "../audit.format";
import { auditHref, type AuditEntry, type AuditFilters, type AuditPage } from "../audit.schemas";

const GRID = "lg:grid lg:grid-cols-[9.5rem_minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,0.9fr)] lg:gap-x-4";

/** The entries of one page: cards stacked on phones, a table-like grid from 1024 px up. */
export function AuditEntryList({ t, locale, page, filters, filtered }: { t: Translate; locale: Locale; page: AuditPage; filters: AuditFilters; filtered: boolean }) {
  return (
    <section aria-labelledby="audit-results-title">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="audit-results-title" className="text-lg font-semibold">
          {t("audit.results")}
        </h2>
        {page.entries.length > 0 && (
          <p className="text-sm text-slate-700" data-testid="audit-count">
            {t("audit.shown", { n: page.entries.length })}
          </p>
        )}
      </div>
      {page.entries.length === 0 ? (
        <EmptyState title={t("audit.empty")} text={filtered ? t("audit.emptyFiltered") : t("audit.emptyAll")} />
      ) : (
        <div className="lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
          <div aria-hidden="true" className={`hidden border-b border-slate-300 px-3 py-2 text-sm font-semibold text-slate-700 ${GRID}`}>
            <span>{t("audit.when")}</span>
            <span>{t("audit.who")}</span>
            <span>{t("audit.what")}</span>
            <span>{t("audit.entity")}</span>
            <span>{t("audit.origin")}</span>
          </div>
          <ol className="space-y-2 lg:space-y-0" data-testid="audit-entries">
            {page.entries.map((e) => (
              <AuditEntryItem key={e.id} t={t} locale={locale} entry={e} filters={filters} />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function AuditEntryItem({ t, locale, entry: e, filters }: { t: Translate; locale: Locale; entry: AuditEntry; filters: AuditFilters }) {
  const label = "text-xs font-medium text-slate-700 lg:sr-only";
  const ua = shortUserAgent(e.userAgent);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 text-sm lg:rounded-none lg:border-0 lg:border-b lg:last:border-b-0" data-testid="audit-entry" data-action={e.action}>
      <dl className={`grid gap-2 ${GRID}`}>
        <div>
          <dt className={label}>{t("audit.when")}</dt>
          <dd className="tabular-nums">
            <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt, locale)}</time>
          </dd>
        </div>
        <div className="min-w-0">
          <dt className={label}>{t("audit.who")}</dt>
          <dd>
            {e.actorName ? (
              e.actorId ? (
                <Link href={auditHref({ ...filters, actorId: e.actorId })} className="link">
                  {e.actorName}
                  <span className="sr-only"> — {t("audit.showPersonHistory")}</span>
                </Link>
              ) : (
                e.actorName
              )
            ) : (
              <span className="text-slate-700">{t("audit.system")}</span>
            )}
            {e.actorPosition && <span className="block text-xs text-slate-700">{e.actorPosition}</span>}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className={label}>{t("audit.what")}</dt>
          <dd className="font-medium text-slate-900">{labelOr(t, "audit.actions", e.action)}</dd>
        </div>
        <div className="min-w-0">
          <dt className={label}>{t("audit.entity")}</dt>
          <dd>
            {labelOr(t, "audit.entityTypes", e.entityType)}
            {e.entityId && (
              <Link href={auditHref({ entityType: e.entityType, entityId: e.entityId })} className="link block font-mono text-xs break-all">
                {e.entityId}
                <span className="sr-only"> — {t("audit.showEntityHistory")}</span>
              </Link>
            )}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className={label}>{t("audit.origin")}</dt>
          <dd>
            <span className="font-mono text-xs break-all">{e.ip ?? t("common.none")}</span>
            {ua && (
              <span className="block text-xs text-slate-700" title={e.userAgent ?? undefined}>
                {ua}
              </span>
            )}
          </dd>
        </div>
      </dl>
      <AuditDetails t={t} locale={locale} entry={e} />
    </li>
  );
}

function AuditDetails({ t, locale, entry: e }: { t: Translate; locale: Locale; entry: AuditEntry }) {
  const data = Object.entries(e.data);
  const value = (key: string, v: unknown) => {
    if (typeof v === "string") {
      const label = labelOr(t, `audit.values.${key}`, v);
      if (label !== v) return label;
    }
    return formatAuditValue(v, t, locale);
  };
  return (
    <details className="mt-2" data-testid="audit-details">
      <summary className="link inline-block min-h-6 cursor-pointer text-sm">{t("audit.details")}</summary>
      <div className="mt-2 space-y-3 rounded-md bg-slate-50 p-3">
        {e.changes.length > 0 && (
          <div>
            <h3 className="mb-1 font-semibold">{t("audit.changes")}</h3>
            <ul className="space-y-1" data-testid="audit-changes">
              {e.changes.map((c) => (
                <li key={c.field} className="break-words">
                  <span className="font-medium">{labelOr(t, "audit.fields", c.field)}:</span> {formatAuditValue(c.from, t, locale)} <span aria-hidden="true">→</span>
                  <span className="sr-only">{t("audit.changedTo")}</span> {formatAuditValue(c.to, t, locale)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {data.length === 0 && e.changes.length === 0 && <p className="text-slate-700">{t("audit.noDetails")}</p>}
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
          {data.map(([key, v]) => (
            <div key={key} className="contents">
              <dt className="text-slate-700">{labelOr(t, "audit.dataKeys", key)}</dt>
              <dd className="break-words">{value(key, v)}</dd>
            </div>
          ))}
          <div className="contents">
            <dt className="text-slate-700">{t("audit.eventId")}</dt>
            <dd className="font-mono text-xs">{e.id}</dd>
          </div>
          {e.caseId && (
            <div className="contents">
              <dt className="text-slate-700">{t("audit.caseId")}</dt>
              <dd className="font-mono text-xs break-all">{e.caseId}</dd>
            </div>
          )}
          {e.documentId && (
            <div className="contents">
              <dt className="text-slate-700">{t("audit.documentId")}</dt>
              <dd className="font-mono text-xs break-all">{e.documentId}</dd>
            </div>
          )}
          {e.userAgent && (
            <div className="contents">
              <dt className="text-slate-700">{t("audit.userAgent")}</dt>
              <dd className="text-xs break-all">{e.userAgent}</dd>
            </div>
          )}
        </dl>
      </div>
    </details>
  );
}

/** "Najnowsze" / "Nowsze" / "Starsze": keyset links that keep the filters. */
export function AuditPager({ t, page, filters }: { t: Translate; page: AuditPage; filters: AuditFilters }) {
  if (!page.newerCursor && !page.olderCursor) return null;
  return (
    <nav aria-label={t("audit.pagination")} className="mt-4 flex flex-wrap justify-between gap-2" data-testid="audit-pager">
      <div className="flex flex-wrap gap-2">
        {page.newerCursor && (
          <>
            <Link href={auditHref(filters)} className="btn-secondary" data-testid="audit-newest">
              {t("audit.newest")}
            </Link>
            <Link href={auditHref(filters, { after: page.newerCursor })} className="btn-secondary" rel="prev" data-testid="audit-newer">
              <span aria-hidden="true">←</span> {t("audit.newer")}
            </Link>
          </>
        )}
      </div>
      {page.olderCursor && (
        <Link href={auditHref(filters, { before: page.olderCursor })} className="btn-secondary" rel="next" data-testid="audit-older">
          {t("audit.older")} <span aria-hidden="true">→</span>
        </Link>
      )}
    </nav>
  );
}
