/**
 * Pure helpers of the contacts module: display name, one-line address, search text, PESEL mask and
 * the name/address similarity used by duplicate detection. Client-safe, unit-tested.
 */
import { foldText } from "@/lib/polish";

/** A person's display name as the registers sort it: "Kowalski Jan". */
export function personName(firstName: string, lastName: string): string {
  return `${lastName} ${firstName}`.replace(/\s+/g, " ").trim();
}

export interface AddressParts {
  street: string;
  postalCode: string;
  city: string;
  country?: string | null;
}

/** "ul. Kościuszki 1, 36-040 Boguchwała" (the country added when not Poland). */
export function addressLine(a: AddressParts): string {
  const country = a.country && a.country !== "Polska" ? `, ${a.country}` : "";
  return `${a.street}, ${a.postalCode} ${a.city}${country}`;
}

/**
 * The folded text a contact is found by: names, NIP, REGON, KRS, e-mail, phone, electronic
 * addresses and every address. The PESEL is left out on purpose (it is shown masked, so partial
 * matches would leak it); an exact 11-digit PESEL is searched separately.
 */
export function contactSearchText(c: {
  name: string;
  firstName?: string | null;
  lastName?: string | null;
  nip?: string | null;
  regon?: string | null;
  krs?: string | null;
  email?: string | null;
  phone?: string | null;
  eDoreczeniaAddress?: string | null;
  epuapAddress?: string | null;
  addresses?: AddressParts[];
}): string {
  const parts = [c.name, c.firstName, c.lastName, c.nip, c.regon, c.krs, c.email, c.phone, c.eDoreczeniaAddress, c.epuapAddress, ...(c.addresses ?? []).map(addressLine)];
  return foldText(parts.filter(Boolean).join(" "));
}

/** The PESEL with only its last four digits visible: "•••••••1234". */
export function maskPesel(pesel: string): string {
  return `${"•".repeat(Math.max(0, pesel.length - 4))}${pesel.slice(-4)}`;
}

const NAME_STOP_WORDS = new Set(["sp", "spolka", "zoo", "z", "o", "oo", "sa", "sc", "ul", "i", "w", "we", "na", "do", "pan", "pani"]);

/** The meaningful folded words of a name (legal-form words and one-letter words dropped). */
export function nameWords(name: string): Set<string> {
  return new Set(
    foldText(name)
      .replace(/[^a-z0-9 ]/g, " ")
      .split(" ")
      .filter((w) => w.length >= 2 && !NAME_STOP_WORDS.has(w)),
  );
}

/**
 * Names are similar when (folded, any order, legal-form words ignored) more than half of the words
 * of the longer one are shared — "Jan Kowalski" ~ "Kowalski Jan", "Żółć Zofia" ~ "Zolc Zofia" — or
 * the shorter name is wholly inside the longer one ("Budimex SA" ~ "Budimex SA Oddział Rzeszów").
 * Two people sharing only a surname or only a first name ("Nowak Jan", "Nowak Anna") are not.
 */
export function similarNames(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.size === 0 || wb.size === 0) return false;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common += 1;
  const shorter = wa.size <= wb.size ? wa : wb;
  const contained = common === shorter.size && (shorter.size >= 2 || [...shorter][0]!.length >= 4);
  return common / Math.max(wa.size, wb.size) > 0.5 || contained;
}

/** A street compared loosely: folded, without "ul."/"al."/"os."/"pl." and punctuation. */
export function streetKey(street: string): string {
  return foldText(street)
    .replace(/\b(ul|ulica|al|aleja|os|osiedle|pl|plac)\b\.?/g, " ")
    .replace(/[^a-z0-9/]/g, "");
}
