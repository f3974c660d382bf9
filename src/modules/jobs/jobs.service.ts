/**
 * The background jobs viewer: counts per status, a filtered list, and sending a DEAD job back to
 * the queue (audited in the same transaction). Framework-free.
 */
import type { Prisma } from "@prisma/client";
import { recordAudit } from "@/server/audit/audit";
import { assertCan, type ServiceContext } from "@/server/context";
import { conflict, notFound } from "@/server/errors";
import { retryDeadJob } from "@/server/jobs/outbox";
import { wakeOutboxWorker } from "@/server/jobs/worker";
import { JOB_STATUSES, JOBS_PAGE_SIZE, type Job, type JobFilters, type JobListInput, type JobOverview, type JobPage, type RetryJobInput } from "./jobs.schemas";

const SELECT = {
  id: true,
  type: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  runAt: true,
  lockedUntil: true,
  lastError: true,
  createdAt: true,
  doneAt: true,
} as const satisfies Prisma.OutboxJobSelect;

type Row = Prisma.OutboxJobGetPayload<{ select: typeof SELECT }>;

const toJob = (row: Row): Job => ({ ...row, id: row.id.toString() });

export async function getJobOverview(ctx: ServiceContext): Promise<JobOverview> {
  assertCan(ctx.actor, "jobs.view");
  const [byStatus, byType] = await Promise.all([
    ctx.db.outboxJob.groupBy({ by: ["status"], _count: { _all: true } }),
    ctx.db.outboxJob.groupBy({ by: ["type"], orderBy: { type: "asc" } }),
  ]);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as JobOverview["counts"];
  for (const row of byStatus) counts[row.status] = row._count._all;
  return { counts, types: byType.map((r) => r.type) };
}

function whereOf(filters: JobFilters): Prisma.OutboxJobWhereInput {
  return { ...(filters.status ? { status: filters.status } : {}), ...(filters.type ? { type: filters.type } : {}) };
}

/** One page of jobs, newest first, with keyset cursors (job ids) to the older and newer neighbours. */
export async function listJobs(ctx: ServiceContext, input: JobListInput): Promise<JobPage> {
  assertCan(ctx.actor, "jobs.view");
  const limit = input.limit ?? JOBS_PAGE_SIZE;
  const base = whereOf(input.filters);
  let rows: Row[];
  let moreOlder: boolean | null = null;
  let moreNewer: boolean | null = null;
  if (input.after) {
    const found = await ctx.db.outboxJob.findMany({ where: { ...base, id: { gt: BigInt(input.after) } }, orderBy: { id: "asc" }, take: limit + 1, select: SELECT });
    if (found.length > limit) {
      rows = found.slice(0, limit).reverse();
      moreNewer = true;
    } else {
      const newest = await ctx.db.outboxJob.findMany({ where: base, orderBy: { id: "desc" }, take: limit + 1, select: SELECT });
      moreOlder = newest.length > limit;
      rows = newest.slice(0, limit);
      moreNewer = false;
    }
  } else {
    const found = await ctx.db.outboxJob.findMany({
      where: input.before ? { ...base, id: { lt: BigInt(input.before) } } : base,
      orderBy: { id: "desc" },
      take: limit + 1,
      select: SELECT,
    });
    moreOlder = found.length > limit;
    rows = found.slice(0, limit);
    if (!input.before) moreNewer = false;
  }
  const firstRow = rows[0];
  const lastRow = rows.at(-1);
  const exists = async (where: Prisma.OutboxJobWhereInput) => (await ctx.db.outboxJob.findFirst({ where, select: { id: true } })) !== null;
  if (moreNewer === null) moreNewer = firstRow ? await exists({ ...base, id: { gt: firstRow.id } }) : false;
  if (moreOlder === null) moreOlder = lastRow ? await exists({ ...base, id: { lt: lastRow.id } }) : false;
  return {
    jobs: rows.map(toJob),
    olderCursor: moreOlder && lastRow ? lastRow.id.toString() : null,
    newerCursor: moreNewer && firstRow ? firstRow.id.toString() : null,
  };
}

/** Sends a job parked as DEAD back to the queue, with an audit entry in the same transaction. */
export async function retryJob(ctx: ServiceContext, input: RetryJobInput): Promise<Job> {
  assertCan(ctx.actor, "jobs.view");
  const id = BigInt(input.id);
  const job = await ctx.db.$transaction(async (tx) => {
    const before = await tx.outboxJob.findUnique({ where: { id }, select: { type: true, status: true } });
    if (!before) throw notFound("Nie znaleziono takiego zadania.");
    if (before.status !== "DEAD" || !(await retryDeadJob(tx, id))) {
      throw conflict("Ponowić można tylko zadanie wstrzymane po błędach. Odśwież stronę, aby zobaczyć jego obecny stan.");
    }
    await recordAudit(tx, ctx, { action: "job.retried", entityType: "job", entityId: input.id, data: { type: before.type } });
    return tx.outboxJob.findUniqueOrThrow({ where: { id }, select: SELECT });
  });
  wakeOutboxWorker();
  return toJob(job);
}
