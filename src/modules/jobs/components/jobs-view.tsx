import Link from "next/link";
import { EmptyState } from "@/components/page-header";
import { formatDateTime, type Locale, type Translate } from "@/lib/i18n/translator";
import { JOB_STATUSES, jobsHref, type Job, type JobFilters, type JobOverview, type JobPage, type JobStatus } from "../jobs.schemas";
import { RetryJobButton } from "./job-retry";

const STATUS_STYLE: Record<JobStatus, string> = {
  PENDING: "border-sky-300 bg-sky-50 text-sky-900",
  RUNNING: "border-amber-300 bg-amber-50 text-amber-900",
  DONE: "border-green-300 bg-green-50 text-green-900",
  DEAD: "border-red-300 bg-red-50 text-red-900",
};

/** Counts per status; each links to the list filtered by it. */
export function JobCounts({ t, overview, filters }: { t: Translate; overview: JobOverview; filters: JobFilters }) {
  return (
    <section aria-labelledby="jobs-summary-title" className="mb-6">
      <h2 id="jobs-summary-title" className="sr-only">
        {t("jobs.summary")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="jobs-counts">
        {JOB_STATUSES.map((s) => {
          const current = filters.status === s;
          return (
            <li key={s}>
              <Link
                href={jobsHref({ ...filters, status: current ? undefined : s })}
                aria-current={current ? "true" : undefined}
                className={`block rounded-lg border bg-white p-3 shadow-sm hover:border-brand-600 sm:p-4 ${current ? "border-brand-700 ring-2 ring-brand-700" : "border-slate-200"}`}
                data-testid={`jobs-count-${s}`}
              >
                <span className="block text-sm text-slate-700 first-letter:uppercase">{t(`jobs.status.${s}`)}</span>
                <span className="block text-2xl font-semibold text-slate-900 tabular-nums" data-testid="jobs-count-value">
                  {overview.counts[s]}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function JobFiltersForm({ t, overview, filters }: { t: Translate; overview: JobOverview; filters: JobFilters }) {
  const active = Boolean(filters.status || filters.type);
  return (
    <section className="card mb-6" aria-labelledby="jobs-filters-title">
      <h2 id="jobs-filters-title" className="mb-3 text-lg font-semibold">
        {t("jobs.filtersTitle")}
      </h2>
      <form key={`${filters.status}|${filters.type}`} method="get" action="/admin/zadania" role="search" aria-label={t("jobs.filtersLabel")} data-testid="jobs-filters">
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor="jobs-filter-status" className="label">
              {t("jobs.statusFilter")}
            </label>
            <select id="jobs-filter-status" name="status" defaultValue={filters.status ?? ""} className="input">
              <option value="">{t("common.all")}</option>
              {JOB_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`jobs.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="jobs-filter-type" className="label">
              {t("jobs.typeFilter")}
            </label>
            <select id="jobs-filter-type" name="type" defaultValue={filters.type ?? ""} className="input">
              <option value="">{t("common.all")}</option>
              {overview.types.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
              {filters.type && !overview.types.includes(filters.type) && <option value={filters.type}>{filters.type}</option>}
            </select>
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className="btn-primary">
              {t("jobs.apply")}
            </button>
            {active && (
              <Link href="/admin/zadania" className="btn-secondary">
                {t("jobs.clear")}
              </Link>
            )}
          </div>
        </div>
      </form>
    </section>
  );
}

const GRID = "lg:grid lg:grid-cols-[4rem_minmax(0,1.2fr)_minmax(0,1fr)_4.5rem_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_7rem] lg:items-start lg:gap-x-3";

export function JobList({ t, locale, page, filters, anyJobs }: { t: Translate; locale: Locale; page: JobPage; filters: JobFilters; anyJobs: boolean }) {
  return (
    <section aria-labelledby="jobs-list-title">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="jobs-list-title" className="text-lg font-semibold">
          {t("jobs.listTitle")}
        </h2>
        {page.jobs.length > 0 && (
          <p className="text-sm text-slate-700" data-testid="jobs-shown">
            {t("jobs.shown", { n: page.jobs.length })}
          </p>
        )}
      </div>
      {page.jobs.length === 0 ? (
        <div data-testid="jobs-empty">
          <EmptyState title={t("jobs.emptyTitle")} text={anyJobs ? t("jobs.emptyFiltered") : t("jobs.emptyAll")} />
        </div>
      ) : (
        <div className="lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
          <div aria-hidden="true" className={`hidden border-b border-slate-300 px-3 py-2 text-sm font-semibold text-slate-700 ${GRID}`}>
            <span>{t("jobs.id")}</span>
            <span>{t("jobs.type")}</span>
            <span>{t("jobs.state")}</span>
            <span>{t("jobs.attempts")}</span>
            <span>{t("jobs.nextRun")}</span>
            <span>{t("jobs.createdAt")}</span>
            <span>{t("jobs.doneAt")}</span>
            <span>
              <span className="sr-only">{t("common.actions")}</span>
            </span>
          </div>
          <ol className="space-y-2 lg:space-y-0" data-testid="jobs-list">
            {page.jobs.map((job) => (
              <JobItem key={job.id} t={t} locale={locale} job={job} />
            ))}
          </ol>
        </div>
      )}
      <JobsPager t={t} page={page} filters={filters} />
    </section>
  );
}

function JobItem({ t, locale, job }: { t: Translate; locale: Locale; job: Job }) {
  const label = "text-xs font-medium text-slate-700 lg:sr-only";
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  const next =
    job.status === "PENDING"
      ? formatDateTime(job.runAt, locale)
      : job.status === "RUNNING" && job.lockedUntil
        ? t("jobs.runningUntil", { time: formatDateTime(job.lockedUntil, locale) })
        : "—";
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 text-sm lg:rounded-none lg:border-0 lg:border-b lg:last:border-b-0" data-testid="job-row" data-status={job.status}>
      <dl className={`grid grid-cols-2 gap-2 ${GRID}`}>
        <div>
          <dt className={label}>{t("jobs.id")}</dt>
          <dd className="font-mono tabular-nums">{job.id}</dd>
        </div>
        <div className="col-span-2 min-w-0 lg:col-span-1">
          <dt className={label}>{t("jobs.type")}</dt>
          <dd className="font-mono text-xs break-all">{job.type}</dd>
        </div>
        <div>
          <dt className={label}>{t("jobs.state")}</dt>
          <dd>
            <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[job.status]}`}>{t(`jobs.status.${job.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt className={label}>{t("jobs.attempts")}</dt>
          <dd className="tabular-nums">{t("jobs.attemptsValue", { attempts: job.attempts, max: job.maxAttempts })}</dd>
        </div>
        <div>
          <dt className={label}>{t("jobs.nextRun")}</dt>
          <dd className="tabular-nums">{next}</dd>
        </div>
        <div>
          <dt className={label}>{t("jobs.createdAt")}</dt>
          <dd className="tabular-nums">{when(job.createdAt)}</dd>
        </div>
        <div>
          <dt className={label}>{t("jobs.doneAt")}</dt>
          <dd className="tabular-nums">{when(job.doneAt)}</dd>
        </div>
        <div className="col-span-2 lg:col-span-1">
          <dt className="sr-only">{t("common.actions")}</dt>
          <dd>{job.status === "DEAD" ? <RetryJobButton id={job.id} /> : null}</dd>
        </div>
        {job.lastError && (
          <div className="col-span-2 min-w-0 lg:col-span-8">
            <dt className="text-xs font-medium text-slate-700">{t("jobs.lastError")}</dt>
            <dd>
              {job.lastError.length <= 120 && !job.lastError.includes("\n") ? (
                <code className="text-xs break-all text-red-900">{job.lastError}</code>
              ) : (
                <details>
                  <summary className="cursor-pointer text-xs break-all text-red-900">{job.lastError.split("\n")[0]!.slice(0, 120)}…</summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap text-slate-900">{job.lastError}</pre>
                </details>
              )}
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

function JobsPager({ t, page, filters }: { t: Translate; page: JobPage; filters: JobFilters }) {
  if (!page.newerCursor && !page.olderCursor) return null;
  return (
    <nav aria-label={t("jobs.pagination")} className="mt-4 flex flex-wrap justify-between gap-2" data-testid="jobs-pager">
      <div className="flex flex-wrap gap-2">
        {page.newerCursor && (
          <>
            <Link href={jobsHref(filters)} className="btn-secondary">
              {t("jobs.newest")}
            </Link>
            <Link href={jobsHref(filters, { after: page.newerCursor })} className="btn-secondary" rel="prev" data-testid="jobs-newer">
              <span aria-hidden="true">←</span> {t("jobs.newer")}
            </Link>
          </>
        )}
      </div>
      {page.olderCursor && (
        <Link href={jobsHref(filters, { before: page.olderCursor })} className="btn-secondary" rel="next" data-testid="jobs-older">
          {t("jobs.older")} <span aria-hidden="true">→</span>
        </Link>
      )}
    </nav>
  );
}
