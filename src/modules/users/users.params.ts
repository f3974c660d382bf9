/** The user list's state in the address bar (Polish parameter names), read by the page and written by links. */
import { isRole } from "@/lib/permissions";
import { USER_STATUSES, type UserListInput, type UserStatusFilter } from "./users.schemas";

export const USERS_PATH = "/admin/uzytkownicy";

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

export function userListInputFromParams(params: SearchParams): UserListInput & { page: number } {
  const q = one(params.q).slice(0, 100);
  const departmentId = one(params.komorka).slice(0, 64);
  const role = one(params.rola);
  const status = one(params.status);
  const page = Number.parseInt(one(params.strona), 10);
  return {
    q: q || undefined,
    departmentId: departmentId || undefined,
    role: isRole(role) ? role : undefined,
    status: (USER_STATUSES as readonly string[]).includes(status) ? (status as UserStatusFilter) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function userListHref(input: UserListInput, page = 1): string {
  const p = new URLSearchParams();
  if (input.q) p.set("q", input.q);
  if (input.departmentId) p.set("komorka", input.departmentId);
  if (input.role) p.set("rola", input.role);
  if (input.status) p.set("status", input.status);
  if (page > 1) p.set("strona", String(page));
  const qs = p.toString();
  return qs ? `${USERS_PATH}?${qs}` : USERS_PATH;
}
