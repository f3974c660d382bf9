/** The demo office: Urząd Miasta Boguchwała, its headquarters, 11 branch offices, departments and staff. */

export const DEMO_PASSWORD = "Obieg2026!";
export const DEMO_DOMAIN = "boguchwala.example";

export const office = {
  name: "Urząd Miasta Boguchwała",
  shortName: "UM Boguchwała",
  street: "ul. Suszyckich 33",
  postalCode: "36-040",
  city: "Boguchwała",
  nip: "8171997406",
  regon: "690581850",
  email: `sekretariat@${DEMO_DOMAIN}`,
  phone: "17 875 09 00",
  epuapAddress: "/umboguchwala/SkrytkaESP",
  website: "https://boguchwala.example",
};

export const locations: { code: string; name: string; kind: "SIEDZIBA" | "ODDZIAL"; street: string; postalCode: string; city: string; phone: string }[] = [
  { code: "HQ", name: "Siedziba Urzędu", kind: "SIEDZIBA", street: "ul. Suszyckich 33", postalCode: "36-040", city: "Boguchwała", phone: "17 875 09 00" },
  { code: "O01", name: "Oddział w Lutoryżu", kind: "ODDZIAL", street: "Lutoryż 120", postalCode: "36-065", city: "Lutoryż", phone: "17 875 09 11" },
  { code: "O02", name: "Oddział w Niechobrzu", kind: "ODDZIAL", street: "Niechobrz 301", postalCode: "36-047", city: "Niechobrz", phone: "17 875 09 12" },
  { code: "O03", name: "Oddział w Zgłobniu", kind: "ODDZIAL", street: "Zgłobień 88", postalCode: "36-046", city: "Zgłobień", phone: "17 875 09 13" },
  { code: "O04", name: "Oddział w Mogielnicy", kind: "ODDZIAL", street: "Mogielnica 64", postalCode: "36-040", city: "Mogielnica", phone: "17 875 09 14" },
  { code: "O05", name: "Oddział w Racławówce", kind: "ODDZIAL", street: "Racławówka 210", postalCode: "36-047", city: "Racławówka", phone: "17 875 09 15" },
  { code: "O06", name: "Oddział w Woli Zgłobieńskiej", kind: "ODDZIAL", street: "Wola Zgłobieńska 45", postalCode: "36-046", city: "Wola Zgłobieńska", phone: "17 875 09 16" },
  { code: "O07", name: "Oddział w Nosówce", kind: "ODDZIAL", street: "Nosówka 150", postalCode: "36-047", city: "Nosówka", phone: "17 875 09 17" },
  { code: "O08", name: "Oddział w Kielnarowej", kind: "ODDZIAL", street: "Kielnarowa 92", postalCode: "36-020", city: "Kielnarowa", phone: "17 875 09 18" },
  { code: "O09", name: "Oddział w Zarzeczu", kind: "ODDZIAL", street: "Zarzecze 33", postalCode: "36-040", city: "Zarzecze", phone: "17 875 09 19" },
  { code: "O10", name: "Oddział w Łączkach Kucharskich", kind: "ODDZIAL", street: "Łączki Kucharskie 7", postalCode: "36-065", city: "Łączki Kucharskie", phone: "17 875 09 20" },
  { code: "O11", name: "Oddział Gospodarki Komunalnej", kind: "ODDZIAL", street: "ul. Techniczna 4", postalCode: "36-040", city: "Boguchwała", phone: "17 875 09 21" },
];

export const positions: { name: string; rank: number }[] = [
  { name: "Burmistrz", rank: 1 },
  { name: "Zastępca Burmistrza", rank: 2 },
  { name: "Sekretarz Miasta", rank: 3 },
  { name: "Skarbnik Miasta", rank: 4 },
  { name: "Naczelnik Wydziału", rank: 10 },
  { name: "Kierownik Urzędu Stanu Cywilnego", rank: 10 },
  { name: "Kierownik Referatu", rank: 12 },
  { name: "Główny specjalista", rank: 20 },
  { name: "Starszy inspektor", rank: 30 },
  { name: "Inspektor", rank: 40 },
  { name: "Podinspektor", rank: 50 },
  { name: "Referent", rank: 60 },
  { name: "Informatyk", rank: 40 },
  { name: "Radca prawny", rank: 20 },
];

/** Departments; a referat has a parent and a hyphenated symbol. `location` is a location code. */
export const departments: { symbol: string; name: string; parent?: string; location: string }[] = [
  { symbol: "OR", name: "Wydział Organizacyjny", location: "HQ" },
  { symbol: "OR-K", name: "Referat Kadr", parent: "OR", location: "HQ" },
  { symbol: "KO", name: "Kancelaria Ogólna", location: "HQ" },
  { symbol: "FN", name: "Wydział Finansowy", location: "HQ" },
  { symbol: "FN-P", name: "Referat Podatków i Opłat", parent: "FN", location: "HQ" },
  { symbol: "GK", name: "Wydział Gospodarki Komunalnej", location: "O11" },
  { symbol: "GK-D", name: "Referat Dróg", parent: "GK", location: "O11" },
  { symbol: "GP", name: "Wydział Gospodarki Przestrzennej i Nieruchomości", location: "HQ" },
  { symbol: "IR", name: "Wydział Inwestycji i Rozwoju", location: "HQ" },
  { symbol: "OS", name: "Wydział Ochrony Środowiska i Rolnictwa", location: "O02" },
  { symbol: "USC", name: "Urząd Stanu Cywilnego", location: "HQ" },
  { symbol: "SO", name: "Wydział Spraw Obywatelskich", location: "HQ" },
  { symbol: "ZP", name: "Referat Zamówień Publicznych", location: "HQ" },
  { symbol: "EK", name: "Wydział Edukacji, Kultury i Sportu", location: "O05" },
  { symbol: "ZK", name: "Zespół Zarządzania Kryzysowego", location: "HQ" },
  { symbol: "BRM", name: "Biuro Rady Miejskiej", location: "HQ" },
];

type DemoRole = "ADMINISTRATOR" | "KANCELARIA" | "KIEROWNIK" | "PRACOWNIK" | "SEKRETARZ" | "SKARBNIK" | "REDAKTOR_BIP";

export interface DemoUser {
  email: string;
  firstName: string;
  lastName: string;
  department: string | null;
  position: string;
  location: string;
  roles: DemoRole[];
  /** e-mail of the supervisor; heads report to the Sekretarz, the Sekretarz to the Burmistrz. */
  supervisor?: string;
  headOf?: string;
}

const e = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** The named demo accounts (one per role, listed in the README). */
export const namedUsers: DemoUser[] = [
  { email: e("burmistrz"), firstName: "Wiesław", lastName: "Dziedzic", department: null, position: "Burmistrz", location: "HQ", roles: ["SEKRETARZ"] },
  { email: e("sekretarz"), firstName: "Jolanta", lastName: "Zając", department: "OR", position: "Sekretarz Miasta", location: "HQ", roles: ["SEKRETARZ"], supervisor: e("burmistrz") },
  { email: e("skarbnik"), firstName: "Barbara", lastName: "Łukasik", department: "FN", position: "Skarbnik Miasta", location: "HQ", roles: ["SKARBNIK", "KIEROWNIK"], supervisor: e("burmistrz"), headOf: "FN" },
  { email: e("admin"), firstName: "Tomasz", lastName: "Wrona", department: "OR", position: "Informatyk", location: "HQ", roles: ["ADMINISTRATOR", "PRACOWNIK"], supervisor: e("kierownik.or") },
  { email: e("kancelaria"), firstName: "Anna", lastName: "Kowalczyk", department: "KO", position: "Starszy inspektor", location: "HQ", roles: ["KANCELARIA"], supervisor: e("sekretarz") },
  { email: e("kierownik.gk"), firstName: "Marek", lastName: "Nowak", department: "GK", position: "Naczelnik Wydziału", location: "O11", roles: ["KIEROWNIK"], supervisor: e("sekretarz"), headOf: "GK" },
  { email: e("pracownik.gk"), firstName: "Katarzyna", lastName: "Wiśniewska", department: "GK", position: "Inspektor", location: "O11", roles: ["PRACOWNIK"], supervisor: e("kierownik.gk") },
  { email: e("bip"), firstName: "Paweł", lastName: "Śliwa", department: "OR", position: "Podinspektor", location: "HQ", roles: ["REDAKTOR_BIP", "PRACOWNIK"], supervisor: e("kierownik.or") },
  { email: e("kierownik.or"), firstName: "Ewa", lastName: "Mazur", department: "OR", position: "Naczelnik Wydziału", location: "HQ", roles: ["KIEROWNIK"], supervisor: e("sekretarz"), headOf: "OR" },
];

const FIRST_F = ["Agnieszka", "Małgorzata", "Joanna", "Magdalena", "Monika", "Dorota", "Beata", "Żaneta", "Elżbieta", "Iwona", "Renata", "Grażyna", "Aleksandra", "Justyna", "Halina", "Urszula", "Sylwia", "Łucja", "Marta", "Kinga", "Bożena", "Teresa", "Wioletta", "Ilona", "Natalia"];
const FIRST_M = ["Piotr", "Krzysztof", "Andrzej", "Jan", "Stanisław", "Michał", "Grzegorz", "Józef", "Łukasz", "Zbigniew", "Jerzy", "Dariusz", "Mariusz", "Rafał", "Sławomir", "Wojciech", "Mirosław", "Jacek", "Kamil", "Bartłomiej", "Przemysław", "Zdzisław", "Adam", "Szymon"];
const LAST = [
  ["Kowalska", "Kowalski"], ["Wójcik", "Wójcik"], ["Kamińska", "Kamiński"], ["Lewandowska", "Lewandowski"], ["Zielińska", "Zieliński"],
  ["Szymańska", "Szymański"], ["Woźniak", "Woźniak"], ["Dąbrowska", "Dąbrowski"], ["Kozłowska", "Kozłowski"], ["Jankowska", "Jankowski"],
  ["Wojciechowska", "Wojciechowski"], ["Kwiatkowska", "Kwiatkowski"], ["Krawczyk", "Krawczyk"], ["Kaczmarek", "Kaczmarek"], ["Piotrowska", "Piotrowski"],
  ["Grabowska", "Grabowski"], ["Pawłowska", "Pawłowski"], ["Michalska", "Michalski"], ["Król", "Król"], ["Wieczorek", "Wieczorek"],
  ["Jabłońska", "Jabłoński"], ["Wróbel", "Wróbel"], ["Nowakowska", "Nowakowski"], ["Majewska", "Majewski"], ["Olszewska", "Olszewski"],
  ["Stępień", "Stępień"], ["Malinowska", "Malinowski"], ["Jaworska", "Jaworski"], ["Adamczyk", "Adamczyk"], ["Dudek", "Dudek"],
  ["Nowicka", "Nowicki"], ["Pająk", "Pająk"], ["Górska", "Górski"], ["Sowa", "Sowa"], ["Żak", "Żak"], ["Ślusarczyk", "Ślusarczyk"],
] as const;

const TITLES = ["Inspektor", "Podinspektor", "Starszy inspektor", "Referent", "Główny specjalista", "Inspektor", "Podinspektor"];

/** Heads for the departments the named users do not lead, then clerks across all departments. */
export function generatedUsers(): DemoUser[] {
  const used = new Set(namedUsers.map((u) => u.email));
  const users: DemoUser[] = [];
  let i = 0;
  const make = (department: string, position: string, roles: DemoRole[], extra: Partial<DemoUser> = {}): DemoUser => {
    const female = i % 2 === 0;
    const first = female ? FIRST_F[i % FIRST_F.length]! : FIRST_M[i % FIRST_M.length]!;
    const last = LAST[(i * 7) % LAST.length]![female ? 0 : 1];
    i += 1;
    let email = e(`${fold(first)}.${fold(last)}`);
    for (let n = 2; used.has(email); n += 1) email = e(`${fold(first)}.${fold(last)}${n}`);
    used.add(email);
    const dep = departments.find((d) => d.symbol === department)!;
    return { email, firstName: first, lastName: last, department, position, location: dep.location, roles, ...extra };
  };

  const headed = new Set(namedUsers.map((u) => u.headOf).filter(Boolean));
  const heads = new Map<string, string>(namedUsers.filter((u) => u.headOf).map((u) => [u.headOf!, u.email]));
  for (const d of departments) {
    if (headed.has(d.symbol)) continue;
    const position = d.parent ? "Kierownik Referatu" : d.symbol === "USC" ? "Kierownik Urzędu Stanu Cywilnego" : "Naczelnik Wydziału";
    const supervisor = d.parent ? heads.get(d.parent) : e("sekretarz");
    const head = make(d.symbol, position, ["KIEROWNIK"], { supervisor, headOf: d.symbol });
    heads.set(d.symbol, head.email);
    users.push(head);
  }
  const clerksPer: Record<string, number> = { KO: 2, FN: 3, "FN-P": 3, GK: 3, "GK-D": 2, GP: 4, IR: 4, OS: 3, USC: 2, SO: 4, ZP: 1, EK: 3, ZK: 1, BRM: 1, OR: 1, "OR-K": 1 };
  for (const d of departments) {
    for (let n = 0; n < (clerksPer[d.symbol] ?? 1); n += 1) {
      const roles: DemoRole[] = d.symbol === "KO" ? ["KANCELARIA"] : d.symbol === "FN" ? ["SKARBNIK", "PRACOWNIK"] : ["PRACOWNIK"];
      users.push(make(d.symbol, TITLES[(i + n) % TITLES.length]!, roles, { supervisor: heads.get(d.symbol) }));
    }
  }
  return users;
}

function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}
