/**
 * What is indexed of each record: one SearchDocument per letter, case, contact and published BIP
 * article, loaded in batches (the index job passes one id, the full reindex hundreds).
 */
import type { Db, Tx } from "@/server/db";
import { getFileStore } from "@/server/integrations/storage";
import type { SearchDocument, SearchType } from "@/server/integrations/search";
import { documentHref, documentLabel } from "@/modules/documents/document-label";
import { bipArticleHref } from "@/modules/bip/bip.schemas";
import { extractText } from "./search.extract";

type AnyDb = Db | Tx;

const unique = <T,>(xs: (T | null | undefined)[]) => [...new Set(xs.filter((x): x is T => x !== null && x !== undefined && x !== ""))];

/** Extracted text of a stored file, cached by digest in SearchFileText. */
export async function fileText(db: AnyDb, sha256: string): Promise<string> {
  const cached = await db.searchFileText.findUnique({ where: { sha256 } });
  if (cached) return cached.text;
  const bytes = await getFileStore().get(sha256);
  if (!bytes) return "";
  const text = await extractText(bytes);
  await db.searchFileText.upsert({ where: { sha256 }, create: { sha256, text }, update: {} });
  return text;
}

export async function buildLetters(db: AnyDb, ids: string[], options: { files?: boolean } = {}): Promise<SearchDocument[]> {
  const rows = await db.document.findMany({
    where: { id: { in: ids } },
    include: {
      sender: { select: { name: true } },
      files: { where: { supersededAt: null }, select: { sha256: true, fileName: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const out: SearchDocument[] = [];
  for (const d of rows) {
    const texts: string[] = [];
    if (options.files !== false) for (const f of d.files) texts.push(await fileText(db, f.sha256));
    const label = documentLabel(d);
    out.push({
      type: "letter",
      entityId: d.id,
      title: d.subject,
      subtitle: unique([label, d.sender?.name, d.senderReference]).join(" · "),
      body: unique([d.description, d.body, d.files.map((f) => f.fileName).join(" "), ...texts]).join("\n"),
      identifiers: unique([d.registerNo, `ID ${d.seq}`, d.senderReference]),
      url: documentHref(d),
      departmentId: d.departmentId,
      year: d.registerYear ?? (d.receivedAt ?? d.createdAt).getUTCFullYear(),
      status: d.status,
      kind: d.kind,
      confidential: d.confidential,
      accessDepartmentIds: d.accessDepartmentIds,
      accessUserIds: d.accessUserIds,
    });
  }
  return out;
}

export async function buildCases(db: AnyDb, ids: string[]): Promise<SearchDocument[]> {
  const rows = await db.case.findMany({
    where: { id: { in: ids } },
    include: { parties: { select: { contact: { select: { name: true } } } }, access: { select: { userId: true } } },
  });
  return rows.map((c) => ({
    type: "case" as const,
    entityId: c.id,
    title: c.title,
    subtitle: unique([c.mark, c.parties.map((p) => p.contact.name).join(", ")]).join(" · "),
    body: c.description ?? "",
    identifiers: [c.mark],
    url: `/sprawy/${c.id}`,
    departmentId: c.departmentId,
    year: c.year,
    status: c.status,
    kind: null,
    confidential: c.confidential,
    accessDepartmentIds: [c.departmentId],
    accessUserIds: unique([c.responsibleId, c.createdById, ...c.access.map((a) => a.userId)]),
  }));
}

export async function buildContacts(db: AnyDb, ids: string[]): Promise<SearchDocument[]> {
  const rows = await db.contact.findMany({ where: { id: { in: ids }, mergedIntoId: null }, include: { addresses: true } });
  return rows.map((c) => ({
    type: "contact" as const,
    entityId: c.id,
    title: c.name,
    subtitle: unique([c.email, c.nip && `NIP ${c.nip}`, c.addresses.find((a) => a.isPrimary)?.city ?? c.addresses[0]?.city]).join(" · "),
    body: unique([...c.addresses.map((a) => `${a.street}, ${a.postalCode} ${a.city}`), c.phone, c.epuapAddress, c.eDoreczeniaAddress, c.notes]).join("\n"),
    identifiers: unique([c.nip, c.regon, c.krs, c.pesel, c.email, c.eDoreczeniaAddress]),
    url: `/kontakty/${c.id}`,
    departmentId: null,
    year: null,
    status: c.active ? "ACTIVE" : "INACTIVE",
    kind: c.kind,
    confidential: false,
    accessDepartmentIds: [],
    accessUserIds: [],
  }));
}

/** Published BIP articles: the newest APPROVED version with publishAt <= now (withdrawn ones stay, in the archive). */
export async function buildBip(db: AnyDb, ids: string[], now = new Date()): Promise<SearchDocument[]> {
  const rows = await db.bipArticle.findMany({
    where: { id: { in: ids } },
    include: { versions: { where: { status: "APPROVED", publishAt: { lte: now } }, orderBy: { number: "desc" }, take: 1 } },
  });
  const out: SearchDocument[] = [];
  for (const a of rows) {
    const v = a.versions[0];
    if (!v || a.status === "DRAFT") continue;
    out.push({
      type: "bip",
      entityId: a.id,
      title: v.title,
      subtitle: v.summary,
      body: v.bodyText,
      identifiers: [],
      url: bipArticleHref(a.seq),
      departmentId: null,
      year: (v.publishAt ?? v.createdAt).getUTCFullYear(),
      status: a.status,
      kind: null,
      confidential: false,
      accessDepartmentIds: [],
      accessUserIds: [],
    });
  }
  return out;
}

export const BUILDERS: Record<SearchType, (db: AnyDb, ids: string[]) => Promise<SearchDocument[]>> = {
  letter: buildLetters,
  case: buildCases,
  contact: buildContacts,
  bip: buildBip,
};
