"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/badge";
import { Field, FormMessage } from "@/components/form/field";
import { useFormErrors } from "@/components/form/form-errors";
import { useLocale, useT } from "@/components/i18n";
import { PageHeader } from "@/components/page-header";
import { formatDate, formatDateTime, type Locale, type MessageKey, type Translate } from "@/lib/i18n/translator";
import { OpenCaseButton } from "@/modules/cases/components/open-case-button";
import { AskAboutButton } from "@/modules/chat/components/new-conversation";
import { DocumentFiles } from "@/modules/files/components/document-files";
import { useTRPC } from "@/trpc/react";
import { ZDecreeInput, type AssignmentDto, type AssignmentStatus, type HistoryEntry, type LetterDetail, type Option } from "../letters.schemas";
import { AssignmentControls, useLetterRefresh } from "./assignment-controls";
import { DepartmentChecks } from "./letter-form-parts";
import { STATUS_TONE } from "./letter-list";
import { SelectOptions } from "@/components/form/select-options";

const ASSIGNMENT_TONE: Record<AssignmentStatus, BadgeTone> = {
  TO_DEPARTMENT: "amber",
  TO_USER: "amber",
  ACCEPTED: "brand",
  RETURNED: "red",
  FORWARDED: "slate",
  READ: "green",
  DONE: "green",
};

const day = (d: string, locale: Locale) => formatDate(`${d}T12:00:00Z`, locale);

/**
 * An incoming or internal letter: register data, files, dekretacja (with the actor's actions),
 * the history, and the way on (a case opened from it, a reply).
 */
export function LetterDetails({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: letter } = useSuspenseQuery(trpc.letters.get.queryOptions({ id }));
  const { data: options } = useSuspenseQuery(trpc.letters.options.queryOptions());
  const [message, setMessage] = useState<string | null>(null);
  const incoming = letter.kind === "INCOMING";
  const listHref = incoming ? "/pisma/przychodzace" : "/pisma/wewnetrzne";

  return (
    <>
      <PageHeader
        title={letter.label}
        description={letter.subject}
        actions={
          <>
            <Link href={listHref} className="btn-secondary">
              {t("letters.detail.back")}
            </Link>
            {incoming && letter.registerNo && (
              <Link href={`/pisma/przychodzace/${letter.id}/potwierdzenie`} className="btn-secondary">
                {t("letters.detail.confirmation")}
              </Link>
            )}
            {letter.can.reply && (
              <Link href={`/pisma/wychodzace/nowe?odpowiedzNa=${letter.id}`} className="btn-secondary">
                {t("letters.detail.reply")}
              </Link>
            )}
            {letter.can.edit && (
              <Link href={`/pisma/wewnetrzne/nowe?szkic=${letter.id}`} className="btn-secondary">
                {t("letters.detail.edit")}
              </Link>
            )}
            {letter.can.send && <SendButton id={letter.id} onDone={setMessage} />}
            <AskAboutButton subject={{ type: "document", id: letter.id, href: `${listHref}/${letter.id}`, label: letter.label }} />
          </>
        }
      />
      <div aria-live="polite" className="mb-4">
        <FormMessage success={message} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          <RegisterData letter={letter} locale={locale} />
          <DocumentFiles documentId={letter.id} canUpload={letter.can.upload} title={t("letters.detail.files")} />
          <section className="card" aria-labelledby="letter-case">
            <h2 id="letter-case" className="mb-2 text-lg font-semibold">
              {t("letters.detail.case")}
            </h2>
            {letter.case ? (
              <p>
                <Link href={`/sprawy/${letter.case.id}`} className="link font-medium">
                  {letter.case.mark}
                </Link>{" "}
                — {letter.case.title}
              </p>
            ) : (
              <>
                <p className="text-sm text-slate-700">{t("letters.detail.noCase")}</p>
                {letter.can.openCase && (
                  <div className="mt-3">
                    <OpenCaseButton documentId={letter.id} defaultTitle={letter.subject} label={t("letters.detail.openCase")} />
                  </div>
                )}
              </>
            )}
          </section>
        </div>
        <div className="min-w-0 space-y-4">
          <DecreePanel letter={letter} departments={options.departments} people={options.people} onDone={setMessage} />
          <LetterHistory id={letter.id} />
        </div>
      </div>
    </>
  );
}

function RegisterData({ letter, locale }: { letter: LetterDetail; locale: Locale }) {
  const t = useT();
  const incoming = letter.kind === "INCOMING";
  const rows: [string, React.ReactNode][] = [
    [t("letters.detail.number"), letter.registerNo ?? "—"],
    [t("letters.detail.systemId"), `ID ${letter.seq}`],
    [t("letters.detail.status"), <Badge key="s" tone={STATUS_TONE[letter.status]}>{t(`letters.status.${letter.status}`)}</Badge>],
  ];
  if (incoming) {
    rows.push(
      [t("letters.detail.channel"), t(`letters.channels.${letter.channel as "PAPER"}`)],
      [t("letters.detail.received"), letter.receivedAt ? formatDateTime(letter.receivedAt, locale) : "—"],
      [
        t("letters.detail.sender"),
        letter.sender ? (
          <span key="sender">
            <Link href={`/kontakty/${letter.sender.id}`} className="link">
              {letter.sender.name}
            </Link>
            {letter.sender.address && <span className="block text-sm text-slate-700">{letter.sender.address}</span>}
          </span>
        ) : (
          t("common.noData")
        ),
      ],
      [t("letters.detail.senderReference"), letter.senderReference ?? t("common.noData")],
      [t("letters.detail.letterDate"), letter.letterDate ? day(letter.letterDate, locale) : t("common.noData")],
      [t("letters.detail.pages"), letter.pages ?? t("common.noData")],
      [t("letters.detail.attachments"), letter.attachmentsCount ?? t("common.noData")],
    );
  } else {
    rows.push(
      [t("letters.detail.author"), letter.createdBy.name],
      [t("letters.detail.sent"), letter.receivedAt ? formatDateTime(letter.receivedAt, locale) : "—"],
      [t("letters.detail.recipients"), letter.recipients.map((r) => `${r.symbol} — ${r.name}`).join(", ") || "—"],
    );
  }
  rows.push(
    [t("letters.detail.department"), letter.department ? `${letter.department.symbol} — ${letter.department.name}` : "—"],
    [t("letters.detail.assignee"), letter.assignee?.name ?? "—"],
    [t("letters.detail.due"), letter.dueDate ? day(letter.dueDate, locale) : "—"],
  );
  if (incoming) rows.push([t("letters.detail.createdBy"), `${letter.createdBy.name}, ${formatDateTime(letter.createdAt, locale)}`]);
  if (letter.description) rows.push([t("letters.detail.notes"), letter.description]);
  return (
    <section className="card" aria-labelledby="letter-register">
      <h2 id="letter-register" className="mb-3 text-lg font-semibold">
        {t("letters.detail.register")}
      </h2>
      {letter.confidential && (
        <p className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {t("letters.detail.confidential")} {[letter.createdBy.name, ...letter.accessPeople.map((p) => p.name)].join(", ")}
        </p>
      )}
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-sm font-medium text-slate-700">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>
      {letter.body && (
        <div className="mt-4">
          <h3 className="mb-1 text-sm font-medium text-slate-700">{t("letters.detail.body")}</h3>
          <p className="whitespace-pre-wrap">{letter.body}</p>
        </div>
      )}
    </section>
  );
}

function SendButton({ id, onDone }: { id: string; onDone: (m: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useLetterRefresh();
  const send = useMutation(
    trpc.letters.sendInternal.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        onDone(t("letters.detail.sentDone", { number: r.registerNo ?? "" }));
      },
    }),
  );
  return (
    <>
      <button type="button" className="btn-primary" disabled={send.isPending} onClick={() => send.mutate({ id })}>
        {t("letters.detail.send")}
      </button>
      {send.error && <FormMessage error={send.error.message} />}
    </>
  );
}

function DecreePanel({ letter, departments, people, onDone }: { letter: LetterDetail; departments: Option[]; people: Option[]; onDone: (m: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  // Newest first; finished rows stay as the history of the dekretacja.
  const rows = [...letter.assignments].reverse();
  return (
    <section className="card" aria-labelledby="letter-decree" data-testid="decree-panel">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="letter-decree" className="text-lg font-semibold">
          {t("letters.decree.title")}
        </h2>
        {letter.can.decree && !open && (
          <button type="button" className="btn-primary" onClick={() => setOpen(true)}>
            {letter.can.decree === "fix" ? t("letters.decree.fix") : t("letters.decree.decree")}
          </button>
        )}
      </div>
      {open && letter.can.decree && (
        <DecreeForm
          documentId={letter.id}
          fix={letter.can.decree === "fix"}
          departments={departments}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onDone(t("letters.decree.done"));
          }}
        />
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("letters.decree.empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("letters.decree.history")}>
          {rows.map((a) => (
            <AssignmentItem key={a.id} a={a} label={letter.label} locale={locale} departments={departments} people={people} onDone={onDone} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AssignmentItem({ a, label, locale, departments, people, onDone }: { a: AssignmentDto; label: string; locale: Locale; departments: Option[]; people: Option[]; onDone: (m: string) => void }) {
  const t = useT();
  const finished = a.status === "FORWARDED" || a.status === "READ" || a.status === "DONE";
  return (
    <li className={`rounded-md border p-3 ${finished ? "border-slate-200 bg-slate-50" : "border-slate-300"}`} data-testid="assignment">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">
          {a.department.symbol}
          {a.user && ` · ${a.user.name}`}
        </span>
        <Badge tone="sky">{t(`letters.roles.${a.role}`)}</Badge>
        <Badge tone={ASSIGNMENT_TONE[a.status]}>{t(`letters.assignmentStatus.${a.status}`)}</Badge>
      </div>
      <p className="mt-1 text-xs text-slate-700">{t("letters.decree.assignedBy", { name: a.assignedByName, date: formatDateTime(a.createdAt, locale) })}</p>
      {a.dueDate && (
        <p className="mt-1 text-sm">
          {t("letters.detail.due")}: {day(a.dueDate, locale)}
        </p>
      )}
      {a.note && (
        <p className="mt-1 text-sm">
          <span className="font-medium">{t("letters.decree.note")}:</span> {a.note}
        </p>
      )}
      {a.reason && (
        <p className="mt-1 text-sm">
          <span className="font-medium">{t("letters.decree.reasonLabel")}:</span> {a.reason}
        </p>
      )}
      <AssignmentControls assignmentId={a.id} actions={a.actions} label={`${label}, ${a.department.symbol}`} onDone={onDone} departments={departments} people={people} />
    </li>
  );
}

function DecreeForm({ documentId, fix, departments, onDone, onCancel }: { documentId: string; fix: boolean; departments: Option[]; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useLetterRefresh();
  const decree = useMutation(
    trpc.letters.decree.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const { formRef, errors, clientErrors, check } = useFormErrors(ZDecreeInput, decree.error);
  const top = clientErrors ? t("letters.form.hasErrors") : decree.error ? (Object.keys(errors).length ? t("letters.form.hasErrors") : decree.error.message) : null;
  return (
    <form
      ref={formRef}
      noValidate
      className="mb-4 space-y-3 rounded-md border border-slate-300 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const ok = check({
          documentId,
          leadingDepartmentId: String(data.get("leadingDepartmentId") ?? ""),
          cooperatingDepartmentIds: data.getAll("cooperatingDepartmentIds").map(String),
          infoDepartmentIds: data.getAll("infoDepartmentIds").map(String),
          reason: String(data.get("reason") ?? ""),
        });
        if (ok) decree.mutate(ok.input);
      }}
    >
      <FormMessage error={top} />
      <Field label={t("letters.form.leading")} error={errors.leadingDepartmentId} required>
        {(p) => (
          <select {...p} name="leadingDepartmentId" defaultValue="" className="input">
            <SelectOptions empty={t("letters.form.choose")} options={departments.map((d) => ({ value: d.id, label: d.label }))} />
          </select>
        )}
      </Field>
      <DepartmentChecks name="cooperatingDepartmentIds" legend={t("letters.form.cooperating")} departments={departments} error={errors.cooperatingDepartmentIds} />
      <DepartmentChecks name="infoDepartmentIds" legend={t("letters.form.info")} departments={departments} error={errors.infoDepartmentIds} />
      {fix && (
        <Field label={t("letters.decree.reason")} error={errors.reason} required>
          {(p) => <textarea {...p} name="reason" rows={2} maxLength={500} className="input" />}
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={decree.isPending}>
          {t("letters.decree.submit")}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Details of a history entry from its recorded data (destination, reason, instruction, deadline). */
export function historyDetails(h: HistoryEntry, t: Translate, locale: Locale): string {
  const d = h.data;
  const str = (k: string) => (typeof d[k] === "string" && d[k] ? (d[k] as string) : null);
  const list = (k: string) => (Array.isArray(d[k]) ? (d[k] as unknown[]).map(String) : []);
  const parts: string[] = [];
  if (h.action === "letter.registered" && str("registerNo")) parts.push(str("registerNo")!);
  if (h.action === "letter.decreed") {
    if (str("leading")) parts.push(t("letters.history.decreed", { leading: str("leading")! }));
    if (list("cooperating").length) parts.push(t("letters.history.cooperating", { list: list("cooperating").join(", ") }));
    if (list("info").length) parts.push(t("letters.history.info", { list: list("info").join(", ") }));
  }
  if (h.action === "internal.sent") {
    if (str("registerNo")) parts.push(str("registerNo")!);
    if (list("recipients").length) parts.push(t("letters.history.recipients", { list: list("recipients").join(", ") }));
  }
  if (str("to")) parts.push(t("letters.history.to", { to: str("to")! }));
  if (str("dueDate")) parts.push(t("letters.history.due", { date: day(str("dueDate")!, locale) }));
  if (str("note")) parts.push(t("letters.history.note", { note: str("note")! }));
  if (str("reason")) parts.push(t("letters.history.reason", { reason: str("reason")! }));
  return parts.join("; ");
}

export function actionLabel(t: Translate, action: string): string {
  const key = `audit.actions.${action}` as MessageKey;
  const label = t(key);
  return label === key ? action : label;
}

/** Who did what and when with the letter (the audit trail of the document). */
function LetterHistory({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: history } = useSuspenseQuery(trpc.letters.history.queryOptions({ id }));
  return (
    <section className="card" aria-labelledby="letter-history">
      <h2 id="letter-history" className="mb-3 text-lg font-semibold">
        {t("letters.history.title")}
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-700">{t("letters.history.empty")}</p>
      ) : (
        <ol className="space-y-2" data-testid="letter-history">
          {history.map((h) => {
            const details = historyDetails(h, t, locale);
            return (
              <li key={h.id} className="border-l-2 border-slate-300 pl-3">
                <p className="text-xs text-slate-700">
                  <time dateTime={h.occurredAt.toISOString()}>{formatDateTime(h.occurredAt, locale)}</time>
                  {" · "}
                  {h.actorName ?? t("audit.system")}
                  {h.actorPosition && `, ${h.actorPosition}`}
                </p>
                <p className="font-medium">{actionLabel(t, h.action)}</p>
                {details && <p className="text-sm text-slate-800">{details}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
