/** /admin/wyszukiwarka: engine, records per type against the database, the queue, errors, rebuild. */
import Link from "next/link";
import { formatDateTime, formatNumber, type Locale, type Translate } from "@/lib/i18n/translator";
import { SEARCH_TYPES } from "@/server/integrations/search/types";
import type { SearchAdminOverview } from "../search.schemas";
import { ReindexButton } from "./reindex-button";

function Row({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
      <dt className="text-sm font-medium text-slate-700 sm:w-72 sm:shrink-0">{label}</dt>
      <dd className="text-sm text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function SearchAdminView({ t, locale, overview }: { t: Translate; locale: Locale; overview: SearchAdminOverview }) {
  const running = overview.reindex?.status === "PENDING" || overview.reindex?.status === "RUNNING";
  const r = overview.reindex;
  const reindexText = !r
    ? t("search.admin.reindexNever")
    : t(`search.admin.reindexState.${r.status}`, { at: formatDateTime(r.status === "DONE" && r.doneAt ? r.doneAt : r.requestedAt, locale) });
  return (
    <div className="space-y-8">
      <section aria-labelledby="idx-engine" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="idx-engine" className="sr-only">
          {t("search.admin.engine")}
        </h2>
        <dl className="divide-y divide-slate-100">
          <Row label={t("search.admin.engine")} value={t(`search.admin.engineName.${overview.engine}`)} testId="search-engine" />
          {overview.engineError && (
            <div role="alert" className="py-2 text-sm font-medium text-red-900">
              {t("search.admin.engineError", { message: overview.engineError })}
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="idx-records">
        <h2 id="idx-records" className="mb-2 text-lg font-semibold">
          {t("search.admin.records")}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("search.admin.recordsCaption")}</caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("search.admin.colType")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("search.admin.colIndexed")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("search.admin.colTotal")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {SEARCH_TYPES.map((type) => (
                <tr key={type} data-testid={`search-count-${type}`}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {t(`search.typePlural.${type}`)}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{overview.documents ? formatNumber(overview.documents[type] ?? 0, locale) : t("search.admin.unknown")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatNumber(overview.totals[type] ?? 0, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="idx-queue" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="idx-queue" className="mb-2 text-lg font-semibold">
          {t("search.admin.queue")}
        </h2>
        <dl className="divide-y divide-slate-100">
          <Row label={t("search.admin.pending")} value={formatNumber(overview.pendingJobs, locale)} testId="search-pending" />
          <Row label={t("search.admin.scheduled")} value={formatNumber(overview.scheduledJobs, locale)} />
          <Row
            label={t("search.admin.dead")}
            value={
              overview.deadJobs > 0 ? (
                <>
                  {formatNumber(overview.deadJobs, locale)} ·{" "}
                  <Link className="link" href="/admin/zadania?status=DEAD&type=search.index">
                    {t("search.admin.deadLink")}
                  </Link>
                </>
              ) : (
                "0"
              )
            }
          />
          <Row label={t("search.admin.lag")} value={overview.oldestPendingAgeSeconds > 0 ? t("search.admin.lagSeconds", { n: overview.oldestPendingAgeSeconds }) : t("search.admin.lagNone")} testId="search-lag" />
          <Row
            label={t("search.admin.lastError")}
            value={
              overview.lastError ? (
                <span className="break-words">
                  {overview.lastError.message}
                  {overview.lastError.nextAttemptAt && <> ({t("search.admin.lastErrorRetry", { at: formatDateTime(overview.lastError.nextAttemptAt, locale) })})</>}
                </span>
              ) : (
                t("search.admin.lastErrorNone")
              )
            }
          />
        </dl>
      </section>

      <section aria-labelledby="idx-rebuild" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="idx-rebuild" className="mb-2 text-lg font-semibold">
          {t("search.admin.rebuildTitle")}
        </h2>
        <p className="mb-3 max-w-prose text-sm text-slate-800">{t("search.admin.rebuildHelp")}</p>
        <p className="mb-3 text-sm">
          <span className="font-medium">{t("search.admin.reindexStatus")}:</span> <span data-testid="search-reindex-status">{reindexText}</span>
          {r?.status === "DEAD" && r.lastError && <span className="block break-words text-red-900">{r.lastError}</span>}
        </p>
        <ReindexButton running={running} />
      </section>
    </div>
  );
}
