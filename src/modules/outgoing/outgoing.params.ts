/** The outgoing list's state in the address bar (Polish parameter names). Client-safe. */
import { OUTGOING_CHANNELS, OUTGOING_SORTS, OUTGOING_VIEWS, type OutgoingChannel, type OutgoingListInput, type OutgoingSort, type OutgoingView } from "./outgoing.schemas";

export const OUTGOING_PATH = "/pisma/wychodzace";
export const DISPATCH_BOOK_PATH = "/pisma/ksiazka-nadawcza";
export const APPROVAL_PATHS_PATH = "/admin/sciezki-akceptacji";

type SearchParams = Record<string, string | string[] | undefined>;

export type OutgoingListState = OutgoingListInput & { view: OutgoingView; sort: OutgoingSort; page: number };

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export function outgoingListInputFromParams(params: SearchParams, defaultView: OutgoingView): OutgoingListState {
  const view = one(params.widok);
  const sort = one(params.sort);
  const channel = one(params.kanal);
  const year = Number.parseInt(one(params.rok), 10);
  const page = Number.parseInt(one(params.strona), 10);
  const q = one(params.q).slice(0, 100);
  const departmentId = one(params.komorka).slice(0, 64);
  const from = one(params.od);
  const to = one(params.do);
  return {
    view: (OUTGOING_VIEWS as readonly string[]).includes(view) ? (view as OutgoingView) : defaultView,
    sort: (OUTGOING_SORTS as readonly string[]).includes(sort) ? (sort as OutgoingSort) : "najnowsze",
    channel: (OUTGOING_CHANNELS as readonly string[]).includes(channel) ? (channel as OutgoingChannel) : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    q: q || undefined,
    departmentId: departmentId || undefined,
    from: isDate(from) ? from : undefined,
    to: isDate(to) ? to : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function outgoingListHref(input: OutgoingListInput & { view: OutgoingView }, page = 1): string {
  const p = new URLSearchParams();
  p.set("widok", input.view);
  if (input.q) p.set("q", input.q);
  if (input.year) p.set("rok", String(input.year));
  if (input.channel) p.set("kanal", input.channel);
  if (input.departmentId) p.set("komorka", input.departmentId);
  if (input.from) p.set("od", input.from);
  if (input.to) p.set("do", input.to);
  if (input.sort && input.sort !== "najnowsze") p.set("sort", input.sort);
  if (page > 1) p.set("strona", String(page));
  return `${OUTGOING_PATH}?${p.toString()}`;
}

export const outgoingHref = (id: string) => `${OUTGOING_PATH}/${id}`;
