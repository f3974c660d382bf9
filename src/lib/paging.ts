/**
 * Counting for paginated lists over large registers. A list counts matching rows only up to
 * COUNT_CAP + 1 (PostgreSQL stops there instead of visiting a million rows): the screen then says
 * "ponad 1000" and offers the first COUNT_CAP rows page by page — narrowing the filters shows the
 * rest. Client-safe.
 */
export const COUNT_CAP = 1000;

/**
 * Arguments for Prisma's `count` that stop counting just past the cap. Pass the list's `orderBy`
 * too: without it Prisma orders the capped subquery by id, which makes PostgreSQL collect and sort
 * every matching row before it can stop.
 */
export const CAPPED_COUNT = { take: COUNT_CAP + 1 } as const;

export interface PageWindow {
  /** Matching rows, at most COUNT_CAP. */
  total: number;
  /** More rows match than `total` says. */
  totalCapped: boolean;
  page: number;
  pages: number;
}

export function pageWindow(requestedPage: number, counted: number, pageSize: number): PageWindow {
  const total = Math.min(counted, COUNT_CAP);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { total, totalCapped: counted > COUNT_CAP, page: Math.min(Math.max(1, requestedPage), pages), pages };
}

/** "1000+" for a capped count in tabs and badges. */
export function countLabel(n: number): string {
  return n > COUNT_CAP ? `${COUNT_CAP}+` : String(n);
}
