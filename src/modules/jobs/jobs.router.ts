import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { ZJob, ZJobListInput, ZJobOverview, ZJobPage, ZRetryJobInput } from "./jobs.schemas";
import { getJobOverview, listJobs, retryJob } from "./jobs.service";

const view = permissionProcedure("jobs.view");

export const jobsRouter = createTRPCRouter({
  overview: view.output(ZJobOverview).query(({ ctx }) => getJobOverview(ctx)),
  list: view.input(ZJobListInput).output(ZJobPage).query(({ ctx, input }) => listJobs(ctx, input)),
  retry: view.input(ZRetryJobInput).output(ZJob).mutation(({ ctx, input }) => retryJob(ctx, input)),
});
