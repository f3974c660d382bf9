/** The task list's state in the URL (?widok=…&stan=…&strona=…). Client-safe. */
export type TaskListState = { view: "mine" | "given" | "department"; state: "open" | "closed" | "all"; page: number };

const VIEW_PARAM = { mine: "dla-mnie", given: "wydane", department: "komorki" } as const;
const STATE_PARAM = { open: "w-toku", closed: "zamkniete", all: "wszystkie" } as const;

export function tasksHref(s: Partial<TaskListState>): string {
  const p = new URLSearchParams();
  if (s.view && s.view !== "mine") p.set("widok", VIEW_PARAM[s.view]);
  if (s.state && s.state !== "open") p.set("stan", STATE_PARAM[s.state]);
  if (s.page && s.page > 1) p.set("strona", String(s.page));
  const q = p.toString();
  return q ? `/polecenia?${q}` : "/polecenia";
}

/** Reads the list state from the page's search params (unknown values fall back to the defaults). */
export function tasksStateFromParams(params: Record<string, string | string[] | undefined>): TaskListState {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const view = (Object.entries(VIEW_PARAM).find(([, v]) => v === one(params.widok))?.[0] ?? "mine") as TaskListState["view"];
  const state = (Object.entries(STATE_PARAM).find(([, v]) => v === one(params.stan))?.[0] ?? "open") as TaskListState["state"];
  const page = Math.min(10_000, Math.max(1, Number.parseInt(one(params.strona) ?? "1", 10) || 1));
  return { view, state, page };
}

