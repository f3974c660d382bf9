"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { ZCreatePositionInput, type Position } from "../org.schemas";
import { formValues, Modal, Pager, STACKED, TableScroll, useFormErrors } from "./ui";

type Dialog = { mode: "new" } | { mode: "edit"; position: Position } | { mode: "delete"; position: Position } | null;

/** Stanowiska: list by rank, add, rename / re-rank, delete when nobody holds the position. */
export function PositionsAdmin() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [, startTransition] = useTransition();
  const { data } = useSuspenseQuery(trpc.org.positions.list.queryOptions({ page }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.org.positions.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.departments.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.departments.formOptions.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.directory.tree.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.directory.staff.queryKey() }),
    ]);

  const done = async (message: string) => {
    setDialog(null);
    setNotice(message);
    await invalidate();
  };

  const title =
    dialog?.mode === "edit"
      ? t("org.positions.editTitle", { name: dialog.position.name })
      : dialog?.mode === "delete"
        ? t("org.positions.deleteTitle")
        : t("org.positions.addTitle");

  return (
    <section className="card" aria-labelledby="stanowiska-lista">
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id="stanowiska-lista" className="text-lg font-semibold">
          {t("org.positions.title")}
        </h2>
        <button type="button" className="btn-primary" aria-haspopup="dialog" onClick={() => setDialog({ mode: "new" })}>
          {t("org.positions.add")}
        </button>
      </div>
      <div className="mb-3" aria-live="polite">
        <FormMessage success={notice} />
      </div>
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("org.positions.empty")}</p>
      ) : (
        <TableScroll label={t("org.positions.title")}>
          <table className={`data-table sm:[&_td]:align-middle ${STACKED}`} data-testid="positions-table">
            <thead>
              <tr>
                <th scope="col">{t("org.positions.name")}</th>
                <th scope="col" className="text-right">
                  {t("org.positions.rank")}
                </th>
                <th scope="col" className="text-right">
                  {t("org.positions.users")}
                </th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td className="min-w-40 font-medium" data-label={t("org.positions.name")}>
                    {p.name}
                  </td>
                  <td className="text-right tabular-nums" data-label={t("org.positions.rank")}>
                    {p.rank}
                  </td>
                  <td className="text-right tabular-nums" data-label={t("org.positions.users")}>
                    {p.userCount}
                  </td>
                  <td>
                    <div className="flex gap-2 max-sm:pt-2 sm:whitespace-nowrap">
                      <button type="button" className="btn-secondary" aria-haspopup="dialog" aria-label={t("org.positions.editLabel", { name: p.name })} onClick={() => setDialog({ mode: "edit", position: p })}>
                        {t("common.edit")}
                      </button>
                      <button type="button" className="btn-secondary" aria-haspopup="dialog" aria-label={t("org.positions.deleteLabel", { name: p.name })} onClick={() => setDialog({ mode: "delete", position: p })}>
                        {t("common.delete")}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager page={data.page} pageCount={data.pageCount} onPage={(p) => startTransition(() => setPage(p))} />

      <Modal open={dialog !== null} title={title} onClose={() => setDialog(null)}>
        {dialog?.mode === "delete" ? (
          <DeletePosition position={dialog.position} onCancel={() => setDialog(null)} onDeleted={() => done(t("org.positions.deleted", { name: dialog.position.name }))} />
        ) : dialog ? (
          <PositionForm
            key={dialog.mode === "edit" ? dialog.position.id : "new"}
            position={dialog.mode === "edit" ? dialog.position : null}
            onCancel={() => setDialog(null)}
            onSaved={(p, created) => done(t(created ? "org.positions.created" : "org.positions.updated", { name: p.name }))}
          />
        ) : null}
      </Modal>
    </section>
  );
}

function PositionForm({ position, onCancel, onSaved }: { position: Position | null; onCancel: () => void; onSaved: (p: Position, created: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const create = useMutation(trpc.org.positions.create.mutationOptions({ onSuccess: (p) => onSaved(p, true) }));
  const update = useMutation(trpc.org.positions.update.mutationOptions({ onSuccess: (p) => onSaved(p, false) }));
  const save = position ? update : create;
  const { formRef, errors, check } = useFormErrors(ZCreatePositionInput, save.error);
  const general = save.error && Object.keys(errors).length === 0 ? save.error.message : null;

  return (
    <form
      ref={formRef}
      noValidate
      data-testid="position-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const input = check(formValues(e.currentTarget));
        if (!input) return;
        if (position) update.mutate({ ...input, id: position.id });
        else create.mutate(input);
      }}
    >
      <FormMessage error={general} />
      <Field label={t("org.positions.name")} error={errors.name} required>
        {(p) => <input {...p} name="name" defaultValue={position?.name ?? ""} className="input" />}
      </Field>
      <Field label={t("org.positions.rank")} error={errors.rank} hint={t("org.positions.rankHint")} required>
        {(p) => <input {...p} name="rank" type="number" min={1} max={999} step={1} inputMode="numeric" defaultValue={position?.rank ?? 50} className="input max-w-32" />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("org.positions.save")}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

function DeletePosition({ position, onCancel, onDeleted }: { position: Position; onCancel: () => void; onDeleted: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const remove = useMutation(trpc.org.positions.remove.mutationOptions({ onSuccess: onDeleted }));
  return (
    <div className="space-y-4">
      <FormMessage error={remove.error?.message} />
      <p className="text-sm">{t("org.positions.deleteConfirm", { name: position.name })}</p>
      <div className="flex flex-wrap gap-2">
        {/* Cancel first: the dialog opens with focus on the harmless choice. */}
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" className="btn-danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: position.id })}>
          {remove.isPending ? t("org.positions.deleting") : t("org.positions.deleteSubmit")}
        </button>
      </div>
    </div>
  );
}
