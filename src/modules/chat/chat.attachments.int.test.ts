/**
 * Komunikator files on PGlite and on the PostgreSQL server: the upload check (by content), one blob
 * per content, attaching only one's own fresh unattached uploads (in the message's transaction),
 * the limit per message, downloads only for current members (NOT_FOUND otherwise), none for a
 * deleted message, the SHA-256 re-check, and the audit trail.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/context";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createLocalFileStore } from "@/server/integrations/storage/local-file-store";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createUser, errorOf, TEST_META } from "@/test/factories";
import { openChatAttachment, uploadChatAttachment } from "./chat.attachments";
import { createGroupConversation, deleteMessage, listMessages, openDirectConversation, removeMember, sendMessage } from "./chat.service";

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
let n = 0;
const clientId = () => `test-att-${Date.now().toString(36)}-${n++}`;

describe.each(TEST_DB_KINDS)("komunikator: files (%s)", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;
  let root: string;
  let store: FileStore;
  let anna: ServiceContext, bartek: ServiceContext, celina: ServiceContext;
  let direct = "";
  const ctxOf = async (id: string): Promise<ServiceContext> => ({ db: prisma, actor: actorOf(await prisma.user.findUniqueOrThrow({ where: { id } })), meta: TEST_META });
  const upload = (ctx: ServiceContext, fileName: string, bytes: Uint8Array) => uploadChatAttachment(ctx, { fileName, bytes }, store);

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    root = await mkdtemp(path.join(tmpdir(), "obieg-chat-files-"));
    store = createLocalFileStore(root);
    const gk = await createDepartment(prisma, { symbol: "GK" });
    anna = await ctxOf((await createUser(prisma, { firstName: "Anna", lastName: "Nowak", departmentId: gk.id })).id);
    bartek = await ctxOf((await createUser(prisma, { firstName: "Bartłomiej", lastName: "Żak", departmentId: gk.id })).id);
    celina = await ctxOf((await createUser(prisma, { firstName: "Celina", lastName: "Wójcik", departmentId: gk.id })).id);
    direct = (await openDirectConversation(anna, bartek.actor.id)).id;
  });
  afterAll(async () => {
    await db?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  it("checks an upload by its content and stores the same content once", async () => {
    expect((await errorOf(upload(anna, "pusty.pdf", new Uint8Array()))).userMessage).toContain("jest pusty");
    expect((await errorOf(upload(anna, "program.exe", new Uint8Array([0x4d, 0x5a, 1, 2])))).userMessage).toContain("nieobsługiwany rodzaj");
    const fake = await errorOf(upload(anna, "skan.pdf", new TextEncoder().encode("<html>nie PDF</html>")));
    expect(fake.code).toBe("BAD_REQUEST");
    expect(fake.userMessage).toContain("nie jest prawidłowym plikiem PDF");
    const bytes = pdf("Protokół odbioru");
    const a = await upload(anna, "Protokół odbioru.pdf", bytes);
    const b = await upload(bartek, "kopia.pdf", bytes);
    expect(a).toMatchObject({ fileName: "Protokół odbioru.pdf", mimeType: "application/pdf", size: bytes.byteLength, url: `/api/komunikator/zalaczniki/${a.id}` });
    expect(b.id).not.toBe(a.id);
    expect(await prisma.fileBlob.count({ where: { sha256: sha(bytes) } })).toBe(1);
    expect(await store.has(sha(bytes))).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "chat.file-uploaded", entityId: a.id } });
    expect(audit).toMatchObject({ entityType: "chat-attachment", actorId: anna.actor.id, data: { fileName: "Protokół odbioru.pdf", sha256: sha(bytes), size: bytes.byteLength, mimeType: "application/pdf" } });
  });

  it("sends files without text; the other member downloads them (verified, audited); nobody else can", async () => {
    const bytes = pdf("Umowa nr 12/2026");
    const file = await upload(anna, "umowa.pdf", bytes);
    const sent = await sendMessage(anna, { conversationId: direct, clientId: clientId(), body: "", attachmentIds: [file.id] });
    expect(sent).toMatchObject({ body: "", attachments: [{ id: file.id, fileName: "umowa.pdf", size: bytes.byteLength, mimeType: "application/pdf", url: file.url }] });
    const seen = (await listMessages(bartek, { conversationId: direct })).messages.find((m) => m.id === sent.id)!;
    expect(seen.attachments.map((a) => a.fileName)).toEqual(["umowa.pdf"]);

    const opened = await openChatAttachment(bartek, file.id, store);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(opened.file).toMatchObject({ fileName: "umowa.pdf", mimeType: "application/pdf" });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "chat.file-downloaded", entityId: file.id, actorId: bartek.actor.id } })).toMatchObject({
      entityType: "chat-attachment",
      data: { conversationId: direct, messageId: sent.id, fileName: "umowa.pdf", sha256: sha(bytes) },
    });
    // Not a member: not found (never forbidden). A file not sent yet: not found, even for its uploader.
    expect((await errorOf(openChatAttachment(celina, file.id, store))).code).toBe("NOT_FOUND");
    const pending = await upload(anna, "szkic.pdf", pdf("szkic"));
    expect((await errorOf(openChatAttachment(anna, pending.id, store))).code).toBe("NOT_FOUND");
    expect((await errorOf(openChatAttachment(anna, "no-such-file", store))).code).toBe("NOT_FOUND");
  });

  it("attaches only one's own, unattached, fresh uploads — at most 10 — and a refused file stores no message", async () => {
    const bartekFile = await upload(bartek, "cudzy.pdf", pdf("cudzy"));
    const refusedId = clientId();
    const foreign = await errorOf(sendMessage(anna, { conversationId: direct, clientId: refusedId, body: "Cudzy plik", attachmentIds: [bartekFile.id] }));
    expect(foreign).toMatchObject({ code: "BAD_REQUEST", userMessage: "Któryś z plików nie jest już dostępny. Dołącz go ponownie." });
    expect(await prisma.chatMessage.count({ where: { clientId: refusedId } })).toBe(0);
    expect(await prisma.chatAttachment.findUniqueOrThrow({ where: { id: bartekFile.id } })).toMatchObject({ messageId: null });

    const mine = await upload(anna, "raz.pdf", pdf("raz"));
    await sendMessage(anna, { conversationId: direct, clientId: clientId(), body: "Pierwszy raz", attachmentIds: [mine.id] });
    expect((await errorOf(sendMessage(anna, { conversationId: direct, clientId: clientId(), body: "Drugi raz", attachmentIds: [mine.id] }))).code).toBe("BAD_REQUEST");

    const old = await upload(anna, "stary.pdf", pdf("stary"));
    await prisma.chatAttachment.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    expect((await errorOf(sendMessage(anna, { conversationId: direct, clientId: clientId(), body: "Stary", attachmentIds: [old.id] }))).code).toBe("BAD_REQUEST");

    const eleven = Array.from({ length: 11 }, (_, i) => `a${i}`);
    await expect(sendMessage(anna, { conversationId: direct, clientId: clientId(), body: "Dużo", attachmentIds: eleven })).rejects.toThrow("najwyżej 10 plików");
    await expect(sendMessage(anna, { conversationId: direct, clientId: clientId(), body: "  ", attachmentIds: [] })).rejects.toThrow("Wiadomość jest pusta.");
  });

  it("a deleted message's files and a member who left get NOT_FOUND; a changed file on disk is refused and audited", async () => {
    const group = await createGroupConversation(anna, { title: "Przetarg", memberIds: [bartek.actor.id, celina.actor.id] });
    const bytes = pdf("Oferta");
    const file = await upload(anna, "oferta.pdf", bytes);
    const message = await sendMessage(anna, { conversationId: group.id, clientId: clientId(), body: "Oferta w załączniku", attachmentIds: [file.id] });
    expect((await openChatAttachment(celina, file.id, store)).file.fileName).toBe("oferta.pdf");
    await removeMember(celina, { conversationId: group.id, userId: celina.actor.id });
    expect((await errorOf(openChatAttachment(celina, file.id, store))).code).toBe("NOT_FOUND");

    const other = await upload(anna, "druga.pdf", pdf("Druga oferta"));
    const second = await sendMessage(anna, { conversationId: group.id, clientId: clientId(), body: "", attachmentIds: [other.id] });
    await deleteMessage(anna, second.id);
    expect((await errorOf(openChatAttachment(bartek, other.id, store))).code).toBe("NOT_FOUND");
    expect((await listMessages(bartek, { conversationId: group.id })).messages.find((m) => m.id === second.id)).toMatchObject({ deleted: true, attachments: [] });

    // The bytes on disk changed behind the application's back.
    const digest = sha(bytes);
    await writeFile(path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest), pdf("Podmieniona oferta"));
    const broken = await errorOf(openChatAttachment(bartek, file.id, store));
    expect(broken.code).toBe("CONFLICT");
    expect(broken.userMessage).toContain("jest uszkodzony");
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "file.integrity-failed", entityId: file.id } })).toMatchObject({ entityType: "chat-attachment", data: { reason: "mismatch", expected: digest } });
    expect(message.attachments).toHaveLength(1);
  });
});
