"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { Field, FormMessage } from "@/components/form/field";
import { formValues, useFormErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { contactHref } from "../contacts.params";
import { CONTACT_KINDS, type ContactDetail, type ContactKind, ZCreateContactInput, ZUpdateContactInput } from "../contacts.schemas";
import { DuplicateWarning } from "./duplicate-warning";

/**
 * The full contact form: new (with an optional first address) or editing an existing one. Before
 * saving, look-alikes (same identifier, or similar name at the same address) are shown with links;
 * "Zapisz mimo to" saves consciously. Inputs are uncontrolled: a refused save keeps what was typed.
 */
export function ContactForm({ contact, onDone, onSaved }: { contact?: ContactDetail; onDone?: () => void; onSaved?: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const editing = Boolean(contact);
  const [kind, setKind] = useState<ContactKind>(contact?.kind ?? "PERSON");
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
  const create = useMutation(trpc.contacts.create.mutationOptions());
  const update = useMutation(trpc.contacts.update.mutationOptions());
  const save = editing ? update : create;
  const { formRef, errors, clientErrors, check } = useFormErrors(editing ? ZUpdateContactInput : ZCreateContactInput, save.error);
  const duplicates = save.data && !save.data.contact ? save.data.duplicates : [];
  const fieldCount = Object.keys(errors).length;
  const topError = clientErrors ? t("contacts.hasErrors") : save.error ? (fieldCount > 0 ? t("contacts.hasErrors") : save.error.message) : null;

  function submit(force: boolean) {
    const form = formRef.current;
    if (!form) return;
    const values = { ...formValues(form), force, ...(contact ? { id: contact.id } : {}) };
    const ok = check(values);
    if (!ok) {
      save.reset();
      return;
    }
    if (contact) {
      update.mutate(ok.input as z.input<typeof ZUpdateContactInput>, {
        onSuccess: async (result) => {
          if (!result.contact) return;
          await invalidate();
          (onSaved ?? onDone)?.();
        },
      });
    } else {
      create.mutate(ok.input as z.input<typeof ZCreateContactInput>, {
        onSuccess: async (result) => {
          if (!result.contact) return;
          await invalidate();
          router.push(`${contactHref(result.contact.id)}?zapisano=nowy`);
        },
      });
    }
  }

  const text = (name: keyof typeof defaults, label: string, opts: { hint?: string; type?: string; inputMode?: "numeric" | "email" | "tel"; required?: boolean; maxLength?: number } = {}) => (
    <Field label={label} error={errors[name]} hint={opts.hint} required={opts.required}>
      {(p) => <input {...p} name={name} type={opts.type ?? "text"} inputMode={opts.inputMode} maxLength={opts.maxLength} defaultValue={defaults[name] ?? ""} autoComplete="off" className="input" />}
    </Field>
  );
  const defaults = {
    name: contact && contact.kind !== "PERSON" ? contact.name : "",
    firstName: contact?.firstName ?? "",
    lastName: contact?.lastName ?? "",
    pesel: "",
    nip: contact?.nip ?? "",
    regon: contact?.regon ?? "",
    krs: contact?.krs ?? "",
    email: contact?.email ?? "",
    phone: contact?.phone ?? "",
    eDoreczeniaAddress: contact?.eDoreczeniaAddress ?? "",
    epuapAddress: contact?.epuapAddress ?? "",
    street: "",
    postalCode: "",
    city: "",
  };

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-6"
      aria-label={editing ? t("contacts.form.editTitle") : t("contacts.form.newTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      <div aria-live="polite">
        <FormMessage error={topError} />
      </div>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("contacts.form.identity")}</legend>
        <div role="radiogroup" aria-label={t("contacts.quick.kind")} className="flex flex-wrap gap-4">
          {CONTACT_KINDS.map((k) => (
            <label key={k} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`contacts.kinds.${k}`)}
            </label>
          ))}
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          {kind === "PERSON" ? (
            <>
              {text("firstName", t("contacts.fields.firstName"), { required: true, maxLength: 100 })}
              {text("lastName", t("contacts.fields.lastName"), { required: true, maxLength: 150 })}
              <div>
                {text("pesel", t("contacts.fields.pesel"), { inputMode: "numeric", maxLength: 14, hint: contact?.peselMasked ? t("contacts.form.peselKeep", { masked: contact.peselMasked }) : undefined })}
                {contact?.peselMasked && (
                  <label className="mt-2 flex items-center gap-2 text-sm">
                    <input type="checkbox" name="removePesel" /> {t("contacts.form.removePesel")}
                  </label>
                )}
              </div>
            </>
          ) : (
            <div className="md:col-span-2">{text("name", kind === "COMPANY" ? t("contacts.fields.nameCompany") : t("contacts.fields.nameInstitution"), { required: true, maxLength: 300 })}</div>
          )}
          {text("nip", t("contacts.fields.nip"), { inputMode: "numeric", maxLength: 16 })}
          {text("regon", t("contacts.fields.regon"), { inputMode: "numeric", maxLength: 17 })}
          {kind !== "PERSON" && text("krs", t("contacts.fields.krs"), { inputMode: "numeric", maxLength: 12 })}
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("contacts.form.channels")}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          {text("email", t("contacts.fields.email"), { type: "email", inputMode: "email", maxLength: 200 })}
          {text("phone", t("contacts.fields.phone"), { type: "tel", inputMode: "tel", maxLength: 40 })}
          {text("eDoreczeniaAddress", t("contacts.fields.eDoreczeniaAddress"), { hint: t("contacts.fields.eDoreczeniaHint"), maxLength: 40 })}
          {text("epuapAddress", t("contacts.fields.epuapAddress"), { hint: t("contacts.fields.epuapHint"), maxLength: 130 })}
          <div className="md:col-span-2">
            <Field label={t("contacts.fields.notes")} error={errors.notes}>
              {(p) => <textarea {...p} name="notes" rows={3} maxLength={2000} defaultValue={contact?.notes ?? ""} className="input" />}
            </Field>
          </div>
        </div>
      </fieldset>

      {!editing && (
        <fieldset className="space-y-4">
          <legend className="mb-1 text-base font-semibold">{t("contacts.form.firstAddress")}</legend>
          <p className="text-sm text-slate-700">{t("contacts.form.firstAddressHint")}</p>
          <div className="grid gap-4 md:grid-cols-3">
            <div className="md:col-span-3">{text("street", t("contacts.fields.street"), { hint: t("contacts.fields.streetHint"), maxLength: 200 })}</div>
            {text("postalCode", t("contacts.fields.postalCode"), { hint: t("contacts.fields.postalCodeHint"), inputMode: "numeric", maxLength: 6 })}
            <div className="md:col-span-2">{text("city", t("contacts.fields.city"), { maxLength: 100 })}</div>
          </div>
        </fieldset>
      )}

      <DuplicateWarning duplicates={duplicates} saving={save.isPending} onSaveAnyway={() => submit(true)} />

      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {save.isPending ? t("contacts.form.saving") : editing ? t("contacts.form.submitEdit") : t("contacts.form.submitNew")}
        </button>
        {onDone && (
          <button type="button" className="btn-secondary" onClick={onDone}>
            {t("contacts.form.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
