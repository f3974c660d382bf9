"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/badge";
import { ConfirmButton } from "@/components/confirm-button";
import { DataTable, TableScroll } from "@/components/data-table";
import { Field, FormMessage } from "@/components/form/field";
import { formValues, useFormErrors } from "@/components/form/form-errors";
import { useLocale, useT } from "@/components/i18n";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pagination";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { contactHref, CONTACTS_PATH } from "../contacts.params";
import { type ContactAddressDto, type ContactDetail, type ContactSummary, ZContactAddressInput } from "../contacts.schemas";
import { ContactForm } from "./contact-form";
import { ContactPicker } from "./contact-picker";

/** A contact's page: details (with the PESEL reveal), addresses, merging duplicates, correspondence history. */
export function ContactDetails({ id, justCreated }: { id: string; justCreated?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: c } = useSuspenseQuery(trpc.contacts.get.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  return (
    <>
      <PageHeader
        title={c.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={c.kind === "PERSON" ? "slate" : c.kind === "COMPANY" ? "brand" : "green"}>{t(`contacts.kinds.${c.kind}`)}</Badge>
            {!c.active && <Badge tone="red">{t("contacts.detail.inactive")}</Badge>}
            <span>
              {t("contacts.detail.createdAt")}: {formatDate(c.createdAt, locale)} · {t("contacts.detail.updatedAt")}: {formatDateTime(c.updatedAt, locale)}
            </span>
          </span>
        }
        actions={
          <Link href={CONTACTS_PATH} className="btn-secondary">
            {t("contacts.detail.back")}
          </Link>
        }
      />
      <div className="space-y-4">
        <div aria-live="polite">
          <FormMessage success={justCreated && !saved ? t("contacts.form.created") : saved ? t("contacts.form.saved") : null} />
        </div>
        {c.mergedInto && (
          <p role="note" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {t("contacts.detail.merged", { name: c.mergedInto.name })}{" "}
            <Link href={contactHref(c.mergedInto.id)} className="link">
              {t("contacts.detail.mergedLink")}
            </Link>
          </p>
        )}

        <section className="card" aria-labelledby="contact-data">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
            <h2 id="contact-data" className="text-lg font-semibold">
              {editing ? t("contacts.form.editTitle") : t("contacts.detail.data")}
            </h2>
            {!editing && c.active && (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t("contacts.detail.edit")}
              </button>
            )}
          </div>
          {editing ? (
            <ContactForm
              contact={c}
              onDone={() => {
                setEditing(false);
              }}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            <ContactData c={c} />
          )}
        </section>

        <Addresses c={c} />
        {c.canManage && c.active && <MergeSection c={c} />}
        <History id={c.id} />
      </div>
    </>
  );
}

function ContactData({ c }: { c: ContactDetail }) {
  const t = useT();
  const none = <span className="text-slate-700">{t("contacts.detail.none")}</span>;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-b border-slate-100 py-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="break-words text-sm text-slate-900">{value || none}</dd>
    </div>
  );
  return (
    <dl>
      {c.kind === "PERSON" && row(t("contacts.fields.firstName"), c.firstName)}
      {c.kind === "PERSON" && row(t("contacts.fields.lastName"), c.lastName)}
      {c.kind === "PERSON" && row(t("contacts.fields.pesel"), c.peselMasked ? <PeselValue id={c.id} masked={c.peselMasked} /> : null)}
      {row(t("contacts.fields.nip"), c.nip)}
      {row(t("contacts.fields.regon"), c.regon)}
      {c.kind !== "PERSON" && row(t("contacts.fields.krs"), c.krs)}
      {row(t("contacts.fields.email"), c.email ? <a href={`mailto:${c.email}`} className="link">{c.email}</a> : null)}
      {row(t("contacts.fields.phone"), c.phone ? <a href={`tel:${c.phone.replace(/\s/g, "")}`} className="link">{c.phone}</a> : null)}
      {row(t("contacts.fields.eDoreczeniaAddress"), c.eDoreczeniaAddress)}
      {row(t("contacts.fields.epuapAddress"), c.epuapAddress)}
      {row(t("contacts.fields.notes"), c.notes ? <span className="whitespace-pre-line">{c.notes}</span> : null)}
    </dl>
  );
}

/** The masked PESEL; "Pokaż PESEL" fetches the full number (audited on the server) until "Ukryj PESEL". */
function PeselValue({ id, masked }: { id: string; masked: string }) {
  const t = useT();
  const trpc = useTRPC();
  const reveal = useMutation(trpc.contacts.revealPesel.mutationOptions());
  const shown = reveal.data?.pesel;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="pesel-value" aria-live="polite">
        {shown ?? masked}
      </span>
      {shown ? (
        <button type="button" className="btn-secondary" onClick={() => reveal.reset()}>
          {t("contacts.detail.hidePesel")}
        </button>
      ) : (
        <button type="button" className="btn-secondary" disabled={reveal.isPending} onClick={() => reveal.mutate({ id })}>
          {t("contacts.detail.showPesel")}
        </button>
      )}
      {shown && <span className="text-xs text-slate-700">{t("contacts.detail.peselRevealed")}</span>}
      {reveal.error && (
        <span role="alert" className="text-sm text-red-800">
          {reveal.error.message}
        </span>
      )}
    </span>
  );
}

function Addresses({ c }: { c: ContactDetail }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ContactAddressDto | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
  const remove = useMutation(
    trpc.contacts.removeAddress.mutationOptions({
      onSuccess: async () => {
        setMessage(t("contacts.addresses.removed"));
        await refresh();
      },
    }),
  );
  return (
    <section className="card" aria-labelledby="contact-addresses">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id="contact-addresses" className="text-lg font-semibold">
          {t("contacts.addresses.title")}
        </h2>
        {c.active && editing !== "new" && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setMessage(null);
              setEditing("new");
            }}
          >
            {t("contacts.addresses.add")}
          </button>
        )}
      </div>
      <div aria-live="polite">
        <FormMessage error={remove.error?.message} success={message} />
      </div>
      {editing === "new" && (
        <AddressForm
          contactId={c.id}
          onDone={(msg) => {
            setEditing(null);
            if (msg) setMessage(msg);
          }}
        />
      )}
      {c.addresses.length === 0 ? (
        <p className="text-sm text-slate-800">{t("contacts.addresses.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {c.addresses.map((a) => (
            <li key={a.id} className="py-3">
              {editing !== "new" && editing?.id === a.id ? (
                <AddressForm
                  contactId={c.id}
                  address={a}
                  onDone={(msg) => {
                    setEditing(null);
                    if (msg) setMessage(msg);
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm">
                    <span className="font-medium">{a.line}</span>
                    {a.label && <span className="text-slate-700"> — {a.label}</span>}{" "}
                    {a.isPrimary && <Badge tone="green">{t("contacts.addresses.primary")}</Badge>}
                  </p>
                  {c.active && (
                    <div className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn-secondary"
                        aria-label={`${t("contacts.addresses.edit")}: ${a.line}`}
                        onClick={() => {
                          setMessage(null);
                          setEditing(a);
                        }}
                      >
                        {t("contacts.addresses.edit")}
                      </button>
                      <ConfirmButton
                        label={t("contacts.addresses.remove")}
                        title={t("contacts.addresses.removeTitle")}
                        text={t("contacts.addresses.removeText", { address: a.line })}
                        confirmLabel={t("contacts.addresses.remove")}
                        disabled={remove.isPending}
                        onConfirm={() => {
                          setMessage(null);
                          remove.mutate({ id: a.id });
                        }}
                      />
                    </div>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddressForm({ contactId, address, onDone }: { contactId: string; address?: ContactAddressDto; onDone: (message: string | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.contacts.saveAddress.mutationOptions());
  const { formRef, errors, clientErrors, check } = useFormErrors(ZContactAddressInput, save.error);
  const topError = clientErrors ? t("contacts.hasErrors") : save.error && Object.keys(errors).length === 0 ? save.error.message : null;
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={address ? t("contacts.addresses.editTitle") : t("contacts.addresses.addTitle")}
      className="mb-4 space-y-4 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const ok = check({ ...formValues(e.currentTarget), contactId, id: address?.id ?? "" });
        if (!ok) return;
        save.mutate(ok.input, {
          onSuccess: async () => {
            await queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
            onDone(address ? t("contacts.addresses.updated") : t("contacts.addresses.added"));
          },
        });
      }}
    >
      <h3 className="font-semibold">{address ? t("contacts.addresses.editTitle") : t("contacts.addresses.addTitle")}</h3>
      <div aria-live="polite">
        <FormMessage error={topError} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="md:col-span-3">
          <Field label={t("contacts.fields.street")} error={errors.street} hint={t("contacts.fields.streetHint")} required>
            {(p) => <input {...p} name="street" defaultValue={address?.street ?? ""} maxLength={200} autoComplete="off" className="input" />}
          </Field>
        </div>
        <Field label={t("contacts.fields.postalCode")} error={errors.postalCode} hint={t("contacts.fields.postalCodeHint")} required>
          {(p) => <input {...p} name="postalCode" defaultValue={address?.postalCode ?? ""} inputMode="numeric" maxLength={6} autoComplete="off" className="input" />}
        </Field>
        <Field label={t("contacts.fields.city")} error={errors.city} required>
          {(p) => <input {...p} name="city" defaultValue={address?.city ?? ""} maxLength={100} autoComplete="off" className="input" />}
        </Field>
        <Field label={t("contacts.fields.country")} error={errors.country}>
          {(p) => <input {...p} name="country" defaultValue={address?.country ?? "Polska"} maxLength={60} autoComplete="off" className="input" />}
        </Field>
        <div className="md:col-span-2">
          <Field label={t("contacts.fields.label")} error={errors.label} hint={t("contacts.fields.labelHint")}>
            {(p) => <input {...p} name="label" defaultValue={address?.label ?? ""} maxLength={100} autoComplete="off" className="input" />}
          </Field>
        </div>
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="isPrimary" defaultChecked={address?.isPrimary ?? false} aria-describedby={`${contactId}-primary-hint`} />
          {t("contacts.fields.isPrimary")}
        </label>
      </div>
      <p id={`${contactId}-primary-hint`} className="text-xs text-slate-700">
        {t("contacts.addresses.makePrimaryHint")}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {save.isPending ? t("contacts.form.saving") : t("contacts.addresses.save")}
        </button>
        <button type="button" className="btn-secondary" onClick={() => onDone(null)}>
          {t("contacts.form.cancel")}
        </button>
      </div>
    </form>
  );
}

function MergeSection({ c }: { c: ContactDetail }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<ContactSummary | null>(null);
  const merge = useMutation(
    trpc.contacts.merge.mutationOptions({
      onSuccess: async () => {
        setPicked(null);
        await queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
      },
    }),
  );
  const same = picked?.id === c.id;
  const error = same ? t("contacts.merge.sameContact") : (merge.error?.data?.fieldErrors?.mergeId ?? undefined);
  const done = merge.data ? t("contacts.merge.done", { documents: merge.data.documents, recipients: merge.data.recipients, cases: merge.data.cases, addresses: merge.data.addresses }) : null;
  return (
    <section className="card" aria-labelledby="contact-merge">
      <h2 id="contact-merge" className="mb-2 text-lg font-semibold">
        {t("contacts.merge.title")}
      </h2>
      <p className="mb-4 text-sm text-slate-800">{t("contacts.merge.description")}</p>
      <div aria-live="polite">
        <FormMessage error={merge.error && !merge.error.data?.fieldErrors?.mergeId ? merge.error.message : null} success={done} />
      </div>
      <div className="space-y-3">
        <ContactPicker
          id="merge-contact"
          label={t("contacts.merge.pick")}
          value={picked}
          onChange={(v) => {
            merge.reset();
            setPicked(v);
          }}
          error={error}
        />
        <ConfirmButton
          label={t("contacts.merge.submit")}
          title={t("contacts.merge.confirmTitle")}
          text={t("contacts.merge.confirmText", { merge: picked?.name ?? "", keep: c.name })}
          confirmLabel={t("contacts.merge.confirm")}
          disabled={!picked || same || merge.isPending}
          onConfirm={() => picked && merge.mutate({ keepId: c.id, mergeId: picked.id })}
        />
      </div>
    </section>
  );
}

function History({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const { data, isPending, isError, error } = useQuery(trpc.contacts.history.queryOptions({ id, page }));
  return (
    <section className="card" aria-labelledby="contact-history" aria-busy={isPending}>
      <h2 id="contact-history" className="mb-1 text-lg font-semibold">
        {t("contacts.history.title")}
      </h2>
      <p className="mb-4 text-sm text-slate-800">{t("contacts.history.description")}</p>
      {isPending ? (
        <p className="text-sm text-slate-800">{t("common.loading")}</p>
      ) : isError ? (
        <FormMessage error={error.message} />
      ) : data.items.length === 0 ? (
        <p className="text-sm text-slate-800">{t("contacts.history.empty")}</p>
      ) : (
        <>
          <TableScroll label={t("contacts.history.caption")}>
            <DataTable
              caption={t("contacts.history.caption")}
              columns={[t("contacts.history.document"), t("contacts.history.subject"), t("contacts.history.role"), t("contacts.history.date")]}
              stacked
              testId="contact-history"
            >
              {data.items.map((i) => (
                <tr key={`${i.type}-${i.id}`}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={i.href} className="link font-medium">
                      {i.label}
                    </Link>
                    <span className="block text-xs text-slate-700">{t(`contacts.history.types.${i.documentKind ?? "case"}`)}</span>
                  </th>
                  <td data-label={t("contacts.history.subject")}>
                    <span>{i.title}</span>
                  </td>
                  <td data-label={t("contacts.history.role")}>
                    <span>{t(`contacts.history.roles.${i.role}`)}</span>
                  </td>
                  <td data-label={t("contacts.history.date")} className="whitespace-nowrap">
                    <span>{formatDate(i.date, locale)}</span>
                  </td>
                </tr>
              ))}
            </DataTable>
          </TableScroll>
          <Pager page={data.page} pageCount={data.pages} onPage={setPage} label={t("contacts.history.pagination")} t={t} />
        </>
      )}
    </section>
  );
}
