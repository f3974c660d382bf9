"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { formatDate, formatDateTime, type MessageKey } from "@/lib/i18n/translator";
import { AskAboutButton } from "@/modules/chat/components/new-conversation";
import { DocumentFiles } from "@/modules/files/components/document-files";
import { useTRPC } from "@/trpc/react";
import type { CaseDetail } from "../cases.schemas";
import { CaseStatusBadge, DeadlineBadge } from "./case-badges";

const day = (d: string, locale: "pl" | "en") => formatDate(`${d}T12:00:00Z`, locale);

/** One case: its data, parties, documents in order, deadlines, and the actions of its clerk. */
export function CaseDetails({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: c } = useSuspenseQuery(trpc.cases.get.queryOptions({ id }));
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="font-mono text-2xl font-semibold break-all text-slate-900" data-testid="case-mark">
            {c.mark}
          </h1>
          <p className="mt-1 text-lg text-slate-900">{c.title}</p>
          <p className="mt-2 flex flex-wrap gap-2">
            <CaseStatusBadge status={c.status} />
            <DeadlineBadge state={c.deadlineState} />
            {c.confidential && <span className="text-sm text-slate-800">{t("cases.list.confidential")}</span>}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/sprawy/${c.id}/metryka`} className="btn-secondary">
            {t("cases.detail.metryka")}
          </Link>
          <AskAboutButton subject={{ type: "case", id: c.id, href: `/sprawy/${c.id}`, label: c.mark }} />
        </div>
      </div>

      <div aria-live="polite">
        <FormMessage success={message} />
      </div>

      <CaseActions c={c} onDone={setMessage} />

      <section className="card" aria-labelledby="case-facts">
        <h2 id="case-facts" className="mb-3 text-lg font-semibold">
          {t("cases.detail.facts")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Fact label={t("cases.detail.jrwa")}>
            <span className="font-mono">{c.jrwa.symbol}</span> {c.jrwa.name}
          </Fact>
          <Fact label={t("cases.detail.category")}>{c.jrwa.category ?? t("common.none")}</Fact>
          <Fact label={t("cases.detail.department")}>
            {c.department.symbol} — {c.department.name}
          </Fact>
          <Fact label={t("cases.detail.responsible")}>
            {c.responsible.name}
            {c.responsible.position && <span className="text-slate-700">, {c.responsible.position}</span>}
          </Fact>
          <Fact label={t("cases.detail.createdBy")}>{c.createdBy.name}</Fact>
          <Fact label={t("cases.detail.createdAt")}>{formatDateTime(c.createdAt, locale)}</Fact>
          <Fact label={t("cases.detail.startDate")}>{day(c.startDate, locale)}</Fact>
          <Fact label={t("cases.detail.deadlineType")}>{t(`cases.deadlineTypes.${c.deadlineType}`)}</Fact>
          <Fact label={t("cases.detail.dueDate")}>
            <span data-testid="case-due">{c.dueDate ? day(c.dueDate, locale) : t("cases.deadline.none")}</span>
          </Fact>
          {c.closedAt && <Fact label={t("cases.detail.closedAt")}>{formatDateTime(c.closedAt, locale)}</Fact>}
          {c.suspendedReason && <Fact label={t("cases.detail.suspendedReason")}>{c.suspendedReason}</Fact>}
          {c.confidential && <Fact label={t("cases.detail.confidential")}>{[c.responsible.name, ...c.access.map((a) => a.label)].join(", ")}</Fact>}
        </dl>
        {c.description && <p className="mt-3 text-sm whitespace-pre-line text-slate-900">{c.description}</p>}
      </section>

      <section className="card" aria-labelledby="case-parties">
        <h2 id="case-parties" className="mb-3 text-lg font-semibold">
          {t("cases.detail.parties")}
        </h2>
        {c.parties.length === 0 ? (
          <p className="text-sm text-slate-700">{t("cases.detail.noParties")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {c.parties.map((p) => (
              <li key={p.id}>
                <Link href={`/kontakty/${p.id}`} className="link font-medium">
                  {p.name}
                </Link>
                {p.address && <span className="text-slate-800"> — {p.address}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="case-documents">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="case-documents" className="text-lg font-semibold">
            {t("cases.detail.documents")}
          </h2>
          {c.canManage && c.status !== "CLOSED" && (
            <div className="flex flex-wrap gap-2">
              <Link href={`/pisma/wychodzace/nowe?sprawa=${c.id}`} className="btn-secondary">
                {t("cases.detail.newOutgoing")}
              </Link>
              <Link href={`/pisma/wewnetrzne/nowe?sprawa=${c.id}`} className="btn-secondary">
                {t("cases.detail.newInternal")}
              </Link>
              <AttachDialog caseId={c.id} onDone={setMessage} />
              <NoteDialog caseId={c.id} onDone={setMessage} />
            </div>
          )}
        </div>
        {c.documents.length === 0 ? (
          <p className="text-sm text-slate-700">{t("cases.detail.noDocuments")}</p>
        ) : (
          <ol className="space-y-3" data-testid="case-documents">
            {c.documents.map((d) => (
              <li key={d.id} id={`dokument-${d.id}`} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-slate-700">{t(`cases.detail.kinds.${d.kind}`)}</span>
                  {d.kind === "NOTE" ? <span className="font-mono font-semibold">{d.label}</span> : <Link href={d.href} className="link font-mono font-semibold">{d.label}</Link>}
                  <span className="text-slate-700">{formatDateTime(d.date, locale)}</span>
                </p>
                <p className="font-medium text-slate-900">{d.subject}</p>
                {d.counterpart && <p className="text-slate-800">{d.counterpart}</p>}
                {d.kind !== "NOTE" && d.fileCount > 0 && <p className="text-slate-700">{t("cases.detail.fileCount", { n: d.fileCount })}</p>}
                {d.kind === "NOTE" && (
                  <>
                    {d.body && <p className="mt-1 whitespace-pre-line text-slate-900">{d.body}</p>}
                    <div className="mt-2">
                      <DocumentFiles documentId={d.id} canUpload={c.canManage && c.status !== "CLOSED"} title={t("cases.detail.files")} />
                    </div>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {(c.suspensions.length > 0 || c.notices.length > 0) && (
        <section className="card space-y-3" aria-labelledby="case-deadlines">
          <h2 id="case-deadlines" className="sr-only">
            {t("cases.detail.dueDate")}
          </h2>
          {c.suspensions.length > 0 && (
            <div>
              <h3 className="mb-1 font-semibold">{t("cases.detail.suspensions")}</h3>
              <ul className="space-y-1 text-sm">
                {c.suspensions.map((s) => (
                  <li key={s.id}>{t("cases.detail.suspensionRow", { from: day(s.startedOn, locale), to: s.endedOn ? day(s.endedOn, locale) : t("cases.detail.ongoing"), reason: s.reason })}</li>
                ))}
              </ul>
            </div>
          )}
          {c.notices.length > 0 && (
            <div>
              <h3 className="mb-1 font-semibold">{t("cases.detail.notices")}</h3>
              <ul className="space-y-2 text-sm">
                {c.notices.map((n) => (
                  <li key={n.id}>
                    {t("cases.detail.noticeRow", { date: formatDate(n.createdAt, locale), due: day(n.newDue, locale), reason: n.reason })}{" "}
                    <a href={`/api/sprawy/${c.id}/zawiadomienie/${n.id}`} className="link" target="_blank" rel="noopener">
                      {t("cases.detail.noticePdf")}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

function useCaseInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
}

/** The status actions of the case, for its clerk or head. */
function CaseActions({ c, onDone }: { c: CaseDetail; onDone: (m: string | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const invalidate = useCaseInvalidate();
  const opts = (done: MessageKey) => ({
    onMutate: () => onDone(null),
    onSuccess: async () => {
      await invalidate();
      onDone(t(done));
    },
  });
  const start = useMutation(trpc.cases.start.mutationOptions(opts("cases.detail.started")));
  const suspend = useMutation(trpc.cases.suspend.mutationOptions(opts("cases.detail.suspended")));
  const resume = useMutation(trpc.cases.resume.mutationOptions(opts("cases.detail.resumed")));
  const close = useMutation(trpc.cases.close.mutationOptions(opts("cases.detail.closed")));
  const reopen = useMutation(trpc.cases.reopen.mutationOptions(opts("cases.detail.reopened")));
  const notice = useMutation(trpc.cases.deadlineNotice.mutationOptions(opts("cases.detail.noticeIssued")));
  const transfer = useMutation(trpc.cases.transfer.mutationOptions(opts("cases.detail.transferred")));
  const active = c.status === "NEW" || c.status === "IN_PROGRESS" || c.status === "REOPENED";
  const error = start.error ?? resume.error;

  if (!c.canManage) return <p className="text-sm text-slate-700">{t("cases.detail.readOnly")}</p>;
  return (
    <section aria-labelledby="case-actions" className="card">
      <h2 id="case-actions" className="mb-3 text-lg font-semibold">
        {t("cases.detail.actions")}
      </h2>
      {error && <FormMessage error={error.message} />}
      <div className="flex flex-wrap gap-2">
        {c.status === "NEW" && (
          <button type="button" className="btn-primary" disabled={start.isPending} onClick={() => start.mutate({ id: c.id })}>
            {t("cases.detail.start")}
          </button>
        )}
        {c.status === "SUSPENDED" && (
          <button type="button" className="btn-primary" disabled={resume.isPending} onClick={() => resume.mutate({ id: c.id })}>
            {t("cases.detail.resume")}
          </button>
        )}
        {active && (
          <ReasonDialog
            label={t("cases.detail.suspend")}
            title={t("cases.detail.suspendTitle")}
            text={t("cases.detail.suspendText")}
            fields={[{ name: "reason", label: t("cases.detail.suspendReason"), hint: t("cases.detail.suspendReasonHint"), required: true }]}
            mutation={suspend}
            submit={(v) => suspend.mutateAsync({ id: c.id, reason: v.reason ?? "" })}
          />
        )}
        {active && (
          <ReasonDialog
            label={t("cases.detail.close")}
            title={t("cases.detail.closeTitle")}
            text={t("cases.detail.closeText")}
            fields={[{ name: "note", label: t("cases.detail.closeNote") }]}
            mutation={close}
            submit={(v) => close.mutateAsync({ id: c.id, note: v.note ?? null })}
            primary
          />
        )}
        {c.status === "CLOSED" && (
          <ReasonDialog
            label={t("cases.detail.reopen")}
            title={t("cases.detail.reopenTitle")}
            fields={[{ name: "reason", label: t("cases.detail.reopenReason"), required: true }]}
            mutation={reopen}
            submit={(v) => reopen.mutateAsync({ id: c.id, reason: v.reason ?? "" })}
          />
        )}
        {c.status !== "CLOSED" && (
          <ReasonDialog
            label={t("cases.detail.notice")}
            title={t("cases.detail.noticeTitle")}
            text={t("cases.detail.noticeText")}
            fields={[
              { name: "reason", label: t("cases.detail.noticeReason"), required: true },
              { name: "newDueDate", label: t("cases.detail.noticeNewDue"), type: "date", required: true, min: c.today },
            ]}
            mutation={notice}
            submit={(v) => notice.mutateAsync({ id: c.id, reason: v.reason ?? "", newDueDate: v.newDueDate ?? "" })}
          />
        )}
        {c.status !== "CLOSED" && <TransferDialog c={c} mutation={transfer} />}
      </div>
    </section>
  );
}

type Mutation = { isPending: boolean; error: { message: string; data?: unknown } | null; reset: () => void };
type FieldSpec = { name: string; label: string; hint?: string; required?: boolean; type?: "date" | "text"; min?: string };

/** A button opening a dialog with one or two fields; the dialog closes when the action succeeds. */
function ReasonDialog({
  label,
  title,
  text,
  fields,
  mutation,
  submit,
  primary,
}: {
  label: string;
  title: string;
  text?: string;
  fields: FieldSpec[];
  mutation: Mutation;
  submit: (values: Record<string, string>) => Promise<unknown>;
  primary?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const fieldErrors = ((mutation.error?.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {}) as Record<string, string>;
  return (
    <>
      <button
        type="button"
        className={primary ? "btn-primary" : "btn-secondary"}
        aria-haspopup="dialog"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {label}
      </button>
      <Modal open={open} title={title} description={text} onClose={() => setOpen(false)}>
        <form
          noValidate
          className="space-y-4"
          onSubmit={async (e) => {
            e.preventDefault();
            const values = Object.fromEntries([...new FormData(e.currentTarget)].map(([k, v]) => [k, String(v)]));
            try {
              await submit(values);
              setOpen(false);
            } catch {
              // The error shows in the dialog.
            }
          }}
        >
          {mutation.error && Object.keys(fieldErrors).length === 0 && <FormMessage error={mutation.error.message} />}
          {fields.map((f) => (
            <Field key={f.name} label={f.label} hint={f.hint} error={fieldErrors[f.name]} required={f.required}>
              {(p) =>
                f.type === "date" ? (
                  <input {...p} name={f.name} type="date" min={f.min} className="input" />
                ) : f.type === "text" ? (
                  <input {...p} name={f.name} maxLength={500} autoComplete="off" className="input" />
                ) : (
                  <textarea {...p} name={f.name} rows={3} maxLength={2000} className="input" />
                )
              }
            </Field>
          ))}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={mutation.isPending}>
              {t("cases.detail.confirm")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}

function TransferDialog({ c, mutation }: { c: CaseDetail; mutation: Mutation & { mutateAsync: (v: { id: string; responsibleId: string; reason: string | null }) => Promise<unknown> } }) {
  const t = useT();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const people = useQuery({ ...trpc.cases.transferOptions.queryOptions({ id: c.id }), enabled: open });
  const fieldErrors = ((mutation.error?.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {}) as Record<string, string>;
  return (
    <>
      <button
        type="button"
        className="btn-secondary"
        aria-haspopup="dialog"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {t("cases.detail.transfer")}
      </button>
      <Modal open={open} title={t("cases.detail.transferTitle")} description={t("cases.detail.transferText")} onClose={() => setOpen(false)}>
        <form
          noValidate
          className="space-y-4"
          onSubmit={async (e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            try {
              await mutation.mutateAsync({ id: c.id, responsibleId: String(f.get("responsibleId") ?? ""), reason: String(f.get("reason") ?? "") || null });
              setOpen(false);
            } catch {
              // shown below
            }
          }}
        >
          {mutation.error && Object.keys(fieldErrors).length === 0 && <FormMessage error={mutation.error.message} />}
          <Field label={t("cases.detail.transferTo")} error={fieldErrors.responsibleId} required>
            {(p) => (
              <select {...p} name="responsibleId" defaultValue="" className="input">
                <option value="">{t("cases.form.accessChoose")}</option>
                {(people.data?.people ?? [])
                  .filter((o) => o.id !== c.responsible.id)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={t("cases.detail.transferReason")} error={fieldErrors.reason}>
            {(p) => <textarea {...p} name="reason" rows={2} maxLength={1000} className="input" />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={mutation.isPending}>
              {t("cases.detail.confirm")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Modal>
    </>
  );
}

function AttachDialog({ caseId, onDone }: { caseId: string; onDone: (m: string | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const invalidate = useCaseInvalidate();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const candidates = useQuery({ ...trpc.cases.attachCandidates.queryOptions({ caseId, q }), enabled: open });
  const attach = useMutation(
    trpc.cases.addDocument.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setOpen(false);
        onDone(t("cases.detail.attached"));
      },
    }),
  );
  return (
    <>
      <button type="button" className="btn-secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t("cases.detail.attach")}
      </button>
      <Modal open={open} title={t("cases.detail.attachTitle")} onClose={() => setOpen(false)}>
        <div className="space-y-3">
          <Field label={t("cases.detail.attachSearch")} hint={t("cases.detail.attachSearchHint")}>
            {(p) => <input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} className="input" />}
          </Field>
          {attach.error && <FormMessage error={attach.error.message} />}
          <div aria-live="polite">
            {candidates.data && candidates.data.length === 0 && <p className="text-sm text-slate-700">{t("cases.detail.attachNone")}</p>}
          </div>
          <ul className="max-h-80 space-y-2 overflow-auto">
            {(candidates.data ?? []).map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-2 text-sm">
                <span>
                  <span className="font-mono font-semibold">{d.label}</span> {d.subject}
                </span>
                <button type="button" className="btn-secondary" disabled={attach.isPending} onClick={() => attach.mutate({ caseId, documentId: d.id })}>
                  {t("cases.detail.attachButton", { label: d.label })}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
            {t("common.close")}
          </button>
        </div>
      </Modal>
    </>
  );
}

function NoteDialog({ caseId, onDone }: { caseId: string; onDone: (m: string | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const invalidate = useCaseInvalidate();
  const add = useMutation(trpc.cases.addNote.mutationOptions());
  return (
    <ReasonDialog
      label={t("cases.detail.note")}
      title={t("cases.detail.noteTitle")}
      fields={[
        { name: "subject", label: t("cases.detail.noteSubject"), required: true, type: "text" },
        { name: "body", label: t("cases.detail.noteBody") },
      ]}
      mutation={add}
      submit={async (v) => {
        const r = await add.mutateAsync({ caseId, subject: v.subject ?? "", body: v.body ?? null });
        await invalidate();
        onDone(t("cases.detail.noteAdded"));
        return r;
      }}
    />
  );
}
