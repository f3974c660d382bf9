"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { describedByOf } from "@/components/form/field-frame";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import type { JrwaOption } from "../cases.schemas";

/**
 * A combobox ("list autocomplete") over the active leaf classes of the JRWA: a symbol prefix
 * ("62") or words of the name ("srodowisk"); arrows move, Enter picks, Escape closes.
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
  const inputId = useId();
  const listId = `${inputId}-listbox`;
  const [text, setText] = useState(value ? `${value.symbol} ${value.name}` : "");
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const handle = setTimeout(() => setDebounced(text.trim()), 150);
    return () => clearTimeout(handle);
  }, [text]);

  const searching = open && !value;
  const query = useQuery({ ...trpc.cases.jrwaSearch.queryOptions({ q: debounced, limit: 20 }), enabled: searching, placeholderData: keepPreviousData, staleTime: 60_000 });
  const items = searching ? (query.data ?? []) : [];
  const expanded = searching && items.length > 0;

  function pick(c: JrwaOption) {
    onChange(c);
    setText(`${c.symbol} ${c.name}`);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (items.length === 0 ? -1 : (a + 1) % items.length));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (items.length === 0 ? -1 : a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === "Enter") {
      if (!expanded) return;
      e.preventDefault();
      if (active >= 0 && active < items.length) pick(items[active]!);
      else if (items.length === 1) pick(items[0]!);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  let status = "";
  if (searching) {
    if (query.isFetching && items.length === 0) status = t("cases.jrwaPicker.searching");
    else if (query.data) status = items.length ? t("cases.jrwaPicker.results", { n: items.length }) : t("cases.jrwaPicker.noResults", { q: debounced });
  }
  const optionId = (i: number) => `${inputId}-option-${i}`;
  const hint = t("cases.jrwaPicker.hint");

  return (
    <div>
      <label htmlFor={inputId} className="label">
        {t("cases.jrwaPicker.label")}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      <div className="relative">
        <div className="flex gap-2">
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            role="combobox"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedByOf(inputId, hint, error)}
            aria-required={required || undefined}
            autoComplete="off"
            placeholder={t("cases.jrwaPicker.placeholder")}
            className="input"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(-1);
              if (value) onChange(null);
            }}
            onFocus={() => {
              if (!value) setOpen(true);
            }}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
          />
          {value && (
            <button
              type="button"
              className="btn-secondary shrink-0"
              onClick={() => {
                onChange(null);
                setText("");
                setOpen(true);
                inputRef.current?.focus();
              }}
            >
              {t("cases.jrwaPicker.change")}
            </button>
          )}
        </div>
        <ul
          id={listId}
          role="listbox"
          aria-label={t("cases.jrwaPicker.label")}
          hidden={!expanded}
          className="absolute z-30 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
        >
          {items.map((c, i) => (
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-100 text-slate-900" : "text-slate-900 hover:bg-slate-100"}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
            >
              <span className="font-mono font-semibold">{c.symbol}</span> {c.name}
              {c.category && <span className="ml-2 text-xs text-slate-700">({t("cases.jrwaPicker.category", { category: c.category })})</span>}
            </li>
          ))}
        </ul>
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {status}
      </p>
      {searching && status && !expanded && (
        <p className="mt-1 text-xs text-slate-700" aria-hidden="true">
          {status}
        </p>
      )}
      {value?.category && <p className="mt-1 text-sm text-slate-800">{t("cases.jrwaPicker.category", { category: value.category })}</p>}
      <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-700">
        {hint}
      </p>
      {error && (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
      {name && <input type="hidden" name={name} value={value?.id ?? ""} />}
    </div>
  );
}
