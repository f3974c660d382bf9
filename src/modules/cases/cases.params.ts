/** The case list's and the spis spraw's state in the address bar (Polish parameter names). */
import { CASE_SORTS, CASE_STATUSES, CASE_VIEWS, type CaseSort, type CaseStatus, type CaseView } from "./cases.schemas";

export const CASES_PATH = "/sprawy";
export const CASE_REGISTER_PATH = "/sprawy/spis";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const pick = <T extends string>(value: string, allowed: readonly T[]): T | undefined => ((allowed as readonly string[]).includes(value) ? (value as T) : undefined);
const intIn = (value: string, min: number, max: number) => {
  const n = Number.parseInt(value, 10);
  return Number.isInteger(n) && n >= min && n <= max && String(n) === value ? n : undefined;
};

export interface CaseListState {
  view: CaseView;
  q?: string;
  departmentId?: string;
  jrwa?: string;
  year?: number;
  status?: CaseStatus;
  sort: CaseSort;
  page: number;
}

export function caseListInputFromParams(params: SearchParams): CaseListState {
  const jrwa = one(params.jrwa);
  return {
    view: pick(one(params.widok), CASE_VIEWS) ?? "moje",
    q: one(params.q).slice(0, 100) || undefined,
    departmentId: one(params.komorka).slice(0, 64) || undefined,
    jrwa: /^\d{1,4}$/.test(jrwa) ? jrwa : undefined,
    year: intIn(one(params.rok), 1990, 2999),
    status: pick(one(params.status), CASE_STATUSES),
    sort: pick(one(params.sort), CASE_SORTS) ?? "najnowsze",
    page: intIn(one(params.strona), 1, 10_000) ?? 1,
  };
}

export function caseListHref(s: Omit<CaseListState, "page" | "sort"> & { sort?: CaseSort }, page = 1): string {
  const p = new URLSearchParams();
  if (s.view !== "moje") p.set("widok", s.view);
  if (s.q) p.set("q", s.q);
  if (s.departmentId) p.set("komorka", s.departmentId);
  if (s.jrwa) p.set("jrwa", s.jrwa);
  if (s.year) p.set("rok", String(s.year));
  if (s.status) p.set("status", s.status);
  if (s.sort && s.sort !== "najnowsze") p.set("sort", s.sort);
  if (page > 1) p.set("strona", String(page));
  const qs = p.toString();
  return qs ? `${CASES_PATH}?${qs}` : CASES_PATH;
}

export interface CaseRegisterState {
  departmentId?: string;
  jrwa?: string;
  year?: number;
  page: number;
}

export function caseRegisterInputFromParams(params: SearchParams): CaseRegisterState {
  const jrwa = one(params.jrwa);
  return {
    departmentId: one(params.komorka).slice(0, 64) || undefined,
    jrwa: /^\d{1,4}$/.test(jrwa) ? jrwa : undefined,
    year: intIn(one(params.rok), 1990, 2999),
    page: intIn(one(params.strona), 1, 10_000) ?? 1,
  };
}

export function caseRegisterQuery(s: Omit<CaseRegisterState, "page">, page = 1): string {
  const p = new URLSearchParams();
  if (s.departmentId) p.set("komorka", s.departmentId);
  if (s.jrwa) p.set("jrwa", s.jrwa);
  if (s.year) p.set("rok", String(s.year));
  if (page > 1) p.set("strona", String(page));
  return p.toString();
}
