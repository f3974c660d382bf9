"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { LOCATION_KINDS, ZCreateLocationInput, type Location } from "../org.schemas";
import { ActiveBadge, formValues, Modal, Pager, STACKED, TableScroll, useFormErrors } from "./ui";

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
  const [notice, setNotice] = useState<{ error?: string; success?: string } | null>(null);

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
    <section className="card" aria-labelledby="urzad-lokalizacje">
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="urzad-lokalizacje" className="text-lg font-semibold">
            {t("org.locations.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("org.locations.intro")}</p>
        </div>
        <button type="button" className="btn-primary shrink-0" aria-haspopup="dialog" onClick={() => setEditing({ mode: "new" })}>
          {t("org.locations.add")}
        </button>
      </div>
      <div className="mb-3" aria-live="polite">
        <FormMessage error={notice?.error} success={notice?.success} />
      </div>
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("org.locations.empty")}</p>
      ) : (
        <TableScroll label={t("org.locations.title")}>
          <table className={`data-table ${STACKED}`} data-testid="locations-table">
            <thead>
              <tr>
                <th scope="col">{t("org.locations.code")}</th>
                <th scope="col">{t("org.locations.name")}</th>
                <th scope="col">{t("org.locations.kind")}</th>
                <th scope="col">{t("org.locations.address")}</th>
                <th scope="col">{t("org.locations.phone")}</th>
                <th scope="col" className="text-right">
                  {t("org.locations.staff")}
                </th>
                <th scope="col">{t("org.status")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
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
                  <td>
                    <div className="flex gap-2 max-sm:pt-2 sm:whitespace-nowrap">
                      <button type="button" className="btn-secondary" aria-haspopup="dialog" aria-label={t("org.locations.editLabel", { name: l.name })} onClick={() => setEditing({ mode: "edit", location: l })}>
                        {t("common.edit")}
                      </button>
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={setActive.isPending}
                        aria-label={t(l.active ? "org.locations.deactivateLabel" : "org.locations.reactivateLabel", { name: l.name })}
                        onClick={() => {
                          setNotice(null);
                          setActive.mutate({ id: l.id, active: !l.active });
                        }}
                      >
                        {l.active ? t("org.deactivate") : t("org.reactivate")}
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
    </section>
  );
}

function LocationForm({ location, onCancel, onSaved }: { location: Location | null; onCancel: () => void; onSaved: (l: Location, created: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const create = useMutation(trpc.org.locations.create.mutationOptions({ onSuccess: (l) => onSaved(l, true) }));
  const update = useMutation(trpc.org.locations.update.mutationOptions({ onSuccess: (l) => onSaved(l, false) }));
  const save = location ? update : create;
  const { formRef, errors, check } = useFormErrors(ZCreateLocationInput, save.error);
  const general = save.error && Object.keys(errors).length === 0 ? save.error.message : null;

  return (
    <form
      ref={formRef}
      noValidate
      data-testid="location-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const input = check(formValues(e.currentTarget));
        if (!input) return;
        if (location) update.mutate({ ...input, id: location.id });
        else create.mutate(input);
      }}
    >
      <FormMessage error={general} />
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
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("org.locations.save")}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
