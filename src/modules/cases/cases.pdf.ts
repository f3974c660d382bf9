/**
 * Printouts of the cases module: the metryka sprawy (landscape table), the spis spraw and the art. 36
 * KPA notice. Each reads through the visibility-checked services (an invisible case → NOT_FOUND).
 */
import "server-only";
import type { z } from "zod";
import { createTranslator, formatDate, formatDateTime, type MessageKey } from "@/lib/i18n/translator";
import type { ServiceContext } from "@/server/context";
import { renderTablePdf, renderTextPdf } from "@/server/pdf/table-pdf";
import type { ZCaseRegisterInput } from "./cases.schemas";
import { getCaseRegister, getDeadlineNotice, getMetryka } from "./cases.service";

const t = createTranslator("pl");
const day = (d: string) => formatDate(`${d}T12:00:00Z`);
const fileSafe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, "_");

/** The Polish label of an audit action (the action itself when it has none). */
export function actionLabel(action: string): string {
  const key = `audit.actions.${action}`;
  const label = t(key as MessageKey);
  return label === key ? action : label;
}

export async function renderMetrykaPdf(ctx: ServiceContext, caseId: string, now = new Date()): Promise<{ bytes: Uint8Array; fileName: string }> {
  const m = await getMetryka(ctx, caseId);
  const bytes = await renderTablePdf({
    title: `Metryka sprawy ${m.mark}`,
    subtitle: [`Znak sprawy: ${m.mark}`, `Tytuł sprawy: ${m.title}`, `Stan na ${formatDateTime(now)}`],
    columns: [
      { header: "Lp.", width: 5, align: "right" },
      { header: "Data czynności", width: 14 },
      { header: "Osoba (imię, nazwisko, stanowisko)", width: 26 },
      { header: "Czynność", width: 37 },
      { header: "Identyfikator dokumentu", width: 18 },
    ],
    rows: m.rows.map((r, i) => [
      String(i + 1),
      formatDateTime(r.occurredAt),
      r.actorName ? `${r.actorName}${r.actorPosition ? `, ${r.actorPosition}` : ""}` : "system",
      actionLabel(r.action),
      r.documentLabel ?? "—",
    ]),
    emptyText: "Brak zapisanych czynności.",
    landscape: true,
    author: "Obieg",
  });
  return { bytes, fileName: `metryka-${fileSafe(m.mark)}.pdf` };
}

export async function renderCaseRegisterPdf(ctx: ServiceContext, input: z.output<typeof ZCaseRegisterInput>): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const reg = await getCaseRegister(ctx, input, { all: true });
  if (!reg.selection) return null;
  const { department, jrwa, year } = reg.selection;
  const bytes = await renderTablePdf({
    title: "Spis spraw",
    subtitle: [`Komórka organizacyjna: ${department.symbol} — ${department.name}`, `Klasa JRWA: ${jrwa.symbol} ${jrwa.name} (kategoria archiwalna ${jrwa.category ?? "—"})`, `Rok: ${year}`],
    columns: [
      { header: "Lp.", width: 5, align: "right" },
      { header: "Sprawa — znak, tytuł", width: 35 },
      { header: "Od kogo wpłynęła", width: 18 },
      { header: "Data wszczęcia", width: 11 },
      { header: "Data ostatecznego załatwienia", width: 13 },
      { header: "Uwagi", width: 18 },
    ],
    rows: reg.rows.map((r) => [String(r.number), `${r.mark}\n${r.title}`, r.from ?? "", day(r.startDate), r.closedOn ? day(r.closedOn) : "", r.remarks ?? ""]),
    emptyText: "W tym spisie nie ma spraw.",
    landscape: true,
    author: "Obieg",
  });
  return { bytes, fileName: `spis-spraw-${fileSafe(department.symbol)}-${jrwa.symbol}-${year}.pdf` };
}

export async function renderDeadlineNoticePdf(ctx: ServiceContext, caseId: string, noticeId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const n = await getDeadlineNotice(ctx, caseId, noticeId);
  const addressees = n.parties.length ? n.parties.map((p) => (p.address ? `${p.name}, ${p.address}` : p.name)).join("; ") : "strony postępowania";
  const place = n.office?.city ? `${n.office.city}, ${day(n.issuedOn)}` : day(n.issuedOn);
  const bytes = await renderTextPdf({
    title: "Zawiadomienie o niezałatwieniu sprawy w terminie",
    meta: [
      ["Organ", n.office?.name ?? "—"],
      ["Miejsce i data", place],
      ["Znak sprawy", n.mark],
      ["Adresat", addressees],
      ["Sprawa", n.title],
    ],
    paragraphs: [
      `Na podstawie art. 36 § 1 ustawy z dnia 14 czerwca 1960 r. — Kodeks postępowania administracyjnego zawiadamiam, że sprawa „${n.title}” (znak ${n.mark}), wszczęta dnia ${day(n.startDate)}, nie zostanie załatwiona w terminie${n.previousDue ? ` do dnia ${day(n.previousDue)}` : ""}.`,
      `Przyczyna niezałatwienia sprawy w terminie: ${n.reason}`,
      `Nowy termin załatwienia sprawy wyznaczam na dzień ${day(n.newDue)}.`,
      "Pouczenie: zgodnie z art. 37 § 1 Kodeksu postępowania administracyjnego stronie służy prawo do wniesienia ponaglenia, jeżeli nie załatwiono sprawy w terminie określonym w art. 35 lub przepisach szczególnych ani w terminie wskazanym zgodnie z art. 36 § 1 (bezczynność) albo gdy postępowanie jest prowadzone dłużej, niż jest to niezbędne do załatwienia sprawy (przewlekłość). Ponaglenie zawiera uzasadnienie. Ponaglenie wnosi się do organu wyższego stopnia (w sprawach należących do właściwości organów gminy — do samorządowego kolegium odwoławczego) za pośrednictwem organu prowadzącego postępowanie (art. 37 § 3 KPA).",
    ],
    signatureLines: n.author ? [`${n.author.name}${n.author.position ? `, ${n.author.position}` : ""}`] : undefined,
    author: n.author?.name ?? "Obieg",
  });
  return { bytes, fileName: `zawiadomienie-art36-${fileSafe(n.mark)}.pdf` };
}
