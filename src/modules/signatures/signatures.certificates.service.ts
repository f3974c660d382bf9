/**
 * Staff signing certificates: the user's browser makes a key (never leaving it) and a PKCS#10
 * request; an administrator approves (the local CA issues the certificate with the subject taken
 * from the user's record, never from the request) or rejects; the owner or an administrator
 * revokes, which republishes the CRL. Every change is audited in its transaction.
 * Framework-free. Another user's certificate answers NOT_FOUND (its existence does not leak).
 */
import "server-only";
import type { Prisma } from "@prisma/client";
import { can } from "@/lib/permissions";
import { recordAudit } from "@/server/audit/audit";
import { actorName, assertCan, type ServiceContext } from "@/server/context";
import { conflict, notFound } from "@/server/errors";
import { ensureCertificationAuthority, inspectCsr, issueStaffCertificate, listSeals, publishCrl, replaceSeal, type StaffSubject } from "@/server/pki";
import {
  CERTIFICATE_STATUSES,
  CERTIFICATES_PAGE_SIZE,
  RENEWAL_WINDOW_DAYS,
  type CertificateDto,
  type CertificateIdInput,
  type CertificateListInput,
  type CertificatePage,
  type MyCertificates,
  type RejectCertificateInput,
  type RequestCertificateInput,
  type RevokeCertificateInput,
  type RevokeSealInput,
  type SealCertificateDto,
} from "./signatures.schemas";
import { foldText } from "@/lib/polish";

const DAY_MS = 24 * 60 * 60 * 1000;
const NOT_FOUND = "Nie znaleziono takiego certyfikatu albo nie masz do niego dostępu.";
/** What an owner's withdrawn request records as the rejection reason. */
export const WITHDRAWN_REASON = "Wniosek wycofany przez wnioskodawcę.";

export interface CertificateOptions {
  now?: Date;
  /** Validity of issued certificates (tests); the PKI default is two years. */
  validityDays?: number;
}

const SELECT = {
  id: true,
  userId: true,
  status: true,
  publicKeyHash: true,
  subject: true,
  serial: true,
  notBefore: true,
  notAfter: true,
  requestedAt: true,
  decidedAt: true,
  decidedById: true,
  rejectionReason: true,
  revokedAt: true,
  revocationReason: true,
  revokedById: true,
  renewsId: true,
  user: { select: { firstName: true, lastName: true, email: true } },
} as const satisfies Prisma.SigningCertificateSelect;

type Row = Prisma.SigningCertificateGetPayload<{ select: typeof SELECT }>;
type Reader = Pick<Prisma.TransactionClient, "user">;

async function toDtos(db: Reader, rows: Row[]): Promise<CertificateDto[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.decidedById, r.revokedById]).filter((id): id is string => Boolean(id)))];
  const people = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } }) : [];
  const nameOf = (id: string | null) => {
    const p = id ? people.find((u) => u.id === id) : undefined;
    return p ? actorName(p) : null;
  };
  return rows.map(({ user, decidedById, revokedById, ...r }) => ({
    ...r,
    userName: actorName(user),
    userEmail: user.email,
    decidedByName: nameOf(decidedById),
    revokedByName: nameOf(revokedById),
  }));
}

/** Issued, within validity at `now` and not revoked. */
const activeWhere = (userId: string, now: Date): Prisma.SigningCertificateWhereInput => ({
  userId,
  status: "ISSUED",
  revokedAt: null,
  notBefore: { lte: now },
  notAfter: { gt: now },
});

/** The newest active certificate of a user. */
async function findActive(db: Pick<Prisma.TransactionClient, "signingCertificate">, userId: string, now: Date) {
  return db.signingCertificate.findFirst({ where: activeWhere(userId, now), orderBy: [{ notAfter: "desc" }, { id: "desc" }], select: SELECT });
}

const renewalFromOf = (notAfter: Date) => new Date(notAfter.getTime() - RENEWAL_WINDOW_DAYS * DAY_MS);

/**
 * The caller's request for a certificate from a PKCS#10 made in their browser: one open request
 * per user; while a certificate is active, only a renewal within RENEWAL_WINDOW_DAYS of its expiry.
 */
export async function requestCertificate(ctx: ServiceContext, input: RequestCertificateInput, options: CertificateOptions = {}): Promise<CertificateDto> {
  const now = options.now ?? new Date();
  const csr = new Uint8Array(Buffer.from(input.csrBase64, "base64"));
  const info = await inspectCsr(csr);
  const row = await ctx.db.$transaction(async (tx) => {
    // One request at a time per user, also under concurrent submissions.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${ctx.actor.id} FOR UPDATE`;
    const open = await tx.signingCertificate.findFirst({ where: { userId: ctx.actor.id, status: "REQUESTED" }, select: { id: true } });
    if (open) throw conflict("Masz już wniosek o certyfikat czekający na decyzję administratora. Poczekaj na decyzję albo wycofaj ten wniosek.");
    const active = await findActive(tx, ctx.actor.id, now);
    if (active?.notAfter && renewalFromOf(active.notAfter) > now) {
      throw conflict(`Masz ważny certyfikat. Jego odnowienie będzie możliwe od ${renewalFromOf(active.notAfter).toISOString().slice(0, 10)} (${RENEWAL_WINDOW_DAYS} dni przed wygaśnięciem).`);
    }
    const reused = await tx.signingCertificate.findFirst({ where: { publicKeyHash: info.publicKeyHash, status: { in: ["ISSUED", "REVOKED"] } }, select: { id: true } });
    if (reused) throw conflict("Ten klucz był już użyty w innym certyfikacie. Wygeneruj nowy klucz i złóż wniosek ponownie.");
    const created = await tx.signingCertificate.create({
      data: { userId: ctx.actor.id, csr: new Uint8Array(csr), publicKeyHash: info.publicKeyHash, requestedAt: now, renewsId: active?.id ?? null },
      select: SELECT,
    });
    await recordAudit(tx, ctx, { action: "certificate.requested", entityType: "certificate", entityId: created.id, data: { publicKeyHash: info.publicKeyHash, renewsId: active?.id ?? null } });
    return created;
  });
  return (await toDtos(ctx.db, [row]))[0]!;
}

/** All the caller's certificates and requests, newest first, with the active one and whether a (re)new request is possible. */
export async function listMyCertificates(ctx: ServiceContext, options: CertificateOptions = {}): Promise<MyCertificates> {
  const now = options.now ?? new Date();
  const rows = await ctx.db.signingCertificate.findMany({ where: { userId: ctx.actor.id }, orderBy: [{ requestedAt: "desc" }, { id: "desc" }], take: 50, select: SELECT });
  const items = await toDtos(ctx.db, rows);
  const activeRow = await findActive(ctx.db, ctx.actor.id, now);
  const active = activeRow ? (items.find((c) => c.id === activeRow.id) ?? (await toDtos(ctx.db, [activeRow]))[0]!) : null;
  const pending = items.find((c) => c.status === "REQUESTED") ?? null;
  const renewalFrom = active?.notAfter ? renewalFromOf(active.notAfter) : null;
  return { items, active, pending, canRequest: !pending && (!renewalFrom || renewalFrom <= now), renewalFrom };
}

/** The caller's newest issued, unexpired, unrevoked certificate, or null. */
export async function getMyActiveCertificate(ctx: ServiceContext, options: CertificateOptions = {}): Promise<CertificateDto | null> {
  const row = await findActive(ctx.db, ctx.actor.id, options.now ?? new Date());
  return row ? (await toDtos(ctx.db, [row]))[0]! : null;
}

/** The DER certificate, for its owner or an administrator (a .crt download). */
export async function getCertificateFile(ctx: ServiceContext, input: CertificateIdInput): Promise<{ fileName: string; base64: string }> {
  const row = await ctx.db.signingCertificate.findFirst({
    where: { id: input.id, certificate: { not: null }, ...(can(ctx.actor.roles, "certificates.manage") ? {} : { userId: ctx.actor.id }) },
    select: { certificate: true, serial: true },
  });
  if (!row?.certificate) throw notFound(NOT_FOUND);
  return { fileName: `certyfikat-${row.serial ?? input.id}.crt`, base64: Buffer.from(row.certificate).toString("base64") };
}

/** Administrators: certificates and requests filtered by status and person, a server page at a time (open requests oldest first, the rest newest first). */
export async function listCertificates(ctx: ServiceContext, input: CertificateListInput): Promise<CertificatePage> {
  assertCan(ctx.actor, "certificates.manage");
  const page = input.page ?? 1;
  const words = foldText(input.q ?? "").split(" ").filter(Boolean);
  const byPerson: Prisma.SigningCertificateWhereInput = words.length ? { user: { AND: words.map((w) => ({ searchText: { contains: w } })) } } : {};
  const where: Prisma.SigningCertificateWhereInput = { ...byPerson, ...(input.status ? { status: input.status } : {}) };
  const order: Prisma.SigningCertificateOrderByWithRelationInput[] = input.status === "REQUESTED" ? [{ requestedAt: "asc" }, { id: "asc" }] : [{ requestedAt: "desc" }, { id: "desc" }];
  const [total, rows, grouped] = await Promise.all([
    ctx.db.signingCertificate.count({ where }),
    ctx.db.signingCertificate.findMany({ where, orderBy: order, skip: (page - 1) * CERTIFICATES_PAGE_SIZE, take: CERTIFICATES_PAGE_SIZE, select: SELECT }),
    ctx.db.signingCertificate.groupBy({ by: ["status"], where: byPerson, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(CERTIFICATE_STATUSES.map((s) => [s, 0])) as CertificatePage["counts"];
  for (const g of grouped) counts[g.status] = g._count._all;
  return { items: await toDtos(ctx.db, rows), total, page, pages: Math.max(1, Math.ceil(total / CERTIFICATES_PAGE_SIZE)), counts };
}

/** The certificate's subject from our records: name, position, department, e-mail and the office. */
async function staffSubjectOf(ctx: ServiceContext, userId: string): Promise<StaffSubject> {
  const [user, office] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: userId }, select: { firstName: true, lastName: true, email: true, active: true, position: { select: { name: true } }, department: { select: { name: true } } } }),
    ctx.db.office.findUnique({ where: { id: 1 }, select: { name: true } }),
  ]);
  if (!user?.active) throw conflict("Konto wnioskodawcy jest nieaktywne: nie można wydać mu certyfikatu. Odrzuć wniosek.");
  return {
    givenName: user.firstName,
    surname: user.lastName,
    title: user.position?.name ?? null,
    department: user.department?.name ?? null,
    email: user.email,
    organization: office?.name.trim() || "Urząd",
  };
}

async function loadRequested(ctx: ServiceContext, id: string) {
  const row = await ctx.db.signingCertificate.findUnique({ where: { id }, select: { id: true, userId: true, status: true, csr: true } });
  if (!row) throw notFound(NOT_FOUND);
  if (row.status !== "REQUESTED") throw conflict("Ten wniosek został już rozpatrzony. Odśwież stronę, aby zobaczyć jego obecny stan.");
  return row;
}

const ALREADY_DECIDED = () => conflict("Ten wniosek został właśnie rozpatrzony przez kogoś innego. Odśwież stronę.");

/** Administrators: issues the certificate for a waiting request (subject from the user's record). */
export async function approveCertificate(ctx: ServiceContext, input: CertificateIdInput, options: CertificateOptions = {}): Promise<CertificateDto> {
  assertCan(ctx.actor, "certificates.manage");
  const now = options.now ?? new Date();
  const request = await loadRequested(ctx, input.id);
  const subject = await staffSubjectOf(ctx, request.userId);
  await ensureCertificationAuthority(ctx.db, { now });
  const issued = await issueStaffCertificate(ctx.db, { csrDer: new Uint8Array(request.csr), subject, now, validityDays: options.validityDays });
  const row = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.signingCertificate.updateMany({
      where: { id: request.id, status: "REQUESTED" },
      data: {
        status: "ISSUED",
        certificate: new Uint8Array(issued.der),
        serial: issued.serial,
        subject: issued.subject,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
        decidedAt: now,
        decidedById: ctx.actor.id,
      },
    });
    if (count !== 1) throw ALREADY_DECIDED();
    await recordAudit(tx, ctx, {
      action: "certificate.issued",
      entityType: "certificate",
      entityId: request.id,
      data: { serial: issued.serial, subject: issued.subject, notAfter: issued.notAfter.toISOString() },
    });
    return tx.signingCertificate.findUniqueOrThrow({ where: { id: request.id }, select: SELECT });
  });
  return (await toDtos(ctx.db, [row]))[0]!;
}

async function decline(ctx: ServiceContext, id: string, reason: string, now: Date): Promise<CertificateDto> {
  const row = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.signingCertificate.updateMany({
      where: { id, status: "REQUESTED" },
      data: { status: "REJECTED", rejectionReason: reason, decidedAt: now, decidedById: ctx.actor.id },
    });
    if (count !== 1) throw ALREADY_DECIDED();
    await recordAudit(tx, ctx, { action: "certificate.rejected", entityType: "certificate", entityId: id, data: { reason } });
    return tx.signingCertificate.findUniqueOrThrow({ where: { id }, select: SELECT });
  });
  return (await toDtos(ctx.db, [row]))[0]!;
}

/** Administrators: rejects a waiting request with a reason the requester sees. */
export async function rejectCertificate(ctx: ServiceContext, input: RejectCertificateInput, options: CertificateOptions = {}): Promise<CertificateDto> {
  assertCan(ctx.actor, "certificates.manage");
  await loadRequested(ctx, input.id);
  return decline(ctx, input.id, input.reason, options.now ?? new Date());
}

/** The requester withdraws their own waiting request (e.g. made in the wrong browser). */
export async function withdrawCertificateRequest(ctx: ServiceContext, input: CertificateIdInput, options: CertificateOptions = {}): Promise<CertificateDto> {
  const row = await loadRequested(ctx, input.id);
  if (row.userId !== ctx.actor.id) throw notFound(NOT_FOUND);
  return decline(ctx, input.id, WITHDRAWN_REASON, options.now ?? new Date());
}

/**
 * Revokes an issued certificate: its owner (e.g. a lost device or a cleared browser) or an
 * administrator. The CRL is republished right after the change commits.
 */
export async function revokeCertificate(ctx: ServiceContext, input: RevokeCertificateInput, options: CertificateOptions = {}): Promise<CertificateDto> {
  const now = options.now ?? new Date();
  const manage = can(ctx.actor.roles, "certificates.manage");
  const current = await ctx.db.signingCertificate.findFirst({ where: { id: input.id, ...(manage ? {} : { userId: ctx.actor.id }) }, select: { status: true, serial: true } });
  if (!current) throw notFound(NOT_FOUND);
  if (current.status !== "ISSUED" || !current.serial) throw conflict("Unieważnić można tylko wydany certyfikat, który nie został jeszcze unieważniony.");
  const serial = current.serial;
  const row = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.signingCertificate.updateMany({
      where: { id: input.id, status: "ISSUED" },
      data: { status: "REVOKED", revokedAt: now, revocationReason: input.reason, revokedById: ctx.actor.id },
    });
    if (count !== 1) throw conflict("Ten certyfikat został właśnie unieważniony. Odśwież stronę.");
    await recordAudit(tx, ctx, { action: "certificate.revoked", entityType: "certificate", entityId: input.id, data: { serial, reason: input.reason } });
    return tx.signingCertificate.findUniqueOrThrow({ where: { id: input.id }, select: SELECT });
  });
  await publishCrl(ctx.db, now);
  return (await toDtos(ctx.db, [row]))[0]!;
}

/** The office seal certificates, newest first: the one in use and the revoked ones. */
export async function listSealCertificates(ctx: ServiceContext): Promise<SealCertificateDto[]> {
  assertCan(ctx.actor, "certificates.manage");
  await ensureCertificationAuthority(ctx.db);
  return listSeals(ctx.db);
}

/**
 * Revokes the office seal (its key may have leaked, or the office changes its name) and issues a
 * new one at once, so system documents keep being sealed; the CRL is republished right after.
 * Documents sealed before the revocation still verify as "valid when signed".
 */
export async function revokeSeal(ctx: ServiceContext, input: RevokeSealInput, options: CertificateOptions = {}): Promise<SealCertificateDto[]> {
  assertCan(ctx.actor, "certificates.manage");
  const now = options.now ?? new Date();
  await ensureCertificationAuthority(ctx.db);
  await replaceSeal(ctx.db, { reason: input.reason, who: { actor: ctx.actor, meta: ctx.meta }, now });
  await publishCrl(ctx.db, now);
  return listSeals(ctx.db);
}
