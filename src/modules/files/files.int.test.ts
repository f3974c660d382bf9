import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import { createLocalFileStore } from "@/server/integrations/storage/local-file-store";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, createDepartment, errorOf } from "@/test/factories";
import { listDocumentFiles, openDocumentFile, storeDocumentFile, storeDocumentFiles } from "./files.service";

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe.each(TEST_DB_KINDS)("files (%s)", (kind) => {
  let db: TestDb;
  let root: string;
  let store: FileStore;
  let clerk: ServiceContext, colleague: ServiceContext, head: ServiceContext, otherDept: ServiceContext, kancelaria: ServiceContext, sekretarz: ServiceContext;
  let gkId: string;

  async function createDocument(data: { kind?: "INCOMING" | "OUTGOING" | "INTERNAL"; status?: "REGISTERED" | "IN_PROGRESS" | "DONE" | "DRAFT" | "DISPATCHED"; createdById: string; assigneeId?: string | null; departmentId?: string | null; caseId?: string | null }) {
    return db.prisma.document.create({
      data: {
        kind: data.kind ?? "INCOMING",
        status: data.status ?? "IN_PROGRESS",
        channel: data.kind === "OUTGOING" ? "REGISTERED_MAIL" : "PAPER",
        subject: "Wniosek o wycinkę drzewa",
        createdById: data.createdById,
        assigneeId: data.assigneeId ?? null,
        departmentId: data.departmentId === undefined ? gkId : data.departmentId,
        caseId: data.caseId ?? null,
      },
    });
  }

  beforeAll(async () => {
    db = await createTestDb(kind);
    root = await mkdtemp(path.join(tmpdir(), "obieg-files-int-"));
    store = createLocalFileStore(root);
    const gk = await createDepartment(db.prisma, { symbol: "GK" });
    const fn = await createDepartment(db.prisma, { symbol: "FN" });
    gkId = gk.id;
    clerk = await createActor(db.prisma, ["PRACOWNIK"], gk.id);
    colleague = await createActor(db.prisma, ["PRACOWNIK"], gk.id);
    head = await createActor(db.prisma, ["KIEROWNIK"], gk.id);
    await db.prisma.department.update({ where: { id: gk.id }, data: { headId: head.actor.id } });
    otherDept = await createActor(db.prisma, ["PRACOWNIK"], fn.id);
    kancelaria = await createActor(db.prisma, ["KANCELARIA"], null);
    sekretarz = await createActor(db.prisma, ["SEKRETARZ"], null);
  });
  afterAll(async () => {
    await db?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  it("stores the same content once (one blob, two records) and audits each upload with the document", async () => {
    const doc1 = await createDocument({ createdById: kancelaria.actor.id, assigneeId: clerk.actor.id });
    const doc2 = await createDocument({ createdById: clerk.actor.id });
    const bytes = pdf("Skan wniosku");
    const a = await storeDocumentFile(clerk, { documentId: doc1.id, fileName: "Skan wniosku – Żółć.pdf", mimeType: "application/pdf", bytes, kind: "SCAN" }, store);
    const b = await storeDocumentFile(clerk, { documentId: doc2.id, fileName: "kopia.pdf", bytes, kind: "ATTACHMENT" }, store);
    expect(a).toMatchObject({ fileName: "Skan wniosku – Żółć.pdf", mimeType: "application/pdf", size: bytes.byteLength, kind: "SCAN", sha256: sha(bytes), preview: "pdf", url: `/api/pliki/${a.id}` });
    expect(b.sha256).toBe(a.sha256);
    expect(await db.prisma.fileBlob.count({ where: { sha256: sha(bytes) } })).toBe(1);
    expect(await db.prisma.documentFile.count({ where: { sha256: sha(bytes) } })).toBe(2);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "file.uploaded", entityId: a.id }, select: { documentId: true, caseId: true, actorId: true, data: true } });
    expect(audit).toEqual([{ documentId: doc1.id, caseId: null, actorId: clerk.actor.id, data: { fileName: a.fileName, sha256: a.sha256, size: a.size, mimeType: "application/pdf", kind: "SCAN" } }]);

    const list = await listDocumentFiles(clerk, doc1.id);
    expect(list.items.map((f) => f.id)).toEqual([a.id]);
    expect(list).toMatchObject({ canUpload: true, readOnlyReason: null });
    expect(list.items[0]!.uploadedByName).toBe(`${clerk.actor.firstName} ${clerk.actor.lastName}`);
  });

  it("re-verifies the digest on download, audits every download and detects a corrupted stored file", async () => {
    const doc = await createDocument({ createdById: clerk.actor.id });
    const bytes = pdf("Do uszkodzenia");
    const f = await storeDocumentFile(clerk, { documentId: doc.id, fileName: "umowa.pdf", bytes, kind: "ATTACHMENT" }, store);
    const opened = await openDocumentFile(head, f.id, { inline: true }, store);
    expect(opened.bytes).toEqual(bytes);
    const downloads = await db.prisma.auditEvent.findMany({ where: { action: "file.downloaded", entityId: f.id }, select: { actorId: true, documentId: true, data: true } });
    expect(downloads).toEqual([{ actorId: head.actor.id, documentId: doc.id, data: { fileName: "umowa.pdf", sha256: f.sha256, inline: true } }]);

    await writeFile(path.join(root, f.sha256.slice(0, 2), f.sha256.slice(2, 4), f.sha256), "podmienione bajty");
    const error = await errorOf(openDocumentFile(clerk, f.id, {}, store));
    expect(error.code).toBe("CONFLICT");
    expect(error.userMessage).toMatch(/^Plik „umowa.pdf” jest uszkodzony/);
    const failed = await db.prisma.auditEvent.findMany({ where: { action: "file.integrity-failed", entityId: f.id }, select: { documentId: true, data: true } });
    expect(failed).toEqual([{ documentId: doc.id, data: { fileName: "umowa.pdf", expected: f.sha256, actual: sha(new TextEncoder().encode("podmienione bajty")), reason: "mismatch" } }]);
    expect(await db.prisma.auditEvent.count({ where: { action: "file.downloaded", entityId: f.id } })).toBe(1);
  });

  it("answers NOT_FOUND to another department for the list, the download and the upload (service and tRPC)", async () => {
    const doc = await createDocument({ createdById: clerk.actor.id });
    const f = await storeDocumentFile(clerk, { documentId: doc.id, fileName: "poufne.pdf", bytes: pdf("GK"), kind: "ATTACHMENT" }, store);
    expect((await errorOf(listDocumentFiles(otherDept, doc.id))).code).toBe("NOT_FOUND");
    expect((await errorOf(openDocumentFile(otherDept, f.id, {}, store))).code).toBe("NOT_FOUND");
    expect((await errorOf(storeDocumentFile(otherDept, { documentId: doc.id, fileName: "x.pdf", bytes: pdf("x"), kind: "ATTACHMENT" }, store))).code).toBe("NOT_FOUND");
    expect((await errorOf(openDocumentFile(clerk, "nie-ma-takiego", {}, store))).code).toBe("NOT_FOUND");
    const caller = createCaller({ db: db.prisma, actor: otherDept.actor, meta: otherDept.meta });
    await expect(caller.files.list({ documentId: doc.id })).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND");
    expect(await db.prisma.auditEvent.count({ where: { action: "file.downloaded", actorId: otherDept.actor.id } })).toBe(0);
  });

  it("lets a colleague and management see files but not add them; the head and the kancelaria may add", async () => {
    const doc = await createDocument({ createdById: kancelaria.actor.id, assigneeId: clerk.actor.id, status: "REGISTERED" });
    const seen = await listDocumentFiles(colleague, doc.id);
    expect(seen.canUpload).toBe(false);
    const refused = await errorOf(storeDocumentFile(colleague, { documentId: doc.id, fileName: "a.pdf", bytes: pdf("a"), kind: "ATTACHMENT" }, store));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.userMessage).toMatch(/nie dodawać nowych/);
    expect((await listDocumentFiles(sekretarz, doc.id)).canUpload).toBe(false);
    await storeDocumentFile(head, { documentId: doc.id, fileName: "od-kierownika.pdf", bytes: pdf("head"), kind: "ATTACHMENT" }, store);
    await storeDocumentFile(kancelaria, { documentId: doc.id, fileName: "skan.pdf", bytes: pdf("scan"), kind: "SCAN" }, store);
    expect((await listDocumentFiles(clerk, doc.id)).items.map((f) => f.fileName)).toEqual(["od-kierownika.pdf", "skan.pdf"]);
  });

  it("keeps DONE documents and dispatched outgoing letters read-only", async () => {
    const done = await createDocument({ createdById: clerk.actor.id, status: "DONE" });
    const e1 = await errorOf(storeDocumentFile(clerk, { documentId: done.id, fileName: "a.pdf", bytes: pdf("a"), kind: "ATTACHMENT" }, store));
    expect(e1).toMatchObject({ code: "BAD_REQUEST", userMessage: "Pismo jest załatwione — jego pliki można tylko przeglądać." });
    const sent = await createDocument({ kind: "OUTGOING", status: "DISPATCHED", createdById: clerk.actor.id });
    const e2 = await errorOf(storeDocumentFile(clerk, { documentId: sent.id, fileName: "a.pdf", bytes: pdf("a"), kind: "ATTACHMENT" }, store));
    expect(e2.userMessage).toBe("Pismo zostało już wysłane — jego pliki można tylko przeglądać.");
    expect(await listDocumentFiles(clerk, sent.id)).toMatchObject({ canUpload: false, readOnlyReason: e2.userMessage });
    const doneIncoming = await createDocument({ createdById: clerk.actor.id, status: "DONE", departmentId: null });
    expect((await errorOf(storeDocumentFile(kancelaria, { documentId: doneIncoming.id, fileName: "a.pdf", bytes: pdf("a"), kind: "SCAN" }, store))).code).toBe("BAD_REQUEST");
  });

  it("refuses wrong types, spoofed content and empty files before storing anything", async () => {
    const doc = await createDocument({ createdById: clerk.actor.id });
    const before = await db.prisma.fileBlob.count();
    const spoofed = await errorOf(storeDocumentFile(clerk, { documentId: doc.id, fileName: "faktura.pdf", bytes: new TextEncoder().encode("<html>"), kind: "ATTACHMENT" }, store));
    expect(spoofed).toMatchObject({ code: "BAD_REQUEST" });
    expect(spoofed.userMessage).toMatch(/nie jest prawidłowym plikiem PDF/);
    expect((await errorOf(storeDocumentFile(clerk, { documentId: doc.id, fileName: "wirus.exe", bytes: new Uint8Array([0x4d, 0x5a]), kind: "ATTACHMENT" }, store))).userMessage).toMatch(/nieobsługiwany rodzaj/);
    expect((await errorOf(storeDocumentFile(clerk, { documentId: doc.id, fileName: "pusty.pdf", bytes: new Uint8Array(), kind: "ATTACHMENT" }, store))).userMessage).toBe("Plik „pusty.pdf” jest pusty.");
    const batch = await errorOf(
      storeDocumentFiles(clerk, { documentId: doc.id, kind: "ATTACHMENT", files: [{ fileName: "dobry.pdf", bytes: pdf("ok") }, { fileName: "zly.png", bytes: pdf("nie png") }] }, store),
    );
    expect(batch.userMessage).toMatch(/zly\.png/);
    expect(await db.prisma.fileBlob.count()).toBe(before);
    expect(await db.prisma.documentFile.count({ where: { documentId: doc.id } })).toBe(0);
  });

  it("links the upload audit to the document's case and lets the case's responsible clerk add files", async () => {
    const jrwa = await db.prisma.jrwaClass.create({ data: { symbol: "6220", name: "Ochrona środowiska — test", category: "B5", isLeaf: true } });
    const c = await db.prisma.case.create({
      data: { mark: `GK.${jrwa.symbol}.1.2026`, departmentId: gkId, departmentSymbol: "GK", jrwaClassId: jrwa.id, year: 2026, number: 1, title: "Sprawa", responsibleId: colleague.actor.id, startDate: new Date("2026-11-25"), createdById: colleague.actor.id },
    });
    const doc = await createDocument({ createdById: kancelaria.actor.id, caseId: c.id, departmentId: null });
    const f = await storeDocumentFile(colleague, { documentId: doc.id, fileName: "do-sprawy.pdf", bytes: pdf("case"), kind: "ATTACHMENT" }, store);
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "file.uploaded", entityId: f.id }, select: { caseId: true } })).toEqual({ caseId: c.id });
  });
});
