/**
 * The measured calls of bench/kancelaria.ts: the lists staff open all day, through the tRPC
 * caller, for the people who see most (kancelaria, kierownictwo) and for a department's head and
 * clerk, with the filters and sort orders the screens offer. Each scenario varies its input by
 * call number, so the same page is not measured thirty times.
 */
import type { PrismaClient } from "@prisma/client";
import type { createCaller } from "../src/server/api/root";

type Caller = ReturnType<typeof createCaller>;

export interface Scenario {
  name: string;
  who: string;
  /** Runs one call; returns the number of rows on the page. */
  run(caller: Caller, i: number): Promise<number>;
}

const KANCELARIA = "kancelaria@boguchwala.example";
const SEKRETARZ = "sekretarz@boguchwala.example";
const HEAD = "kierownik.gk@boguchwala.example";
const CLERK = "pracownik.gk@boguchwala.example";
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const WORDS = ["wniosek", "skarga", "zolkiewskiego", "decyzji", "oswietlenia", "faktura"];
const year = (i: number) => YEARS[i % YEARS.length]!;

export const SCENARIOS: Scenario[] = [
  { name: "RPW: newest first, page 1", who: KANCELARIA, run: async (c) => (await c.letters.list({})).items.length },
  { name: "RPW: year filter, deep page (page 1–40)", who: KANCELARIA, run: async (c, i) => (await c.letters.list({ year: year(i), page: 1 + (i % 40) })).items.length },
  { name: "RPW: text search (folded), sorted by sender", who: KANCELARIA, run: async (c, i) => (await c.letters.list({ q: WORDS[i % WORDS.length], sort: "sender" })).items.length },
  { name: "RPW: channel + status + date range, by number", who: KANCELARIA, run: async (c, i) => (await c.letters.list({ channel: "EPUAP", status: "IN_PROGRESS", from: `${year(i)}-01-01`, to: `${year(i)}-06-30`, sort: "number" })).items.length },
  { name: "RPW: kierownictwo, sorted by subject", who: SEKRETARZ, run: async (c, i) => (await c.letters.list({ year: year(i), sort: "subject" })).items.length },
  { name: "incoming: head of GK (department + referat)", who: HEAD, run: async (c, i) => (await c.letters.list({ year: year(i) })).items.length },
  { name: "incoming: clerk, only mine", who: CLERK, run: async (c) => (await c.letters.list({ mine: true })).items.length },
  { name: "internal letters: clerk", who: CLERK, run: async (c) => (await c.letters.list({ kind: "INTERNAL" })).items.length },
  { name: "outgoing register: dispatched, year, by number", who: KANCELARIA, run: async (c, i) => (await c.outgoing.list({ view: "wyslane", year: year(i), sort: "numer" })).items.length },
  { name: "outgoing: to dispatch (kancelaria)", who: KANCELARIA, run: async (c) => (await c.outgoing.list({ view: "do-wysylki" })).items.length },
  { name: "outgoing: registered mail + text", who: SEKRETARZ, run: async (c, i) => (await c.outgoing.list({ view: "wyslane", channel: "REGISTERED_MAIL", q: WORDS[i % WORDS.length] })).items.length },
  { name: "cases: my cases (clerk)", who: CLERK, run: async (c) => (await c.cases.list({ view: "moje" })).items.length },
  { name: "cases: my department, year filter", who: HEAD, run: async (c, i) => (await c.cases.list({ view: "komorki", year: year(i) })).items.length },
  { name: "cases: overdue (head)", who: HEAD, run: async (c) => (await c.cases.list({ view: "po-terminie", sort: "termin" })).items.length },
  { name: "cases: all visible, text on mark/title", who: SEKRETARZ, run: async (c, i) => (await c.cases.list({ view: "wszystkie", q: WORDS[i % WORDS.length] })).items.length },
  { name: "cases: all visible, JRWA class + year, by mark", who: SEKRETARZ, run: async (c, i) => (await c.cases.list({ view: "wszystkie", jrwa: "6220", year: year(i), sort: "znak" })).items.length },
  { name: "Do mnie: letters assigned to me", who: CLERK, run: async (c) => (await c.letters.inbox({ page: 1, deptPage: 1 })).mine.items.length },
  { name: "Do mnie: head's dekretacja queue", who: HEAD, run: async (c) => (await c.letters.inbox({ page: 1, deptPage: 1 })).department.items.length },
];

let senderIds: string[] | null = null;
let departmentIds: string[] | null = null;

/** A paper letter from one of the generated contacts, decreed to a department. */
export async function registrationInput(prisma: PrismaClient, vu: number, n: number) {
  senderIds ??= (await prisma.contact.findMany({ select: { id: true }, take: 1000, orderBy: { id: "asc" } })).map((c) => c.id);
  departmentIds ??= (await prisma.department.findMany({ select: { id: true }, orderBy: { symbol: "asc" } })).map((d) => d.id);
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(new Date())
    .replace(" ", "T");
  return {
    channel: "PAPER" as const,
    senderId: senderIds[(vu * 7919 + n) % senderIds.length]!,
    receivedAt: local,
    subject: `Wniosek o wydanie zaświadczenia (benchmark ${vu}/${n})`,
    pages: "2",
    leadingDepartmentId: departmentIds[n % departmentIds.length]!,
  };
}
