import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMenuNode, getBipMenuTree, getBipSettings, getChangeRegister, getPublicArticle, listAnnouncements, listArchive, listMenuArticles, listProcedureCards, openBipAttachment } from "@/modules/bip/bip.public.service";
import { getFileStore } from "@/server/integrations/storage";
import { createTestDb, type TestDb } from "@/test/db";
import { seedDemoIfEmpty } from "./demo";
import { demoBody } from "./demo-bip";

describe("BIP demo content", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb("pglite");
    expect(await seedDemoIfEmpty(db.prisma)).toBe(true);
  });
  afterAll(async () => db?.destroy());

  it("builds safe HTML and the plain text from the demo markup", () => {
    expect(demoBody("## Tytuł\n\nA <b>&\n\n- jeden\n- dwa")).toEqual({
      bodyHtml: "<h2>Tytuł</h2>\n<p>A &lt;b&gt;&amp;</p>\n<ul><li>jeden</li><li>dwa</li></ul>",
      bodyText: "Tytuł\n\nA <b>&\n\njeden\ndwa",
    });
  });

  it("has announcements in every state the public pages handle", async () => {
    const prisma = db.prisma;
    const announcements = await listAnnouncements(prisma);
    expect(announcements.length).toBeGreaterThanOrEqual(3);
    const changed = announcements.find((a) => a.versionNumber === 2)!;
    const register = await getChangeRegister(prisma, changed.seq);
    expect(register?.entries[1]?.changeNote).toMatch(/Zmiana terminu/);
    expect(announcements.some((a) => a.title.startsWith("Obwieszczenie o zimowym"))).toBe(false); // scheduled
    expect(await prisma.bipArticleVersion.count({ where: { publishAt: { gt: new Date() } } })).toBe(1);
    expect((await listArchive(prisma)).items.map((a) => a.title)).toEqual(["Nabór na stanowisko podinspektora w Wydziale Organizacyjnym"]);
    const restricted = announcements.find((a) => a.title.startsWith("Informacja o wynikach naboru"))!;
    expect((await getPublicArticle(prisma, restricted.seq))?.version.restriction?.basis).toMatch(/art\. 5 ust\. 2/);
  });

  it("has uchwały with PDF attachments that download intact", async () => {
    const tree = await getBipMenuTree(db.prisma);
    const uchwaly = await listMenuArticles(db.prisma, findMenuNode(tree, ["prawo-lokalne", "uchwaly"])!.node);
    expect(uchwaly.total).toBe(2);
    const article = await getPublicArticle(db.prisma, uchwaly.items[0]!.seq);
    expect(article?.attachments).toHaveLength(1);
    const file = await openBipAttachment(db.prisma, article!.attachments[0]!.id, getFileStore());
    expect(new TextDecoder().decode(file!.bytes.slice(0, 5))).toBe("%PDF-");
  });

  it("links three procedure cards to ESP forms, and fills the redakcja and the accessibility statement", async () => {
    const cards = await listProcedureCards(db.prisma);
    expect(cards.items.map((c) => c.espFormCode).sort()).toEqual(["pismo-ogolne", "wycinka-drzew", "zajecie-pasa"]);
    const settings = await getBipSettings(db.prisma);
    expect(settings.publisher).toBe("Urząd Miasta Boguchwała");
    expect(settings.editorEmail).toBe("bip@boguchwala.example");
    expect(settings.accessibility.status).toBe("czesciowo-zgodna");
    expect(settings.accessibility.contactPerson).not.toBe("");
    const entered = await db.prisma.bipArticleVersion.findMany({ distinct: ["enteredById"], select: { enteredById: true } });
    const editor = await db.prisma.user.findUniqueOrThrow({ where: { email: "bip@boguchwala.example" } });
    expect(entered).toEqual([{ enteredById: editor.id }]);
  });
});
