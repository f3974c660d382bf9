import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { getDashboard } from "./dashboard.service";

export const dashboardRouter = createTRPCRouter({
  get: permissionProcedure("dashboard.view").query(({ ctx }) => getDashboard(ctx)),
});
