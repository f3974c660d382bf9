"use client";

import { SearchCombobox } from "@/components/form/search-combobox";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import type { JrwaOption } from "../cases.schemas";

/**
 * The active leaf classes of the JRWA as a combobox: a symbol prefix ("62") or words of the name
 * ("srodowisk"); arrows move, Enter picks, Escape closes.
 */
export function JrwaPicker({
  value,
  onChange,
  error,
  required,
  name,
}: {
  value: JrwaOption | null;
  onChange: (c: JrwaOption | null) => void;
  error?: string;
  required?: boolean;
  name?: string;
}) {
  const t = useT();
  const trpc = useTRPC();
  return (
    <SearchCombobox
      label={t("cases.jrwaPicker.label")}
      texts={{
        placeholder: t("cases.jrwaPicker.placeholder"),
        searching: t("cases.jrwaPicker.searching"),
        results: (n) => t("cases.jrwaPicker.results", { n }),
        noResults: (q) => t("cases.jrwaPicker.noResults", { q }),
        clear: t("cases.jrwaPicker.change"),
      }}
      value={value}
      onChange={onChange}
      textOf={(c) => `${c.symbol} ${c.name}`}
      keyOf={(c) => c.id}
      search={(q) => trpc.cases.jrwaSearch.queryOptions({ q, limit: 20 })}
      staleTime={60_000}
      renderOption={(c) => (
        <>
          <span className="font-mono font-semibold">{c.symbol}</span> {c.name}
          {c.category && <span className="ml-2 text-xs text-slate-700">({t("cases.jrwaPicker.category", { category: c.category })})</span>}
        </>
      )}
      chosen={(c) => (c.category ? t("cases.jrwaPicker.category", { category: c.category }) : null)}
      hint={t("cases.jrwaPicker.hint")}
      error={error}
      required={required}
      name={name}
    />
  );
}
