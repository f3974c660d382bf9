/** The substitution list's state in the address bar (Polish parameter names). */
import { SUBSTITUTION_VIEWS, type SubstitutionListInput, type SubstitutionView } from "./substitutions.schemas";

export const SUBSTITUTIONS_PATH = "/zastepstwa";

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

export function substitutionListInputFromParams(params: SearchParams): SubstitutionListInput & { view: SubstitutionView; page: number } {
  const view = one(params.widok);
  const q = one(params.q).slice(0, 100);
  const page = Number.parseInt(one(params.strona), 10);
  return {
    view: (SUBSTITUTION_VIEWS as readonly string[]).includes(view) ? (view as SubstitutionView) : "biezace",
    q: q || undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function substitutionListHref(input: { view: SubstitutionView; q?: string }, page = 1): string {
  const p = new URLSearchParams();
  if (input.view !== "biezace") p.set("widok", input.view);
  if (input.q) p.set("q", input.q);
  if (page > 1) p.set("strona", String(page));
  const qs = p.toString();
  return qs ? `${SUBSTITUTIONS_PATH}?${qs}` : SUBSTITUTIONS_PATH;
}
