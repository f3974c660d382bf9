/**
 * Polecenia files on PGlite and on the PostgreSQL server: files given with a task and with thread
 * entries (comment, progress, done), attach rules (own, unattached, at most 10, all or nothing),
 * downloads for whoever sees the task only (NOT_FOUND otherwise), and the audit trail.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/context";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createLocalFileStore } from "@/server/integrations/storage/local-file-store";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createUser, errorOf, TEST_META } from "@/test/factories";
import { openTaskAttachment, uploadTaskAttachment } from "./tasks.attachments";
import { commentTask, completeTask, createTask, getTask, reportProgress } from "./tasks.service";

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);
const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe.each(TEST_DB_KINDS)("polecenia: files (%s)", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;
  let root: string;
  let store: FileStore;
  let head: ServiceContext, ala: ServiceContext, bogdan: ServiceContext, fnClerk: ServiceContext, secretary: ServiceContext;
  const ctxOf = async (id: string): Promise<ServiceContext> => ({ db: prisma, actor: actorOf(await prisma.user.findUniqueOrThrow({ where: { id } })), meta: TEST_META });
  const upload = (ctx: ServiceContext, fileName: string, bytes: Uint8Array) => uploadTaskAttachment(ctx, { fileName, bytes }, store);

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    root = await mkdtemp(path.join(tmpdir(), "obieg-task-files-"));
    store = createLocalFileStore(root);
    const gk = await createDepartment(prisma, { symbol: "GK" });
    const fn = await createDepartment(prisma, { symbol: "FN" });
    head = await ctxOf((await createUser(prisma, { firstName: "Halina", lastName: "Kierownik", departmentId: gk.id, roles: ["KIEROWNIK"] })).id);
    await prisma.department.update({ where: { id: gk.id }, data: { headId: head.actor.id } });
    ala = await ctxOf((await createUser(prisma, { firstName: "Ala", lastName: "Adamska", departmentId: gk.id })).id);
    bogdan = await ctxOf((await createUser(prisma, { firstName: "Bogdan", lastName: "Bąk", departmentId: gk.id })).id);
    fnClerk = await ctxOf((await createUser(prisma, { firstName: "Franciszek", lastName: "Finansowy", departmentId: fn.id })).id);
    secretary = await ctxOf((await createUser(prisma, { firstName: "Sylwia", lastName: "Sekretarz", roles: ["SEKRETARZ"] })).id);
  });
  afterAll(async () => {
    await db?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  it("files given with a task and with its thread are seen and downloaded by whoever sees the task, by nobody else", async () => {
    expect((await errorOf(upload(head, "wytyczne.pdf", new TextEncoder().encode("nie PDF")))).code).toBe("BAD_REQUEST");
    const brief = pdf("Wytyczne do remontu");
    const given = await upload(head, "Wytyczne.pdf", brief);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "task.file-uploaded", entityId: given.id } })).toMatchObject({ entityType: "task-attachment", data: { sha256: sha(brief) } });
    const { id } = await createTask(head, { title: "Przygotuj kosztorys remontu", assigneeIds: [ala.actor.id], attachmentIds: [given.id] });

    const photo = await upload(ala, "zdjęcie.png", png());
    await reportProgress(ala, { taskId: id, progress: 40, body: "Zdjęcia z oględzin", attachmentIds: [photo.id] });
    const report = await upload(ala, "kosztorys.pdf", pdf("Kosztorys"));
    await completeTask(ala, { taskId: id, body: "Gotowe", attachmentIds: [report.id] });
    const note = await upload(head, "uwagi.pdf", pdf("Uwagi"));
    await commentTask(head, { taskId: id, body: "Uwagi w pliku", attachmentIds: [note.id] });

    const seen = await getTask(ala, id);
    expect(seen.attachments).toEqual([{ id: given.id, fileName: "Wytyczne.pdf", mimeType: "application/pdf", size: brief.byteLength, url: `/api/polecenia/zalaczniki/${given.id}` }]);
    expect(seen.entries.map((e) => [e.kind, e.attachments.map((a) => a.fileName)])).toEqual([
      ["PROGRESS", ["zdjęcie.png"]],
      ["DONE", ["kosztorys.pdf"]],
      ["COMMENT", ["uwagi.pdf"]],
    ]);

    // The assignee, the giver and kierownictwo download; a colleague or another department's clerk get NOT_FOUND.
    const opened = await openTaskAttachment(ala, given.id, store);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(brief))).toBe(true);
    expect((await openTaskAttachment(head, report.id, store)).file.fileName).toBe("kosztorys.pdf");
    expect((await openTaskAttachment(secretary, photo.id, store)).file.mimeType).toBe("image/png");
    expect((await errorOf(openTaskAttachment(bogdan, given.id, store))).code).toBe("NOT_FOUND");
    expect((await errorOf(openTaskAttachment(fnClerk, report.id, store))).code).toBe("NOT_FOUND");
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "task.file-downloaded", entityId: given.id, actorId: ala.actor.id } })).toMatchObject({
      entityType: "task-attachment",
      data: { taskId: id, fileName: "Wytyczne.pdf", sha256: sha(brief) },
    });
    // A file not attached yet is nobody's to download, not even its uploader's.
    const loose = await upload(ala, "luźny.pdf", pdf("luźny"));
    expect((await errorOf(openTaskAttachment(ala, loose.id, store))).code).toBe("NOT_FOUND");
  });

  it("attaches only one's own unattached uploads, at most 10, and a refused file stores nothing", async () => {
    const headFile = await upload(head, "kierownika.pdf", pdf("kierownika"));
    const refused = await errorOf(createTask(head, { title: "Polecenie z cudzym plikiem", assigneeIds: [bogdan.actor.id], attachmentIds: [headFile.id, "cudzy-albo-brak"] }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(await prisma.task.count({ where: { title: "Polecenie z cudzym plikiem" } })).toBe(0);

    const { id } = await createTask(head, { title: "Sprawdź ogłoszenie", assigneeIds: [bogdan.actor.id], attachmentIds: [headFile.id] });
    // Used once already; someone else's upload in a comment.
    expect((await errorOf(createTask(head, { title: "Drugi raz ten sam plik", assigneeIds: [bogdan.actor.id], attachmentIds: [headFile.id] }))).code).toBe("BAD_REQUEST");
    const bogdanFile = await upload(bogdan, "bogdana.pdf", pdf("bogdana"));
    const entriesBefore = await prisma.taskEntry.count({ where: { taskId: id } });
    expect((await errorOf(commentTask(head, { taskId: id, body: "Cudzy plik", attachmentIds: [bogdanFile.id] }))).code).toBe("BAD_REQUEST");
    expect(await prisma.taskEntry.count({ where: { taskId: id } })).toBe(entriesBefore);
    await expect(commentTask(bogdan, { taskId: id, body: "Dużo plików", attachmentIds: Array.from({ length: 11 }, (_, i) => `f${i}`) })).rejects.toThrow("najwyżej 10 plików");
    await commentTask(bogdan, { taskId: id, body: "Mój plik", attachmentIds: [bogdanFile.id] });
    expect((await getTask(head, id)).entries.at(-1)?.attachments.map((a) => a.fileName)).toEqual(["bogdana.pdf"]);
  });
});
