"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Field } from "@/components/form/field";
import { SchemaForm } from "@/components/form/schema-form";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { LOCATION_KINDS, ZCreateLocationInput, type Location } from "../org.schemas";
import { ActiveBadge, ActiveToggle, AdminSection, DialogButton, PagedTable, RowActions, type Notice } from "./admin-list";

type Editing = { mode: "new" } | { mode: "edit"; location: Location } | null;

/** Siedziba and oddziały zamiejscowe: list, add, edit, deactivate / reactivate. */
export function LocationsSection() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [, startTransition] = useTransition();
  const { data } = useSuspenseQuery(trpc.org.locations.list.queryOptions({ page }));
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.org.locations.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.departments.formOptions.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.org.directory.locations.queryKey() }),
    ]);

  const setActive = useMutation(
    trpc.org.locations.setActive.mutationOptions({
      onSuccess: async (l) => {
        setNotice({ success: t(l.active ? "org.locations.reactivated" : "org.locations.deactivated", { name: l.name }) });
        await invalidate();
      },
      onError: (e) => setNotice({ error: e.message }),
    }),
  );

  return (
    <AdminSection id="urzad-lokalizacje" title={t("org.locations.title")} intro={t("org.locations.intro")} addLabel={t("org.locations.add")} onAdd={() => setEditing({ mode: "new" })} notice={notice}>
      <PagedTable
        data={data}
        title={t("org.locations.title")}
        empty={t("org.locations.empty")}
        columns={[
          t("org.locations.code"),
          t("org.locations.name"),
          t("org.locations.kind"),
          t("org.locations.address"),
          t("org.locations.phone"),
          { label: t("org.locations.staff"), className: "text-right" },
          t("org.status"),
          t("common.actions"),
        ]}
        testId="locations-table"
        onPage={(p) => startTransition(() => setPage(p))}
      >
        {data.items.map((l) => (
          <tr key={l.id}>
            <td className="font-mono" data-label={t("org.locations.code")}>
              {l.code}
            </td>
            <td className="font-medium" data-label={t("org.locations.name")}>
              {l.name}
            </td>
            <td data-label={t("org.locations.kind")}>{t(`org.locations.kind${l.kind}`)}</td>
            <td className="min-w-40" data-label={t("org.locations.address")}>
              {l.street}, {l.postalCode} {l.city}
            </td>
            <td className="whitespace-nowrap" data-label={t("org.locations.phone")}>
              {l.phone ?? "—"}
            </td>
            <td className="text-right tabular-nums" data-label={t("org.locations.staff")}>
              {l.staffCount}
            </td>
            <td data-label={t("org.status")}>
              <ActiveBadge active={l.active} />
            </td>
            <RowActions>
              <DialogButton label={t("common.edit")} ariaLabel={t("org.locations.editLabel", { name: l.name })} onClick={() => setEditing({ mode: "edit", location: l })} />
              <ActiveToggle
                active={l.active}
                ariaLabel={t(l.active ? "org.locations.deactivateLabel" : "org.locations.reactivateLabel", { name: l.name })}
                disabled={setActive.isPending}
                onToggle={() => {
                  setNotice(null);
                  setActive.mutate({ id: l.id, active: !l.active });
                }}
              />
            </RowActions>
          </tr>
        ))}
      </PagedTable>

      <Modal
        open={editing !== null}
        title={editing?.mode === "edit" ? t("org.locations.editTitle", { name: editing.location.name }) : t("org.locations.addTitle")}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <LocationForm
            key={editing.mode === "edit" ? editing.location.id : "new"}
            location={editing.mode === "edit" ? editing.location : null}
            onCancel={() => setEditing(null)}
            onSaved={async (l, created) => {
              setEditing(null);
              setNotice({ success: t(created ? "org.locations.created" : "org.locations.updated", { name: l.name }) });
              await invalidate();
            }}
          />
        )}
      </Modal>
    </AdminSection>
  );
}

function LocationForm({ location, onCancel, onSaved }: { location: Location | null; onCancel: () => void; onSaved: (l: Location, created: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const create = useMutation(trpc.org.locations.create.mutationOptions({ onSuccess: (l) => onSaved(l, true) }));
  const update = useMutation(trpc.org.locations.update.mutationOptions({ onSuccess: (l) => onSaved(l, false) }));

  return (
    <SchemaForm
      schema={ZCreateLocationInput}
      save={location ? update : create}
      onValid={(input) => (location ? update.mutate({ ...input, id: location.id }) : create.mutate(input))}
      testId="location-form"
      submitLabel={t("org.locations.save")}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("org.locations.code")} error={errors.code} hint={t("org.locations.codeHint")} required>
              {(p) => <input {...p} name="code" defaultValue={location?.code ?? ""} className="input font-mono uppercase" autoCapitalize="characters" />}
            </Field>
            <Field label={t("org.locations.kind")} error={errors.kind} hint={t("org.locations.kindHint")} required>
              {(p) => (
                <select {...p} name="kind" defaultValue={location?.kind ?? "ODDZIAL"} className="input">
                  {LOCATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`org.locations.kind${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label={t("org.locations.name")} error={errors.name} required>
            {(p) => <input {...p} name="name" defaultValue={location?.name ?? ""} className="input" />}
          </Field>
          <Field label={t("org.locations.street")} error={errors.street} required>
            {(p) => <input {...p} name="street" defaultValue={location?.street ?? ""} className="input" />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
            <Field label={t("org.locations.postalCode")} error={errors.postalCode} hint={t("org.office.postalCodeHint")} required>
              {(p) => <input {...p} name="postalCode" defaultValue={location?.postalCode ?? ""} className="input" inputMode="numeric" />}
            </Field>
            <Field label={t("org.locations.city")} error={errors.city} required>
              {(p) => <input {...p} name="city" defaultValue={location?.city ?? ""} className="input" />}
            </Field>
          </div>
          <Field label={t("org.locations.phone")} error={errors.phone}>
            {(p) => <input {...p} name="phone" type="tel" defaultValue={location?.phone ?? ""} className="input" />}
          </Field>
        </>
      )}
    </SchemaForm>
  );
}
