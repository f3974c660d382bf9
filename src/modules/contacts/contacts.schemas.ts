/**
 * Inputs and DTOs of the baza teleadresowa (contacts). Client-safe: forms validate with the
 * router's schemas. Identifiers are checked by their checksums (src/lib/identifiers.ts) and stored
 * as digits only; empty optional fields become null.
 */
import { z } from "zod";
import {
  digitsOf,
  isValidEDoreczeniaAddress,
  isValidEpuapAddress,
  isValidKrs,
  isValidNip,
  isValidPesel,
  isValidPostalCode,
  isValidRegon,
  normalizeEDoreczeniaAddress,
} from "@/lib/identifiers";

export const CONTACTS_PAGE_SIZE = 25;
export const CONTACT_HISTORY_PAGE_SIZE = 10;
export const CONTACT_KINDS = ["PERSON", "INSTITUTION", "COMPANY"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

const ZId = z.string().min(1).max(64);
export const ZContactKind = z.enum(CONTACT_KINDS, { error: "Wybierz rodzaj kontaktu." });

/** An optional text field: trimmed, "" → null. */
const optionalText = (max: number, tooLong = `Najwyżej ${max} znaków.`) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** An optional identifier: spaces and hyphens dropped, checked by `valid`, "" → null. */
const optionalIdentifier = (valid: (v: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .max(40, message)
    .optional()
    .nullable()
    .refine((v) => !v || valid(v), message)
    .transform((v) => (v ? digitsOf(v).replace(/^PL/i, "") : null));

export const ZPesel = optionalIdentifier(isValidPesel, "Nieprawidłowy PESEL: 11 cyfr, data urodzenia i cyfra kontrolna muszą się zgadzać.");
export const ZNip = optionalIdentifier(isValidNip, "Nieprawidłowy NIP: 10 cyfr z poprawną cyfrą kontrolną.");
export const ZRegon = optionalIdentifier(isValidRegon, "Nieprawidłowy REGON: 9 lub 14 cyfr z poprawną cyfrą kontrolną.");
export const ZKrs = optionalIdentifier(isValidKrs, "Nieprawidłowy numer KRS: dokładnie 10 cyfr, np. 0000123456.");
const ZEmail = z
  .string()
  .trim()
  .max(200, "Najwyżej 200 znaków.")
  .optional()
  .nullable()
  .refine((v) => !v || z.email().safeParse(v).success, "Nieprawidłowy adres e-mail, np. jan.kowalski@example.pl.")
  .transform((v) => (v ? v.toLowerCase() : null));
const ZPhone = optionalText(40, "Najwyżej 40 znaków.").refine((v) => !v || /^[+0-9 ()-]{6,40}$/.test(v), "Nieprawidłowy numer telefonu: cyfry, spacje, +, - i nawiasy.");
const ZEDoreczenia = z
  .string()
  .trim()
  .max(40, "Nieprawidłowy adres do e-Doręczeń.")
  .optional()
  .nullable()
  .refine((v) => !v || isValidEDoreczeniaAddress(v), "Nieprawidłowy adres do e-Doręczeń: AE:PL-, 5 cyfr, 5 cyfr, 5 liter lub cyfr, 2 cyfry, np. AE:PL-12345-67890-ABCDE-12.")
  .transform((v) => (v ? normalizeEDoreczeniaAddress(v) : null));
const ZEpuap = z
  .string()
  .trim()
  .max(130, "Nieprawidłowy adres skrytki ePUAP.")
  .optional()
  .nullable()
  .refine((v) => !v || isValidEpuapAddress(v), "Nieprawidłowy adres skrytki ePUAP, np. /UMBoguchwala/SkrytkaESP.")
  .transform((v) => (v ? v : null));

/** The identity and channels of a contact, shared by the full form, the quick create and the import. */
const contactFieldsShape = {
  kind: ZContactKind,
  /** Institution or company name (for a person it is built from the surname and first name). */
  name: optionalText(300, "Najwyżej 300 znaków."),
  firstName: optionalText(100, "Najwyżej 100 znaków."),
  lastName: optionalText(150, "Najwyżej 150 znaków."),
  pesel: ZPesel,
  nip: ZNip,
  regon: ZRegon,
  krs: ZKrs,
  email: ZEmail,
  phone: ZPhone,
  eDoreczeniaAddress: ZEDoreczenia,
  epuapAddress: ZEpuap,
  notes: optionalText(2000, "Najwyżej 2000 znaków."),
};

type FieldsOut = { kind: ContactKind; name: string | null; firstName: string | null; lastName: string | null; pesel: string | null };

/** The name rules: a person needs first name and surname, others a name; PESEL only for a person. */
function refineNames(v: FieldsOut, ctx: z.RefinementCtx): void {
  if (v.kind === "PERSON") {
    if (!v.firstName) ctx.addIssue({ code: "custom", path: ["firstName"], message: "Podaj imię." });
    if (!v.lastName) ctx.addIssue({ code: "custom", path: ["lastName"], message: "Podaj nazwisko." });
  } else {
    if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: v.kind === "COMPANY" ? "Podaj nazwę firmy." : "Podaj nazwę instytucji." });
    if (v.pesel) ctx.addIssue({ code: "custom", path: ["pesel"], message: "PESEL podaje się tylko dla osoby fizycznej." });
  }
}

/** The address fields (all three or none on a contact form; all three in the address form). */
const addressShape = {
  street: optionalText(200, "Najwyżej 200 znaków."),
  postalCode: z
    .string()
    .trim()
    .max(6, "Kod pocztowy w formacie NN-NNN, np. 36-040.")
    .optional()
    .nullable()
    .refine((v) => !v || isValidPostalCode(v), "Kod pocztowy w formacie NN-NNN, np. 36-040.")
    .transform((v) => (v ? v : null)),
  city: optionalText(100, "Najwyżej 100 znaków."),
};

type AddressOut = { street: string | null; postalCode: string | null; city: string | null };

function refineAddress(v: AddressOut, ctx: z.RefinementCtx, required: boolean): void {
  const any = Boolean(v.street || v.postalCode || v.city);
  if (!any && !required) return;
  if (!v.street) ctx.addIssue({ code: "custom", path: ["street"], message: "Podaj ulicę i numer (albo miejscowość i numer domu)." });
  if (!v.postalCode) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Podaj kod pocztowy, np. 36-040." });
  if (!v.city) ctx.addIssue({ code: "custom", path: ["city"], message: "Podaj miejscowość." });
}

/** "Save anyway": the user saw the duplicate warnings and saves consciously. */
const ZForce = z
  .union([z.boolean(), z.literal("on"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on");

/** A new contact: identity, channels, optionally its first (primary) address. */
export const ZCreateContactInput = z
  .object({ ...contactFieldsShape, ...addressShape, force: ZForce })
  .superRefine((v, ctx) => {
    refineNames(v, ctx);
    refineAddress(v, ctx, false);
  });
export type CreateContactInput = z.input<typeof ZCreateContactInput>;

/** Quick create from the ContactPicker: a name and an address are enough. */
export const ZQuickCreateContactInput = z
  .object({
    kind: ZContactKind,
    name: contactFieldsShape.name,
    firstName: contactFieldsShape.firstName,
    lastName: contactFieldsShape.lastName,
    email: ZEmail,
    eDoreczeniaAddress: ZEDoreczenia,
    ...addressShape,
    force: ZForce,
  })
  .superRefine((v, ctx) => {
    refineNames({ ...v, pesel: null }, ctx);
    refineAddress(v, ctx, false);
  });
export type QuickCreateContactInput = z.input<typeof ZQuickCreateContactInput>;

/**
 * Editing: the form never holds the full PESEL (it is shown masked), so an empty PESEL keeps the
 * stored one; `removePesel` deletes it.
 */
export const ZUpdateContactInput = z
  .object({ id: ZId, ...contactFieldsShape, removePesel: ZForce, force: ZForce })
  .superRefine((v, ctx) => refineNames(v, ctx));
export type UpdateContactInput = z.input<typeof ZUpdateContactInput>;

export const ZContactAddressInput = z
  .object({
    contactId: ZId,
    /** Set when editing an existing address. */
    id: z.string().max(64).optional().transform((v) => v || undefined),
    label: optionalText(100, "Najwyżej 100 znaków."),
    ...addressShape,
    country: optionalText(60, "Najwyżej 60 znaków."),
    isPrimary: ZForce,
  })
  .superRefine((v, ctx) => refineAddress(v, ctx, true));
export type ContactAddressInput = z.input<typeof ZContactAddressInput>;

export const ZContactIdInput = z.object({ id: ZId });
export const ZAddressIdInput = z.object({ id: ZId });

export const ZContactSearchInput = z.object({
  q: z.string().trim().max(100).default(""),
  limit: z.number().int().min(1).max(50).default(10),
});
export type ContactSearchInput = z.input<typeof ZContactSearchInput>;

/** Contract 1: what other modules (letters, outgoing, cases) keep about a picked contact. */
export const ZContactSummary = z.object({
  id: z.string(),
  kind: ZContactKind,
  name: z.string(),
  /** The primary address on one line: "ul. Kościuszki 1, 36-040 Boguchwała". */
  address: z.string().nullable(),
  email: z.string().nullable(),
  eDoreczeniaAddress: z.string().nullable(),
  epuapAddress: z.string().nullable(),
});
export type ContactSummary = z.infer<typeof ZContactSummary>;

/** A possible duplicate found on entry: why it looks like one. */
export const ZDuplicateHint = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZContactKind,
  address: z.string().nullable(),
  reasons: z.array(z.enum(["pesel", "nip", "regon", "krs", "name-address"])),
});
export type DuplicateHint = z.infer<typeof ZDuplicateHint>;

/** Saving answers either the created/updated contact or, unless forced, the duplicates it resembles. */
export const ZContactSaveResult = z.object({
  contact: ZContactSummary.nullable(),
  duplicates: z.array(ZDuplicateHint),
});
export type ContactSaveResult = z.infer<typeof ZContactSaveResult>;

export const ZContactListInput = z.object({
  q: z.string().trim().max(100).optional(),
  kind: ZContactKind.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type ContactListInput = z.input<typeof ZContactListInput>;

export const ZContactListItem = ZContactSummary.extend({
  phone: z.string().nullable(),
  /** Identifiers shown in the list: NIP, REGON, KRS (never the PESEL). */
  nip: z.string().nullable(),
  regon: z.string().nullable(),
  krs: z.string().nullable(),
  hasPesel: z.boolean(),
});
export type ContactListItem = z.infer<typeof ZContactListItem>;

export const ZContactList = z.object({
  items: z.array(ZContactListItem),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
});
export type ContactList = z.infer<typeof ZContactList>;

export const ZContactAddress = z.object({
  id: z.string(),
  label: z.string().nullable(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  isPrimary: z.boolean(),
  line: z.string(),
});
export type ContactAddressDto = z.infer<typeof ZContactAddress>;

export const ZContactDetail = z.object({
  id: z.string(),
  kind: ZContactKind,
  name: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** Masked: "•••••••1234"; null when there is none. The full number only through revealPesel. */
  peselMasked: z.string().nullable(),
  nip: z.string().nullable(),
  regon: z.string().nullable(),
  krs: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  eDoreczeniaAddress: z.string().nullable(),
  epuapAddress: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  mergedInto: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  addresses: z.array(ZContactAddress),
  canManage: z.boolean(),
});
export type ContactDetail = z.infer<typeof ZContactDetail>;

export const ZRevealedPesel = z.object({ pesel: z.string() });

export const ZMergeContactsInput = z
  .object({ keepId: ZId, mergeId: z.string().min(1, "Wybierz kontakt do scalenia.").max(64) })
  .refine((v) => v.keepId !== v.mergeId, { message: "Nie można scalić kontaktu z nim samym.", path: ["mergeId"] });
export type MergeContactsInput = z.input<typeof ZMergeContactsInput>;

export const ZMergeResult = z.object({ documents: z.number().int(), recipients: z.number().int(), cases: z.number().int(), addresses: z.number().int() });
export type MergeResult = z.infer<typeof ZMergeResult>;

export const ZContactHistoryInput = z.object({ id: ZId, page: z.number().int().min(1).max(10_000).default(1) });

export const ZContactHistoryItem = z.object({
  type: z.enum(["document", "case"]),
  id: z.string(),
  href: z.string(),
  /** Document: RPW/1/2026 or "ID 12"; case: the znak sprawy. */
  label: z.string(),
  title: z.string(),
  /** INCOMING | OUTGOING | INTERNAL | NOTE for documents; null for cases. */
  documentKind: z.enum(["INCOMING", "OUTGOING", "INTERNAL", "NOTE"]).nullable(),
  /** "sender" | "recipient" | "party". */
  role: z.enum(["sender", "recipient", "party"]),
  date: z.date(),
});
export type ContactHistoryItem = z.infer<typeof ZContactHistoryItem>;

export const ZContactHistory = z.object({
  items: z.array(ZContactHistoryItem),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
});
export type ContactHistory = z.infer<typeof ZContactHistory>;

export const ZImportInput = z.object({
  /** The CSV text (UTF-8, "," or ";" separated, BOM allowed). */
  csv: z.string().min(1, "Wybierz plik CSV.").max(5_000_000, "Plik jest za duży (najwyżej 5 MB)."),
});

export const ZImportReport = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), name: z.string(), reasons: z.array(z.string()) })),
});
export type ImportReport = z.infer<typeof ZImportReport>;
