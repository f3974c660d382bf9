"use client";

/**
 * Small client pieces the org screens share: validating a form with its zod schema before sending,
 * a modal <dialog>, a pager (buttons or links) and a horizontally scrolling table wrapper.
 */
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import type { z } from "zod";
import { fieldErrorsOf } from "@/components/form/field";
import { useT } from "@/components/i18n";

/** The form's fields as strings (what the schemas' inputs accept). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === "string") out[k] = v;
  return out;
}

function flatten(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_"] ??= issue.message;
  return out;
}

/**
 * Field errors for a form: the schema's own (checked in the browser before sending) or the
 * server's (`error.data.fieldErrors`). After a failed attempt, focus moves to the first invalid
 * field. The inputs are uncontrolled and stay mounted, so a failed save keeps what was typed.
 */
export function useFormErrors<S extends z.ZodType>(schema: S, serverError: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const [local, setLocal] = useState<Record<string, string> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const errors = local ?? fieldErrorsOf(serverError);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, serverError]);

  /** Validates the raw values; returns them, typed as the schema's input, when they may be sent. */
  function check(values: Record<string, unknown>): z.input<S> | null {
    const parsed = schema.safeParse(values);
    setAttempt((a) => a + 1);
    setLocal(parsed.success ? null : flatten(parsed.error));
    return parsed.success ? (values as z.input<S>) : null;
  }
  return { formRef, errors, check };
}

/** A modal dialog (native <dialog> with showModal): Escape and Cancel close it, focus goes to the first field. */
export function Modal({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-1rem)] w-[min(42rem,calc(100vw-1rem))] rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {open && (
        <div className="p-4 sm:p-6">
          <h2 id={titleId} className="mb-4 text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** Page navigation under a list: previous / numbered pages / next, as buttons or as links. */
export function Pager({
  page,
  pageCount,
  onPage,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  onPage?: (page: number) => void;
  hrefFor?: (page: number) => string;
}) {
  const t = useT();
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  const item = (p: number, label: string, opts: { current?: boolean; disabled?: boolean; ariaLabel?: string } = {}) => {
    const cls = opts.current ? "btn min-w-10 bg-brand-700 px-3 text-white" : "btn-secondary min-w-10 px-3";
    if (opts.disabled) {
      return (
        <span className="btn min-w-10 border border-slate-200 px-3 text-slate-700 opacity-60" aria-disabled="true">
          {label}
        </span>
      );
    }
    if (hrefFor) {
      return (
        <Link href={hrefFor(p)} className={cls} aria-current={opts.current ? "page" : undefined} aria-label={opts.ariaLabel}>
          {label}
        </Link>
      );
    }
    return (
      <button type="button" className={cls} aria-current={opts.current ? "page" : undefined} aria-label={opts.ariaLabel} onClick={() => onPage?.(p)}>
        {label}
      </button>
    );
  };
  return (
    <nav aria-label={t("org.pager.label")} className="mt-4">
      <p className="mb-2 text-sm text-slate-700">{t("common.pageOf", { page, pages: pageCount })}</p>
      <ul className="flex flex-wrap items-center gap-2">
        <li>{item(page - 1, t("common.previous"), { disabled: page <= 1 })}</li>
        {pages.map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-700">
              …
            </li>
          ) : (
            <li key={p}>{item(p, String(p), { current: p === page, ariaLabel: p === page ? t("org.pager.current", { page: p }) : t("org.pager.page", { page: p }) })}</li>
          ),
        )}
        <li>{item(page + 1, t("common.next"), { disabled: page >= pageCount })}</li>
      </ul>
    </nav>
  );
}

/** 1 … 4 5 6 … 12 */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const want = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...want].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, p] of sorted.entries()) {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  }
  return out;
}

/**
 * Below 640 px a data table becomes a list of cards: every row a block, every cell a line labelled
 * by its column (the cell's data-label), the column headers kept for screen readers only.
 */
export const STACKED = [
  "max-sm:block max-sm:[&_tbody]:block max-sm:[&_thead]:sr-only",
  "max-sm:[&_tr]:block max-sm:[&_tr]:border-b max-sm:[&_tr]:border-slate-300 max-sm:[&_tr]:py-3",
  "max-sm:[&_tbody_th]:block max-sm:[&_tbody_th]:border-0 max-sm:[&_tbody_th]:px-0 max-sm:[&_tbody_th]:py-0.5",
  "max-sm:[&_td]:block max-sm:[&_td]:border-0 max-sm:[&_td]:px-0 max-sm:[&_td]:py-0.5 max-sm:[&_td]:text-left",
  "max-sm:[&_td[data-label]]:grid max-sm:[&_td[data-label]]:grid-cols-[7rem_minmax(0,1fr)] max-sm:[&_td[data-label]]:gap-x-2",
  "max-sm:[&_td[data-label]>*]:col-start-2 max-sm:[&_td[data-label]>*]:justify-self-start",
  "max-sm:[&_td[data-label]]:before:font-medium max-sm:[&_td[data-label]]:before:text-slate-700 max-sm:[&_td[data-label]]:before:content-[attr(data-label)]",
].join(" ");

/** A table that scrolls sideways when it does not fit, reachable by keyboard. */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  const t = useT();
  return (
    <div className="overflow-x-auto" role="region" aria-label={t("org.tableScroll", { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT();
  return active ? (
    <span className="inline-block rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">{t("org.activeF")}</span>
  ) : (
    <span className="inline-block rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">{t("org.inactiveF")}</span>
  );
}
