import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { getApprovalPathEditor, listApprovalPaths, saveApprovalPath } from "./approval-path.service";
import { createDispatchBook, getDispatchBook, listBookCandidates, listDispatchBooks, saveTrackingNumbers } from "./dispatch-book.service";
import {
  ZApprovalPathDepartmentInput,
  ZApprovalPathEditor,
  ZApprovalPathList,
  ZApprovalPathRow,
  ZApproveInput,
  ZBookCandidates,
  ZBookCandidatesInput,
  ZCreateDispatchBookInput,
  ZCreateDraftInput,
  ZDecisionResult,
  ZDispatchBook,
  ZDispatchBookList,
  ZDispatchBookListInput,
  ZDispatchResult,
  ZDraftCreated,
  ZDraftForm,
  ZDraftPrefillInput,
  ZInboxApprovals,
  ZOutgoingDetail,
  ZOutgoingIdInput,
  ZSubmitInput,
  ZOutgoingInboxCounts,
  ZOutgoingList,
  ZOutgoingListInput,
  ZRecordDeliveryInput,
  ZRejectInput,
  ZSaveApprovalPathInput,
  ZSaveTrackingInput,
  ZUpdateDraftInput,
} from "./outgoing.schemas";
import {
  approveLetter,
  countOutgoingInbox,
  createDraft,
  dispatchLetter,
  getDraftForm,
  getNewDraftForm,
  getOutgoing,
  listInboxApprovals,
  listOutgoing,
  recordDelivery,
  rejectLetter,
  submitForApproval,
  updateDraft,
  withdrawFromApproval,
} from "./outgoing.service";

const work = permissionProcedure("documents.work");
const dispatch = permissionProcedure("letters.dispatch");
const org = permissionProcedure("org.manage");

export const outgoingRouter = createTRPCRouter({
  list: work.input(ZOutgoingListInput).output(ZOutgoingList).query(({ ctx, input }) => listOutgoing(ctx, input)),
  get: work.input(ZOutgoingIdInput).output(ZOutgoingDetail).query(({ ctx, input }) => getOutgoing(ctx, input.id)),
  newDraftForm: work.input(ZDraftPrefillInput).output(ZDraftForm).query(({ ctx, input }) => getNewDraftForm(ctx, input)),
  draftForm: work.input(ZOutgoingIdInput).output(ZDraftForm).query(({ ctx, input }) => getDraftForm(ctx, input.id)),
  create: work.input(ZCreateDraftInput).output(ZDraftCreated).mutation(({ ctx, input }) => createDraft(ctx, input)),
  update: work.input(ZUpdateDraftInput).output(ZDraftCreated).mutation(({ ctx, input }) => updateDraft(ctx, input)),
  submit: work.input(ZSubmitInput).output(ZDecisionResult).mutation(({ ctx, input }) => submitForApproval(ctx, input.id, input.signatureId)),
  withdraw: work.input(ZOutgoingIdInput).output(ZDecisionResult).mutation(({ ctx, input }) => withdrawFromApproval(ctx, input.id)),
  approve: work.input(ZApproveInput).output(ZDecisionResult).mutation(({ ctx, input }) => approveLetter(ctx, input)),
  reject: work.input(ZRejectInput).output(ZDecisionResult).mutation(({ ctx, input }) => rejectLetter(ctx, input)),
  dispatch: dispatch.input(ZOutgoingIdInput).output(ZDispatchResult).mutation(({ ctx, input }) => dispatchLetter(ctx, input.id)),
  recordDelivery: work.input(ZRecordDeliveryInput).output(z.void()).mutation(({ ctx, input }) => recordDelivery(ctx, input)),
  inbox: work.input(z.object({ page: z.number().int().min(1).max(10_000).default(1) })).output(ZInboxApprovals).query(({ ctx, input }) => listInboxApprovals(ctx, input)),
  inboxCounts: work.output(ZOutgoingInboxCounts).query(({ ctx }) => countOutgoingInbox(ctx)),

  bookCandidates: dispatch.input(ZBookCandidatesInput).output(ZBookCandidates).query(({ ctx, input }) => listBookCandidates(ctx, input)),
  books: dispatch.input(ZDispatchBookListInput).output(ZDispatchBookList).query(({ ctx, input }) => listDispatchBooks(ctx, input)),
  book: dispatch.input(ZOutgoingIdInput).output(ZDispatchBook).query(({ ctx, input }) => getDispatchBook(ctx, input.id)),
  createBook: dispatch.input(ZCreateDispatchBookInput).output(z.object({ id: z.string(), number: z.string() })).mutation(({ ctx, input }) => createDispatchBook(ctx, input)),
  saveTracking: dispatch.input(ZSaveTrackingInput).output(z.object({ changed: z.number().int() })).mutation(({ ctx, input }) => saveTrackingNumbers(ctx, input)),

  approvalPaths: org.output(ZApprovalPathList).query(({ ctx }) => listApprovalPaths(ctx)),
  approvalPath: org.input(ZApprovalPathDepartmentInput).output(ZApprovalPathEditor).query(({ ctx, input }) => getApprovalPathEditor(ctx, input.departmentId)),
  saveApprovalPath: org.input(ZSaveApprovalPathInput).output(ZApprovalPathRow).mutation(({ ctx, input }) => saveApprovalPath(ctx, input)),
});
