"use client";

import { keepPreviousData, useQuery, type QueryKey } from "@tanstack/react-query";
import { useEffect, useId, useState, type ReactNode, type RefObject } from "react";
import { describedByOf } from "@/components/form/field-frame";

/** What the field says, already translated by the module that uses it. */
export interface SearchComboboxTexts {
  placeholder: string;
  searching: string;
  results: (n: number) => string;
  noResults: (q: string) => string;
  /** The button that clears the choice (its visible text; its name adds the chosen item). */
  clear: string;
  /** Shown while fewer than `minChars` characters are typed. */
  typeMore?: string;
  /** Shown when the search failed. */
  error?: string;
}

/**
 * An accessible combobox (ARIA 1.2 "list autocomplete") that searches the server as you type:
 * arrows move, Enter picks (the only option, or the active one), Escape closes; the number of
 * options is announced politely. The module supplies the query (`search`: tRPC `queryOptions` for
 * the typed text), how an option looks, and its texts; `extra` adds a last option such as
 * "Dodaj nowy kontakt". With `name` a hidden input carries the chosen id for plain forms.
 */
export function SearchCombobox<T>({
  id,
  label,
  texts,
  value,
  onChange,
  textOf,
  keyOf,
  search,
  renderOption,
  chosen,
  extra,
  minChars = 0,
  debounceMs = 150,
  staleTime = 10_000,
  required,
  error,
  hint,
  name,
  inputRef,
}: {
  id?: string;
  label: string;
  texts: SearchComboboxTexts;
  value: T | null;
  onChange: (v: T | null) => void;
  /** The field's text for a chosen item. */
  textOf: (v: T) => string;
  keyOf: (v: T) => string;
  search: (q: string) => { queryKey: QueryKey; queryFn?: unknown };
  renderOption: (v: T) => ReactNode;
  /** A line under the field about the chosen item (e.g. its address); read with the field. */
  chosen?: (v: T) => ReactNode;
  /** A last option after the results; `onSelect` gets the typed text. */
  extra?: { label: string; onSelect: (text: string) => void };
  minChars?: number;
  debounceMs?: number;
  staleTime?: number;
  required?: boolean;
  error?: string;
  hint?: string;
  name?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const listId = `${inputId}-listbox`;
  const [text, setText] = useState(value ? textOf(value) : "");
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // Keep the text in step with a value set from outside (prefill, reset, a contact just created).
  const [shown, setShown] = useState(value ? keyOf(value) : null);
  const valueKey = value ? keyOf(value) : null;
  if (valueKey !== shown) {
    setShown(valueKey);
    setText(value ? textOf(value) : "");
  }

  useEffect(() => {
    const handle = setTimeout(() => setDebounced(text.trim()), debounceMs);
    return () => clearTimeout(handle);
  }, [text, debounceMs]);

  const searching = open && !value && debounced.length >= minChars;
  const query = useQuery({ ...(search(debounced) as { queryKey: QueryKey; queryFn: () => Promise<T[]> }), enabled: searching, placeholderData: keepPreviousData, staleTime });
  const items = searching ? (query.data ?? []) : [];
  const extraIndex = extra && open ? items.length : -1;
  const optionCount = items.length + (extraIndex >= 0 ? 1 : 0);
  const expanded = open && !value && optionCount > 0;

  function pick(v: T) {
    onChange(v);
    setShown(keyOf(v));
    setText(textOf(v));
    setOpen(false);
    setActive(-1);
  }

  function choose(index: number) {
    if (index >= 0 && index < items.length) pick(items[index]!);
    else if (index === extraIndex && extra) {
      setOpen(false);
      extra.onSelect(text.trim());
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (optionCount === 0 ? -1 : (a + 1) % optionCount));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (optionCount === 0 ? -1 : a <= 0 ? optionCount - 1 : a - 1));
    } else if (e.key === "Enter") {
      if (!expanded) return;
      // Enter inside the field never submits the surrounding form.
      e.preventDefault();
      choose(active >= 0 ? active : items.length === 1 ? 0 : -1);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  let status = "";
  if (open && !value) {
    if (text.trim().length < minChars) status = texts.typeMore ?? "";
    else if (query.isError) status = texts.error ?? "";
    else if (query.isFetching && items.length === 0) status = texts.searching;
    else if (searching && query.data) status = items.length ? texts.results(items.length) : texts.noResults(debounced);
  }
  const optionId = (i: number) => `${inputId}-option-${i}`;
  const chosenLine = value && chosen ? chosen(value) : null;
  const describedBy = [describedByOf(inputId, hint, error), chosenLine ? `${inputId}-chosen` : null].filter(Boolean).join(" ") || undefined;
  const optionClass = (i: number) => `cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-100 text-slate-900" : "text-slate-900 hover:bg-slate-100"}`;

  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
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
            aria-describedby={describedBy}
            aria-required={required || undefined}
            autoComplete="off"
            placeholder={texts.placeholder}
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
              aria-label={`${texts.clear}: ${textOf(value)}`}
              onClick={() => {
                onChange(null);
                setText("");
                setOpen(true);
                inputRef?.current?.focus();
              }}
            >
              {texts.clear}
            </button>
          )}
        </div>
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          hidden={!expanded}
          className="absolute z-30 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
        >
          {items.map((v, i) => (
            <li key={keyOf(v)} id={optionId(i)} role="option" aria-selected={i === active} className={optionClass(i)} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(v)}>
              {renderOption(v)}
            </li>
          ))}
          {extra && extraIndex >= 0 && (
            <li
              id={optionId(extraIndex)}
              role="option"
              aria-selected={active === extraIndex}
              className={`border-t border-slate-200 font-medium text-brand-800 ${optionClass(extraIndex)}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(extraIndex)}
            >
              + {extra.label}
            </li>
          )}
        </ul>
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {status}
      </p>
      {status && !expanded && (
        <p className="mt-1 text-xs text-slate-700" aria-hidden="true">
          {status}
        </p>
      )}
      {chosenLine && (
        <p id={`${inputId}-chosen`} className="mt-1 text-sm text-slate-800">
          {chosenLine}
        </p>
      )}
      {hint && (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
      {name && <input type="hidden" name={name} value={valueKey ?? ""} />}
    </div>
  );
}
