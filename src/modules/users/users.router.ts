import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import {
  ZCreateUserInput,
  ZPasswordResult,
  ZSetUserPasswordInput,
  ZUpdateUserInput,
  ZUserDetails,
  ZUserFormOptions,
  ZUserIdInput,
  ZUserList,
  ZUserListInput,
} from "./users.schemas";
import { activateUser, createUser, deactivateUser, getUser, getUserFormOptions, listUsers, setUserPassword, unlockUser, updateUser } from "./users.service";

const manage = permissionProcedure("users.manage");

export const usersRouter = createTRPCRouter({
  list: manage.input(ZUserListInput).output(ZUserList).query(({ ctx, input }) => listUsers(ctx, input)),
  get: manage.input(ZUserIdInput).output(ZUserDetails).query(({ ctx, input }) => getUser(ctx, input.id)),
  formOptions: manage.output(ZUserFormOptions).query(({ ctx }) => getUserFormOptions(ctx)),
  create: manage.input(ZCreateUserInput).output(ZPasswordResult).mutation(({ ctx, input }) => createUser(ctx, input)),
  update: manage.input(ZUpdateUserInput).output(z.void()).mutation(({ ctx, input }) => updateUser(ctx, input)),
  deactivate: manage.input(ZUserIdInput).output(z.void()).mutation(({ ctx, input }) => deactivateUser(ctx, input.id)),
  activate: manage.input(ZUserIdInput).output(z.void()).mutation(({ ctx, input }) => activateUser(ctx, input.id)),
  unlock: manage.input(ZUserIdInput).output(z.void()).mutation(({ ctx, input }) => unlockUser(ctx, input.id)),
  setPassword: manage.input(ZSetUserPasswordInput).output(ZPasswordResult).mutation(({ ctx, input }) => setUserPassword(ctx, input)),
});
