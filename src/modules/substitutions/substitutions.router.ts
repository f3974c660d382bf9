import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { ZCreateSubstitutionInput, ZSubstitution, ZSubstitutionIdInput, ZSubstitutionList, ZSubstitutionListInput, ZSubstitutionOptions } from "./substitutions.schemas";
import { cancelSubstitution, createSubstitution, getSubstitutionOptions, listSubstitutions } from "./substitutions.service";

const manage = permissionProcedure("substitutions.manage");

export const substitutionsRouter = createTRPCRouter({
  list: manage.input(ZSubstitutionListInput).output(ZSubstitutionList).query(({ ctx, input }) => listSubstitutions(ctx, input)),
  options: manage.output(ZSubstitutionOptions).query(({ ctx }) => getSubstitutionOptions(ctx)),
  create: manage.input(ZCreateSubstitutionInput).output(ZSubstitution).mutation(({ ctx, input }) => createSubstitution(ctx, input)),
  cancel: manage.input(ZSubstitutionIdInput).output(z.void()).mutation(({ ctx, input }) => cancelSubstitution(ctx, input.id)),
});
