import Link from "next/link";
import { FieldFrame } from "./field-frame";
import { SelectOptions } from "./select-options";

/** A list filter's select: "any" first (value ""), then the options; read by the list's GET form. */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  any,
  options,
  className,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  /** The text of the empty choice ("dowolny"); none when a value is required (e.g. the sort). */
  any?: string;
  options: readonly { value: string | number; label: string | number }[];
  className?: string;
}) {
  return (
    <FieldFrame id={id} label={label} className={className}>
      <select id={id} name={name} defaultValue={defaultValue} className="input">
        <SelectOptions empty={any} options={options} />
      </select>
    </FieldFrame>
  );
}

/** A list filter form's buttons: apply (submit) and clear (a link to the list without filters). */
export function FilterActions({ apply, clear, clearHref, className = "" }: { apply: string; clear: string; clearHref: string; className?: string }) {
  return (
    <div className={`flex flex-wrap items-end gap-2 ${className}`}>
      <button type="submit" className="btn-primary">
        {apply}
      </button>
      <Link href={clearHref} className="btn-secondary">
        {clear}
      </Link>
    </div>
  );
}
