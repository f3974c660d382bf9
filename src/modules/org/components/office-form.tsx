"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Field } from "@/components/form/field";
import { SchemaForm } from "@/components/form/schema-form";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { ZOfficeInput } from "../org.schemas";

/** The office's details (the single Office row), edited in place. */
export function OfficeForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: office } = useSuspenseQuery(trpc.org.office.get.queryOptions());
  const save = useMutation(
    trpc.org.office.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.org.office.get.queryKey(), data),
    }),
  );

  return (
    <section className="card" aria-labelledby="urzad-dane">
      <h2 id="urzad-dane" className="mb-4 text-lg font-semibold">
        {t("org.office.details")}
      </h2>
      <SchemaForm schema={ZOfficeInput} save={save} onValid={(input) => save.mutate(input)} testId="office-form" submitLabel={t("org.office.save")} success={save.isSuccess ? t("org.office.saved") : null}>
        {(errors) => (
          <div className="grid gap-4 md:grid-cols-2">
            <Field label={t("org.office.name")} error={errors.name} required>
              {(p) => <input {...p} name="name" defaultValue={office.name} className="input" autoComplete="organization" />}
            </Field>
            <Field label={t("org.office.shortName")} error={errors.shortName} required>
              {(p) => <input {...p} name="shortName" defaultValue={office.shortName} className="input" />}
            </Field>
            <Field label={t("org.office.street")} error={errors.street} required>
              {(p) => <input {...p} name="street" defaultValue={office.street} className="input" autoComplete="street-address" />}
            </Field>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-[10rem_1fr]">
              <Field label={t("org.office.postalCode")} error={errors.postalCode} hint={t("org.office.postalCodeHint")} required>
                {(p) => <input {...p} name="postalCode" defaultValue={office.postalCode} className="input" inputMode="numeric" autoComplete="postal-code" />}
              </Field>
              <Field label={t("org.office.city")} error={errors.city} required>
                {(p) => <input {...p} name="city" defaultValue={office.city} className="input" autoComplete="address-level2" />}
              </Field>
            </div>
            <Field label={t("org.office.nip")} error={errors.nip} hint={t("org.office.nipHint")}>
              {(p) => <input {...p} name="nip" defaultValue={office.nip ?? ""} className="input" inputMode="numeric" />}
            </Field>
            <Field label={t("org.office.regon")} error={errors.regon} hint={t("org.office.regonHint")}>
              {(p) => <input {...p} name="regon" defaultValue={office.regon ?? ""} className="input" inputMode="numeric" />}
            </Field>
            <Field label={t("org.office.email")} error={errors.email}>
              {(p) => <input {...p} name="email" type="email" defaultValue={office.email ?? ""} className="input" autoComplete="email" />}
            </Field>
            <Field label={t("org.office.phone")} error={errors.phone}>
              {(p) => <input {...p} name="phone" type="tel" defaultValue={office.phone ?? ""} className="input" autoComplete="tel" />}
            </Field>
            <Field label={t("org.office.epuapAddress")} error={errors.epuapAddress} hint={t("org.office.epuapHint")}>
              {(p) => <input {...p} name="epuapAddress" defaultValue={office.epuapAddress ?? ""} className="input" />}
            </Field>
            <Field label={t("org.office.website")} error={errors.website} hint={t("org.office.websiteHint")}>
              {(p) => <input {...p} name="website" type="url" defaultValue={office.website ?? ""} className="input" autoComplete="url" />}
            </Field>
          </div>
        )}
      </SchemaForm>
    </section>
  );
}
