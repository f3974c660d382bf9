import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import {
  ZCreateDepartmentInput,
  ZCreateLocationInput,
  ZCreatePositionInput,
  ZDepartment,
  ZDepartmentFormOptions,
  ZDepartmentNode,
  ZDirectoryNode,
  ZIdInput,
  ZListDepartmentsInput,
  ZLocation,
  ZLocationOption,
  ZOffice,
  ZOfficeInput,
  ZPaged,
  ZPageInput,
  ZPosition,
  ZSetActiveInput,
  ZStaffMember,
  ZStaffQuery,
  ZUpdateDepartmentInput,
  ZUpdateLocationInput,
  ZUpdatePositionInput,
} from "./org.schemas";
import {
  createDepartment,
  createLocation,
  createPosition,
  deletePosition,
  findStaff,
  getDepartmentFormOptions,
  getDirectoryTree,
  getOffice,
  listDepartments,
  listDirectoryLocations,
  listLocations,
  listPositions,
  setDepartmentActive,
  setLocationActive,
  updateDepartment,
  updateLocation,
  updateOffice,
  updatePosition,
} from "./org.service";

const admin = permissionProcedure("org.manage");
const staff = permissionProcedure("directory.view");

export const orgRouter = createTRPCRouter({
  office: createTRPCRouter({
    get: admin.output(ZOffice).query(({ ctx }) => getOffice(ctx)),
    update: admin.input(ZOfficeInput).output(ZOffice).mutation(({ ctx, input }) => updateOffice(ctx, input)),
  }),
  locations: createTRPCRouter({
    list: admin.input(ZPageInput).output(ZPaged(ZLocation)).query(({ ctx, input }) => listLocations(ctx, input)),
    create: admin.input(ZCreateLocationInput).output(ZLocation).mutation(({ ctx, input }) => createLocation(ctx, input)),
    update: admin.input(ZUpdateLocationInput).output(ZLocation).mutation(({ ctx, input }) => updateLocation(ctx, input)),
    setActive: admin.input(ZSetActiveInput).output(ZLocation).mutation(({ ctx, input }) => setLocationActive(ctx, input)),
  }),
  departments: createTRPCRouter({
    list: admin.input(ZListDepartmentsInput).output(ZPaged(ZDepartmentNode)).query(({ ctx, input }) => listDepartments(ctx, input)),
    formOptions: admin.output(ZDepartmentFormOptions).query(({ ctx }) => getDepartmentFormOptions(ctx)),
    create: admin.input(ZCreateDepartmentInput).output(ZDepartment).mutation(({ ctx, input }) => createDepartment(ctx, input)),
    update: admin.input(ZUpdateDepartmentInput).output(ZDepartment).mutation(({ ctx, input }) => updateDepartment(ctx, input)),
    setActive: admin.input(ZSetActiveInput).output(ZDepartment).mutation(({ ctx, input }) => setDepartmentActive(ctx, input)),
  }),
  positions: createTRPCRouter({
    list: admin.input(ZPageInput).output(ZPaged(ZPosition)).query(({ ctx, input }) => listPositions(ctx, input)),
    create: admin.input(ZCreatePositionInput).output(ZPosition).mutation(({ ctx, input }) => createPosition(ctx, input)),
    update: admin.input(ZUpdatePositionInput).output(ZPosition).mutation(({ ctx, input }) => updatePosition(ctx, input)),
    remove: admin.input(ZIdInput).output(z.void()).mutation(({ ctx, input }) => deletePosition(ctx, input)),
  }),
  directory: createTRPCRouter({
    tree: staff.output(z.array(ZDirectoryNode)).query(({ ctx }) => getDirectoryTree(ctx)),
    locations: staff.output(z.array(ZLocationOption)).query(({ ctx }) => listDirectoryLocations(ctx)),
    staff: staff.input(ZStaffQuery).output(ZPaged(ZStaffMember)).query(({ ctx, input }) => findStaff(ctx, input)),
  }),
});
