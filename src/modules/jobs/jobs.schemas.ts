/** Inputs and DTOs of the background jobs viewer (client-safe). Pages are keyset on id, newest first. */
import { z } from "zod";

export const JOB_STATUSES = ["PENDING", "RUNNING", "DONE", "DEAD"] as const;
export const ZJobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof ZJobStatus>;

export const JOBS_PAGE_SIZE = 50;

const ZJobId = z.string().regex(/^\d{1,19}$/, "Nieprawidłowy numer zadania.");

export const ZJobFilters = z.object({
  status: ZJobStatus.optional(),
  type: z.string().trim().min(1).max(100).optional(),
});
export type JobFilters = z.infer<typeof ZJobFilters>;

export const ZJobListInput = z.object({
  filters: ZJobFilters,
  /** Jobs with a smaller id than this ("Starsze"). */
  before: ZJobId.optional(),
  /** Jobs with a greater id than this ("Nowsze"). */
  after: ZJobId.optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type JobListInput = z.infer<typeof ZJobListInput>;

export const ZJob = z.object({
  id: z.string(),
  type: z.string(),
  status: ZJobStatus,
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: z.date(),
  lockedUntil: z.date().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  doneAt: z.date().nullable(),
});
export type Job = z.infer<typeof ZJob>;

export const ZJobPage = z.object({ jobs: z.array(ZJob), olderCursor: z.string().nullable(), newerCursor: z.string().nullable() });
export type JobPage = z.infer<typeof ZJobPage>;

export const ZJobOverview = z.object({
  counts: z.object({ PENDING: z.number(), RUNNING: z.number(), DONE: z.number(), DEAD: z.number() }),
  /** Job types present in the table, alphabetically. */
  types: z.array(z.string()),
});
export type JobOverview = z.infer<typeof ZJobOverview>;

export const ZRetryJobInput = z.object({ id: ZJobId });
export type RetryJobInput = z.infer<typeof ZRetryJobInput>;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
};

/** Reads the jobs page's URL; unknown values are ignored. */
export function jobsInputFromSearchParams(params: SearchParams): JobListInput {
  const status = ZJobStatus.safeParse(first(params.status));
  const type = ZJobFilters.shape.type.safeParse(first(params.type));
  const before = ZJobId.safeParse(first(params.before));
  const after = ZJobId.safeParse(first(params.after));
  return {
    filters: { status: status.success ? status.data : undefined, type: type.success ? type.data : undefined },
    before: before.success ? before.data : undefined,
    after: !before.success && after.success ? after.data : undefined,
  };
}

export function jobsHref(filters: JobFilters, cursor?: { before?: string | null; after?: string | null }): string {
  const q = new URLSearchParams();
  if (filters.status) q.set("status", filters.status);
  if (filters.type) q.set("type", filters.type);
  if (cursor?.before) q.set("before", cursor.before);
  if (cursor?.after) q.set("after", cursor.after);
  const s = q.toString();
  return s ? `/admin/zadania?${s}` : "/admin/zadania";
}
