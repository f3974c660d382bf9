"use client";

import { useId, useState } from "react";
import { useT } from "@/components/i18n";
import type { Option } from "../letters.schemas";
import { SelectOptions } from "@/components/form/select-options";

/** A group of department checkboxes (cooperating, "do wiadomości", recipients), folded away until opened. */
export function DepartmentChecks({
  name,
  legend,
  departments,
  error,
  hint,
  defaultChecked = [],
  open = false,
}: {
  name: string;
  legend: string;
  departments: Option[];
  error?: string;
  hint?: string;
  defaultChecked?: string[];
  open?: boolean;
}) {
  const id = useId();
  return (
    <details className="rounded-md border border-slate-200" open={open || defaultChecked.length > 0 || Boolean(error)}>
      <summary className="cursor-pointer px-3 py-2 font-medium">{legend}</summary>
      <fieldset className="max-h-64 overflow-y-auto px-3 pb-3" aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
        <legend className="sr-only">{legend}</legend>
        {hint && (
          <p id={`${id}-hint`} className="mb-2 text-xs text-slate-700">
            {hint}
          </p>
        )}
        <ul className="space-y-1">
          {departments.map((d) => (
            <li key={d.id}>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name={name} value={d.id} defaultChecked={defaultChecked.includes(d.id)} className="mt-0.5 size-4" />
                <span>{d.label}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error && (
        <p id={`${id}-error`} className="px-3 pb-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </details>
  );
}

/** Choosing several people: a select with "Dodaj osobę", then the list with a remove button each. */
export function PeoplePicker({ label, people, value, onChange, error }: { label: string; people: Option[]; value: Option[]; onChange: (v: Option[]) => void; error?: string }) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState("");
  const available = people.filter((p) => !value.some((v) => v.id === p.id));
  return (
    <div className="mt-3">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)} className="input min-w-0 flex-1 sm:max-w-md" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          <SelectOptions empty={t("letters.form.accessChoose")} options={available.map((p) => ({ value: p.id, label: p.label }))} />
        </select>
        <button
          type="button"
          className="btn-secondary"
          disabled={!choice}
          onClick={() => {
            const person = people.find((p) => p.id === choice);
            if (person) onChange([...value, person]);
            setChoice("");
          }}
        >
          {t("letters.form.accessAdd")}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
      {value.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("letters.form.accessEmpty")}</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2" aria-live="polite">
          {value.map((p) => (
            <li key={p.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pr-1 pl-3 text-sm">
              {p.label}
              <button type="button" className="rounded-full px-2 text-slate-800 hover:bg-slate-200" aria-label={t("letters.form.accessRemove", { name: p.label })} onClick={() => onChange(value.filter((v) => v.id !== p.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
