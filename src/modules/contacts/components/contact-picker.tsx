"use client";

import { useRef, useState } from "react";
import { SearchCombobox } from "@/components/form/search-combobox";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import type { ContactSummary } from "../contacts.schemas";
import { QuickCreateContact } from "./quick-create-contact";

const MIN_CHARS = 2;
const LIMIT = 10;

/**
 * Contract 1: a combobox over the baza teleadresowa. Typing searches `contacts.search`
 * (diacritics-insensitive: "zolc" finds "Żółć"); arrows move, Enter picks, Escape closes. The
 * chosen contact's address shows under the field. With
 * `allowCreate` the last option "Dodaj nowy kontakt" opens a quick-create dialog. With `name` a
 * hidden input carries the chosen id for plain forms.
 */
export function ContactPicker({
  id,
  label,
  value,
  onChange,
  required,
  error,
  hint,
  allowCreate,
  name,
}: {
  id?: string;
  label: string;
  value: ContactSummary | null;
  onChange: (c: ContactSummary | null) => void;
  required?: boolean;
  error?: string;
  hint?: string;
  allowCreate?: boolean;
  /** The name of a hidden input holding the chosen contact's id (for forms read with FormData). */
  name?: string;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [creating, setCreating] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  return (
    <>
      <SearchCombobox
        id={id}
        label={label}
        texts={{
          placeholder: t("contacts.picker.placeholder"),
          searching: t("contacts.picker.searching"),
          results: (n) => t("contacts.picker.results", { n }),
          noResults: (q) => t("contacts.picker.noResults", { q }),
          clear: t("contacts.picker.clear"),
          typeMore: t("contacts.picker.typeMore"),
          error: t("contacts.picker.error"),
        }}
        value={value}
        onChange={onChange}
        textOf={(c) => c.name}
        keyOf={(c) => c.id}
        search={(q) => trpc.contacts.search.queryOptions({ q, limit: LIMIT })}
        minChars={MIN_CHARS}
        debounceMs={200}
        renderOption={(c) => (
          <>
            <span className="font-medium">{c.name}</span>
            <span className="ml-2 text-xs text-slate-700">{t(`contacts.kinds.${c.kind}`)}</span>
            {c.address && <span className="block text-xs text-slate-700">{c.address}</span>}
          </>
        )}
        chosen={(c) => [c.address, c.eDoreczeniaAddress, c.email].filter(Boolean).join(" · ") || null}
        extra={allowCreate ? { label: t("contacts.picker.create"), onSelect: (text) => setCreating(text) } : undefined}
        required={required}
        error={error}
        hint={hint}
        name={name}
        inputRef={inputRef}
      />
      {allowCreate && (
        <QuickCreateContact
          open={creating !== null}
          initialName={creating ?? ""}
          onClose={() => {
            setCreating(null);
            inputRef.current?.focus();
          }}
          onCreated={(c) => {
            setCreating(null);
            onChange(c);
            inputRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
