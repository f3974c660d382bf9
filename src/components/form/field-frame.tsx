/**
 * The frame of a form field without hooks, so server-rendered forms (plain GET filters) use it as
 * well as `Field`: the label, the control, its hint and its error, tied together by ids.
 */

/** The `aria-describedby` of a control: its hint and its error, by the ids FieldFrame gives them. */
export function describedByOf(id: string, hint?: string | null, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  /** The control's id. */
  id: string;
  label: string;
  hint?: string | null;
  error?: string | null;
  required?: boolean;
  /** Of the wrapping block (its place in a grid). */
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
        {required && <span aria-hidden="true" className="text-red-700"> *</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
