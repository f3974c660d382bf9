"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { ConfirmActions } from "@/components/confirm-button";
import { Field, FormMessage } from "@/components/form/field";
import { SchemaForm } from "@/components/form/schema-form";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { ZCreatePositionInput, type Position } from "../org.schemas";
import { AdminSection, DialogButton, PagedTable, RowActions, type Notice } from "./admin-list";

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
  const [notice, setNotice] = useState<Notice>(null);

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
    setNotice({ success: message });
    await invalidate();
  };

  const title =
    dialog?.mode === "edit"
      ? t("org.positions.editTitle", { name: dialog.position.name })
      : dialog?.mode === "delete"
        ? t("org.positions.deleteTitle")
        : t("org.positions.addTitle");

  return (
    <AdminSection id="stanowiska-lista" title={t("org.positions.title")} addLabel={t("org.positions.add")} onAdd={() => setDialog({ mode: "new" })} notice={notice}>
      <PagedTable
        data={data}
        title={t("org.positions.title")}
        empty={t("org.positions.empty")}
        columns={[t("org.positions.name"), { label: t("org.positions.rank"), className: "text-right" }, { label: t("org.positions.users"), className: "text-right" }, t("common.actions")]}
        className="sm:[&_td]:align-middle"
        testId="positions-table"
        onPage={(p) => startTransition(() => setPage(p))}
      >
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
            <RowActions>
              <DialogButton label={t("common.edit")} ariaLabel={t("org.positions.editLabel", { name: p.name })} onClick={() => setDialog({ mode: "edit", position: p })} />
              <DialogButton label={t("common.delete")} ariaLabel={t("org.positions.deleteLabel", { name: p.name })} onClick={() => setDialog({ mode: "delete", position: p })} />
            </RowActions>
          </tr>
        ))}
      </PagedTable>

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
    </AdminSection>
  );
}

function PositionForm({ position, onCancel, onSaved }: { position: Position | null; onCancel: () => void; onSaved: (p: Position, created: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const create = useMutation(trpc.org.positions.create.mutationOptions({ onSuccess: (p) => onSaved(p, true) }));
  const update = useMutation(trpc.org.positions.update.mutationOptions({ onSuccess: (p) => onSaved(p, false) }));

  return (
    <SchemaForm
      schema={ZCreatePositionInput}
      save={position ? update : create}
      onValid={(input) => (position ? update.mutate({ ...input, id: position.id }) : create.mutate(input))}
      testId="position-form"
      submitLabel={t("org.positions.save")}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <Field label={t("org.positions.name")} error={errors.name} required>
            {(p) => <input {...p} name="name" defaultValue={position?.name ?? ""} className="input" />}
          </Field>
          <Field label={t("org.positions.rank")} error={errors.rank} hint={t("org.positions.rankHint")} required>
            {(p) => <input {...p} name="rank" type="number" min={1} max={999} step={1} inputMode="numeric" defaultValue={position?.rank ?? 50} className="input max-w-32" />}
          </Field>
        </>
      )}
    </SchemaForm>
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
      <ConfirmActions
        confirmLabel={remove.isPending ? t("org.positions.deleting") : t("org.positions.deleteSubmit")}
        disabled={remove.isPending}
        onCancel={onCancel}
        onConfirm={() => remove.mutate({ id: position.id })}
      />
    </div>
  );
}
