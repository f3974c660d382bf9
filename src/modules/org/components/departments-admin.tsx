"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Suspense, useRef, useState, useTransition } from "react";
import { Field } from "@/components/form/field";
import { SchemaForm } from "@/components/form/schema-form";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { ZCreateDepartmentInput, type Department, type DepartmentFormOptions } from "../org.schemas";
import { ActiveBadge, ActiveToggle, AdminSection, DialogButton, PagedTable, RowActions, type Notice } from "./admin-list";
import { SelectOptions } from "@/components/form/select-options";

type Editing = { mode: "new" } | { mode: "edit"; department: Department } | null;

/** Komórki organizacyjne as a tree (wydziały with their referaty): add, edit, deactivate / reactivate. */
export function DepartmentsAdmin() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [, startTransition] = useTransition();
  const { data } = useSuspenseQuery(trpc.org.departments.list.queryOptions({ page, includeInactive }));
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.org.departments.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.departments.formOptions.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.directory.tree.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.directory.staff.queryKey() }),
    ]);

  const setActive = useMutation(
    trpc.org.departments.setActive.mutationOptions({
      onSuccess: async (d) => {
        setNotice({ success: t(d.active ? "org.departments.reactivated" : "org.departments.deactivated", { symbol: d.symbol }) });
        await invalidate();
      },
      onError: (e) => setNotice({ error: e.message }),
    }),
  );

  const row = (d: Department, parentSymbol: string | null) => (
    <tr key={d.id} className={parentSymbol ? "bg-slate-50" : undefined}>
      <td className={`font-mono font-semibold whitespace-nowrap ${parentSymbol ? "sm:pl-8" : ""}`} data-label={t("org.departments.symbol")}>
        {parentSymbol && (
          <span aria-hidden="true" className="mr-1 text-slate-700">
            ↳
          </span>
        )}
        {d.symbol}
      </td>
      <td className="min-w-40" data-label={t("org.departments.name")}>
        <span className="font-medium">{d.name}</span>
        {!d.active && (
          <span className="block">
            <ActiveBadge active={false} />
          </span>
        )}
        {parentSymbol && <span className="block text-xs text-slate-700">{t("org.departments.referatOf", { symbol: parentSymbol })}</span>}
      </td>
      <td data-label={t("org.departments.location")}>
        {d.location ? d.location.name : "—"}
      </td>
      <td data-label={t("org.departments.head")}>
        {d.head ? (
          <>
            {d.head.name}
            {d.head.positionName && <span className="block text-xs text-slate-700">{d.head.positionName}</span>}
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="hidden min-w-40 2xl:table-cell" data-label={t("org.departments.contact")}>
        {d.email && <span className="block break-all">{d.email}</span>}
        {d.phone && <span className="block whitespace-nowrap">{d.phone}</span>}
        {!d.email && !d.phone && "—"}
      </td>
      <td className="text-right tabular-nums" data-label={t("org.departments.staff")}>
        {d.staffCount}
      </td>
      <RowActions>
        <DialogButton label={t("common.edit")} ariaLabel={t("org.departments.editLabel", { symbol: d.symbol })} onClick={() => setEditing({ mode: "edit", department: d })} />
        <ActiveToggle
          active={d.active}
          ariaLabel={t(d.active ? "org.departments.deactivateLabel" : "org.departments.reactivateLabel", { symbol: d.symbol })}
          disabled={setActive.isPending}
          onToggle={() => {
            setNotice(null);
            setActive.mutate({ id: d.id, active: !d.active });
          }}
        />
      </RowActions>
    </tr>
  );

  return (
    <AdminSection
      id="komorki-lista"
      title={t("org.departments.title")}
      filters={
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={includeInactive}
            onChange={(e) => {
              const v = e.target.checked;
              startTransition(() => {
                setIncludeInactive(v);
                setPage(1);
              });
            }}
          />
          {t("org.departments.showInactive")}
        </label>
      }
      addLabel={t("org.departments.add")}
      onAdd={() => setEditing({ mode: "new" })}
      notice={notice}
    >
      <PagedTable
        data={data}
        title={t("org.departments.title")}
        empty={t("org.departments.empty")}
        columns={[
          t("org.departments.symbol"),
          t("org.departments.name"),
          t("org.departments.location"),
          t("org.departments.head"),
          { label: t("org.departments.contact"), className: "hidden 2xl:table-cell" },
          { label: t("org.departments.staff"), className: "text-right" },
          t("common.actions"),
        ]}
        testId="departments-table"
        onPage={(p) => startTransition(() => setPage(p))}
      >
        {data.items.flatMap((d) => [row(d, null), ...d.children.map((c) => row(c, d.symbol))])}
      </PagedTable>

      <Modal
        open={editing !== null}
        title={editing?.mode === "edit" ? t("org.departments.editTitle", { symbol: editing.department.symbol }) : t("org.departments.addTitle")}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <Suspense fallback={<p className="text-sm text-slate-700">{t("common.loading")}</p>}>
            <DepartmentForm
              key={editing.mode === "edit" ? editing.department.id : "new"}
              department={editing.mode === "edit" ? editing.department : null}
              onCancel={() => setEditing(null)}
              onSaved={async (d, created) => {
                setEditing(null);
                setNotice({ success: t(created ? "org.departments.created" : "org.departments.updated", { symbol: d.symbol }) });
                await invalidate();
              }}
            />
          </Suspense>
        )}
      </Modal>
    </AdminSection>
  );
}

function DepartmentForm({ department, onCancel, onSaved }: { department: Department | null; onCancel: () => void; onSaved: (d: Department, created: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.org.departments.formOptions.queryOptions());
  const create = useMutation(trpc.org.departments.create.mutationOptions({ onSuccess: (d) => onSaved(d, true) }));
  const update = useMutation(trpc.org.departments.update.mutationOptions({ onSuccess: (d) => onSaved(d, false) }));
  const symbolRef = useRef<HTMLInputElement>(null);

  const parents = options.parents.filter((p) => p.id !== department?.id);
  const locations = withCurrent(options.locations.map((l) => ({ id: l.id, label: l.name })), department?.location ? { id: department.location.id, label: t("org.inactiveOption", { name: department.location.name }) } : null);
  const heads = withCurrent(
    options.heads.map((h) => ({ id: h.id, label: [h.name, h.positionName, h.departmentSymbol && `(${h.departmentSymbol})`].filter(Boolean).join(" — ") })),
    department?.head ? { id: department.head.id, label: [department.head.name, department.head.positionName].filter(Boolean).join(" — ") } : null,
  );

  return (
    <SchemaForm
      schema={ZCreateDepartmentInput}
      save={department ? update : create}
      onValid={(input) => (department ? update.mutate({ ...input, id: department.id }) : create.mutate(input))}
      testId="department-form"
      submitLabel={t("org.departments.save")}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
            <Field label={t("org.departments.symbol")} error={errors.symbol} hint={t("org.departments.symbolHint")} required>
              {(p) => <input {...p} ref={symbolRef} name="symbol" defaultValue={department?.symbol ?? ""} className="input font-mono uppercase" autoCapitalize="characters" />}
            </Field>
            <Field label={t("org.departments.name")} error={errors.name} required>
              {(p) => <input {...p} name="name" defaultValue={department?.name ?? ""} className="input" />}
            </Field>
          </div>
          <Field label={t("org.departments.parent")} error={errors.parentId} hint={t("org.departments.parentHint")}>
            {(p) => (
              <select
                {...p}
                name="parentId"
                defaultValue={department?.parentId ?? ""}
                className="input"
                onChange={(e) => prefillSymbol(symbolRef.current, options, e.target.value)}
              >
                <SelectOptions empty={t("org.departments.parentNone")} options={parents.map((o) => ({ value: o.id, label: `${o.symbol} — ${o.name}` }))} />
              </select>
            )}
          </Field>
          <Field label={t("org.departments.location")} error={errors.locationId}>
            {(p) => (
              <select {...p} name="locationId" defaultValue={department?.location?.id ?? ""} className="input">
                <SelectOptions empty={t("org.optionNone")} options={locations.map((o) => ({ value: o.id, label: o.label }))} />
              </select>
            )}
          </Field>
          <Field label={t("org.departments.head")} error={errors.headId} hint={t("org.departments.headHint")}>
            {(p) => (
              <select {...p} name="headId" defaultValue={department?.head?.id ?? ""} className="input">
                <SelectOptions empty={t("org.optionNone")} options={heads.map((o) => ({ value: o.id, label: o.label }))} />
              </select>
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("org.departments.email")} error={errors.email}>
              {(p) => <input {...p} name="email" type="email" defaultValue={department?.email ?? ""} className="input" />}
            </Field>
            <Field label={t("org.departments.phone")} error={errors.phone}>
              {(p) => <input {...p} name="phone" type="tel" defaultValue={department?.phone ?? ""} className="input" />}
            </Field>
          </div>
        </>
      )}
    </SchemaForm>
  );
}

/** The options plus the record's current value when it is no longer offered (e.g. an inactive location). */
function withCurrent(list: { id: string; label: string }[], current: { id: string; label: string } | null) {
  return current && !list.some((o) => o.id === current.id) ? [...list, current] : list;
}

/** Choosing a wydział as parent starts the referat's symbol with "GK-" (unless a symbol was typed). */
function prefillSymbol(input: HTMLInputElement | null, options: DepartmentFormOptions, parentId: string) {
  if (!input) return;
  const value = input.value.trim();
  const untouched = value === "" || options.parents.some((p) => value === `${p.symbol}-`);
  if (!untouched) return;
  const parent = options.parents.find((p) => p.id === parentId);
  input.value = parent ? `${parent.symbol}-` : "";
}
