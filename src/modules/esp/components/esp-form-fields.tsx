/** The fields of an ESP form, server-rendered (work without JavaScript); ids are stable for the enhancer. */
import { FieldFrame } from "@/components/form/field-frame";
import type { Translate } from "@/lib/i18n/translator";
import type { EspField } from "../esp.forms";
import { SelectOptions } from "@/components/form/select-options";

export const fieldId = (name: string) => `pole-${name}`;

export function EspFormField({ field, value, error, t }: { field: EspField; value: string; error?: string; t: Translate }) {
  const id = fieldId(field.name);
  const label = t(`esp.fields.${field.name}` as "esp.fields.body");
  const common = {
    id,
    name: field.name,
    required: field.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": `${id}-error`,
  } as const;
  const errorLine = (
    <p id={`${id}-error`} data-error-for={field.name} className="mt-1 text-sm text-red-800">
      {error ?? ""}
    </p>
  );
  if (field.kind === "checkbox") {
    return (
      <div>
        <label htmlFor={id} className="flex items-start gap-2">
          <input {...common} type="checkbox" defaultChecked={value === "on"} className="mt-1 size-5" />
          <span>
            {label}
            {field.required && <span aria-hidden="true" className="text-red-700"> *</span>}
          </span>
        </label>
        {errorLine}
      </div>
    );
  }
  let control: React.ReactNode;
  if (field.kind === "textarea") control = <textarea {...common} defaultValue={value} maxLength={field.maxLength} rows={8} className="input min-h-40" />;
  else if (field.kind === "select")
    control = (
      <select {...common} defaultValue={value} className="input">
        <SelectOptions empty={t("esp.form.choose")} options={(field.options ?? []).map((o) => ({ value: o, label: t(`esp.options.${field.name}.${o}` as "esp.options.purpose.works") }))} />
      </select>
    );
  else
    control = (
      <input
        {...common}
        type={field.kind === "number" ? "text" : field.kind}
        inputMode={field.kind === "number" ? "numeric" : undefined}
        autoComplete={field.autoComplete}
        maxLength={field.maxLength}
        defaultValue={value}
        className="input"
      />
    );
  return (
    <div>
      <FieldFrame id={id} label={label} required={field.required}>
        {control}
      </FieldFrame>
      {errorLine}
    </div>
  );
}
