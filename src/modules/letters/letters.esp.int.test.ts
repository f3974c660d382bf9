import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, TEST_META } from "@/test/factories";
import { ensureEspSystemUser, ESP_SYSTEM_USER_EMAIL, registerEspLetter, type RegisterEspLetterInput } from "./letters.esp";
import { ZLetterListInput } from "./letters.schemas";
import { getLetter, listLetters } from "./letters.service";

describe.each(TEST_DB_KINDS)("registering an ESP submission as an incoming letter (%s)", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("registers with channel ESP and the next RPW number, reuses the sender by e-mail, and the kancelaria sees it", async () => {
    const system = await ensureEspSystemUser(db.prisma);
    expect(await ensureEspSystemUser(db.prisma)).toEqual(system);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: system.id } });
    expect(user).toMatchObject({ email: ESP_SYSTEM_USER_EMAIL, active: false, roles: [] });

    const sha = "c".repeat(64);
    const input = (receivedAt: Date, street = "ul. Lipowa 3"): RegisterEspLetterInput => ({
      systemUserId: system.id,
      sender: { name: "Anna Maria Nowak", email: "Anna.Nowak@example.com", street, postalCode: "36-040", city: "Boguchwała", phone: "" },
      subject: "Wniosek o wycinkę drzewa",
      receivedAt,
      files: [{ fileName: "pismo.pdf", mimeType: "application/pdf", size: 10, sha256: sha, kind: "SCAN" }],
      meta: TEST_META,
    });
    const now = new Date();
    const first = await db.prisma.$transaction((tx) => registerEspLetter(tx, input(now)));
    const second = await db.prisma.$transaction((tx) => registerEspLetter(tx, input(now, "ul. Nowa 1")));
    expect(first.registerNo).toMatch(/^RPW\/1\/\d{4}$/);
    expect(second.registerNo).toMatch(/^RPW\/2\/\d{4}$/);
    expect(second.senderId).toBe(first.senderId);
    const contact = await db.prisma.contact.findUniqueOrThrow({ where: { id: first.senderId }, include: { addresses: true } });
    expect(contact).toMatchObject({ name: "Nowak Anna Maria", firstName: "Anna Maria", lastName: "Nowak", kind: "PERSON" });
    expect(contact.addresses.map((a) => a.street).sort()).toEqual(["ul. Lipowa 3", "ul. Nowa 1"]);

    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: first.id }, include: { files: true } });
    expect(doc).toMatchObject({ kind: "INCOMING", channel: "ESP", status: "REGISTERED", createdById: system.id, attachmentsCount: 0 });
    expect(doc.files).toMatchObject([{ fileName: "pismo.pdf", sha256: sha, kind: "SCAN", uploadedById: system.id }]);
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "letter.registered", documentId: first.id }, select: { actorId: true, data: true } })).toMatchObject({
      actorId: null,
      data: { channel: "ESP", registerNo: first.registerNo },
    });

    const kancelaria = await createActor(db.prisma, ["KANCELARIA"]);
    const list = await listLetters(kancelaria, ZLetterListInput.parse({ kind: "INCOMING", channel: "ESP" }));
    expect(list.items.map((i) => i.registerNo).sort()).toEqual([first.registerNo, second.registerNo].sort());
    expect((await getLetter(kancelaria, first.id)).channel).toBe("ESP");
  });
});
