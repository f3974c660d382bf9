"use client";

/**
 * Global search: Ctrl+K / ⌘K (or the search button in the menu) opens a modal dialog with a
 * combobox. Results come as you type (debounced), ↑/↓ move through them, Enter opens the chosen
 * one (or, with none chosen, the results page), Escape closes and focus returns where it was.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import { useT } from "@/components/i18n";
import { Icon } from "@/components/icon";
import { useModalDialog } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { searchPageHref } from "../search.schemas";
import { Highlighted, HitSubtitle, HitTypeBadge } from "./highlighted";

export const OPEN_SEARCH_EVENT = "obieg:open-search";
const DEBOUNCE_MS = 200;
const PALETTE_SIZE = 8;
export const MIN_QUERY = 2;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Opens the palette; the same look as a search field (sidebar) or an icon (the phone's top bar). */
export function SearchButton({ variant }: { variant: "sidebar" | "bar" }) {
  const t = useT();
  const open = () => window.dispatchEvent(new Event(OPEN_SEARCH_EVENT));
  if (variant === "bar") {
    return (
      <button type="button" className="btn min-w-10 px-2 text-white hover:bg-brand-800" aria-label={t("search.palette.open")} aria-haspopup="dialog" aria-keyshortcuts="Control+K Meta+K" onClick={open}>
        <Icon name="search" className="size-6" />
      </button>
    );
  }
  return (
    <button
      type="button"
      className="flex min-h-10 w-full items-center gap-2 rounded-md border border-brand-700 bg-brand-800 px-3 py-2 text-left text-sm text-brand-100 hover:bg-brand-700 hover:text-white"
      aria-haspopup="dialog"
      aria-keyshortcuts="Control+K Meta+K"
      onClick={open}
    >
      <Icon name="search" />
      <span className="flex-1">{t("search.palette.open")}</span>
      <kbd aria-hidden="true" className="rounded border border-brand-600 px-1.5 font-sans text-xs">
        {t("search.palette.shortcut")}
      </kbd>
    </button>
  );
}

/** The dialog; mounted once in the staff layout. */
export function SearchPalette() {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const t = useT();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen(true);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, onOpen);
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-label={t("search.palette.title")}
      onClose={() => setOpen(false)}
      onClick={(e) => e.target === dialog.current && setOpen(false)}
      className="mx-auto mt-[8vh] mb-auto max-h-[84dvh] w-[min(42rem,calc(100vw-1rem))] rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      data-testid="search-palette"
    >
      {open && <PaletteBody onClose={() => setOpen(false)} />}
    </dialog>
  );
}

function PaletteBody({ onClose }: { onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [q, setQ] = useState("");
  const debounced = useDebounced(q.trim(), DEBOUNCE_MS);
  const enabled = debounced.length >= MIN_QUERY;
  const query = useQuery({ ...trpc.search.query.queryOptions({ q: debounced, pageSize: PALETTE_SIZE }), enabled, placeholderData: keepPreviousData });
  const data = enabled ? query.data : undefined;
  const hits = data?.hits ?? [];
  const allHref = searchPageHref({ q: debounced });
  const hrefs = [...hits.map((h) => h.url), ...(data && data.total > 0 ? [allHref] : [])];
  const optionId = (i: number) => `${id}-opt-${i}`;
  const listId = `${id}-list`;

  // The chosen option belongs to one answer: a new answer starts with nothing chosen.
  const [choice, setChoice] = useState<{ of: typeof data; index: number }>({ of: undefined, index: -1 });
  const active = choice.of === data ? choice.index : -1;
  const setActive = (index: number) => setChoice({ of: data, index });
  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, id]);

  const go = useCallback(
    (href: string) => {
      onClose();
      router.push(href);
    },
    [onClose, router],
  );

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = hrefs.length;
    if (e.key === "ArrowDown" && n) {
      e.preventDefault();
      setActive((active + 1) % n);
    } else if (e.key === "ArrowUp" && n) {
      e.preventDefault();
      setActive(active <= 0 ? n - 1 : active - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const href = active >= 0 ? hrefs[active] : q.trim() ? searchPageHref({ q: q.trim() }) : undefined;
      if (href) go(href);
    }
  };

  const status = !enabled
    ? t("search.palette.typeMore")
    : query.isError
      ? t("search.palette.error")
      : !data || query.isFetching
        ? t("search.palette.loading")
        : data.total === 0
          ? t("search.palette.none", { q: debounced })
          : t("search.palette.found", { n: data.total });

  return (
    <div className="flex max-h-[84dvh] flex-col">
      <div className="flex items-center gap-2 border-b border-slate-200 p-2 sm:p-3">
        <Icon name="search" className="size-5 shrink-0 text-slate-600" />
        <input
          type="text"
          role="combobox"
          autoFocus
          aria-label={t("search.palette.label")}
          aria-expanded={hrefs.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-keys`}
          placeholder={t("search.palette.placeholder")}
          className="min-h-10 min-w-0 flex-1 rounded-md px-2 text-base outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          value={q}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn min-w-10 shrink-0 px-2 text-slate-700 hover:bg-slate-100" aria-label={t("search.palette.close")} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <p role="status" className="px-3 pt-2 text-sm text-slate-700" data-testid="search-palette-status">
        {status}
      </p>
      <ul id={listId} role="listbox" aria-label={t("search.palette.results")} className="min-h-0 flex-1 overflow-y-auto p-2">
        {hits.map((hit, i) => (
          <li
            key={`${hit.type}:${hit.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onClick={() => go(hit.url)}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer rounded-md px-3 py-2 ${i === active ? "bg-brand-50 ring-2 ring-brand-600" : ""}`}
          >
            <div className="flex min-w-0 items-center gap-2">
              <HitTypeBadge type={hit.type} t={t} />
              <span className="truncate font-medium">
                <Highlighted markup={hit.highlights.title} fallback={hit.title} />
              </span>
            </div>
            <HitSubtitle hit={hit} />
          </li>
        ))}
        {data && data.total > 0 && (
          <li
            id={optionId(hits.length)}
            role="option"
            aria-selected={active === hits.length}
            onClick={() => go(allHref)}
            onMouseEnter={() => setActive(hits.length)}
            className={`mt-1 cursor-pointer rounded-md px-3 py-2 text-sm font-semibold text-brand-800 underline ${active === hits.length ? "bg-brand-50 ring-2 ring-brand-600" : ""}`}
          >
            {t("search.palette.showAllCount", { n: data.total })}
          </li>
        )}
      </ul>
      <p id={`${id}-keys`} className="hidden border-t border-slate-200 px-3 py-2 text-xs text-slate-700 sm:block">
        {t("search.palette.keys")}
      </p>
    </div>
  );
}
