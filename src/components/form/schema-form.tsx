"use client";

import type { z } from "zod";
import { useT } from "../i18n";
import { FormMessage } from "./field";
import { formValues, useFormErrors } from "./form-errors";

/**
 * A form checked in the browser with `schema` before `onValid` sends it (through `save`, the
 * mutation in use): field errors beside the fields (the schema's or the server's), a general
 * error or `success` at the top, "Zapisywanie…" while pending, and "Anuluj" when `onCancel` is given.
 */
export function SchemaForm<S extends z.ZodType>({
  schema,
  save,
  onValid,
  testId,
  submitLabel,
  success,
  onCancel,
  children,
}: {
  schema: S;
  save: { error: { message: string } | null; isPending: boolean };
  onValid: (input: z.input<S>) => void;
  testId: string;
  submitLabel: string;
  success?: string | null;
  onCancel?: () => void;
  /** The fields, given the errors to show beside them. */
  children: (errors: Record<string, string>) => React.ReactNode;
}) {
  const t = useT();
  const { formRef, errors, check } = useFormErrors(schema, save.error);
  const general = save.error && Object.keys(errors).length === 0 ? save.error.message : null;
  const submit = (
    <button type="submit" className="btn-primary" disabled={save.isPending}>
      {save.isPending ? t("common.saving") : submitLabel}
    </button>
  );
  return (
    <form
      ref={formRef}
      noValidate
      data-testid={testId}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const ok = check(formValues(e.currentTarget));
        if (ok) onValid(ok.input);
      }}
    >
      <FormMessage error={general} success={success} />
      {children(errors)}
      {onCancel ? (
        <div className="flex flex-wrap gap-2">
          {submit}
          <button type="button" className="btn-secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      ) : (
        submit
      )}
    </form>
  );
}
