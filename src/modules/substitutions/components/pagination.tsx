import Link from "next/link";
import type { Translate } from "@/lib/i18n/translator";

/** Previous / next links for a server-paginated list; the current page is read out as "Strona 2 z 5". */
export function Pagination({ page, pages, hrefFor, label, t }: { page: number; pages: number; hrefFor: (page: number) => string; label: string; t: Translate }) {
  if (pages <= 1) return null;
  const disabled = "btn border border-slate-300 bg-slate-100 text-slate-700";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="btn-secondary" rel="prev">
          {t("common.previous")}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {t("common.previous")}
        </span>
      )}
      <p className="text-sm text-slate-800" aria-current="page">
        {t("common.pageOf", { page, pages })}
      </p>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className="btn-secondary" rel="next">
          {t("common.next")}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {t("common.next")}
        </span>
      )}
    </nav>
  );
}
