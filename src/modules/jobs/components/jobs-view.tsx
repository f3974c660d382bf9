import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/badge";
import { GRID_ROW, GridCell, GridList, ResultsSection } from "@/components/data-table";
import { FieldFrame } from "@/components/form/field-frame";
import { EmptyState } from "@/components/page-header";
import { CursorPager } from "@/components/pagination";
import { formatDateTime, type Locale, type Translate } from "@/lib/i18n/translator";
import { JOB_STATUSES, jobsHref, type Job, type JobFilters, type JobOverview, type JobPage, type JobStatus } from "../jobs.schemas";
import { RetryJobButton } from "./job-retry";
import { SelectOptions } from "@/components/form/select-options";

const STATUS_TONE: Record<JobStatus, BadgeTone> = {
  PENDING: "sky",
  RUNNING: "amber",
  DONE: "green",
  DEAD: "red",
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
          <FieldFrame id="jobs-filter-status" label={t("jobs.statusFilter")}>
            <select id="jobs-filter-status" name="status" defaultValue={filters.status ?? ""} className="input">
              <SelectOptions empty={t("common.all")} options={JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) }))} />
            </select>
          </FieldFrame>
          <FieldFrame id="jobs-filter-type" label={t("jobs.typeFilter")}>
            <select id="jobs-filter-type" name="type" defaultValue={filters.type ?? ""} className="input">
              <SelectOptions empty={t("common.all")} options={overview.types.map((type) => ({ value: type, label: type }))} />
              {filters.type && !overview.types.includes(filters.type) && <option value={filters.type}>{filters.type}</option>}
            </select>
          </FieldFrame>
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
    <ResultsSection id="jobs-list-title" title={t("jobs.listTitle")} count={page.jobs.length > 0 ? t("jobs.shown", { n: page.jobs.length }) : null} countTestId="jobs-shown">
      {page.jobs.length === 0 ? (
        <div data-testid="jobs-empty">
          <EmptyState title={t("jobs.emptyTitle")} text={anyJobs ? t("jobs.emptyFiltered") : t("jobs.emptyAll")} />
        </div>
      ) : (
        <GridList
          grid={GRID}
          headers={[
            t("jobs.id"),
            t("jobs.type"),
            t("jobs.state"),
            t("jobs.attempts"),
            t("jobs.nextRun"),
            t("jobs.createdAt"),
            t("jobs.doneAt"),
            <span key="actions" className="sr-only">
              {t("common.actions")}
            </span>,
          ]}
          testId="jobs-list"
        >
          {page.jobs.map((job) => (
            <JobItem key={job.id} t={t} locale={locale} job={job} />
          ))}
        </GridList>
      )}
      <JobsPager t={t} page={page} filters={filters} />
    </ResultsSection>
  );
}

function JobItem({ t, locale, job }: { t: Translate; locale: Locale; job: Job }) {
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  const next =
    job.status === "PENDING"
      ? formatDateTime(job.runAt, locale)
      : job.status === "RUNNING" && job.lockedUntil
        ? t("jobs.runningUntil", { time: formatDateTime(job.lockedUntil, locale) })
        : "—";
  return (
    <li className={GRID_ROW} data-testid="job-row" data-status={job.status}>
      <dl className={`grid grid-cols-2 gap-2 ${GRID}`}>
        <GridCell label={t("jobs.id")} valueClassName="font-mono tabular-nums">
          {job.id}
        </GridCell>
        <GridCell label={t("jobs.type")} className="col-span-2 min-w-0 lg:col-span-1" valueClassName="font-mono text-xs break-all">
          {job.type}
        </GridCell>
        <GridCell label={t("jobs.state")}>
          <Badge tone={STATUS_TONE[job.status]}>{t(`jobs.status.${job.status}`)}</Badge>
        </GridCell>
        <GridCell label={t("jobs.attempts")} valueClassName="tabular-nums">
          {t("jobs.attemptsValue", { attempts: job.attempts, max: job.maxAttempts })}
        </GridCell>
        <GridCell label={t("jobs.nextRun")} valueClassName="tabular-nums">
          {next}
        </GridCell>
        <GridCell label={t("jobs.createdAt")} valueClassName="tabular-nums">
          {when(job.createdAt)}
        </GridCell>
        <GridCell label={t("jobs.doneAt")} valueClassName="tabular-nums">
          {when(job.doneAt)}
        </GridCell>
        <GridCell label={t("common.actions")} className="col-span-2 lg:col-span-1" labelClassName="sr-only">
          {job.status === "DEAD" ? <RetryJobButton id={job.id} /> : null}
        </GridCell>
        {job.lastError && (
          <GridCell label={t("jobs.lastError")} className="col-span-2 min-w-0 lg:col-span-8" labelClassName="text-xs font-medium text-slate-700">
            {job.lastError.length <= 120 && !job.lastError.includes("\n") ? (
              <code className="text-xs break-all text-red-900">{job.lastError}</code>
            ) : (
              <details>
                <summary className="cursor-pointer text-xs break-all text-red-900">{job.lastError.split("\n")[0]!.slice(0, 120)}…</summary>
                <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap text-slate-900">{job.lastError}</pre>
              </details>
            )}
          </GridCell>
        )}
      </dl>
    </li>
  );
}

function JobsPager({ t, page, filters }: { t: Translate; page: JobPage; filters: JobFilters }) {
  return (
    <CursorPager
      label={t("jobs.pagination")}
      testId="jobs-pager"
      newest={{ href: jobsHref(filters), label: t("jobs.newest") }}
      newer={page.newerCursor ? { href: jobsHref(filters, { after: page.newerCursor }), label: t("jobs.newer"), testId: "jobs-newer" } : null}
      older={page.olderCursor ? { href: jobsHref(filters, { before: page.olderCursor }), label: t("jobs.older"), testId: "jobs-older" } : null}
    />
  );
}
