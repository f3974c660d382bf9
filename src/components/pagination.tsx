import Link from "next/link";
import type { Translate } from "@/lib/i18n/translator";

/**
 * Page navigation under a list, without hooks (server and client components use it alike):
 * previous / next links (`Pagination`), numbered pages as links or buttons (`Pager`), and the
 * keyset "newest / newer / older" links of the long logs (`CursorPager`). The caller gives the
 * navigation's name and `t` (for the `common.*` texts).
 */

type StepAttrs = { className: string; rel?: "prev" | "next"; "aria-current"?: "page"; "aria-label"?: string; "data-testid"?: string };

/** One step of a pager: a link (href), a button (onSelect), or, when disabled, an inert placeholder. */
function PageStep({
  href,
  onSelect,
  disabled,
  disabledClassName,
  children,
  ...attrs
}: StepAttrs & { href?: string; onSelect?: () => void; disabled?: boolean; disabledClassName?: string; children: React.ReactNode }) {
  if (disabled) {
    return (
      <span className={disabledClassName} aria-disabled="true">
        {children}
      </span>
    );
  }
  if (href !== undefined) {
    return (
      <Link href={href} {...attrs}>
        {children}
      </Link>
    );
  }
  return (
    <button type="button" {...attrs} onClick={onSelect}>
      {children}
    </button>
  );
}

const PREV_NEXT_DISABLED = "btn border border-slate-300 bg-slate-100 text-slate-700";

/** Previous / next links for a server-paginated list; the current page is read out as "Strona 2 z 5". */
export function Pagination({ page, pages, hrefFor, label, t }: { page: number; pages: number; hrefFor: (page: number) => string; label: string; t: Translate }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      <PageStep href={hrefFor(page - 1)} disabled={page <= 1} disabledClassName={PREV_NEXT_DISABLED} className="btn-secondary" rel="prev">
        {t("common.previous")}
      </PageStep>
      <p className="text-sm text-slate-800" aria-current="page">
        {t("common.pageOf", { page, pages })}
      </p>
      <PageStep href={hrefFor(page + 1)} disabled={page >= pages} disabledClassName={PREV_NEXT_DISABLED} className="btn-secondary" rel="next">
        {t("common.next")}
      </PageStep>
    </nav>
  );
}

const NUMBERED_DISABLED = "btn min-w-10 border border-slate-200 px-3 text-slate-700 opacity-60";

/** Previous / numbered pages / next, as links (`hrefFor`) or as buttons (`onPage`). */
export function Pager({
  page,
  pageCount,
  onPage,
  hrefFor,
  label,
  t,
}: {
  page: number;
  pageCount: number;
  onPage?: (page: number) => void;
  hrefFor?: (page: number) => string;
  label: string;
  t: Translate;
}) {
  if (pageCount <= 1) return null;
  const step = (p: number, text: string, opts: { current?: boolean; disabled?: boolean; ariaLabel?: string } = {}) => (
    <PageStep
      href={hrefFor?.(p)}
      onSelect={() => onPage?.(p)}
      disabled={opts.disabled}
      disabledClassName={NUMBERED_DISABLED}
      className={opts.current ? "btn min-w-10 bg-brand-700 px-3 text-white" : "btn-secondary min-w-10 px-3"}
      aria-current={opts.current ? "page" : undefined}
      aria-label={opts.ariaLabel}
    >
      {text}
    </PageStep>
  );
  return (
    <nav aria-label={label} className="mt-4">
      <p className="mb-2 text-sm text-slate-700">{t("common.pageOf", { page, pages: pageCount })}</p>
      <ul className="flex flex-wrap items-center gap-2">
        <li>{step(page - 1, t("common.previous"), { disabled: page <= 1 })}</li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-700">
              …
            </li>
          ) : (
            <li key={p}>{step(p, String(p), { current: p === page, ariaLabel: p === page ? t("common.pageCurrent", { page: p }) : t("common.pageNumber", { page: p }) })}</li>
          ),
        )}
        <li>{step(page + 1, t("common.next"), { disabled: page >= pageCount })}</li>
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

export interface CursorStep {
  href: string;
  label: string;
  testId?: string;
}

/**
 * Keyset pages of a log: "newest" and "← newer" when there are newer entries, "older →" when
 * there are older ones; nothing when everything fits on one page.
 */
export function CursorPager({ label, testId, newest, newer, older }: { label: string; testId: string; newest: CursorStep; newer: CursorStep | null; older: CursorStep | null }) {
  if (!newer && !older) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap justify-between gap-2" data-testid={testId}>
      <div className="flex flex-wrap gap-2">
        {newer && (
          <>
            <PageStep href={newest.href} className="btn-secondary" data-testid={newest.testId}>
              {newest.label}
            </PageStep>
            <PageStep href={newer.href} className="btn-secondary" rel="prev" data-testid={newer.testId}>
              <span aria-hidden="true">←</span> {newer.label}
            </PageStep>
          </>
        )}
      </div>
      {older && (
        <PageStep href={older.href} className="btn-secondary" rel="next" data-testid={older.testId}>
          {older.label} <span aria-hidden="true">→</span>
        </PageStep>
      )}
    </nav>
  );
}
