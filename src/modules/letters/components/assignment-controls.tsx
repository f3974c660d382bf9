"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { formValues, useFormErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { ZAssignToUserInput, ZForwardInput, ZReturnInput, type AssignmentAction, type Option } from "../letters.schemas";
import { SelectOptions } from "@/components/form/select-options";

/** After any move: the letter, its history, the lists and the inbox are read again. */
export function useLetterRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.letters.get.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.letters.history.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.letters.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.letters.inbox.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.letters.inboxCounts.pathKey() }),
    ]);
}

/**
 * The buttons of one assignment, for what the actor may do now (computed by the server from the
 * workflow rules): accept / done / read at once; assign, return and forward in a dialog.
 */
export function AssignmentControls({
  assignmentId,
  actions,
  label,
  onDone,
  departments,
  people,
}: {
  assignmentId: string;
  actions: AssignmentAction[];
  /** What the buttons act on, for screen readers ("RPW/3/2026"). */
  label?: string;
  onDone: (message: string) => void;
  departments: Option[];
  people: Option[];
}) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useLetterRefresh();
  const [dialog, setDialog] = useState<"assign" | "return" | "forward" | null>(null);
  const finish = async (message: string) => {
    setDialog(null);
    await refresh();
    onDone(message);
  };
  const accept = useMutation(trpc.letters.accept.mutationOptions({ onSuccess: () => finish(t("letters.actions.accepted")) }));
  const complete = useMutation(trpc.letters.complete.mutationOptions({ onSuccess: () => finish(t("letters.actions.completed")) }));
  const read = useMutation(trpc.letters.markRead.mutationOptions({ onSuccess: () => finish(t("letters.actions.readDone")) }));
  const error = accept.error ?? complete.error ?? read.error;
  if (actions.length === 0) return null;
  const aria = (text: string) => (label ? `${text}: ${label}` : undefined);
  const pending = accept.isPending || complete.isPending || read.isPending;

  return (
    <div className="mt-2 space-y-2">
      {error && <FormMessage error={error.message} />}
      <div className="flex flex-wrap gap-2">
        {actions.includes("accept") && (
          <button type="button" className="btn-primary" disabled={pending} aria-label={aria(t("letters.actions.accept"))} onClick={() => accept.mutate({ assignmentId })}>
            {t("letters.actions.accept")}
          </button>
        )}
        {actions.includes("done") && (
          <button type="button" className="btn-primary" disabled={pending} aria-label={aria(t("letters.actions.done"))} onClick={() => complete.mutate({ assignmentId })}>
            {t("letters.actions.done")}
          </button>
        )}
        {actions.includes("read") && (
          <button type="button" className="btn-primary" disabled={pending} aria-label={aria(t("letters.actions.read"))} onClick={() => read.mutate({ assignmentId })}>
            {t("letters.actions.read")}
          </button>
        )}
        {actions.includes("assign") && (
          <button type="button" className="btn-primary" aria-haspopup="dialog" aria-label={aria(t("letters.actions.assign"))} onClick={() => setDialog("assign")}>
            {t("letters.actions.assign")}
          </button>
        )}
        {actions.includes("return") && (
          <button type="button" className="btn-secondary" aria-haspopup="dialog" aria-label={aria(t("letters.actions.return"))} onClick={() => setDialog("return")}>
            {t("letters.actions.return")}
          </button>
        )}
        {actions.includes("forward") && (
          <button type="button" className="btn-secondary" aria-haspopup="dialog" aria-label={aria(t("letters.actions.forward"))} onClick={() => setDialog("forward")}>
            {t("letters.actions.forward")}
          </button>
        )}
      </div>
      <Modal open={dialog === "assign"} title={t("letters.actions.assign")} onClose={() => setDialog(null)}>
        <AssignForm assignmentId={assignmentId} onDone={() => finish(t("letters.actions.assigned"))} onCancel={() => setDialog(null)} />
      </Modal>
      <Modal open={dialog === "return"} title={t("letters.actions.return")} onClose={() => setDialog(null)}>
        <ReturnForm assignmentId={assignmentId} onDone={() => finish(t("letters.actions.returned"))} onCancel={() => setDialog(null)} />
      </Modal>
      <Modal open={dialog === "forward"} title={t("letters.actions.forward")} onClose={() => setDialog(null)}>
        <ForwardForm assignmentId={assignmentId} departments={departments} people={people} onDone={() => finish(t("letters.actions.forwarded"))} onCancel={() => setDialog(null)} />
      </Modal>
    </div>
  );
}

function Buttons({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("letters.actions.confirm")}
      </button>
      <button type="button" className="btn-secondary" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}

function topMessage(t: ReturnType<typeof useT>, clientErrors: Record<string, string> | null, error: { message: string } | null, errors: Record<string, string>) {
  if (clientErrors) return t("letters.form.hasErrors");
  if (!error) return null;
  return Object.keys(errors).length ? t("letters.form.hasErrors") : error.message;
}

function AssignForm({ assignmentId, onDone, onCancel }: { assignmentId: string; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const clerks = useQuery(trpc.letters.clerks.queryOptions({ assignmentId }));
  const assign = useMutation(trpc.letters.assign.mutationOptions({ onSuccess: onDone }));
  const { formRef, errors, clientErrors, check } = useFormErrors(ZAssignToUserInput, assign.error);
  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const ok = check({ ...formValues(e.currentTarget), assignmentId });
        if (ok) assign.mutate(ok.input);
      }}
    >
      <FormMessage error={topMessage(t, clientErrors, assign.error, errors)} />
      <Field label={t("letters.actions.clerk")} error={errors.userId} required>
        {(p) => (
          <select {...p} name="userId" defaultValue="" className="input">
            <option value="">{t("letters.form.choose")}</option>
            {(clerks.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {clerks.data && clerks.data.length === 0 && <p className="text-sm text-slate-700">{t("letters.actions.noClerks")}</p>}
      <Field label={t("letters.actions.note")} error={errors.note}>
        {(p) => <textarea {...p} name="note" rows={2} maxLength={1000} className="input" />}
      </Field>
      <Field label={t("letters.actions.dueDate")} error={errors.dueDate}>
        {(p) => <input {...p} name="dueDate" type="date" className="input" />}
      </Field>
      <Buttons pending={assign.isPending} onCancel={onCancel} />
    </form>
  );
}

function ReturnForm({ assignmentId, onDone, onCancel }: { assignmentId: string; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const ret = useMutation(trpc.letters.return.mutationOptions({ onSuccess: onDone }));
  const { formRef, errors, clientErrors, check } = useFormErrors(ZReturnInput, ret.error);
  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const ok = check({ ...formValues(e.currentTarget), assignmentId });
        if (ok) ret.mutate(ok.input);
      }}
    >
      <FormMessage error={topMessage(t, clientErrors, ret.error, errors)} />
      <Field label={t("letters.actions.returnReason")} error={errors.reason} required>
        {(p) => <textarea {...p} name="reason" rows={3} maxLength={500} className="input" />}
      </Field>
      <Buttons pending={ret.isPending} onCancel={onCancel} />
    </form>
  );
}

function ForwardForm({ assignmentId, departments, people, onDone, onCancel }: { assignmentId: string; departments: Option[]; people: Option[]; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [to, setTo] = useState<"department" | "person">("department");
  const forward = useMutation(trpc.letters.forward.mutationOptions({ onSuccess: onDone }));
  const { formRef, errors, clientErrors, check } = useFormErrors(ZForwardInput, forward.error);
  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        const ok = check({ assignmentId, reason: v.reason ?? "", departmentId: to === "department" ? (v.departmentId ?? "") : "", userId: to === "person" ? (v.userId ?? "") : "" });
        if (ok) forward.mutate(ok.input);
      }}
    >
      <FormMessage error={topMessage(t, clientErrors, forward.error, errors)} />
      <fieldset>
        <legend className="label">{t("letters.actions.forwardTo")}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="forwardTo" checked={to === "department"} onChange={() => setTo("department")} className="size-4" />
            {t("letters.actions.forwardDepartment")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="forwardTo" checked={to === "person"} onChange={() => setTo("person")} className="size-4" />
            {t("letters.actions.forwardPerson")}
          </label>
        </div>
      </fieldset>
      {to === "department" ? (
        <Field label={t("letters.actions.department")} error={errors.departmentId} required>
          {(p) => (
            <select {...p} name="departmentId" defaultValue="" className="input">
              <SelectOptions empty={t("letters.form.choose")} options={departments.map((d) => ({ value: d.id, label: d.label }))} />
            </select>
          )}
        </Field>
      ) : (
        <Field label={t("letters.actions.person")} error={errors.userId ?? errors.departmentId} required>
          {(p) => (
            <select {...p} name="userId" defaultValue="" className="input">
              <SelectOptions empty={t("letters.form.choose")} options={people.map((d) => ({ value: d.id, label: d.label }))} />
            </select>
          )}
        </Field>
      )}
      <Field label={t("letters.actions.forwardReason")} error={errors.reason} required>
        {(p) => <textarea {...p} name="reason" rows={3} maxLength={500} className="input" />}
      </Field>
      <Buttons pending={forward.isPending} onCancel={onCancel} />
    </form>
  );
}
