import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { ZRegisterFormatsInput, ZRegisterSettings } from "./registers.schemas";
import { getRegisterSettings, updateRegisterFormats } from "./registers.service";

const admin = permissionProcedure("org.manage");

/** Settings shared by the letter registers (number patterns). */
export const documentsRouter = createTRPCRouter({
  registers: createTRPCRouter({
    get: admin.output(ZRegisterSettings).query(({ ctx }) => getRegisterSettings(ctx)),
    update: admin.input(ZRegisterFormatsInput).output(ZRegisterSettings).mutation(({ ctx, input }) => updateRegisterFormats(ctx, input)),
  }),
});
