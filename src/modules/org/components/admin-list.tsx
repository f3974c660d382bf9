"use client";

/**
 * The frame the organisation's admin lists share (locations, komórki, stanowiska): the section
 * with its title, add button and the outcome of the last change; the page of records as a table
 * (cards on phones) with its pager; the row's buttons.
 */
import { Badge } from "@/components/badge";
import { DataTable, TableScroll, type Column } from "@/components/data-table";
import { FormMessage } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { Pager } from "@/components/pagination";

/** The outcome of the last change, shown above the list. */
export type Notice = { error?: string; success?: string } | null;

export function AdminSection({
  id,
  title,
  intro,
  filters,
  addLabel,
  onAdd,
  notice,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  /** Shown before the add button. */
  filters?: React.ReactNode;
  addLabel: string;
  onAdd: () => void;
  notice: Notice;
  children: React.ReactNode;
}) {
  const heading = (
    <h2 id={id} className="text-lg font-semibold">
      {title}
    </h2>
  );
  const add = (
    <button type="button" className="btn-primary shrink-0" aria-haspopup="dialog" onClick={onAdd}>
      {addLabel}
    </button>
  );
  return (
    <section className="card" aria-labelledby={id}>
      <div className={`mb-4 flex flex-col gap-3 sm:flex-row ${intro ? "sm:items-start" : "sm:items-center"} sm:justify-between`}>
        {intro ? (
          <div>
            {heading}
            <p className="mt-1 text-sm text-slate-700">{intro}</p>
          </div>
        ) : (
          heading
        )}
        {filters ? (
          <div className="flex flex-wrap items-center gap-4">
            {filters}
            {add}
          </div>
        ) : (
          add
        )}
      </div>
      <div className="mb-3" aria-live="polite">
        <FormMessage error={notice?.error} success={notice?.success} />
      </div>
      {children}
    </section>
  );
}

/** One page of records as a table named `title` (cards below 640 px), `empty` when there are none, and the page buttons. */
export function PagedTable({
  data,
  title,
  empty,
  columns,
  className,
  testId,
  onPage,
  children,
}: {
  data: { items: unknown[]; page: number; pageCount: number };
  title: string;
  empty: string;
  columns: Column[];
  className?: string;
  testId: string;
  onPage: (page: number) => void;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <>
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <TableScroll label={t("org.tableScroll", { name: title })}>
          <DataTable columns={columns} stacked className={className} testId={testId}>
            {children}
          </DataTable>
        </TableScroll>
      )}
      <Pager page={data.page} pageCount={data.pageCount} onPage={onPage} label={t("org.pager.label")} t={t} />
    </>
  );
}

/** The last cell of a row: its buttons, under the other lines on phones. */
export function RowActions({ children }: { children: React.ReactNode }) {
  return (
    <td>
      <div className="flex gap-2 max-sm:pt-2 sm:whitespace-nowrap">{children}</div>
    </td>
  );
}

/** A row's button that opens a dialog ("Edytuj", "Usuń"), its aria-label naming the record. */
export function DialogButton({ label, ariaLabel, onClick }: { label: string; ariaLabel: string; onClick: () => void }) {
  return (
    <button type="button" className="btn-secondary" aria-haspopup="dialog" aria-label={ariaLabel} onClick={onClick}>
      {label}
    </button>
  );
}

/** "Dezaktywuj" / "Przywróć" on a row, its aria-label naming the record. */
export function ActiveToggle({ active, ariaLabel, disabled, onToggle }: { active: boolean; ariaLabel: string; disabled: boolean; onToggle: () => void }) {
  const t = useT();
  return (
    <button type="button" className="btn-secondary" disabled={disabled} aria-label={ariaLabel} onClick={onToggle}>
      {active ? t("org.deactivate") : t("org.reactivate")}
    </button>
  );
}

/** "aktywna" / "nieaktywna" (a location, a komórka). */
export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT();
  return <Badge tone={active ? "green" : "slate"}>{active ? t("org.activeF") : t("org.inactiveF")}</Badge>;
}
