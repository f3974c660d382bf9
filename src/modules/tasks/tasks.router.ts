import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  ZAssignableInput,
  ZCreateTaskInput,
  ZListTasksInput,
  ZPerson,
  ZTaskCancel,
  ZTaskComment,
  ZTaskCounts,
  ZTaskDecision,
  ZTaskDetail,
  ZTaskDone,
  ZTaskId,
  ZTaskList,
  ZTaskProgress,
  ZTaskReturn,
  ZTaskText,
} from "./tasks.schemas";
import {
  acceptTask,
  askClarification,
  cancelTask,
  commentTask,
  completeTask,
  confirmTask,
  createTask,
  getTask,
  listAssignable,
  listTasks,
  reportProgress,
  returnTask,
  taskCounts,
} from "./tasks.service";

const ZOk = z.object({ ok: z.literal(true) });

/** Every signed-in person sees tasks given to them; giving them follows the hierarchy (checked in the service). */
export const tasksRouter = createTRPCRouter({
  list: protectedProcedure.input(ZListTasksInput).output(ZTaskList).query(({ ctx, input }) => listTasks(ctx, input)),
  get: protectedProcedure.input(ZTaskId).output(ZTaskDetail).query(({ ctx, input }) => getTask(ctx, input.taskId)),
  counts: protectedProcedure.output(ZTaskCounts).query(({ ctx }) => taskCounts(ctx)),
  assignable: protectedProcedure.input(ZAssignableInput).output(z.array(ZPerson)).query(({ ctx, input }) => listAssignable(ctx, input)),
  create: protectedProcedure.input(ZCreateTaskInput).output(z.object({ id: z.string(), seq: z.number() })).mutation(({ ctx, input }) => createTask(ctx, input)),
  accept: protectedProcedure.input(ZTaskId).output(ZOk).mutation(({ ctx, input }) => acceptTask(ctx, input.taskId)),
  progress: protectedProcedure.input(ZTaskProgress).output(ZOk).mutation(({ ctx, input }) => reportProgress(ctx, input)),
  ask: protectedProcedure.input(ZTaskText).output(ZOk).mutation(({ ctx, input }) => askClarification(ctx, input)),
  comment: protectedProcedure.input(ZTaskComment).output(ZOk).mutation(({ ctx, input }) => commentTask(ctx, input)),
  complete: protectedProcedure.input(ZTaskDone).output(ZOk).mutation(({ ctx, input }) => completeTask(ctx, input)),
  confirm: protectedProcedure.input(ZTaskDecision).output(ZOk).mutation(({ ctx, input }) => confirmTask(ctx, input)),
  return: protectedProcedure.input(ZTaskReturn).output(ZOk).mutation(({ ctx, input }) => returnTask(ctx, input)),
  cancel: protectedProcedure.input(ZTaskCancel).output(ZOk).mutation(({ ctx, input }) => cancelTask(ctx, input)),
});
