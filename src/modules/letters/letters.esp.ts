/**
 * Registers an ESP submission in the RPW as an incoming letter (channel ESP), inside the caller's
 * transaction: the sender found (by e-mail) or created in the address book, the RPW number taken,
 * the files attached, everything audited. No person registers it: the audit "who" is the system
 * (actor null), and DocumentFile/Document rows that need a user name the ESP system user — an
 * inactive account that cannot sign in (ensureEspSystemUser, created on first use).
 */
import "server-only";
import { foldText, polishSortKey } from "@/lib/polish";
import { addressLine, contactSearchText, personName } from "@/modules/contacts/contacts.text";
import { nextRegisterNumber } from "@/modules/documents/registers";
import { recordAudit } from "@/server/audit/audit";
import type { RequestMeta } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";

export const ESP_SYSTEM_USER_EMAIL = "esp-system@obieg.invalid";

/** The ESP's system user (inactive, no roles, no usable password); created once. */
export async function ensureEspSystemUser(db: Db): Promise<{ id: string; firstName: string; lastName: string }> {
  const select = { id: true, firstName: true, lastName: true } as const;
  const found = await db.user.findUnique({ where: { email: ESP_SYSTEM_USER_EMAIL }, select });
  if (found) return found;
  try {
    return await db.user.create({
      data: {
        email: ESP_SYSTEM_USER_EMAIL,
        firstName: "System",
        lastName: "ESP",
        // Not a scrypt hash: no password ever matches it.
        passwordHash: "!disabled",
        roles: [],
        active: false,
        sortKey: polishSortKey("ESP System"),
        searchText: foldText("System ESP"),
      },
      select,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.user.findUniqueOrThrow({ where: { email: ESP_SYSTEM_USER_EMAIL }, select });
  }
}

export interface EspLetterFile {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  kind: "SCAN" | "ATTACHMENT";
}

export interface RegisterEspLetterInput {
  systemUserId: string;
  sender: { name: string; email: string; street: string; postalCode: string; city: string; phone: string };
  subject: string;
  receivedAt: Date;
  /** Bytes already in the file store under these digests. */
  files: EspLetterFile[];
  meta: RequestMeta;
}

/** Splits "Jan Maria Kowalski" into first names and the last name (the last word). */
function splitName(full: string): { firstName: string; lastName: string } | null {
  const words = full.trim().split(/\s+/);
  if (words.length < 2) return null;
  return { firstName: words.slice(0, -1).join(" "), lastName: words.at(-1)! };
}

async function findOrCreateSender(tx: Tx, input: RegisterEspLetterInput): Promise<{ id: string; name: string }> {
  const s = input.sender;
  const existing = await tx.contact.findFirst({
    where: { email: { equals: s.email, mode: "insensitive" }, active: true, mergedIntoId: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, addresses: { select: { street: true, postalCode: true, city: true } } },
  });
  if (existing) {
    const known = existing.addresses.some((a) => foldText(addressLine(a)) === foldText(addressLine(s)));
    if (!known) await tx.contactAddress.create({ data: { contactId: existing.id, label: "adres podany w ESP", street: s.street, postalCode: s.postalCode, city: s.city, isPrimary: existing.addresses.length === 0 } });
    return existing;
  }
  const parts = splitName(s.name);
  const name = parts ? personName(parts.firstName, parts.lastName) : s.name.trim();
  const address = { street: s.street, postalCode: s.postalCode, city: s.city };
  const created = await tx.contact.create({
    data: {
      kind: "PERSON",
      name,
      firstName: parts?.firstName ?? null,
      lastName: parts?.lastName ?? null,
      email: s.email,
      phone: s.phone || null,
      sortKey: polishSortKey(name),
      searchText: contactSearchText({ name, firstName: parts?.firstName, lastName: parts?.lastName, email: s.email, phone: s.phone, addresses: [address] }),
      addresses: { create: { ...address, isPrimary: true } },
    },
    select: { id: true, name: true },
  });
  await recordAudit(tx, { actor: null, meta: input.meta }, { action: "contact.created", entityType: "contact", entityId: created.id, data: { kind: "PERSON", name, via: "quick", duplicatesIgnored: 0 } });
  return created;
}

/** The incoming letter of an ESP submission with its files; call inside the submission's transaction. */
export async function registerEspLetter(tx: Tx, input: RegisterEspLetterInput): Promise<{ id: string; registerNo: string; seq: number; senderId: string }> {
  const who = { actor: null, meta: input.meta };
  const sender = await findOrCreateSender(tx, input);
  const number = await nextRegisterNumber(tx, "RPW", input.receivedAt);
  const doc = await tx.document.create({
    data: {
      kind: "INCOMING",
      status: "REGISTERED",
      channel: "ESP",
      ...number,
      subject: input.subject,
      senderId: sender.id,
      receivedAt: input.receivedAt,
      attachmentsCount: input.files.filter((f) => f.kind === "ATTACHMENT").length,
      createdById: input.systemUserId,
      searchText: foldText([input.subject, number.registerNo, sender.name].join(" ")),
    },
    select: { id: true, seq: true },
  });
  await recordAudit(tx, who, { action: "letter.registered", entityType: "document", entityId: doc.id, documentId: doc.id, data: { registerNo: number.registerNo, channel: "ESP", subject: input.subject, confidential: false } });
  for (const f of input.files) {
    await tx.fileBlob.upsert({ where: { sha256: f.sha256 }, create: { sha256: f.sha256, size: f.size }, update: {} });
    const row = await tx.documentFile.create({
      data: { documentId: doc.id, sha256: f.sha256, fileName: f.fileName, mimeType: f.mimeType, size: f.size, kind: f.kind, uploadedById: input.systemUserId, createdAt: input.receivedAt },
      select: { id: true },
    });
    await recordAudit(tx, who, { action: "file.uploaded", entityType: "file", entityId: row.id, documentId: doc.id, data: { fileName: f.fileName, sha256: f.sha256, size: f.size, mimeType: f.mimeType, kind: f.kind } });
  }
  return { id: doc.id, registerNo: number.registerNo, seq: doc.seq, senderId: sender.id };
}
