import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import {
  ZAddressIdInput,
  ZContactAddress,
  ZContactAddressInput,
  ZContactDetail,
  ZContactHistory,
  ZContactHistoryInput,
  ZContactIdInput,
  ZContactList,
  ZContactListInput,
  ZContactSaveResult,
  ZContactSearchInput,
  ZContactSummary,
  ZCreateContactInput,
  ZImportInput,
  ZImportReport,
  ZMergeContactsInput,
  ZMergeResult,
  ZQuickCreateContactInput,
  ZRevealedPesel,
  ZUpdateContactInput,
} from "./contacts.schemas";
import {
  createContact,
  getContact,
  getContactHistory,
  getContactSummary,
  importContacts,
  listContacts,
  mergeContacts,
  quickCreateContact,
  removeContactAddress,
  revealPesel,
  saveContactAddress,
  searchContacts,
  updateContact,
} from "./contacts.service";

const view = permissionProcedure("contacts.view");
const manage = permissionProcedure("contacts.manage");

export const contactsRouter = createTRPCRouter({
  search: view.input(ZContactSearchInput).output(z.array(ZContactSummary)).query(({ ctx, input }) => searchContacts(ctx, input)),
  summary: view.input(ZContactIdInput).output(ZContactSummary).query(({ ctx, input }) => getContactSummary(ctx, input.id)),
  list: view.input(ZContactListInput).output(ZContactList).query(({ ctx, input }) => listContacts(ctx, input)),
  get: view.input(ZContactIdInput).output(ZContactDetail).query(({ ctx, input }) => getContact(ctx, input.id)),
  history: view.input(ZContactHistoryInput).output(ZContactHistory).query(({ ctx, input }) => getContactHistory(ctx, input)),
  quickCreate: view.input(ZQuickCreateContactInput).output(ZContactSaveResult).mutation(({ ctx, input }) => quickCreateContact(ctx, input)),
  create: view.input(ZCreateContactInput).output(ZContactSaveResult).mutation(({ ctx, input }) => createContact(ctx, input)),
  update: view.input(ZUpdateContactInput).output(ZContactSaveResult).mutation(({ ctx, input }) => updateContact(ctx, input)),
  saveAddress: view.input(ZContactAddressInput).output(ZContactAddress).mutation(({ ctx, input }) => saveContactAddress(ctx, input)),
  removeAddress: view.input(ZAddressIdInput).output(z.void()).mutation(({ ctx, input }) => removeContactAddress(ctx, input.id)),
  revealPesel: view.input(ZContactIdInput).output(ZRevealedPesel).mutation(({ ctx, input }) => revealPesel(ctx, input.id)),
  merge: manage.input(ZMergeContactsInput).output(ZMergeResult).mutation(({ ctx, input }) => mergeContacts(ctx, input)),
  import: manage.input(ZImportInput).output(ZImportReport).mutation(({ ctx, input }) => importContacts(ctx, input.csv)),
});
