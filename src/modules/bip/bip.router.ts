import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import {
  ZApproveInput,
  ZArticleDetail,
  ZArticleIdInput,
  ZArticleList,
  ZArticleListInput,
  ZAttachmentIdInput,
  ZBipSettingsDto,
  ZBipSettingsInput,
  ZCreateArticleInput,
  ZMenuAddInput,
  ZMenuIdInput,
  ZMenuItemDto,
  ZMenuMoveInput,
  ZMenuUpdateInput,
  ZMenuVisibleInput,
  ZReturnVersionInput,
  ZSavedVersion,
  ZSaveDraftInput,
  ZWithdrawInput,
} from "./bip.editor.schemas";
import {
  addBipMenuItem,
  approveBipVersion,
  createBipArticle,
  deleteBipMenuItem,
  getBipArticle,
  getBipSettings,
  listBipArticles,
  listBipMenu,
  listBipMenuForManager,
  moveBipMenuItem,
  removeBipAttachment,
  returnBipVersion,
  saveBipDraft,
  setBipMenuItemVisible,
  submitBipVersion,
  updateBipMenuItem,
  updateBipSettings,
  withdrawBipArticle,
} from "./bip.editor.service";
import { thenRevalidatePublicBip as revalidating } from "./bip.revalidate";

const edit = permissionProcedure("bip.edit");
const publish = permissionProcedure("bip.publish");
const manage = permissionProcedure("bip.manage");

/**
 * The BIP editor (staff): articles, versions, approval, attachments, menu, settings. Attachments are uploaded through POST /api/bip-redakcja/zalaczniki.
 * Changes a reader can see (approve, withdraw, menu, settings) drop the cached public pages (`revalidating`).
 */
export const bipRouter = createTRPCRouter({
  articles: createTRPCRouter({
    list: edit.input(ZArticleListInput).output(ZArticleList).query(({ ctx, input }) => listBipArticles(ctx, input)),
    get: edit.input(ZArticleIdInput).output(ZArticleDetail).query(({ ctx, input }) => getBipArticle(ctx, input.articleId)),
    create: edit.input(ZCreateArticleInput).output(ZSavedVersion).mutation(({ ctx, input }) => createBipArticle(ctx, input)),
    saveDraft: edit.input(ZSaveDraftInput).output(ZSavedVersion).mutation(({ ctx, input }) => saveBipDraft(ctx, input)),
    submit: edit.input(ZArticleIdInput).output(z.void()).mutation(({ ctx, input }) => submitBipVersion(ctx, input.articleId)),
    approve: publish.input(ZApproveInput).output(z.object({ publishAt: z.date() })).mutation(({ ctx, input }) => revalidating(approveBipVersion(ctx, input))),
    return: publish.input(ZReturnVersionInput).output(z.void()).mutation(({ ctx, input }) => returnBipVersion(ctx, input)),
    withdraw: publish.input(ZWithdrawInput).output(z.void()).mutation(({ ctx, input }) => revalidating(withdrawBipArticle(ctx, input))),
    removeAttachment: edit.input(ZAttachmentIdInput).output(z.void()).mutation(({ ctx, input }) => removeBipAttachment(ctx, input.attachmentId)),
  }),
  menu: createTRPCRouter({
    list: edit.output(z.array(ZMenuItemDto)).query(({ ctx }) => listBipMenu(ctx)),
    /** The menu editor's tree (bip.manage). */
    tree: manage.output(z.array(ZMenuItemDto)).query(({ ctx }) => listBipMenuForManager(ctx)),
    add: manage.input(ZMenuAddInput).output(ZMenuItemDto).mutation(({ ctx, input }) => revalidating(addBipMenuItem(ctx, input))),
    update: manage.input(ZMenuUpdateInput).output(z.void()).mutation(({ ctx, input }) => revalidating(updateBipMenuItem(ctx, input))),
    move: manage.input(ZMenuMoveInput).output(z.void()).mutation(({ ctx, input }) => revalidating(moveBipMenuItem(ctx, input))),
    setVisible: manage.input(ZMenuVisibleInput).output(z.void()).mutation(({ ctx, input }) => revalidating(setBipMenuItemVisible(ctx, input))),
    delete: manage.input(ZMenuIdInput).output(z.void()).mutation(({ ctx, input }) => revalidating(deleteBipMenuItem(ctx, input.id))),
  }),
  settings: createTRPCRouter({
    get: manage.output(ZBipSettingsDto).query(({ ctx }) => getBipSettings(ctx)),
    update: manage.input(ZBipSettingsInput).output(ZBipSettingsDto).mutation(({ ctx, input }) => revalidating(updateBipSettings(ctx, input))),
  }),
});
