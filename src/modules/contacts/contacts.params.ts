/** The contacts list's state in the address bar (Polish parameter names). Client-safe. */
import { CONTACT_KINDS, type ContactKind, type ContactListInput } from "./contacts.schemas";

export const CONTACTS_PATH = "/kontakty";
export const CONTACTS_EXPORT_PATH = "/api/kontakty/eksport";

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The kind in the address bar: ?rodzaj=osoba|instytucja|firma. */
export const KIND_PARAM: Record<ContactKind, string> = { PERSON: "osoba", INSTITUTION: "instytucja", COMPANY: "firma" };

function one(params: SearchParams, key: string): string {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
}

export type ContactListParams = { q?: string; kind?: ContactKind; page: number };

export function contactListInputFromParams(params: SearchParams): ContactListParams {
  const q = one(params, "q").slice(0, 100);
  const kindWord = one(params, "rodzaj");
  const kind = CONTACT_KINDS.find((k) => KIND_PARAM[k] === kindWord);
  const page = Number.parseInt(one(params, "strona"), 10);
  return { q: q || undefined, kind, page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}

function query(input: Pick<ContactListInput, "q" | "kind">, page = 1): string {
  const p = new URLSearchParams();
  if (input.q) p.set("q", input.q);
  if (input.kind) p.set("rodzaj", KIND_PARAM[input.kind]);
  if (page > 1) p.set("strona", String(page));
  const qs = p.toString();
  return qs ? `?${qs}` : "";
}

export function contactListHref(input: Pick<ContactListInput, "q" | "kind">, page = 1): string {
  return `${CONTACTS_PATH}${query(input, page)}`;
}

export function contactExportHref(input: Pick<ContactListInput, "q" | "kind">): string {
  return `${CONTACTS_EXPORT_PATH}${query(input)}`;
}

export const contactHref = (id: string) => `${CONTACTS_PATH}/${id}`;
