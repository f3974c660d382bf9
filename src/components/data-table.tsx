/**
 * Tabular data that still reads on a phone, without hooks (server and client components use it
 * alike): tables (`DataTable`, optionally stacked into cards below 640 px, inside a `TableScroll`
 * region) and lists of labelled rows (`ResultsSection` + `GridList` + `GridCell`): cards on
 * phones, a table-like grid from 1024 px up.
 */

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

/** A column header: its text, or its text with the header cell's classes (alignment, visibility). */
export type Column = string | { label: string; className?: string };

/** A `.data-table` with its column headers and, when given, a caption for screen readers; the rows are the children. */
export function DataTable({
  columns,
  caption,
  stacked = false,
  className,
  testId,
  children,
}: {
  columns: Column[];
  caption?: string;
  /** Cards below 640 px (see STACKED): give every data cell its column as `data-label`. */
  stacked?: boolean;
  className?: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <table className={["data-table", className, stacked && STACKED].filter(Boolean).join(" ")} data-testid={testId}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) =>
            typeof c === "string" ? (
              <th key={i} scope="col">
                {c}
              </th>
            ) : (
              <th key={i} scope="col" className={c.className}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * A table that scrolls sideways when it does not fit: a region named by `label` (or by the element
 * `labelledBy`), reachable by keyboard. `className` adds to `overflow-x-auto` (spacing, visibility).
 */
export function TableScroll({ label, labelledBy, className, children }: { label?: string; labelledBy?: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className ? `${className} overflow-x-auto` : "overflow-x-auto"} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** A titled list of results, with the number shown (when there is one) beside the title. */
export function ResultsSection({ id, title, count, countTestId, children }: { id: string; title: string; count: string | null; countTestId: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {count && (
          <p className="text-sm text-slate-700" data-testid={countTestId}>
            {count}
          </p>
        )}
      </div>
      {children}
    </section>
  );
}

/**
 * Rows of labelled cells: bordered cards on phones; from 1024 px a grid (`grid`: its lg: columns)
 * under one header line, each cell's own label then kept for screen readers. Rows are `<li>`s
 * with GRID_ROW holding a `<dl>` of GridCells.
 */
export function GridList({ grid, headers, testId, children }: { grid: string; headers: React.ReactNode[]; testId: string; children: React.ReactNode }) {
  return (
    <div className="lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <div aria-hidden="true" className={`hidden border-b border-slate-300 px-3 py-2 text-sm font-semibold text-slate-700 ${grid}`}>
        {headers.map((h, i) => (
          <span key={i}>{h}</span>
        ))}
      </div>
      <ol className="space-y-2 lg:space-y-0" data-testid={testId}>
        {children}
      </ol>
    </div>
  );
}

/** The classes of a GridList row (`<li>`). */
export const GRID_ROW = "rounded-lg border border-slate-200 bg-white p-3 text-sm lg:rounded-none lg:border-0 lg:border-b lg:last:border-b-0";

/** A cell's label: shown on phones, for screen readers only where the grid's header line shows it. */
export const GRID_LABEL = "text-xs font-medium text-slate-700 lg:sr-only";

/** One labelled cell of a GridList row. */
export function GridCell({
  label,
  className,
  labelClassName = GRID_LABEL,
  valueClassName,
  children,
}: {
  label: string;
  className?: string;
  labelClassName?: string;
  valueClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <dt className={labelClassName}>{label}</dt>
      <dd className={valueClassName}>{children}</dd>
    </div>
  );
}
