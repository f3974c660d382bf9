import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { JobsFlash } from "@/modules/jobs/components/job-retry";
import { JobCounts, JobFiltersForm, JobList } from "@/modules/jobs/components/jobs-view";
import { jobsInputFromSearchParams } from "@/modules/jobs/jobs.schemas";
import { getJobOverview, listJobs } from "@/modules/jobs/jobs.service";
import { getRequestMeta, requirePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { getLocale, getT } from "@/server/i18n";

export const metadata: Metadata = { title: "Zadania w tle" };

/** The outbox: counts per status, a filtered keyset list and "Ponów" for jobs parked after errors. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("jobs.view");
  const ctx = { db: await getDb(), actor, meta: await getRequestMeta() };
  const input = jobsInputFromSearchParams(await searchParams);
  const [t, locale, overview, page] = await Promise.all([getT(), getLocale(), getJobOverview(ctx), listJobs(ctx, input)]);
  const anyJobs = Object.values(overview.counts).some((n) => n > 0);
  return (
    <>
      <PageHeader title={t("jobs.title")} description={t("jobs.description")} />
      <JobsFlash>
        <JobCounts t={t} overview={overview} filters={input.filters} />
        <JobFiltersForm t={t} overview={overview} filters={input.filters} />
        <JobList t={t} locale={locale} page={page} filters={input.filters} anyJobs={anyJobs} />
      </JobsFlash>
    </>
  );
}
