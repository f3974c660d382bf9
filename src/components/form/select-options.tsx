/** A select's options: an empty first choice (e.g. "— wybierz —", "dowolny") when given, then `options`. */
export function SelectOptions({ empty, options }: { empty?: string; options: readonly { value: string | number; label: string | number }[] }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
