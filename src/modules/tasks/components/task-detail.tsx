"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { AttachmentLinks, PendingAttachments, usePendingAttachments } from "@/modules/files/components/pending-attachments";
import { useLiveSignal } from "@/modules/realtime/components/realtime-provider";
import { useTRPC } from "@/trpc/react";
import { MAX_ATTACHMENTS } from "../tasks.schemas";
import { AssigneeState } from "./task-badges";

/**
 * A form with a text field and one button; `run` gets the text (and, with `attach`, the ids of the
 * files uploaded with it). Keeps the text when the server refuses; clears text and files once saved.
 */
function TextAction({
  label,
  fieldLabel,
  required,
  run,
  pending,
  error,
  number,
  attach,
}: {
  label: string;
  fieldLabel: string;
  required?: boolean;
  run: (text: string, progress: number | undefined, attachmentIds: string[]) => void | Promise<unknown>;
  pending: boolean;
  error: string | null;
  number?: { label: string; initial: number };
  attach?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [value, setValue] = useState(number?.initial ?? 0);
  const files = usePendingAttachments("/api/polecenia/zalaczniki", MAX_ATTACHMENTS);
  return (
    <form
      className="min-w-0 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (files.busy) return;
        const result = run(text, number ? value : undefined, files.ids);
        if (result)
          result.then(
            () => {
              setText("");
              files.reset();
            },
            () => undefined,
          );
      }}
    >
      {number && (
        <div>
          <label htmlFor={`${id}-n`} className="block text-sm font-medium">
            {number.label}
          </label>
          <input id={`${id}-n`} type="number" min={0} max={100} step={5} value={value} onChange={(e) => setValue(Number(e.target.value))} className="input w-28" />
        </div>
      )}
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {fieldLabel}
        </label>
        <textarea id={id} rows={2} value={text} required={required} onChange={(e) => setText(e.target.value)} className="input" maxLength={5000} />
      </div>
      {attach && <PendingAttachments state={files} max={MAX_ATTACHMENTS} compact />}
      <FormMessage error={error} />
      <button type="submit" className="btn-secondary" disabled={pending || files.busy}>
        {label}
      </button>
    </form>
  );
}

/** One task: what, who, by when, each assignee's state, the actions the reader may take and the history. */
export function TaskDetail({ taskId }: { taskId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: task } = useSuspenseQuery(trpc.tasks.get.queryOptions({ taskId }));
  useLiveSignal(["tasks"], () => void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }));
  const done = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }) };
  const accept = useMutation(trpc.tasks.accept.mutationOptions(done));
  const progress = useMutation(trpc.tasks.progress.mutationOptions(done));
  const ask = useMutation(trpc.tasks.ask.mutationOptions(done));
  const complete = useMutation(trpc.tasks.complete.mutationOptions(done));
  const comment = useMutation(trpc.tasks.comment.mutationOptions(done));
  const confirm = useMutation(trpc.tasks.confirm.mutationOptions(done));
  const giveBack = useMutation(trpc.tasks.return.mutationOptions(done));
  const cancel = useMutation(trpc.tasks.cancel.mutationOptions(done));
  const mine = task.assignees.find((a) => a.id === task.myAssigneeId) ?? null;
  const open = (s: string) => s === "NEW" || s === "ACCEPTED" || s === "RETURNED";

  return (
    <div className="space-y-6">
      <section className="card" aria-labelledby="task-title">
        <h2 id="task-title" className="text-xl font-semibold">
          <span className="mr-2 font-mono text-base text-slate-700">{t("tasks.detail.number", { n: task.seq })}</span>
          {task.title}
        </h2>
        {task.cancelled && <p className="mt-2 font-semibold text-red-800">{t("tasks.cancelled")}</p>}
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-700">{t("tasks.detail.giver")}</dt>
            <dd>{task.giver.name}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("tasks.detail.created")}</dt>
            <dd>{formatDateTime(task.createdAt, locale)}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("tasks.detail.due")}</dt>
            <dd>
              {task.dueDate ? formatDate(`${task.dueDate}T12:00:00Z`, locale) : t("tasks.list.noDue")}
              {task.overdue && <span className="ml-2 font-semibold text-red-800">({t("tasks.overdue")})</span>}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("tasks.detail.priority")}</dt>
            <dd>{t(`tasks.priority.${task.priority}`)}</dd>
          </div>
          {task.subject && (
            <div className="sm:col-span-2">
              <dt className="font-medium text-slate-700">{t("tasks.detail.about")}</dt>
              <dd>
                {task.subject.allowed ? (
                  <Link href={task.subject.href} className="link">
                    {task.subject.label} — {task.subject.title}
                  </Link>
                ) : (
                  t("tasks.detail.noAccess")
                )}
              </dd>
            </div>
          )}
        </dl>
        {task.description && <p className="mt-4 whitespace-pre-line">{task.description}</p>}
        {task.attachments.length > 0 && (
          <div className="mt-4">
            <h3 className="text-sm font-semibold text-slate-900">{t("tasks.detail.files")}</h3>
            <AttachmentLinks files={task.attachments} className="mt-1" />
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="task-assignees">
        <h2 id="task-assignees" className="mb-3 text-lg font-semibold">
          {t("tasks.detail.assignees")}
        </h2>
        <ul className="divide-y divide-slate-200" data-testid="task-assignees">
          {task.assignees.map((a) => (
            <li key={a.id} className="py-3" data-testid={`assignee-${a.person.id}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{a.person.name}</span>
                  {a.person.department && <span className="ml-1 text-sm text-slate-700">({a.person.department})</span>}
                </span>
                <span className="flex items-center gap-2">
                  <AssigneeState a={a} />
                  <span className="text-sm" aria-label={t("tasks.detail.progress")}>
                    {a.progress}%
                  </span>
                </span>
              </div>
              <progress className="mt-2 h-2 w-full" max={100} value={a.progress} aria-label={`${t("tasks.detail.progress")}: ${a.person.name}`} />
              {task.isGiver && a.status === "DONE" && (
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <button type="button" className="btn-primary self-start" disabled={confirm.isPending} onClick={() => confirm.mutate({ taskId, assigneeId: a.id, body: "" })}>
                    {t("tasks.act.confirm")}
                  </button>
                  <TextAction
                    label={t("tasks.act.return")}
                    fieldLabel={t("tasks.act.returnReason")}
                    required
                    pending={giveBack.isPending}
                    error={giveBack.error?.message ?? null}
                    run={(body) => giveBack.mutate({ taskId, assigneeId: a.id, body })}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
        <FormMessage error={confirm.error?.message ?? null} />
      </section>

      {mine && (
        <section className="card space-y-4" aria-labelledby="task-mine">
          <h2 id="task-mine" className="text-lg font-semibold">
            {t("tasks.act.mine")}
          </h2>
          {mine.status === "NEW" && (
            <div>
              <button type="button" className="btn-primary" disabled={accept.isPending} onClick={() => accept.mutate({ taskId })}>
                {t("tasks.act.accept")}
              </button>
              <FormMessage error={accept.error?.message ?? null} />
            </div>
          )}
          {open(mine.status) && (
            <div className="grid gap-6 md:grid-cols-3">
              <TextAction
                label={t("tasks.act.progress")}
                fieldLabel={t("tasks.act.optionalNote")}
                number={{ label: t("tasks.act.progressValue"), initial: mine.progress }}
                pending={progress.isPending}
                error={progress.error?.message ?? null}
                attach
                run={(body, value, attachmentIds) => progress.mutateAsync({ taskId, progress: value ?? 0, body, attachmentIds })}
              />
              <TextAction label={t("tasks.act.ask")} fieldLabel={t("tasks.act.text")} required pending={ask.isPending} error={ask.error?.message ?? null} run={(body) => ask.mutate({ taskId, body })} />
              <TextAction
                label={t("tasks.act.done")}
                fieldLabel={t("tasks.act.optionalNote")}
                attach
                pending={complete.isPending}
                error={complete.error?.message ?? null}
                run={(body, _value, attachmentIds) => complete.mutateAsync({ taskId, body, attachmentIds })}
              />
            </div>
          )}
        </section>
      )}

      <section className="card space-y-4" aria-labelledby="task-thread">
        <h2 id="task-thread" className="text-lg font-semibold">
          {t("tasks.detail.thread")}
        </h2>
        {task.entries.length === 0 ? (
          <p className="text-sm text-slate-800">{t("tasks.detail.noEntries")}</p>
        ) : (
          <ol className="space-y-3" data-testid="task-thread">
            {task.entries.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 p-3">
                <p className="text-sm">
                  <span className="font-semibold">{t(`tasks.detail.entry.${e.kind}`, { p: e.progress ?? 0 })}</span> — {e.author}
                  {e.onBehalfOf && <span> ({t("tasks.detail.onBehalfOf", { name: e.onBehalfOf })})</span>}
                  {e.assignee && e.assignee !== e.author && e.assignee !== e.onBehalfOf && <span> · {t("tasks.detail.concerning", { name: e.assignee })}</span>}
                  <span className="block text-slate-700">{formatDateTime(e.createdAt, locale)}</span>
                </p>
                {e.body && <p className="mt-1 whitespace-pre-line">{e.body}</p>}
                <AttachmentLinks files={e.attachments} className="mt-1" />
              </li>
            ))}
          </ol>
        )}
        {!task.cancelled && (
          <TextAction
            label={t("tasks.act.commentSend")}
            fieldLabel={t("tasks.act.comment")}
            required
            attach
            pending={comment.isPending}
            error={comment.error?.message ?? null}
            run={(body, _value, attachmentIds) => comment.mutateAsync({ taskId, body, attachmentIds })}
          />
        )}
      </section>

      {task.isGiver && !task.cancelled && task.assignees.some((a) => a.status !== "CONFIRMED") && (
        <section className="card" aria-labelledby="task-cancel">
          <h2 id="task-cancel" className="mb-2 text-lg font-semibold">
            {t("tasks.act.cancel")}
          </h2>
          <TextAction label={t("tasks.act.cancel")} fieldLabel={t("tasks.act.cancelReason")} required pending={cancel.isPending} error={cancel.error?.message ?? null} run={(body) => cancel.mutate({ taskId, body })} />
        </section>
      )}
    </div>
  );
}

