"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Field } from "@/components/form/field";
import { SchemaForm } from "@/components/form/schema-form";
import { useT } from "@/components/i18n";
import { formatRegisterNumber, registerFormatProblem } from "@/modules/documents/register-format";
import { ZRegisterFormatsInput } from "@/modules/documents/registers.schemas";
import { useTRPC } from "@/trpc/react";

/** The four number patterns with a live preview of each register's next number. */
export function RegisterFormatsForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.documents.registers.get.queryOptions());
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(data.registers.map((r) => [r.field, r.format])));
  const save = useMutation(
    trpc.documents.registers.update.mutationOptions({
      onSuccess: (settings) => queryClient.setQueryData(trpc.documents.registers.get.queryKey(), settings),
    }),
  );

  return (
    <section className="card" aria-labelledby="rejestry-wzory">
      <h2 id="rejestry-wzory" className="mb-2 text-lg font-semibold">
        {t("files.registers.formTitle")}
      </h2>
      <p className="mb-2 text-sm text-slate-800">{t("files.registers.help")}</p>
      <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("files.registers.appliesFromNow")}</p>
      <SchemaForm
        schema={ZRegisterFormatsInput}
        save={save}
        onValid={(input) => save.mutate(input)}
        testId="register-formats-form"
        submitLabel={t("files.registers.save")}
        success={save.isSuccess ? t("files.registers.saved") : null}
      >
        {(errors) => (
          <div className="grid gap-4 md:grid-cols-2">
            {data.registers.map((r) => {
              const value = draft[r.field] ?? r.format;
              const next = registerFormatProblem(value) ? t("files.registers.nextInvalid") : t("files.registers.next", { number: formatRegisterNumber(value, r.last + 1, data.year) });
              return (
                <Field key={r.field} label={t(`files.registers.${r.register}`)} error={errors[r.field]} hint={`${next} ${t("files.registers.issued", { year: String(data.year), n: r.last })}.`} required>
                  {(p) => (
                    <input
                      {...p}
                      name={r.field}
                      defaultValue={r.format}
                      className="input font-mono"
                      autoComplete="off"
                      spellCheck={false}
                      maxLength={40}
                      onChange={(e) => setDraft((d) => ({ ...d, [r.field]: e.target.value }))}
                    />
                  )}
                </Field>
              );
            })}
          </div>
        )}
      </SchemaForm>
    </section>
  );
}
