import Link from "next/link";
import { GRID_ROW, GridCell, GridList, ResultsSection } from "@/components/data-table";
import { EmptyState } from "@/components/page-header";
import { CursorPager } from "@/components/pagination";
import { formatDateTime, type Locale, type Translate } from "@/lib/i18n/translator";
import { formatAuditValue, labelOr, shortUserAgent } from "../audit.format";
import { auditHref, type AuditEntry, type AuditFilters, type AuditPage } from "../audit.schemas";

const GRID = "lg:grid lg:grid-cols-[9.5rem_minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,0.9fr)] lg:gap-x-4";

/** The entries of one page: cards stacked on phones, a table-like grid from 1024 px up. */
export function AuditEntryList({ t, locale, page, filters, filtered }: { t: Translate; locale: Locale; page: AuditPage; filters: AuditFilters; filtered: boolean }) {
  return (
    <ResultsSection id="audit-results-title" title={t("audit.results")} count={page.entries.length > 0 ? t("audit.shown", { n: page.entries.length }) : null} countTestId="audit-count">
      {page.entries.length === 0 ? (
        <EmptyState title={t("audit.empty")} text={filtered ? t("audit.emptyFiltered") : t("audit.emptyAll")} />
      ) : (
        <GridList grid={GRID} headers={[t("audit.when"), t("audit.who"), t("audit.what"), t("audit.entity"), t("audit.origin")]} testId="audit-entries">
          {page.entries.map((e) => (
            <AuditEntryItem key={e.id} t={t} locale={locale} entry={e} filters={filters} />
          ))}
        </GridList>
      )}
    </ResultsSection>
  );
}

function AuditEntryItem({ t, locale, entry: e, filters }: { t: Translate; locale: Locale; entry: AuditEntry; filters: AuditFilters }) {
  const ua = shortUserAgent(e.userAgent);
  return (
    <li className={GRID_ROW} data-testid="audit-entry" data-action={e.action}>
      <dl className={`grid gap-2 ${GRID}`}>
        <GridCell label={t("audit.when")} valueClassName="tabular-nums">
          <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt, locale)}</time>
        </GridCell>
        <GridCell label={t("audit.who")} className="min-w-0">
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
        </GridCell>
        <GridCell label={t("audit.what")} className="min-w-0" valueClassName="font-medium text-slate-900">
          {labelOr(t, "audit.actions", e.action)}
        </GridCell>
        <GridCell label={t("audit.entity")} className="min-w-0">
          {labelOr(t, "audit.entityTypes", e.entityType)}
          {e.entityId && (
            <Link href={auditHref({ entityType: e.entityType, entityId: e.entityId })} className="link block font-mono text-xs break-all">
              {e.entityId}
              <span className="sr-only"> — {t("audit.showEntityHistory")}</span>
            </Link>
          )}
        </GridCell>
        <GridCell label={t("audit.origin")} className="min-w-0">
          <span className="font-mono text-xs break-all">{e.ip ?? t("common.none")}</span>
          {ua && (
            <span className="block text-xs text-slate-700" title={e.userAgent ?? undefined}>
              {ua}
            </span>
          )}
        </GridCell>
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
  return (
    <CursorPager
      label={t("audit.pagination")}
      testId="audit-pager"
      newest={{ href: auditHref(filters), label: t("audit.newest"), testId: "audit-newest" }}
      newer={page.newerCursor ? { href: auditHref(filters, { after: page.newerCursor }), label: t("audit.newer"), testId: "audit-newer" } : null}
      older={page.olderCursor ? { href: auditHref(filters, { before: page.olderCursor }), label: t("audit.older"), testId: "audit-older" } : null}
    />
  );
}
