"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createPortal } from "react-dom";
import { Field, FormMessage } from "@/components/form/field";
import { formValues, useFormErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { CONTACT_KINDS, type ContactKind, type ContactSummary, ZQuickCreateContactInput } from "../contacts.schemas";
import { DuplicateWarning } from "./duplicate-warning";

/**
 * The picker's "Dodaj nowy kontakt": kind, name (or first name and surname), address, optional
 * e-mail and e-Doręczenia address. Rendered in a portal, so it works inside another form; its
 * submit never reaches the outer form. Look-alikes are offered before saving a duplicate.
 */
export function QuickCreateContact({
  open,
  initialName,
  onClose,
  onCreated,
}: {
  open: boolean;
  initialName: string;
  onClose: () => void;
  onCreated: (c: ContactSummary) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ContactKind>("PERSON");
  const create = useMutation(trpc.contacts.quickCreate.mutationOptions());
  const { formRef, errors, clientErrors, check } = useFormErrors(ZQuickCreateContactInput, create.error);
  const duplicates = create.data?.contact ? [] : (create.data?.duplicates ?? []);

  function submit(force: boolean) {
    const form = formRef.current;
    if (!form) return;
    const ok = check({ ...formValues(form), force });
    if (!ok) return;
    create.mutate(ok.input, {
      onSuccess: (result) => {
        if (result.contact) {
          void queryClient.invalidateQueries({ queryKey: trpc.contacts.search.pathKey() });
          create.reset();
          onCreated(result.contact);
        }
      },
    });
  }

  async function choose(id: string) {
    const summary = await queryClient.fetchQuery(trpc.contacts.summary.queryOptions({ id }));
    create.reset();
    onCreated(summary);
  }

  // Split "Jan Kowalski" typed in the search box into first name and surname.
  const words = initialName.trim().split(/\s+/);
  const guessFirst = words.length > 1 ? words.slice(0, -1).join(" ") : "";
  const guessLast = words.length > 1 ? (words.at(-1) ?? "") : initialName.trim();
  const topError = clientErrors ? t("contacts.hasErrors") : create.error && Object.keys(errors).length === 0 ? create.error.message : null;

  if (typeof document === "undefined") return null;
  return createPortal(
    <Modal
      open={open}
      title={t("contacts.quick.title")}
      description={t("contacts.quick.description")}
      onClose={() => {
        create.reset();
        onClose();
      }}
    >
      <form
        ref={formRef}
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          submit(false);
        }}
      >
        <div aria-live="polite">
          <FormMessage error={topError} />
        </div>
        <fieldset>
          <legend className="label">{t("contacts.quick.kind")}</legend>
          <div className="flex flex-wrap gap-4">
            {CONTACT_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`contacts.kinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {kind === "PERSON" ? (
            <>
              <Field label={t("contacts.fields.firstName")} error={errors.firstName} required>
                {(p) => <input {...p} name="firstName" defaultValue={guessFirst} autoComplete="off" className="input" />}
              </Field>
              <Field label={t("contacts.fields.lastName")} error={errors.lastName} required>
                {(p) => <input {...p} name="lastName" defaultValue={guessLast} autoComplete="off" className="input" />}
              </Field>
            </>
          ) : (
            <div className="sm:col-span-2">
              <Field label={kind === "COMPANY" ? t("contacts.fields.nameCompany") : t("contacts.fields.nameInstitution")} error={errors.name} required>
                {(p) => <input {...p} name="name" defaultValue={initialName} autoComplete="off" className="input" />}
              </Field>
            </div>
          )}
          <div className="sm:col-span-2">
            <Field label={t("contacts.fields.street")} error={errors.street} hint={t("contacts.fields.streetHint")}>
              {(p) => <input {...p} name="street" autoComplete="off" className="input" />}
            </Field>
          </div>
          <Field label={t("contacts.fields.postalCode")} error={errors.postalCode} hint={t("contacts.fields.postalCodeHint")}>
            {(p) => <input {...p} name="postalCode" inputMode="numeric" maxLength={6} autoComplete="off" className="input" />}
          </Field>
          <Field label={t("contacts.fields.city")} error={errors.city}>
            {(p) => <input {...p} name="city" autoComplete="off" className="input" />}
          </Field>
          <Field label={t("contacts.fields.email")} error={errors.email}>
            {(p) => <input {...p} name="email" type="email" autoComplete="off" className="input" />}
          </Field>
          <Field label={t("contacts.fields.eDoreczeniaAddress")} error={errors.eDoreczeniaAddress} hint={t("contacts.fields.eDoreczeniaHint")}>
            {(p) => <input {...p} name="eDoreczeniaAddress" autoComplete="off" className="input" />}
          </Field>
        </div>
        <DuplicateWarning duplicates={duplicates} saving={create.isPending} onSaveAnyway={() => submit(true)} onChoose={(id) => void choose(id)} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={create.isPending}>
            {create.isPending ? t("contacts.quick.saving") : t("contacts.quick.save")}
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              create.reset();
              onClose();
            }}
          >
            {t("contacts.quick.cancel")}
          </button>
        </div>
      </form>
    </Modal>,
    document.body,
  );
}
