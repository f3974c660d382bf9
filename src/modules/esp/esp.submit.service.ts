/**
 * Submissions through the ESP: one function (submitToEsp) takes a citizen's form and files, and in
 * ONE transaction registers the incoming letter (channel ESP, RPW number, files), numbers the
 * submission, issues the UPP (XML sealed with the office's XAdES seal + a readable sealed PDF with
 * a QR code to the status page), queues the receipt e-mail and writes the audit. Bytes go to the
 * content-addressed store first (harmless if the transaction fails: unreferenced blobs). A retry
 * or a double click with the same idempotency key gives the same submission. Framework-free.
 */
import "server-only";
import { z } from "zod";
import { env } from "@/env";
import { createTranslator, formatDateTime, type Locale } from "@/lib/i18n/translator";
import { polishYear } from "@/modules/documents/registers";
import { checkUpload, sha256Hex } from "@/modules/files/files.service";
import { extensionOf, formatFileSize } from "@/modules/files/files.types";
import { ensureEspSystemUser, registerEspLetter, type EspLetterFile } from "@/modules/letters/letters.esp";
import { queueEmail } from "@/modules/mail/mail.service";
import { sealSystemPdf, sealSystemXml } from "@/modules/signatures/signatures.seal.service";
import { recordAudit } from "@/server/audit/audit";
import type { Actor, RequestMeta, ServiceContext } from "@/server/context";
import type { Db, Tx } from "@/server/db";
import { AppError, badRequest, isUniqueViolation, notFound } from "@/server/errors";
import { getFileStore, type FileStore } from "@/server/integrations/storage";
import { ensureCertificationAuthority } from "@/server/pki";
import { renderTextPdf } from "@/server/pdf/table-pdf";
import { scanBytes } from "./esp.clamav";
import { ESP_FORMS, isEspFormCode, parseEspForm, type EspFormCode } from "./esp.forms";
import { ESP_EXTENSIONS, MAX_FILE_MB, MAX_FILES, MAX_TOTAL_MB, SUBMIT_PER_ACCOUNT_PER_HOUR, SUBMIT_PER_IP_PER_HOUR, submissionSlug, type PublicStatus } from "./esp.schemas";
import { createAccessCode, formatAccessCode, hashAccessCode } from "./esp.tokens";
import { buildUppXml, renderUppPdf, type UppData, type UppFile } from "./esp.upp";

const HOUR_MS = 3_600_000;
export const ZIdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "Formularz wygasł. Odśwież stronę i spróbuj ponownie.");

export interface SubmitInput {
  account: { id: string; email: string };
  formCode: string;
  idempotencyKey: string;
  fields: Record<string, unknown>;
  files: { fileName: string; bytes: Uint8Array }[];
}

export interface SubmitOptions {
  store?: FileStore;
  now?: Date;
  appUrl?: string;
  locale?: Locale;
  /** Tests: called inside the transaction after the letter is registered (a throw rolls everything back). */
  midway?: () => void | Promise<void>;
}

export interface SubmitResult {
  number: string;
  slug: string;
  /** The access code, only when this call created the submission (it is never stored in clear). */
  accessCode: string | null;
  created: boolean;
}

const tooMany = () => new AppError("TOO_MANY_REQUESTS", "Zbyt wiele pism złożonych w krótkim czasie. Spróbuj ponownie za godzinę.");

/** Checks the attachments: count, sizes, type by content, the ESP's formats, viruses (when ClamAV is installed). */
export async function checkEspFiles(files: SubmitInput["files"]): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }[]> {
  const fail = (message: string) => badRequest(message, { attachments: message });
  const real = files.filter((f) => f.bytes.byteLength > 0 || f.fileName);
  if (real.length > MAX_FILES) throw fail(`Można dołączyć najwyżej ${MAX_FILES} plików.`);
  const total = real.reduce((s, f) => s + f.bytes.byteLength, 0);
  if (total > MAX_TOTAL_MB * 1024 * 1024) throw fail(`Pliki są razem za duże — najwyżej ${MAX_TOTAL_MB} MB.`);
  const checkedFiles = real.map((f) => {
    if (f.bytes.byteLength > MAX_FILE_MB * 1024 * 1024) throw fail(`Plik „${f.fileName}” jest za duży — największy dozwolony rozmiar to ${MAX_FILE_MB} MB.`);
    if (!(ESP_EXTENSIONS as readonly string[]).includes(extensionOf(f.fileName))) {
      throw fail(`Plik „${f.fileName}” ma rodzaj, którego skrzynka podawcza nie przyjmuje. Dozwolone: ${ESP_EXTENSIONS.join(", ")}.`);
    }
    let checked: { fileName: string; mimeType: string };
    try {
      checked = checkUpload(f.fileName, f.bytes);
    } catch (error) {
      if (error instanceof AppError) throw fail(error.userMessage);
      throw error;
    }
    return { ...checked, bytes: f.bytes };
  });
  // Scanned one after another once every cheap check has passed (a scan can take seconds).
  for (const f of checkedFiles) {
    const scan = await scanBytes(f.bytes);
    if (scan === "infected") throw fail(`Plik „${f.fileName}” zawiera złośliwe oprogramowanie i nie został przyjęty.`);
    if (scan === "error") throw fail(`Nie udało się sprawdzić pliku „${f.fileName}” programem antywirusowym. Spróbuj ponownie.`);
  }
  return checkedFiles;
}

async function existing(db: Db | Tx, accountId: string, idempotencyKey: string): Promise<SubmitResult | null> {
  const row = await db.espSubmission.findUnique({ where: { accountId_idempotencyKey: { accountId, idempotencyKey } }, select: { number: true } });
  return row ? { number: row.number, slug: submissionSlug(row.number), accessCode: null, created: false } : null;
}

/** The letter's own text as a PDF (the form's fields with their labels). */
async function renderLetterPdf(code: EspFormCode, values: Record<string, string>, title: string, email: string, locale: Locale): Promise<Uint8Array> {
  const t = createTranslator(locale);
  const fields = ESP_FORMS[code].fields;
  const label = (name: string) => t(`esp.fields.${name}` as "esp.fields.body");
  const show = (name: string, v: string) => {
    const f = fields.find((x) => x.name === name);
    if (f?.kind === "select") return t(`esp.options.${name}.${v}` as "esp.options.purpose.works");
    if (f?.kind === "checkbox") return v === "on" ? "✓" : "—";
    return v;
  };
  const long = new Set(["body", "reason"]);
  const meta: [string, string][] = [[t("esp.receipt.subject"), title], ["E-mail", email]];
  for (const f of fields) if (!long.has(f.name) && values[f.name]) meta.push([label(f.name), show(f.name, values[f.name]!)]);
  const paragraphs = fields.filter((f) => long.has(f.name) && values[f.name]).flatMap((f) => [`${label(f.name)}:`, ...values[f.name]!.split(/\r?\n/)]);
  return renderTextPdf({ title: t(`esp.forms.${code}.title` as "esp.forms.pismo-ogolne.title"), meta, paragraphs: paragraphs.length ? paragraphs : [title], author: values.senderName });
}

export function statusUrl(appUrl: string, number: string): string {
  return `${appUrl.replace(/\/+$/, "")}/status-sprawy?numer=${encodeURIComponent(number)}`;
}

/** See the module comment. Throws AppError (Polish, with fieldErrors) on invalid input or a limit. */
export async function submitToEsp(db: Db, input: SubmitInput, meta: RequestMeta, options: SubmitOptions = {}): Promise<SubmitResult> {
  const key = ZIdempotencyKey.safeParse(input.idempotencyKey);
  if (!key.success) throw badRequest(key.error.issues[0]!.message);
  const again = await existing(db, input.account.id, key.data);
  if (again) return again;
  if (!isEspFormCode(input.formCode)) throw notFound("Nie ma takiego formularza.");
  const code = input.formCode;
  const parsed = parseEspForm(code, input.fields);
  if (!parsed.ok) throw badRequest("Formularz zawiera błędy. Popraw pola oznaczone poniżej.", parsed.errors);
  const files = await checkEspFiles(input.files);

  const now = options.now ?? new Date();
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const ip = meta.ip?.slice(0, 64) ?? null;
  if ((await db.espSubmission.count({ where: { accountId: input.account.id, receivedAt: { gt: hourAgo } } })) >= SUBMIT_PER_ACCOUNT_PER_HOUR) throw tooMany();
  if (ip && (await db.espSubmission.count({ where: { ip, receivedAt: { gt: hourAgo } } })) >= SUBMIT_PER_IP_PER_HOUR) throw tooMany();

  const locale = options.locale ?? "pl";
  const store = options.store ?? getFileStore();
  const appUrl = options.appUrl ?? env.APP_URL;
  const v = parsed.values;
  const email = input.account.email;

  // Bytes first (content-addressed): a failed transaction leaves only unreferenced blobs.
  const letterPdf = await renderLetterPdf(code, v, parsed.title, email, "pl");
  const letterFile: EspLetterFile = { fileName: "pismo.pdf", mimeType: "application/pdf", size: letterPdf.byteLength, sha256: sha256Hex(letterPdf), kind: "SCAN" };
  await store.put(letterFile.sha256, letterPdf);
  const attachments: EspLetterFile[] = [];
  for (const f of files) {
    const sha256 = sha256Hex(f.bytes);
    await store.put(sha256, f.bytes);
    attachments.push({ fileName: f.fileName, mimeType: f.mimeType, size: f.bytes.byteLength, sha256, kind: "ATTACHMENT" });
  }
  await ensureCertificationAuthority(db);
  const system = await ensureEspSystemUser(db);
  const office = await db.office.findUnique({ where: { id: 1 }, select: { name: true, street: true, postalCode: true, city: true } });
  const officeInfo = { name: office?.name ?? "Urząd", address: office ? `${office.street}, ${office.postalCode} ${office.city}` : "" };
  const systemActor: Actor = { id: system.id, email: "esp-system@obieg.invalid", firstName: system.firstName, lastName: system.lastName, roles: [], departmentId: null, positionName: null, locale: "pl" };
  const allFiles = [letterFile, ...attachments];
  const t = createTranslator(locale);

  try {
    return await db.$transaction(
      async (tx): Promise<SubmitResult> => {
        const letter = await registerEspLetter(tx, {
          systemUserId: system.id,
          sender: { name: v.senderName!, email, street: v.street!, postalCode: v.postalCode!, city: v.city!, phone: v.phone ?? "" },
          subject: parsed.title,
          receivedAt: now,
          files: allFiles,
          meta,
        });
        await options.midway?.();
        const seqRows = await tx.$queryRaw<{ seq: bigint | number }[]>`SELECT nextval(pg_get_serial_sequence('"EspSubmission"', 'seq')) AS "seq"`;
        const seq = Number(seqRows[0]!.seq);
        const number = `ESP/${seq}/${polishYear(now)}`;
        const accessCode = createAccessCode();
        const uppFiles: UppFile[] = allFiles.map((f, i) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256, role: i === 0 ? "letter" : "attachment" }));
        const upp: UppData = { office: officeInfo, sender: { name: v.senderName!, email }, submissionNumber: number, registerNo: letter.registerNo, receivedAt: now, formCode: code, title: parsed.title, files: uppFiles };
        const sealCtx: ServiceContext = { db: tx as unknown as Db, actor: systemActor, meta };
        const uppXml = await sealSystemXml(sealCtx, buildUppXml(upp, now), { purpose: "upp", documentId: letter.id, now });
        const pdfTexts = {
          heading: t("esp.upp.heading"),
          intro: t("esp.upp.intro"),
          labels: { office: t("esp.upp.office"), sender: t("esp.upp.sender"), number: t("esp.upp.number"), registerNo: t("esp.upp.registerNo"), received: t("esp.upp.received"), form: t("esp.upp.form"), accessCode: t("esp.upp.accessCode"), files: t("esp.upp.files"), status: t("esp.upp.status") },
          accessCodeHint: t("esp.upp.accessCodeHint"),
          legalNote: t("esp.upp.legalNote"),
        };
        const pdf = await renderUppPdf({ ...upp, statusUrl: statusUrl(appUrl, number), accessCode: formatAccessCode(accessCode) }, pdfTexts, formatDateTime(now, locale));
        const uppPdf = await sealSystemPdf(sealCtx, pdf, { purpose: "upp", reason: t("esp.upp.sealReason"), location: officeInfo.name, documentId: letter.id, now });
        const uppXmlSha256 = sha256Hex(uppXml);
        const uppPdfSha256 = sha256Hex(uppPdf);
        await store.put(uppXmlSha256, uppXml);
        await store.put(uppPdfSha256, uppPdf);
        for (const [sha256, size] of [[uppXmlSha256, uppXml.byteLength], [uppPdfSha256, uppPdf.byteLength]] as const) {
          await tx.fileBlob.upsert({ where: { sha256 }, create: { sha256, size }, update: {} });
        }
        const submission = await tx.espSubmission.create({
          data: {
            seq,
            number,
            accountId: input.account.id,
            idempotencyKey: key.data,
            formCode: code,
            title: parsed.title,
            fields: v,
            documentId: letter.id,
            receivedAt: now,
            uppXmlSha256,
            uppPdfSha256,
            accessCodeHash: hashAccessCode(accessCode),
            ip,
            files: { create: allFiles.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256 })) },
          },
          select: { id: true },
        });
        await tx.espAccount.updateMany({ where: { id: input.account.id, name: "" }, data: { name: v.senderName! } });
        await queueEmail(tx, {
          to: email,
          toName: v.senderName,
          locale,
          template: "esp-submission",
          props: {
            number,
            registerNo: letter.registerNo,
            title: parsed.title,
            receivedLabel: formatDateTime(now, locale),
            receiptUrl: `${appUrl.replace(/\/+$/, "")}/esp/zlozone/${submissionSlug(number)}`,
            statusUrl: statusUrl(appUrl, number),
          },
        });
        await recordAudit(tx, { actor: null, meta }, {
          action: "esp.submission-received",
          entityType: "esp-submission",
          entityId: submission.id,
          documentId: letter.id,
          data: { number, email, formCode: code, files: allFiles.length, registerNo: letter.registerNo },
        });
        return { number, slug: submissionSlug(number), accessCode, created: true };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    // A parallel request with the same key won: answer with its submission.
    if (isUniqueViolation(error)) {
      const winner = await existing(db, input.account.id, key.data);
      if (winner) return winner;
    }
    throw error;
  }
}

// — the citizen's own submissions —

/** The state in plain words of a registered letter and of its case (if one was opened). */
export function publicStatusOf(doc: { status: string; dueDate: Date | null }, kase: { status: string; dueDate: Date | null } | null): { status: PublicStatus; dueDate: string | null } {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  if (kase) {
    const status: PublicStatus = kase.status === "SUSPENDED" ? "suspended" : kase.status === "CLOSED" ? "closed" : "inProgress";
    return { status, dueDate: day(kase.dueDate) };
  }
  const status: PublicStatus = doc.status === "REGISTERED" ? "received" : doc.status === "DONE" ? "closed" : doc.status === "CANCELLED" ? "cancelled" : "inProgress";
  return { status, dueDate: day(doc.dueDate) };
}

async function statusesOf(db: Db, documentIds: string[]) {
  const docs = await db.document.findMany({
    where: { id: { in: documentIds } },
    select: { id: true, registerNo: true, status: true, dueDate: true, case: { select: { status: true, dueDate: true } } },
  });
  return new Map(docs.map((d) => [d.id, { registerNo: d.registerNo, ...publicStatusOf(d, d.case) }]));
}

export interface MySubmission {
  number: string;
  slug: string;
  title: string;
  formCode: string;
  receivedAt: Date;
  registerNo: string | null;
  status: PublicStatus;
  dueDate: string | null;
}

export async function listMySubmissions(db: Db, accountId: string): Promise<MySubmission[]> {
  const rows = await db.espSubmission.findMany({ where: { accountId }, orderBy: { receivedAt: "desc" }, take: 200, select: { number: true, title: true, formCode: true, receivedAt: true, documentId: true } });
  const statuses = await statusesOf(db, rows.map((r) => r.documentId));
  return rows.map((r) => {
    const s = statuses.get(r.documentId);
    return { number: r.number, slug: submissionSlug(r.number), title: r.title, formCode: r.formCode, receivedAt: r.receivedAt, registerNo: s?.registerNo ?? null, status: s?.status ?? "received", dueDate: s?.dueDate ?? null };
  });
}

export interface MyDelivery {
  id: string;
  subject: string;
  sentAt: Date;
  status: "AWAITING" | "CONFIRMED" | "EXPIRED";
}

export async function listMyDeliveries(db: Db, accountId: string): Promise<MyDelivery[]> {
  const rows = await db.espDelivery.findMany({ where: { accountId }, orderBy: { sentAt: "desc" }, take: 200, select: { id: true, documentId: true, sentAt: true, status: true } });
  const docs = await db.document.findMany({ where: { id: { in: rows.map((r) => r.documentId) } }, select: { id: true, subject: true } });
  const subject = new Map(docs.map((d) => [d.id, d.subject]));
  // The subject only once the receipt is confirmed: before the UPD the letter is not open.
  return rows.map((r) => ({ id: r.id, subject: r.status === "CONFIRMED" ? (subject.get(r.documentId) ?? "") : "", sentAt: r.sentAt, status: r.status }));
}

export interface MySubmissionDetail extends MySubmission {
  files: { fileName: string; size: number; sizeLabel: string; sha256: string }[];
}

const SUBMISSION_NOT_FOUND = "Nie znaleziono takiego pisma na Twoim koncie.";

/** One submission of the account (another account's answers NOT_FOUND). */
export async function getMySubmission(db: Db, accountId: string, number: string): Promise<MySubmissionDetail> {
  const row = await db.espSubmission.findFirst({
    where: { accountId, number },
    select: { number: true, title: true, formCode: true, receivedAt: true, documentId: true, files: { orderBy: { id: "asc" }, select: { fileName: true, size: true, sha256: true } } },
  });
  if (!row) throw notFound(SUBMISSION_NOT_FOUND);
  const s = (await statusesOf(db, [row.documentId])).get(row.documentId);
  return {
    number: row.number,
    slug: submissionSlug(row.number),
    title: row.title,
    formCode: row.formCode,
    receivedAt: row.receivedAt,
    registerNo: s?.registerNo ?? null,
    status: s?.status ?? "received",
    dueDate: s?.dueDate ?? null,
    files: row.files.map((f) => ({ ...f, sizeLabel: formatFileSize(f.size) })),
  };
}

/** The UPP (XML or PDF) of the account's submission; bytes re-verified against the stored digest. */
export async function openUpp(db: Db, accountId: string, number: string, format: "xml" | "pdf", store: FileStore = getFileStore()): Promise<{ bytes: Uint8Array; fileName: string; mimeType: string }> {
  const row = await db.espSubmission.findFirst({ where: { accountId, number }, select: { uppXmlSha256: true, uppPdfSha256: true } });
  if (!row) throw notFound(SUBMISSION_NOT_FOUND);
  const sha256 = format === "xml" ? row.uppXmlSha256 : row.uppPdfSha256;
  const bytes = await store.get(sha256);
  if (!bytes || sha256Hex(bytes) !== sha256) throw new AppError("CONFLICT", "Plik potwierdzenia jest niedostępny albo uszkodzony. Skontaktuj się z urzędem.");
  const base = `UPP-${number.replaceAll("/", "-")}`;
  return format === "xml" ? { bytes, fileName: `${base}.xml`, mimeType: "application/xml" } : { bytes, fileName: `${base}.pdf`, mimeType: "application/pdf" };
}

