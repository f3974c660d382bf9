"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { describedByOf } from "@/components/form/field-frame";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import type { ContactSummary } from "../contacts.schemas";
import { QuickCreateContact } from "./quick-create-contact";

const MIN_CHARS = 2;
const LIMIT = 10;

/**
 * Contract 1: an accessible combobox (ARIA 1.2 "list autocomplete") over the baza teleadresowa.
 * Typing searches `contacts.search` (diacritics-insensitive: "zolc" finds "Żółć"); arrows move,
 * Enter picks, Escape closes. The chosen contact's address shows under the field. With
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
  const autoId = useId();
  const inputId = id ?? autoId;
  const listId = `${inputId}-listbox`;
  const [text, setText] = useState(value?.name ?? "");
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [creating, setCreating] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // Keep the text in step with a value set from outside (prefill, reset).
  const [shown, setShown] = useState(value?.id ?? null);
  if ((value?.id ?? null) !== shown) {
    setShown(value?.id ?? null);
    setText(value?.name ?? "");
  }

  useEffect(() => {
    const handle = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(handle);
  }, [text]);

  const searching = open && debounced.length >= MIN_CHARS && (!value || debounced !== value.name);
  const query = useQuery({ ...trpc.contacts.search.queryOptions({ q: debounced, limit: LIMIT }), enabled: searching, placeholderData: keepPreviousData, staleTime: 10_000 });
  const items = searching ? (query.data ?? []) : [];
  const optionCount = items.length + (allowCreate && open ? 1 : 0);
  const expanded = open && (searching || Boolean(allowCreate));
  const createIndex = allowCreate ? items.length : -1;

  function pick(c: ContactSummary) {
    onChange(c);
    setShown(c.id);
    setText(c.name);
    setOpen(false);
    setActive(-1);
  }

  function startCreate() {
    setOpen(false);
    setCreating(true);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => (optionCount === 0 ? -1 : (a + 1) % optionCount));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (optionCount === 0 ? -1 : a <= 0 ? optionCount - 1 : a - 1));
    } else if (e.key === "Enter") {
      if (!expanded) return;
      // Enter inside the picker never submits the surrounding form.
      e.preventDefault();
      if (active >= 0 && active < items.length) pick(items[active]!);
      else if (active === createIndex) startCreate();
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  }

  let status = "";
  if (open && !value) {
    if (text.trim().length < MIN_CHARS) status = t("contacts.picker.typeMore");
    else if (query.isError) status = t("contacts.picker.error");
    else if (query.isFetching && items.length === 0) status = t("contacts.picker.searching");
    else if (searching && query.data) status = items.length ? t("contacts.picker.results", { n: items.length }) : t("contacts.picker.noResults", { q: debounced });
  }
  const optionId = (i: number) => `${inputId}-option-${i}`;
  const describedBy = [describedByOf(inputId, hint, error), value ? `${inputId}-chosen` : null].filter(Boolean).join(" ") || undefined;

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
            placeholder={t("contacts.picker.placeholder")}
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
              aria-label={`${t("contacts.picker.clear")}: ${value.name}`}
              onClick={() => {
                onChange(null);
                setText("");
                inputRef.current?.focus();
              }}
            >
              {t("contacts.picker.clear")}
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
              <span className="font-medium">{c.name}</span>
              <span className="ml-2 text-xs text-slate-700">{t(`contacts.kinds.${c.kind}`)}</span>
              {c.address && <span className="block text-xs text-slate-700">{c.address}</span>}
            </li>
          ))}
          {allowCreate && (
            <li
              id={optionId(createIndex)}
              role="option"
              aria-selected={active === createIndex}
              className={`cursor-pointer border-t border-slate-200 px-3 py-2 text-sm font-medium text-brand-800 ${active === createIndex ? "bg-brand-100" : "hover:bg-slate-100"}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={startCreate}
            >
              + {t("contacts.picker.create")}
            </li>
          )}
        </ul>
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {status}
      </p>
      {open && status && !value && (
        <p className="mt-1 text-xs text-slate-700" aria-hidden="true">
          {status}
        </p>
      )}
      {value && (
        <p id={`${inputId}-chosen`} className="mt-1 text-sm text-slate-800">
          {[value.address, value.eDoreczeniaAddress, value.email].filter(Boolean).join(" · ")}
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
      {name && <input type="hidden" name={name} value={value?.id ?? ""} />}
      {allowCreate && (
        <QuickCreateContact
          open={creating}
          initialName={value ? "" : text}
          onClose={() => {
            setCreating(false);
            inputRef.current?.focus();
          }}
          onCreated={(c) => {
            setCreating(false);
            pick(c);
            inputRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
