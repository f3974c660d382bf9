/** The letter lists' state in the address bar (Polish parameter names). Client-safe. */
import { INCOMING_CHANNELS, LETTER_SORTS, LETTER_STATUSES, type LetterKind, type LetterListInput, type LetterSort } from "./letters.schemas";

export const INCOMING_PATH = "/pisma/przychodzace";
export const INTERNAL_PATH = "/pisma/wewnetrzne";

export const letterPath = (kind: LetterKind) => (kind === "INCOMING" ? INCOMING_PATH : INTERNAL_PATH);

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const SORT_PARAM: Record<string, LetterSort> = { wplyw: "received", numer: "number", temat: "subject", nadawca: "sender" };
const SORT_NAME: Record<LetterSort, string> = { received: "wplyw", number: "numer", subject: "temat", sender: "nadawca" };

export type LetterListState = LetterListInput & { kind: LetterKind; page: number; sort: LetterSort; mine: boolean };

export function letterListInputFromParams(kind: LetterKind, params: SearchParams): LetterListState {
  const year = Number.parseInt(one(params.rok), 10);
  const page = Number.parseInt(one(params.strona), 10);
  const channel = one(params.kanal);
  const status = one(params.status);
  const from = one(params.od);
  const to = one(params.do);
  const q = one(params.q).slice(0, 100);
  const department = one(params.komorka).slice(0, 64);
  const sort = SORT_PARAM[one(params.sort)] ?? "received";
  return {
    kind,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    q: q || undefined,
    channel: kind === "INCOMING" && (INCOMING_CHANNELS as readonly string[]).includes(channel) ? (channel as LetterListInput["channel"]) : undefined,
    status: (LETTER_STATUSES as readonly string[]).includes(status) ? (status as LetterListInput["status"]) : undefined,
    departmentId: department || undefined,
    from: isDate(from) ? from : undefined,
    to: isDate(to) ? to : undefined,
    mine: one(params.moje) === "1",
    sort: (LETTER_SORTS as readonly string[]).includes(sort) ? sort : "received",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The query string of a list state (without "?"); page 1 and defaults are left out. */
export function letterListQuery(input: LetterListState, page = 1): string {
  const p = new URLSearchParams();
  if (input.q) p.set("q", input.q);
  if (input.year) p.set("rok", String(input.year));
  if (input.channel) p.set("kanal", input.channel);
  if (input.status) p.set("status", input.status);
  if (input.departmentId) p.set("komorka", input.departmentId);
  if (input.from) p.set("od", input.from);
  if (input.to) p.set("do", input.to);
  if (input.mine) p.set("moje", "1");
  if (input.sort !== "received") p.set("sort", SORT_NAME[input.sort]);
  if (page > 1) p.set("strona", String(page));
  return p.toString();
}

export function letterListHref(input: LetterListState, page = 1): string {
  const qs = letterListQuery(input, page);
  return qs ? `${letterPath(input.kind)}?${qs}` : letterPath(input.kind);
}

export { SORT_NAME };
