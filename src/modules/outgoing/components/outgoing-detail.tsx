"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { DataTable, TableScroll } from "@/components/data-table";
import { Field, fieldErrorsOf, FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { PageHeader } from "@/components/page-header";
import { formatDate, formatDateTime, todayInPoland, type MessageKey } from "@/lib/i18n/translator";
import { AskAboutButton } from "@/modules/chat/components/new-conversation";
import { DocumentFiles } from "@/modules/files/components/document-files";
import { useTRPC } from "@/trpc/react";
import { DISPATCH_BOOK_PATH, OUTGOING_PATH, outgoingHref } from "../outgoing.params";
import type { OutgoingDetail as Detail, RecipientDto } from "../outgoing.schemas";
import { SignedDecisionButton } from "./signed-decision";
import { StatusBadge, StepBadge } from "./status-badge";

/** One outgoing letter: its data, recipients with delivery, approval path, files, history and the actions its state allows. */
export function OutgoingDetail({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: doc } = useSuspenseQuery(trpc.outgoing.get.queryOptions({ id }));
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <PageHeader
        title={`${t("outgoing.title")}: ${doc.label}`}
        description={doc.subject}
        actions={
          <>
            <Link href={OUTGOING_PATH} className="btn-secondary">
              {t("common.back")}
            </Link>
            <AskAboutButton subject={{ type: "document", id: doc.id, href: outgoingHref(doc.id), label: doc.label }} />
          </>
        }
      />
      <div aria-live="polite">
        <FormMessage success={message} />
      </div>
      {doc.rejection && (
        <div role="note" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="rejection">
          <p className="font-semibold">{t("outgoing.detail.rejectedTitle")}</p>
          {doc.rejection.comment && <p className="mt-1 whitespace-pre-wrap">{doc.rejection.comment}</p>}
          <p className="mt-1 text-xs">{t("outgoing.detail.rejectedBy", { name: doc.rejection.by, date: formatDateTime(doc.rejection.at, locale) })}</p>
        </div>
      )}
      <Actions doc={doc} onDone={setMessage} />

      <section className="card" aria-labelledby="outgoing-fields">
        <h2 id="outgoing-fields" className="mb-3 text-lg font-semibold">
          {t("outgoing.detail.fields")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Item label={t("outgoing.detail.number")}>{doc.registerNo ?? "—"}</Item>
          <Item label={t("outgoing.detail.systemId")}>{`ID ${doc.seq}`}</Item>
          <Item label={t("outgoing.detail.status")}>
            <StatusBadge status={doc.status} />
          </Item>
          <Item label={t("outgoing.detail.department")}>{doc.department ? `${doc.department.symbol} — ${doc.department.name}` : "—"}</Item>
          <Item label={t("outgoing.detail.author")}>{doc.author.name}</Item>
          <Item label={t("outgoing.detail.created")}>{formatDateTime(doc.createdAt, locale)}</Item>
          <Item label={t("outgoing.detail.case")}>
            {doc.case ? (
              <Link href={`/sprawy/${doc.case.id}`} className="link">
                {doc.case.mark} — {doc.case.title}
              </Link>
            ) : (
              t("outgoing.detail.noCase")
            )}
          </Item>
          {doc.replyTo && (
            <Item label={t("outgoing.detail.replyTo")}>
              <Link href={`/pisma/przychodzace/${doc.replyTo.id}`} className="link">
                {doc.replyTo.label}
              </Link>{" "}
              — {doc.replyTo.subject}
            </Item>
          )}
          {doc.dispatchedAt && <Item label={t("outgoing.detail.dispatched")}>{formatDateTime(doc.dispatchedAt, locale)}</Item>}
          {doc.dispatchedBy && <Item label={t("outgoing.detail.dispatchedBy")}>{doc.dispatchedBy.name}</Item>}
        </dl>
        <h3 className="mt-4 mb-1 text-base font-semibold">{t("outgoing.detail.body")}</h3>
        {doc.body ? <div className="rounded-md bg-slate-50 p-3 font-serif text-sm whitespace-pre-wrap">{doc.body}</div> : <p className="text-sm text-slate-700">{t("outgoing.detail.noBody")}</p>}
      </section>

      <Recipients doc={doc} onDone={setMessage} />
      <ApprovalPath doc={doc} />
      <DocumentFiles documentId={doc.id} canUpload={doc.can.uploadFiles} title={t("outgoing.detail.files")} />
      <History doc={doc} />
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.outgoing.pathKey() });
}

function Actions({ doc, onDone }: { doc: Detail; onDone: (m: string | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [rejecting, setRejecting] = useState(false);
  const opts = { onMutate: () => onDone(null), onSettled: refresh };
  const submit = useMutation(trpc.outgoing.submit.mutationOptions({ ...opts, onSuccess: (r) => onDone(r.status === "APPROVED" ? t("outgoing.actions.approvedAtOnce") : t("outgoing.actions.submitted")) }));
  const withdraw = useMutation(trpc.outgoing.withdraw.mutationOptions({ ...opts, onSuccess: () => onDone(t("outgoing.actions.withdrawn")) }));
  const approve = useMutation(trpc.outgoing.approve.mutationOptions({ ...opts, onSuccess: () => onDone(t("outgoing.actions.approved")) }));
  const reject = useMutation(
    trpc.outgoing.reject.mutationOptions({
      ...opts,
      onSuccess: () => {
        setRejecting(false);
        onDone(t("outgoing.actions.rejected"));
      },
    }),
  );
  const dispatch = useMutation(trpc.outgoing.dispatch.mutationOptions({ ...opts, onSuccess: (r) => onDone(t("outgoing.actions.dispatched", { number: r.registerNo })) }));
  const error = [submit, withdraw, approve, dispatch].find((m) => m.error)?.error?.message ?? null;
  const any = doc.can.edit || doc.can.submit || doc.can.withdraw || doc.can.decide || doc.can.dispatch;
  if (!any) return null;
  const busy = submit.isPending || withdraw.isPending || approve.isPending || dispatch.isPending;

  return (
    <section aria-label={t("outgoing.detail.actions")} className="card">
      <div aria-live="assertive">
        <FormMessage error={error} />
      </div>
      <div className="flex flex-wrap gap-2">
        {doc.can.edit && (
          <Link href={`${outgoingHref(doc.id)}/edycja`} className="btn-secondary">
            {t("outgoing.actions.edit")}
          </Link>
        )}
        {doc.can.submit && (
          <>
            <button type="button" className="btn-primary" disabled={busy} onClick={() => submit.mutate({ id: doc.id })}>
              {t("outgoing.actions.submit")}
            </button>
            <SignedDecisionButton
              documentId={doc.id}
              purpose="SUBMIT"
              label={t("outgoing.actions.signAndSubmit")}
              dialogTitle={t("outgoing.actions.signAndSubmitTitle")}
              disabled={busy}
              onSigned={(signatureId) => submit.mutate({ id: doc.id, signatureId })}
            />
          </>
        )}
        {doc.can.withdraw && (
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => withdraw.mutate({ id: doc.id })}>
            {t("outgoing.actions.withdraw")}
          </button>
        )}
        {doc.can.decide && (
          <>
            <button type="button" className="btn-primary" disabled={busy} onClick={() => approve.mutate({ id: doc.id })}>
              {t("outgoing.actions.approve")}
            </button>
            <SignedDecisionButton
              documentId={doc.id}
              purpose="APPROVE"
              label={t("outgoing.actions.signAndApprove")}
              dialogTitle={t("outgoing.actions.signAndApproveTitle")}
              disabled={busy}
              onSigned={(signatureId) => approve.mutate({ id: doc.id, signatureId })}
            />
            <button type="button" className="btn-danger" aria-haspopup="dialog" disabled={busy} onClick={() => setRejecting(true)}>
              {t("outgoing.actions.reject")}
            </button>
          </>
        )}
        {doc.can.dispatch && (
          <ConfirmButton
            label={t("outgoing.actions.dispatch")}
            title={t("outgoing.actions.dispatchTitle")}
            text={t("outgoing.actions.dispatchText")}
            confirmLabel={t("outgoing.actions.dispatchConfirm")}
            className="btn-primary"
            disabled={busy}
            onConfirm={() => dispatch.mutate({ id: doc.id })}
          />
        )}
      </div>
      <Modal open={rejecting} title={t("outgoing.actions.rejectTitle")} onClose={() => setRejecting(false)}>
        <RejectForm pending={reject.isPending} error={reject.error} onCancel={() => setRejecting(false)} onSubmit={(c) => reject.mutate({ id: doc.id, comment: c })} />
      </Modal>
    </section>
  );
}

function RejectForm({ pending, error, onCancel, onSubmit }: { pending: boolean; error: unknown; onCancel: () => void; onSubmit: (comment: string) => void }) {
  const t = useT();
  const [value, setValue] = useState("");
  const [missing, setMissing] = useState(false);
  const serverField = fieldErrorsOf(error).comment;
  const fieldError = missing ? t("outgoing.actions.rejectHint") : (serverField ?? null);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) {
          setMissing(true);
          return;
        }
        setMissing(false);
        onSubmit(value.trim());
      }}
    >
      <FormMessage error={error && !serverField ? (error as Error).message : null} />
      <Field label={t("outgoing.actions.rejectComment")} hint={t("outgoing.actions.rejectHint")} error={fieldError} required>
        {(p) => <textarea {...p} value={value} onChange={(e) => setValue(e.target.value)} rows={4} maxLength={2000} className="input" autoFocus />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="btn-danger" disabled={pending}>
          {t("outgoing.actions.rejectConfirm")}
        </button>
      </div>
    </form>
  );
}

function Recipients({ doc, onDone }: { doc: Detail; onDone: (m: string | null) => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="outgoing-recipients">
      <h2 id="outgoing-recipients" className="mb-3 text-lg font-semibold">
        {t("outgoing.detail.recipients")}
      </h2>
      <TableScroll label={t("outgoing.detail.recipients")}>
        <DataTable
          stacked
          columns={[t("outgoing.detail.recipientName"), t("outgoing.detail.channel"), t("outgoing.detail.address"), t("outgoing.detail.tracking"), t("outgoing.detail.zpo")]}
          testId="outgoing-recipients"
        >
          {doc.recipients.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                {r.contactId ? (
                  <Link href={`/kontakty/${r.contactId}`} className="link">
                    {r.name}
                  </Link>
                ) : (
                  r.name
                )}
              </th>
              <td data-label={t("outgoing.detail.channel")} className="align-top">
                <span>{t(`outgoing.channels.${r.channel}`)}</span>
              </td>
              <td data-label={t("outgoing.detail.address")} className="align-top">
                <span>{r.address ?? "—"}</span>
              </td>
              <td data-label={t("outgoing.detail.tracking")} className="align-top">
                <span>
                  {r.trackingNo ?? "—"}
                  {r.dispatchBook && (
                    <Link href={`${DISPATCH_BOOK_PATH}/${r.dispatchBook.id}`} className="link block text-xs">
                      {t("outgoing.detail.book")} {r.dispatchBook.number}
                    </Link>
                  )}
                </span>
              </td>
              <td data-label={t("outgoing.detail.zpo")} className="align-top">
                <span>
                  {r.deliveredOn ? formatDate(r.deliveredOn, locale) : t("outgoing.detail.notDelivered")}
                  {doc.can.recordDelivery && r.channel !== "ORDINARY_MAIL" && <DeliveryControl recipient={r} onDone={onDone} />}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      </TableScroll>
    </section>
  );
}

function DeliveryControl({ recipient, onDone }: { recipient: RecipientDto; onDone: (m: string | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(recipient.deliveredOn ?? todayInPoland());
  const record = useMutation(
    trpc.outgoing.recordDelivery.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        onDone(t("outgoing.detail.zpoSaved"));
        await refresh();
      },
    }),
  );
  const fieldError = fieldErrorsOf(record.error).deliveredOn ?? null;
  return (
    <>
      <button type="button" className="btn-secondary mt-1 block" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t("outgoing.detail.recordZpo")}
        <span className="sr-only"> — {recipient.name}</span>
      </button>
      <Modal open={open} narrow title={`${t("outgoing.detail.recordZpo")}: ${recipient.name}`} onClose={() => setOpen(false)}>
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate({ recipientId: recipient.id, deliveredOn: value });
          }}
        >
          <FormMessage error={record.error && !fieldError ? record.error.message : null} />
          <Field label={t("outgoing.detail.zpoDate")} error={fieldError} required>
            {(p) => <input {...p} type="date" value={value} max={todayInPoland()} onChange={(e) => setValue(e.target.value)} className="input" />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="btn-primary" disabled={record.isPending}>
              {t("outgoing.detail.zpoSave")}
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}

function ApprovalPath({ doc }: { doc: Detail }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="outgoing-approval">
      <h2 id="outgoing-approval" className="mb-3 text-lg font-semibold">
        {t("outgoing.detail.approval")}
      </h2>
      {doc.signatures.length > 0 && (
        <div className="mb-3">
          <h3 className="text-sm font-semibold">{t("outgoing.detail.signatures")}</h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="letter-signatures">
            {doc.signatures.map((s) => (
              <li key={s.id}>{t("outgoing.detail.signatureLine", { name: s.signerName, when: formatDateTime(s.signedAt, locale), file: s.fileName })}</li>
            ))}
          </ul>
        </div>
      )}
      {doc.approvalSteps.length === 0 ? (
        <p className="text-sm text-slate-700">{t("outgoing.detail.approvalEmpty")}</p>
      ) : (
        <ol className="space-y-2" data-testid="approval-steps">
          {doc.approvalSteps.map((s) => (
            <li key={s.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{s.approver.name}</span>
                {s.approver.position && <span className="text-slate-700">{s.approver.position}</span>}
                <StepBadge status={s.status} />
                {s.decidedAt && s.status !== "SKIPPED" && <span className="text-xs text-slate-700">{formatDateTime(s.decidedAt, locale)}</span>}
                {s.signed && <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900">{t("outgoing.detail.stepSigned")}</span>}
              </p>
              {s.comment && <p className="mt-1 whitespace-pre-wrap text-slate-900">{t("outgoing.detail.approvalComment", { comment: s.comment })}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function History({ doc }: { doc: Detail }) {
  const t = useT();
  const locale = useLocale();
  const label = (action: string) => {
    const key = `audit.actions.${action}` as MessageKey;
    const text = t(key);
    return text === key ? action : text;
  };
  return (
    <section className="card" aria-labelledby="outgoing-history">
      <h2 id="outgoing-history" className="mb-3 text-lg font-semibold">
        {t("outgoing.detail.history")}
      </h2>
      {doc.history.length === 0 ? (
        <p className="text-sm text-slate-700">{t("outgoing.detail.historyEmpty")}</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="outgoing-history">
          {doc.history.map((h) => (
            <li key={h.id} className="border-l-2 border-slate-300 pl-3">
              <p>
                <time className="text-slate-700">{formatDateTime(h.occurredAt, locale)}</time> — <span className="font-medium">{label(h.action)}</span>
              </p>
              <p className="text-slate-800">
                {h.actorName ?? "—"}
                {h.actorPosition && <span className="text-slate-700">, {h.actorPosition}</span>}
              </p>
              {h.comment && <p className="text-slate-800">„{h.comment}”</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
