/**
 * Demo content of the BIP (a Boguchwała-like town office): the standard menu, pages of the office
 * and its authorities, announcements in every state the public pages must handle (two published
 * versions with a change note, a scheduled one, a withdrawn one, one with a restricted part),
 * uchwały with PDF attachments, three procedure cards linked to ESP forms and the accessibility
 * statement. Called from seedDemoIfEmpty inside its transaction.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { ensureBipMenu } from "@/modules/bip/bip.menu-seed";
import type { AccessibilityStatement, ProcedureCard } from "@/modules/bip/bip.schemas";
import { getFileStore } from "@/server/integrations/storage";
import { renderTextPdf } from "@/server/pdf/table-pdf";
import { DEMO_DOMAIN, office } from "./demo-data";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 60 * 60 * 1000;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A tiny markup for the demo texts: blocks separated by blank lines; "## " a heading, lines
 * starting with "- " a list. Returns sanitised-by-construction HTML and the plain text.
 */
export function demoBody(source: string): { bodyHtml: string; bodyText: string } {
  const blocks = source.trim().split(/\n\s*\n/).map((b) => b.trim());
  const html = blocks.map((b) => {
    if (b.startsWith("## ")) return `<h2>${escapeHtml(b.slice(3))}</h2>`;
    const lines = b.split("\n").map((l) => l.trim());
    if (lines.every((l) => l.startsWith("- "))) return `<ul>${lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join("")}</ul>`;
    return `<p>${escapeHtml(lines.join(" "))}</p>`;
  });
  const text = blocks.map((b) => (b.startsWith("## ") ? b.slice(3) : b.split("\n").map((l) => l.trim().replace(/^- /, "")).join("\n"))).join("\n\n");
  return { bodyHtml: html.join("\n"), bodyText: text };
}

interface DemoVersion {
  title: string;
  summary: string;
  body: string;
  producedBy: string;
  producedAt: string;
  publishAt: Date;
  changeNote?: string;
  procedure?: ProcedureCard;
  restriction?: { scope: string; basis: string; by: string };
}

const card = (c: Partial<ProcedureCard>): ProcedureCard => ({ documents: [], fees: "", deadline: "", where: "", who: "", appeal: "", legalBasis: "", ...c });

export async function seedDemoBip(tx: Tx, now = new Date()): Promise<void> {
  await ensureBipMenu(tx);
  const editor = await tx.user.findUnique({ where: { email: `bip@${DEMO_DOMAIN}` }, select: { id: true } });
  if (!editor) return;
  const secretary = await tx.user.findUnique({ where: { email: `sekretarz@${DEMO_DOMAIN}` }, select: { id: true } });
  const menus = await tx.bipMenuItem.findMany({ select: { id: true, slug: true, parentId: true } });
  const menuId = (slug: string) => {
    const m = menus.find((x) => x.slug === slug);
    if (!m) throw new Error(`BIP demo: no menu item ${slug}`);
    return m.id;
  };
  const ago = (days: number, hour = 9) => new Date(now.getTime() - days * DAY - (now.getTime() % DAY) + (hour - 1) * 3_600_000);
  const store = getFileStore();

  async function addArticle(menu: string, versions: DemoVersion[], extra: { espFormCode?: string; withdrawn?: { at: Date; reason: string }; viewCount?: number } = {}) {
    const article = await tx.bipArticle.create({
      data: {
        menuItemId: menuId(menu),
        status: extra.withdrawn ? "WITHDRAWN" : "PUBLISHED",
        espFormCode: extra.espFormCode ?? null,
        viewCount: extra.viewCount ?? 0,
        createdById: editor!.id,
        withdrawnAt: extra.withdrawn?.at ?? null,
        withdrawnById: extra.withdrawn ? editor!.id : null,
        withdrawalReason: extra.withdrawn?.reason ?? null,
      },
    });
    for (const [i, v] of versions.entries()) {
      const submittedAt = new Date(Math.min(v.publishAt.getTime(), now.getTime()) - 2 * 3_600_000);
      await tx.bipArticleVersion.create({
        data: {
          articleId: article.id,
          number: i + 1,
          status: "APPROVED",
          title: v.title,
          summary: v.summary,
          ...demoBody(v.body),
          procedure: v.procedure,
          producedBy: v.producedBy,
          producedAt: new Date(`${v.producedAt}T00:00:00Z`),
          enteredById: editor!.id,
          changeNote: v.changeNote ?? "",
          restrictionScope: v.restriction?.scope,
          restrictionBasis: v.restriction?.basis,
          restrictedBy: v.restriction?.by,
          submittedAt,
          reviewedById: editor!.id,
          reviewedAt: new Date(submittedAt.getTime() + 3_600_000),
          publishAt: v.publishAt,
        },
      });
    }
    return article;
  }

  async function attachPdf(articleId: string, title: string, fileName: string, paragraphs: string[]) {
    const bytes = await renderTextPdf({ title, paragraphs, author: office.name });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await store.put(sha256, bytes);
    await tx.fileBlob.upsert({ where: { sha256 }, create: { sha256, size: bytes.length }, update: {} });
    await tx.bipAttachment.create({
      data: { articleId, addedInVersion: 1, title, fileName, mimeType: "application/pdf", size: bytes.length, sha256, createdById: editor!.id },
    });
  }

  const OR = "Wydział Organizacyjny — Ewa Mazur, Naczelnik Wydziału";
  const year = now.getUTCFullYear();
  const date = (d: Date) => d.toISOString().slice(0, 10);

  // --- Pages ---------------------------------------------------------------------------------
  await addArticle("o-urzedzie", [
    {
      title: "O urzędzie",
      summary: `${office.name} — siedziba, godziny pracy, dane identyfikacyjne i zadania urzędu.`,
      body: `${office.name} jest aparatem pomocniczym Burmistrza Boguchwały, przy pomocy którego Burmistrz wykonuje zadania gminy miejsko-wiejskiej Boguchwała.

## Siedziba
${office.street}, ${office.postalCode} ${office.city}, tel. ${office.phone}, e-mail: ${office.email}.

## Godziny pracy
- poniedziałek: 7:30–17:00
- wtorek–czwartek: 7:30–15:30
- piątek: 7:30–14:00

## Dane identyfikacyjne
- NIP: ${office.nip}
- REGON: ${office.regon}
- Adres skrytki ESP: ${office.epuapAddress}

Urząd działa na podstawie ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz Regulaminu Organizacyjnego nadanego zarządzeniem Burmistrza.`,
      producedBy: OR,
      producedAt: `${year}-01-15`,
      publishAt: ago(300),
    },
  ], { viewCount: 412 });

  await addArticle("wladze", [
    {
      title: "Władze Miasta i Gminy Boguchwała",
      summary: "Burmistrz, Zastępca Burmistrza, Sekretarz i Skarbnik — zakres zadań i kontakt.",
      body: `## Burmistrz Boguchwały
Wiesław Dziedzic — kieruje bieżącymi sprawami gminy i reprezentuje ją na zewnątrz. Przyjmuje mieszkańców w poniedziałki w godzinach 13:00–17:00, pokój 12. Tel. 17 875 09 01.

## Zastępca Burmistrza
Grzegorz Lis — nadzoruje sprawy inwestycji, gospodarki komunalnej i ochrony środowiska. Tel. 17 875 09 02.

## Sekretarz Miasta
Jolanta Zając — odpowiada za organizację pracy urzędu i obsługę mieszkańców. Tel. 17 875 09 03.

## Skarbnik Miasta
Barbara Łukasik — główny księgowy budżetu gminy. Tel. 17 875 09 04.`,
      producedBy: OR,
      producedAt: `${year}-01-15`,
      publishAt: ago(300, 10),
    },
  ], { viewCount: 233 });

  await addArticle("kontakt", [
    {
      title: "Kontakt",
      summary: `Adres, telefony i adresy elektroniczne ${office.name}.`,
      body: `${office.name}
${office.street}, ${office.postalCode} ${office.city}

- Sekretariat: tel. ${office.phone}, e-mail: ${office.email}
- Kancelaria (składanie pism): parter, pokój 1
- Elektroniczna skrzynka podawcza: ${office.epuapAddress}
- Rachunek bankowy: Bank Spółdzielczy w Boguchwale, 12 9158 0006 0000 0000 0000 0001

Pisma w postaci elektronicznej można złożyć także przez Elektroniczną Skrzynkę Podawczą urzędu na tej stronie (zakładka „Jak załatwić sprawę”).`,
      producedBy: OR,
      producedAt: `${year}-02-01`,
      publishAt: ago(280),
    },
  ], { viewCount: 187 });

  // --- Ogłoszenia ------------------------------------------------------------------------------
  const auctionBody = (day: string) => `Burmistrz Boguchwały ogłasza pierwszy przetarg ustny nieograniczony na sprzedaż nieruchomości gruntowej niezabudowanej położonej w miejscowości Lutoryż, oznaczonej jako działka nr 1234/5 o powierzchni 0,1021 ha, objętej księgą wieczystą RZ1Z/00012345/6.

Cena wywoławcza: 120 000,00 zł (w tym VAT). Wadium: 12 000,00 zł, płatne do dnia poprzedzającego przetarg.

Przetarg odbędzie się ${day} ${year} r. o godz. 10:00 w sali narad ${office.name}, ${office.street}.

Szczegółowe informacje można uzyskać w Wydziale Gospodarki Nieruchomościami, pokój 21, tel. 17 875 09 21.`;
  await addArticle("ogloszenia", [
    {
      title: "Ogłoszenie o przetargu na sprzedaż nieruchomości w Lutoryżu",
      summary: "Pierwszy przetarg ustny nieograniczony na sprzedaż działki nr 1234/5 w Lutoryżu.",
      body: auctionBody("10 grudnia"),
      producedBy: "Wydział Gospodarki Nieruchomościami — Marek Nowak, Naczelnik Wydziału",
      producedAt: date(ago(12)),
      publishAt: ago(10),
    },
    {
      title: "Ogłoszenie o przetargu na sprzedaż nieruchomości w Lutoryżu",
      summary: "Pierwszy przetarg ustny nieograniczony na sprzedaż działki nr 1234/5 w Lutoryżu — termin przetargu zmieniony na 17 grudnia.",
      body: auctionBody("17 grudnia"),
      producedBy: "Wydział Gospodarki Nieruchomościami — Marek Nowak, Naczelnik Wydziału",
      producedAt: date(ago(3)),
      publishAt: ago(2, 11),
      changeNote: "Zmiana terminu przetargu z 10 na 17 grudnia (zarządzenie Burmistrza).",
    },
  ], { viewCount: 96 });

  await addArticle("ogloszenia", [
    {
      title: `Obwieszczenie o zimowym utrzymaniu dróg gminnych w sezonie ${year}/${year + 1}`,
      summary: "Wykaz dróg gminnych odśnieżanych w pierwszej kolejności i numery telefonów dyżurnych.",
      body: `Informujemy, że zimowe utrzymanie dróg gminnych w sezonie ${year}/${year + 1} prowadzi Oddział Gospodarki Komunalnej.

Dyżur całodobowy: tel. 17 875 09 21.

W pierwszej kolejności odśnieżane są drogi dojazdowe do szkół, przedszkoli i przystanków komunikacji publicznej.`,
      producedBy: "Oddział Gospodarki Komunalnej",
      producedAt: date(now),
      publishAt: new Date(now.getTime() + 3 * DAY),
    },
  ]);

  await addArticle("ogloszenia", [
    {
      title: "Nabór na stanowisko podinspektora w Wydziale Organizacyjnym",
      summary: "Ogłoszenie o wolnym stanowisku urzędniczym — termin składania dokumentów minął.",
      body: `Burmistrz Boguchwały ogłasza nabór na wolne stanowisko urzędnicze: podinspektor w Wydziale Organizacyjnym (1 etat).

Wymagania niezbędne: wykształcenie wyższe, obywatelstwo polskie, pełna zdolność do czynności prawnych.

Dokumenty należy składać w kancelarii urzędu do dnia ${date(ago(40))}.`,
      producedBy: OR,
      producedAt: date(ago(70)),
      publishAt: ago(68),
    },
  ], { withdrawn: { at: ago(35), reason: "Nabór zakończony — ogłoszenie przeniesione do archiwum." }, viewCount: 154 });

  await addArticle("ogloszenia", [
    {
      title: "Informacja o wynikach naboru na stanowisko podinspektora",
      summary: "Wynik naboru na wolne stanowisko urzędnicze w Wydziale Organizacyjnym.",
      body: `Informujemy, że w wyniku zakończenia procedury naboru na stanowisko podinspektora w Wydziale Organizacyjnym wybrana została Pani Anna K., zamieszkała w Boguchwale.

Uzasadnienie: kandydatka spełniła wszystkie wymagania niezbędne i dodatkowe, a podczas rozmowy kwalifikacyjnej wykazała się najlepszą znajomością przepisów.

Dane pozostałych kandydatów nie są udostępniane.`,
      producedBy: OR,
      producedAt: date(ago(30)),
      publishAt: ago(29),
      restriction: {
        scope: "Imiona i nazwiska kandydatów niewyłonionych w naborze",
        basis: "art. 5 ust. 2 ustawy z dnia 6 września 2001 r. o dostępie do informacji publicznej (prywatność osoby fizycznej)",
        by: "Jolanta Zając, Sekretarz Miasta",
      },
    },
  ], { viewCount: 61 });

  await addArticle("ogloszenia", [
    {
      title: `Konsultacje projektu programu współpracy z organizacjami pozarządowymi na ${year + 1} rok`,
      summary: "Zaproszenie organizacji pozarządowych do zgłaszania uwag do projektu programu.",
      body: `Burmistrz Boguchwały zaprasza organizacje pozarządowe do udziału w konsultacjach projektu „Programu współpracy Gminy Boguchwała z organizacjami pozarządowymi na ${year + 1} rok”.

Uwagi można zgłaszać do ${date(new Date(now.getTime() + 14 * DAY))} przez Elektroniczną Skrzynkę Podawczą (pismo ogólne) lub w kancelarii urzędu.`,
      producedBy: OR,
      producedAt: date(ago(6)),
      publishAt: ago(5),
    },
  ], { viewCount: 38 });

  // --- Prawo lokalne: uchwały with PDFs -----------------------------------------------------------
  const resolutions = [
    {
      number: `XII/105/${year}`,
      subject: `w sprawie określenia wysokości stawek podatku od nieruchomości na ${year + 1} rok`,
      text: [
        "Na podstawie art. 18 ust. 2 pkt 8 i art. 40 ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 5 ust. 1 ustawy z dnia 12 stycznia 1991 r. o podatkach i opłatach lokalnych Rada Miejska w Boguchwale uchwala, co następuje:",
        "§ 1. Określa się wysokość stawek podatku od nieruchomości: od gruntów związanych z prowadzeniem działalności gospodarczej — 1,15 zł od 1 m² powierzchni; od budynków mieszkalnych — 0,98 zł od 1 m² powierzchni użytkowej.",
        "§ 2. Wykonanie uchwały powierza się Burmistrzowi Boguchwały.",
        `§ 3. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Podkarpackiego, z mocą od 1 stycznia ${year + 1} r.`,
      ],
      days: 20,
    },
    {
      number: `XII/106/${year}`,
      subject: "w sprawie przyjęcia regulaminu utrzymania czystości i porządku na terenie Gminy Boguchwała",
      text: [
        "Na podstawie art. 4 ust. 1 ustawy z dnia 13 września 1996 r. o utrzymaniu czystości i porządku w gminach Rada Miejska w Boguchwale uchwala, co następuje:",
        "§ 1. Przyjmuje się regulamin utrzymania czystości i porządku na terenie Gminy Boguchwała, stanowiący załącznik do uchwały.",
        "§ 2. Traci moc dotychczasowy regulamin.",
        "§ 3. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Podkarpackiego.",
      ],
      days: 19,
    },
  ];
  for (const r of resolutions) {
    const title = `Uchwała nr ${r.number} Rady Miejskiej w Boguchwale ${r.subject}`;
    const a = await addArticle("uchwaly", [
      {
        title,
        summary: `Uchwała Rady Miejskiej w Boguchwale ${r.subject}.`,
        body: r.text.join("\n\n"),
        producedBy: "Biuro Rady Miejskiej — Przewodniczący Rady Miejskiej",
        producedAt: date(ago(r.days + 3)),
        publishAt: ago(r.days),
      },
    ], { viewCount: 70 + r.days });
    await attachPdf(a.id, `Uchwała nr ${r.number} (PDF)`, `uchwala-${r.number.replace(/\//g, "-")}.pdf`, [title, ...r.text]);
  }

  await addArticle("zarzadzenia", [
    {
      title: `Zarządzenie nr 210/${year} Burmistrza Boguchwały w sprawie ustalenia dnia wolnego od pracy`,
      summary: "Dzień wolny od pracy dla pracowników urzędu w zamian za święto przypadające w sobotę.",
      body: `Na podstawie art. 130 § 2 Kodeksu pracy zarządzam, co następuje:

§ 1. Ustala się dzień 24 grudnia ${year} r. dniem wolnym od pracy dla pracowników ${office.name}.

§ 2. Zarządzenie wchodzi w życie z dniem podpisania.`,
      producedBy: "Burmistrz Boguchwały — Wiesław Dziedzic",
      producedAt: date(ago(15)),
      publishAt: ago(14),
    },
  ]);

  await addArticle("zamowienia-publiczne", [
    {
      title: `Plan postępowań o udzielenie zamówień publicznych na ${year} rok`,
      summary: "Plan postępowań zamawiającego (art. 23 ustawy Prawo zamówień publicznych).",
      body: `Gmina Boguchwała przedstawia plan postępowań o udzielenie zamówień publicznych, które przewiduje przeprowadzić w ${year} roku.

- Przebudowa drogi gminnej w Niechobrzu — roboty budowlane, II kwartał
- Dostawa energii elektrycznej — dostawy, III kwartał
- Odbiór odpadów komunalnych — usługi, IV kwartał`,
      producedBy: "Referat Zamówień Publicznych",
      producedAt: `${year}-01-20`,
      publishAt: ago(290),
    },
  ]);

  await addArticle("oswiadczenia-majatkowe", [
    {
      title: `Oświadczenia majątkowe za ${year - 1} rok`,
      summary: "Oświadczenia majątkowe Burmistrza, Zastępcy Burmistrza, Sekretarza i Skarbnika.",
      body: `Publikujemy oświadczenia majątkowe złożone za ${year - 1} rok przez osoby zobowiązane (art. 24h ustawy o samorządzie gminnym).

Jawne są wszystkie informacje zawarte w oświadczeniach, z wyjątkiem adresu zamieszkania składającego oświadczenie oraz miejsca położenia nieruchomości.`,
      producedBy: OR,
      producedAt: `${year}-05-20`,
      publishAt: ago(180),
      restriction: {
        scope: "Adres zamieszkania składających oświadczenia oraz miejsce położenia nieruchomości",
        basis: "art. 24i ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym",
        by: "Wiesław Dziedzic, Burmistrz Boguchwały",
      },
    },
  ]);

  // --- Jak załatwić sprawę ---------------------------------------------------------------------
  const where = `Kancelaria ${office.name}, ${office.street} (parter, pokój 1), pn. 7:30–17:00, wt.–czw. 7:30–15:30, pt. 7:30–14:00; elektronicznie przez ESP.`;
  await addArticle("jak-zalatwic-sprawe", [
    {
      title: "Wydanie zezwolenia na zajęcie pasa drogowego",
      summary: "Zezwolenie na zajęcie pasa drogi gminnej na prowadzenie robót, umieszczenie urządzeń lub reklamy.",
      body: "Zezwolenia na zajęcie pasa drogowego drogi gminnej wymaga prowadzenie robót w pasie drogowym, umieszczenie w nim urządzeń infrastruktury lub obiektów niezwiązanych z potrzebami zarządzania drogami.",
      producedBy: "Wydział Gospodarki Komunalnej — Marek Nowak, Naczelnik Wydziału",
      producedAt: `${year}-03-01`,
      publishAt: ago(260),
      procedure: card({
        documents: ["Wniosek o wydanie zezwolenia na zajęcie pasa drogowego", "Plan sytuacyjny w skali 1:1000 lub 1:500 z zaznaczeniem zajmowanej powierzchni", "Projekt organizacji ruchu zatwierdzony przez organ zarządzający ruchem", "Harmonogram robót"],
        fees: "Opłata za zajęcie pasa drogowego według stawek z uchwały Rady Miejskiej (od 2 do 10 zł za 1 m² dziennie); za pełnomocnictwo 17 zł opłaty skarbowej.",
        deadline: "Do 30 dni, w sprawach szczególnie skomplikowanych do 60 dni.",
        where,
        who: "Wydział Gospodarki Komunalnej, pokój 24, tel. 17 875 09 24.",
        appeal: "Odwołanie do Samorządowego Kolegium Odwoławczego w Rzeszowie za pośrednictwem Burmistrza Boguchwały w terminie 14 dni od doręczenia decyzji.",
        legalBasis: "Art. 40 ustawy z dnia 21 marca 1985 r. o drogach publicznych; rozporządzenie Rady Ministrów z dnia 1 czerwca 2004 r. w sprawie określenia warunków udzielania zezwoleń na zajęcie pasa drogowego.",
      }),
    },
  ], { espFormCode: "zajecie-pasa", viewCount: 129 });

  await addArticle("jak-zalatwic-sprawe", [
    {
      title: "Zezwolenie na usunięcie drzew lub krzewów (wycinka drzew)",
      summary: "Zezwolenie na wycinkę drzew i krzewów oraz zgłoszenie zamiaru usunięcia drzew przez osoby fizyczne.",
      body: "Usunięcie drzewa lub krzewu z terenu nieruchomości wymaga zezwolenia Burmistrza albo — w przypadku osób fizycznych usuwających drzewa na cele niezwiązane z działalnością gospodarczą — zgłoszenia, gdy obwód pnia przekracza progi ustawowe.",
      producedBy: "Wydział Ochrony Środowiska",
      producedAt: `${year}-03-01`,
      publishAt: ago(255),
      procedure: card({
        documents: ["Wniosek o wydanie zezwolenia na usunięcie drzew lub krzewów", "Zgoda właściciela nieruchomości, jeżeli wnioskodawca nie jest właścicielem", "Rysunek lub mapa określająca usytuowanie drzew", "Projekt planu nasadzeń zastępczych (jeśli jest planowany)"],
        fees: "Wydanie zezwolenia jest bezpłatne; opłata za usunięcie drzew może zostać naliczona w decyzji.",
        deadline: "Do 30 dni; zgłoszenie — 14 dni na oględziny.",
        where,
        who: "Wydział Ochrony Środowiska, pokój 26, tel. 17 875 09 26.",
        appeal: "Odwołanie do Samorządowego Kolegium Odwoławczego w Rzeszowie w terminie 14 dni od doręczenia decyzji.",
        legalBasis: "Art. 83–90 ustawy z dnia 16 kwietnia 2004 r. o ochronie przyrody.",
      }),
    },
  ], { espFormCode: "wycinka-drzew", viewCount: 88 });

  await addArticle("jak-zalatwic-sprawe", [
    {
      title: "Pismo ogólne do urzędu",
      summary: "Wniosek, skarga, zapytanie lub inne pismo w sprawie, dla której nie ma osobnego formularza.",
      body: "Przez Elektroniczną Skrzynkę Podawczą można złożyć dowolne pismo do urzędu. Po złożeniu pisma otrzymasz od razu urzędowe poświadczenie przedłożenia (UPP) oraz numer, pod którym sprawdzisz stan sprawy.",
      producedBy: OR,
      producedAt: `${year}-03-01`,
      publishAt: ago(250),
      procedure: card({
        documents: ["Treść pisma", "Załączniki, jeśli są potrzebne (PDF, DOCX, ODT, JPG, XML)"],
        fees: "Bez opłat (chyba że przepis szczególny przewiduje opłatę skarbową).",
        deadline: "Bez zbędnej zwłoki, nie później niż w ciągu miesiąca (art. 35 KPA); informacja publiczna — 14 dni.",
        where,
        who: "Kancelaria urzędu, tel. 17 875 09 05.",
        legalBasis: "Art. 63 ustawy z dnia 14 czerwca 1960 r. Kodeks postępowania administracyjnego.",
      }),
    },
  ], { espFormCode: "pismo-ogolne", viewCount: 152 });

  // --- Settings and the accessibility statement ------------------------------------------------
  const accessibility: AccessibilityStatement = {
    publishedOn: `${year - 1}-03-15`,
    updatedOn: `${year}-03-28`,
    status: "czesciowo-zgodna",
    nonCompliance:
      "Część dokumentów PDF opublikowanych przed 2024 rokiem to skany bez warstwy tekstowej.\nNiektóre filmy z sesji Rady Miejskiej nie mają napisów dla osób głuchych.",
    preparedOn: `${year}-03-28`,
    assessment: "Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.",
    contactPerson: "Paweł Śliwa",
    contactEmail: `bip@${DEMO_DOMAIN}`,
    contactPhone: "17 875 09 27",
    architecture:
      `Budynek urzędu przy ${office.street} ma wejście z poziomu chodnika od strony parkingu. Przed budynkiem wyznaczono dwa miejsca parkingowe dla osób z niepełnosprawnościami. Na parterze znajduje się kancelaria i toaleta dostosowana do potrzeb osób na wózkach. Do budynku można wejść z psem asystującym. W kancelarii dostępna jest pętla indukcyjna.`,
    other: "Na stronie można korzystać ze standardowych skrótów klawiaturowych przeglądarki. Tłumacz języka migowego jest dostępny po wcześniejszym zgłoszeniu (3 dni robocze) — art. 11 ustawy o języku migowym.",
  };
  await tx.bipSettings.update({
    where: { id: 1 },
    data: {
      publisher: office.name,
      editorName: "Paweł Śliwa — redaktor BIP",
      editorPhone: "17 875 09 27",
      editorEmail: `bip@${DEMO_DOMAIN}`,
      accessibility,
      updatedById: secretary?.id ?? editor.id,
    },
  });
}
