/**
 * Demo baza teleadresowa: about forty correspondents of the Boguchwała office — residents (valid,
 * made-up PESELs), local companies (valid, made-up NIP / REGON / KRS) and the institutions the
 * office writes to (starostwo, WIOŚ, ZUS, urząd skarbowy, sądy…) with e-Doręczenia and ePUAP
 * addresses in the right format. Identifiers are fictitious but pass their checksums.
 */
import type { ContactKind, Prisma, PrismaClient } from "@prisma/client";
import { polishSortKey } from "@/lib/polish";
import { contactSearchText, personName } from "@/modules/contacts/contacts.text";

interface DemoAddress {
  street: string;
  postalCode: string;
  city: string;
  label?: string;
}

interface DemoContact {
  kind: ContactKind;
  name?: string;
  firstName?: string;
  lastName?: string;
  pesel?: string;
  nip?: string;
  regon?: string;
  krs?: string;
  email?: string;
  phone?: string;
  eDoreczeniaAddress?: string;
  epuapAddress?: string;
  notes?: string;
  addresses: DemoAddress[];
}

const B = { postalCode: "36-040", city: "Boguchwała" };

export const demoContacts: DemoContact[] = [
  // — Residents (osoby fizyczne) —
  { kind: "PERSON", firstName: "Zofia", lastName: "Żółć", pesel: "85031401527", email: "zofia.zolc@example.pl", phone: "600 123 456", addresses: [{ street: "ul. Kościuszki 12", ...B }] },
  { kind: "PERSON", firstName: "Jan", lastName: "Kowalczyk", pesel: "62013077172", phone: "601 222 333", addresses: [{ street: "Racławówka 145", ...B }] },
  { kind: "PERSON", firstName: "Anna", lastName: "Nowak", pesel: "90070212342", email: "anna.nowak@example.pl", eDoreczeniaAddress: "AE:PL-24817-53096-KTRWA-17", addresses: [{ street: "ul. Techniczna 4/12", ...B }] },
  { kind: "PERSON", firstName: "Piotr", lastName: "Wójcik", pesel: "03312504213", addresses: [{ street: "Wola Zgłobieńska 88", ...B }] },
  { kind: "PERSON", firstName: "Krystyna", lastName: "Mazur", pesel: "78090933386", phone: "17 871 22 10", addresses: [{ street: "Lutoryż 210", ...B }, { street: "ul. Słowackiego 5/2", postalCode: "35-060", city: "Rzeszów", label: "adres do korespondencji" }] },
  { kind: "PERSON", firstName: "Stanisław", lastName: "Krawczyk", pesel: "55121209052", addresses: [{ street: "Niechobrz 301", ...B }] },
  { kind: "PERSON", firstName: "Tomasz", lastName: "Dudek", pesel: "01220555611", email: "t.dudek@example.pl", addresses: [{ street: "Mogielnica 47", ...B }] },
  { kind: "PERSON", firstName: "Katarzyna", lastName: "Pasternak", pesel: "99041728468", eDoreczeniaAddress: "AE:PL-60321-88412-ZKPAS-03", addresses: [{ street: "Zgłobień 156", ...B }] },
  { kind: "PERSON", firstName: "Marek", lastName: "Szczepański", pesel: "70062111138", phone: "602 987 654", addresses: [{ street: "ul. Suszyckich 14", ...B }] },
  { kind: "PERSON", firstName: "Ewa", lastName: "Łukasik", pesel: "88100366242", email: "ewa.lukasik@example.pl", addresses: [{ street: "Nosówka 22", ...B }] },
  { kind: "PERSON", firstName: "Helena", lastName: "Ćwiklińska", pesel: "47050844026", addresses: [{ street: "Zarzecze 9", ...B }] },
  { kind: "PERSON", firstName: "Magdalena", lastName: "Śliwa", pesel: "93081988769", email: "m.sliwa@example.pl", addresses: [{ street: "Niechobrz 12", ...B }] },
  { kind: "PERSON", firstName: "Grzegorz", lastName: "Bąk", pesel: "82122436910", addresses: [{ street: "ul. Kwiatowa 3", ...B }] },
  { kind: "PERSON", firstName: "Andrzej", lastName: "Zając", pesel: "66021422553", phone: "603 111 444", addresses: [{ street: "Racławówka 17", ...B }] },
  { kind: "PERSON", firstName: "Barbara", lastName: "Źrebiec", addresses: [{ street: "ul. Ogrodowa 8", ...B }] },

  // — Companies (firmy) —
  { kind: "COMPANY", name: "Przedsiębiorstwo Gospodarki Komunalnej Boguchwała sp. z o.o.", nip: "8132047296", regon: "181000318", krs: "0000214356", email: "biuro@pgk-boguchwala.example.pl", phone: "17 871 10 20", eDoreczeniaAddress: "AE:PL-31420-77215-PGKBO-41", addresses: [{ street: "ul. Fabryczna 6", ...B }] },
  { kind: "COMPANY", name: "Transbud Rzeszów sp. z o.o.", nip: "5171079198", regon: "691079383", krs: "0000318240", email: "oferty@transbud.example.pl", eDoreczeniaAddress: "AE:PL-44102-19833-TRBUD-08", addresses: [{ street: "ul. Przemysłowa 14", postalCode: "35-105", city: "Rzeszów" }] },
  { kind: "COMPANY", name: "Zakład Usług Leśnych Jan Kowalczyk", nip: "7941158381", regon: "361158454", phone: "601 222 333", addresses: [{ street: "Racławówka 145", ...B }] },
  { kind: "COMPANY", name: "Elektro-Instal Boguchwała s.c.", nip: "8151237572", regon: "011237529", email: "elektro@example.pl", addresses: [{ street: "ul. Tkacka 2", ...B }] },
  { kind: "COMPANY", name: "Geodezja Plus Anna Mazur", nip: "7961316765", regon: "001316596", email: "geodezja.plus@example.pl", addresses: [{ street: "ul. Rynek 3", ...B }] },
  { kind: "COMPANY", name: "Piekarnia Zgłobień s.c.", nip: "8181395956", regon: "521395660", addresses: [{ street: "Zgłobień 200", ...B }] },
  { kind: "COMPANY", name: "Podkarpackie Drogi S.A.", nip: "8132522432", regon: "381474731", krs: "0000467120", eDoreczeniaAddress: "AE:PL-52930-60147-PDROG-26", addresses: [{ street: "al. Rejtana 53", postalCode: "35-326", city: "Rzeszów" }] },
  { kind: "COMPANY", name: "EkoWod Instalacje sp. z o.o.", nip: "5171554334", regon: "181553804", krs: "0000702311", email: "kontakt@ekowod.example.pl", addresses: [{ street: "ul. Warszawska 120", postalCode: "35-205", city: "Rzeszów" }] },
  { kind: "COMPANY", name: "Biuro Projektowe Arkada Marek Szczepański", nip: "8131633520", regon: "691632874", addresses: [{ street: "ul. Suszyckich 14", ...B }] },
  { kind: "COMPANY", name: "Rzeszowskie Zakłady Graficzne S.A.", nip: "7941712713", regon: "361711945", krs: "0000054321", addresses: [{ street: "ul. Lubelska 45", postalCode: "35-233", city: "Rzeszów" }] },
  { kind: "COMPANY", name: "Agro-Mech Lutoryż sp. z o.o.", nip: "5171791904", regon: "181791018", krs: "0000598772", addresses: [{ street: "Lutoryż 45", ...B }] },
  { kind: "COMPANY", name: "Hotel Boguchwała sp. z o.o.", nip: "8131871099", regon: "691870088", krs: "0000377815", email: "recepcja@hotel-boguchwala.example.pl", addresses: [{ street: "ul. Parkowa 1", ...B }] },

  // — Institutions (instytucje) —
  { kind: "INSTITUTION", name: "Starostwo Powiatowe w Rzeszowie", nip: "8151950287", regon: "361949150", email: "starostwo@example.gov.pl", eDoreczeniaAddress: "AE:PL-10520-34178-SPRZE-11", epuapAddress: "/SPRzeszow/SkrytkaESP", addresses: [{ street: "ul. Hetmańska 9", postalCode: "35-045", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Wojewódzki Inspektorat Ochrony Środowiska w Rzeszowie", nip: "8182029478", regon: "012028220", eDoreczeniaAddress: "AE:PL-20731-45289-WIOSR-32", epuapAddress: "/WIOS_Rzeszow/SkrytkaESP", addresses: [{ street: "ul. Langiewicza 26", postalCode: "35-101", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Zakład Ubezpieczeń Społecznych Oddział w Rzeszowie", nip: "7962108661", regon: "002107297", eDoreczeniaAddress: "AE:PL-30842-56390-ZUSRZ-53", epuapAddress: "/ZUS/SkrytkaESP", addresses: [{ street: "ul. Zamkowa 3", postalCode: "35-032", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Pierwszy Urząd Skarbowy w Rzeszowie", nip: "8132187850", regon: "522186360", eDoreczeniaAddress: "AE:PL-40953-67401-USRZE-74", epuapAddress: "/KAS_US_Rzeszow1/SkrytkaESP", addresses: [{ street: "ul. Siemiradzkiego 20", postalCode: "35-959", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Podkarpacki Urząd Wojewódzki w Rzeszowie", nip: "5172267045", regon: "382265432", eDoreczeniaAddress: "AE:PL-51064-78512-PUWRZ-95", epuapAddress: "/PUW_Rzeszow/SkrytkaESP", addresses: [{ street: "ul. Grunwaldzka 15", postalCode: "35-959", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Urząd Marszałkowski Województwa Podkarpackiego", nip: "7942346239", regon: "182344505", eDoreczeniaAddress: "AE:PL-62175-89623-UMWPK-16", epuapAddress: "/UMWP/SkrytkaESP", addresses: [{ street: "al. Łukasza Cieplińskiego 4", postalCode: "35-010", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Regionalna Izba Obrachunkowa w Rzeszowie", nip: "8132425427", regon: "692423575", eDoreczeniaAddress: "AE:PL-73286-90734-RIORZ-37", epuapAddress: "/RIO_Rzeszow/SkrytkaESP", addresses: [{ street: "ul. Kochanowskiego 4", postalCode: "35-959", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Wojewódzki Sąd Administracyjny w Rzeszowie", nip: "8172504618", regon: "362502646", eDoreczeniaAddress: "AE:PL-84397-01845-WSARZ-58", addresses: [{ street: "ul. Kraszewskiego 4a", postalCode: "35-016", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Sąd Rejonowy w Rzeszowie", nip: "8132583801", regon: "182581719", eDoreczeniaAddress: "AE:PL-95408-12956-SRRZE-79", addresses: [{ street: "ul. Piłsudskiego 28", postalCode: "35-001", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Powiatowy Inspektorat Nadzoru Budowlanego w Rzeszowie", nip: "5172662994", regon: "692660789", epuapAddress: "/PINB_Rzeszow/SkrytkaESP", addresses: [{ street: "ul. Targowa 1", postalCode: "35-064", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Komenda Miejska Policji w Rzeszowie", nip: "8182742182", regon: "362739851", epuapAddress: "/KMP_Rzeszow/SkrytkaESP", addresses: [{ street: "ul. Dąbrowskiego 30", postalCode: "35-036", city: "Rzeszów" }] },
  { kind: "INSTITUTION", name: "Państwowe Gospodarstwo Wodne Wody Polskie — Zarząd Zlewni w Rzeszowie", nip: "7942821373", regon: "012818926", eDoreczeniaAddress: "AE:PL-06519-23067-WPZZR-90", addresses: [{ street: "ul. Hetmańska 9", postalCode: "35-045", city: "Rzeszów", label: "siedziba zarządu zlewni" }] },
  { kind: "INSTITUTION", name: "Szkoła Podstawowa nr 1 w Boguchwale", nip: "8152900564", regon: "002897997", email: "sp1@boguchwala.example.pl", epuapAddress: "/SP1Boguchwala/SkrytkaESP", addresses: [{ street: "ul. Suszyckich 2", ...B }] },
];

/** Inserts the demo contacts (with their addresses; the first one primary). Returns how many. */
export async function seedDemoContacts(db: PrismaClient | Prisma.TransactionClient, createdById: string | null = null): Promise<number> {
  for (const c of demoContacts) {
    const name = c.kind === "PERSON" ? personName(c.firstName!, c.lastName!) : c.name!;
    const fields = {
      kind: c.kind,
      name,
      firstName: c.firstName ?? null,
      lastName: c.lastName ?? null,
      pesel: c.pesel ?? null,
      nip: c.nip ?? null,
      regon: c.regon ?? null,
      krs: c.krs ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      eDoreczeniaAddress: c.eDoreczeniaAddress ?? null,
      epuapAddress: c.epuapAddress ?? null,
      notes: c.notes ?? null,
    };
    await db.contact.create({
      data: {
        ...fields,
        sortKey: polishSortKey(name),
        searchText: contactSearchText({ ...fields, addresses: c.addresses }),
        createdById,
        addresses: { create: c.addresses.map((a, i) => ({ street: a.street, postalCode: a.postalCode, city: a.city, label: a.label ?? null, isPrimary: i === 0 })) },
      },
    });
  }
  return demoContacts.length;
}
