/**
 * Shared, client-safe shapes of the BIP: the menu's special pages, the procedure card of "Jak
 * załatwić sprawę", the accessibility statement's data, and the public URLs. The editor (staff)
 * and the public pages both build on these.
 */
import { z } from "zod";

export const BIP_PATH = "/bip";

/** Pages the system builds from its own data (BipMenuItem.kind = SPECIAL, BipMenuItem.special). */
export const BIP_SPECIALS = [
  "struktura", // Struktura organizacyjna: from departments, heads, locations
  "redakcja", // Redakcja: the editors' contacts (BipSettings)
  "instrukcja", // Instrukcja korzystania z BIP
  "informacje-nieudostepnione", // how to request other information (14 days)
  "deklaracja-dostepnosci", // the accessibility statement (BipSettings.accessibility)
  "jak-zalatwic-sprawe", // the procedure cards (articles with a procedure) and their ESP forms
  "rejestr-umow", // Rejestr umów (the contracts module adds its register; until then its articles)
  "podpisy", // Podpisy elektroniczne: the office's CA certificates and CRL
  "archiwum", // withdrawn articles, never deleted
] as const;
export type BipSpecial = (typeof BIP_SPECIALS)[number];

const text = (max: number) => z.string().trim().max(max, `Najwyżej ${max} znaków.`);

/** "Jak załatwić sprawę": a procedure card. */
export const ZProcedureCard = z.object({
  /** Wymagane dokumenty. */
  documents: z.array(text(500).min(1)).max(30).default([]),
  /** Opłaty, e.g. "82 zł opłaty skarbowej (art. … ustawy o opłacie skarbowej)". */
  fees: text(2000).default(""),
  /** Termin załatwienia, e.g. "do 30 dni". */
  deadline: text(500).default(""),
  /** Miejsce złożenia (address, room, hours). */
  where: text(1000).default(""),
  /** Komórka / osoba odpowiedzialna, with contact. */
  who: text(1000).default(""),
  /** Tryb odwoławczy. */
  appeal: text(2000).default(""),
  /** Podstawa prawna. */
  legalBasis: text(2000).default(""),
});
export type ProcedureCard = z.infer<typeof ZProcedureCard>;

/**
 * Deklaracja dostępności: the data of the Ministry's template (the statement page renders it in
 * that structure with its required ids: a11y-wstep, a11y-podmiot, a11y-url, a11y-data-publikacja,
 * a11y-data-aktualizacja, a11y-status, a11y-ocena, a11y-kontakt, a11y-procedura, a11y-architektura, …).
 */
export const ZAccessibilityStatement = z.object({
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal("")).default(""),
  updatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal("")).default(""),
  /** "zgodna" | "częściowo zgodna" | "niezgodna" with WCAG 2.1 AA. */
  status: z.enum(["zgodna", "czesciowo-zgodna", "niezgodna"]).default("zgodna"),
  /** What is not accessible and why (non-compliance, disproportionate burden, out of scope). */
  nonCompliance: text(5000).default(""),
  preparedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal("")).default(""),
  /** How it was assessed, e.g. "samoocena przeprowadzona przez podmiot publiczny". */
  assessment: text(1000).default(""),
  contactPerson: text(200).default(""),
  contactEmail: text(200).default(""),
  contactPhone: text(50).default(""),
  /** Architectural accessibility of each building. */
  architecture: text(10000).default(""),
  /** Keyboard shortcuts, sign-language interpreter, other notes. */
  other: text(5000).default(""),
});
export type AccessibilityStatement = z.infer<typeof ZAccessibilityStatement>;

/** /bip/artykul/<seq> — the stable address of an article (its current version). */
export const bipArticleHref = (seq: number) => `${BIP_PATH}/artykul/${seq}`;
/** /bip/artykul/<seq>/wersja/<n> — one version from the change register. */
export const bipVersionHref = (seq: number, number: number) => `${BIP_PATH}/artykul/${seq}/wersja/${number}`;
/** /bip/<slug>/<child>… — a menu item's page. */
export const bipMenuHref = (slugs: readonly string[]) => `${BIP_PATH}/${slugs.map(encodeURIComponent).join("/")}`;
/** /bip/zalacznik/<id> — an attachment download (counted). */
export const bipAttachmentHref = (id: string) => `${BIP_PATH}/zalacznik/${id}`;
