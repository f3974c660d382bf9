import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileStore } from "@/server/integrations/storage";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createUser } from "@/test/factories";
import { ensureBipMenu } from "./bip.menu-seed";
import {
  findMenuNode,
  getBipMenuTree,
  getBipSettings,
  getChangeRegister,
  getMenuPageArticle,
  getPublicArticle,
  listAnnouncements,
  listArchive,
  listMenuArticles,
  listProcedureCards,
  listPublishedArticles,
  listSitemapEntries,
  openBipAttachment,
  recordArticleView,
} from "./bip.public.service";

const HOUR = 3_600_000;
const past = (h: number) => new Date(Date.now() - h * HOUR);
const future = (h: number) => new Date(Date.now() + h * HOUR);
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

type VersionSpec = {
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
  publishAt?: Date | null;
  title?: string;
  body?: string;
  summary?: string;
  changeNote?: string;
  restriction?: { scope: string; basis: string; by: string };
  procedure?: object;
};

function memoryStore(): FileStore & { blobs: Map<string, Uint8Array> } {
  const blobs = new Map<string, Uint8Array>();
  return {
    kind: "local",
    blobs,
    put: async (sha, bytes) => void blobs.set(sha, bytes),
    get: async (sha) => blobs.get(sha) ?? null,
    has: async (sha) => blobs.has(sha),
  };
}

describe.each(TEST_DB_KINDS)("BIP public service on %s", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;
  let editorId: string;
  const store = memoryStore();

  async function menuId(...slugs: string[]) {
    const found = findMenuNode(await getBipMenuTree(prisma), slugs);
    if (!found) throw new Error(`no menu ${slugs.join("/")}`);
    return found.node.id;
  }

  async function article(menu: string[], versions: VersionSpec[], extra: { status?: "DRAFT" | "PUBLISHED" | "WITHDRAWN"; espFormCode?: string } = {}) {
    const a = await prisma.bipArticle.create({
      data: {
        menuItemId: await menuId(...menu),
        status: extra.status ?? (versions.some((v) => v.status === "APPROVED") ? "PUBLISHED" : "DRAFT"),
        espFormCode: extra.espFormCode,
        createdById: editorId,
        withdrawnAt: extra.status === "WITHDRAWN" ? past(1) : null,
        withdrawalReason: extra.status === "WITHDRAWN" ? "Nieaktualne" : null,
      },
    });
    for (const [i, v] of versions.entries()) {
      await prisma.bipArticleVersion.create({
        data: {
          articleId: a.id,
          number: i + 1,
          status: v.status,
          publishAt: v.publishAt ?? null,
          title: v.title ?? `Tytuł ${i + 1}`,
          summary: v.summary ?? "",
          bodyText: v.body ?? `Treść wersji ${i + 1}`,
          bodyHtml: `<p>${v.body ?? `Treść wersji ${i + 1}`}</p>`,
          producedBy: "Wydział Organizacyjny — Ewa Mazur",
          producedAt: new Date("2026-11-02"),
          enteredById: editorId,
          changeNote: v.changeNote ?? "",
          restrictionScope: v.restriction?.scope,
          restrictionBasis: v.restriction?.basis,
          restrictedBy: v.restriction?.by,
          procedure: v.procedure,
        },
      });
    }
    return a;
  }

  async function attach(articleId: string, text: string, addedInVersion: number, removedInVersion: number | null = null) {
    const bytes = new TextEncoder().encode(text);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await store.put(sha256, bytes);
    return prisma.bipAttachment.create({
      data: { articleId, addedInVersion, removedInVersion, title: text, fileName: `${text}.pdf`, mimeType: "application/pdf", size: bytes.length, sha256, createdById: editorId },
    });
  }

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    await prisma.office.create({ data: { id: 1, name: "Urząd Miasta Testowo", shortName: "UM Testowo", street: "ul. Prosta 1", postalCode: "00-001", city: "Testowo" } });
    editorId = (await createUser(prisma, { firstName: "Paweł", lastName: "Śliwa", roles: ["REDAKTOR_BIP"] })).id;
    expect(await ensureBipMenu(prisma)).toBe(18);
  });
  afterAll(async () => db?.destroy());

  it("creates the menu once: a second run adds nothing and keeps the redaktor's edits", async () => {
    await prisma.bipMenuItem.updateMany({ where: { slug: "kontakt" }, data: { title: "Kontakt z urzędem" } });
    expect(await ensureBipMenu(prisma)).toBe(0);
    expect(await prisma.bipMenuItem.count()).toBe(18);
    const tree = await getBipMenuTree(prisma);
    expect(tree.map((n) => n.slug).slice(0, 4)).toEqual(["o-urzedzie", "wladze", "struktura-organizacyjna", "prawo-lokalne"]);
    expect(tree.find((n) => n.slug === "kontakt")?.title).toBe("Kontakt z urzędem");
    expect(findMenuNode(tree, ["prawo-lokalne", "uchwaly"])?.trail.map((n) => n.title)).toEqual(["Prawo lokalne", "Uchwały"]);
    expect(findMenuNode(tree, ["uchwaly"])).toBeNull();
    expect((await getBipSettings(prisma)).publisher).toBe("Urząd Miasta Testowo");
  });

  it("shows only published versions: current = highest approved with publishAt in the past", async () => {
    const a = await article(["ogloszenia"], [
      { status: "APPROVED", publishAt: past(48), title: "Ogłoszenie o przetargu", body: "Termin do 10 grudnia." },
      { status: "APPROVED", publishAt: past(2), title: "Ogłoszenie o przetargu (zmiana)", body: "Termin do 17 grudnia.", changeNote: "Zmiana terminu" },
      { status: "SUBMITTED", title: "Wersja czekająca", body: "Tajny szkic" },
      { status: "APPROVED", publishAt: future(24), title: "Wersja zaplanowana", body: "Przyszła treść" },
    ]);
    const shown = await getPublicArticle(prisma, a.seq);
    expect(shown?.version.number).toBe(2);
    expect(shown?.version.title).toBe("Ogłoszenie o przetargu (zmiana)");
    expect(shown?.version.enteredBy).toBe("Paweł Śliwa");
    expect(shown?.currentNumber).toBe(2);
    expect(shown?.versionCount).toBe(2);
    expect(shown?.publisher).toBe("Urząd Miasta Testowo");
    expect(shown?.menu).toEqual({ title: "Ogłoszenia", path: ["ogloszenia"] });
    expect((await getPublicArticle(prisma, a.seq, { versionNumber: 1 }))?.version.bodyText).toBe("Termin do 10 grudnia.");
    expect(await getPublicArticle(prisma, a.seq, { versionNumber: 3 })).toBeNull();
    expect(await getPublicArticle(prisma, a.seq, { versionNumber: 4 })).toBeNull();
    // Once the scheduled time has come, version 4 is the current one.
    expect((await getPublicArticle(prisma, a.seq, { now: future(25) }))?.version.number).toBe(4);

    const register = await getChangeRegister(prisma, a.seq);
    expect(register?.entries.map((e) => [e.number, e.changeNote, e.enteredBy])).toEqual([
      [1, "", "Paweł Śliwa"],
      [2, "Zmiana terminu", "Paweł Śliwa"],
    ]);
    expect(JSON.stringify(register)).not.toContain("Tajny szkic");
    expect(JSON.stringify(register)).not.toContain("Przyszła treść");
  });

  it("never shows drafts, submitted-only, returned-only or future-only articles", async () => {
    const draft = await article(["ogloszenia"], [{ status: "DRAFT", title: "Szkic ogłoszenia", body: "niewidoczne-slowo" }]);
    const submitted = await article(["ogloszenia"], [{ status: "SUBMITTED", title: "Wysłane do akceptacji", body: "niewidoczne-slowo" }], { status: "PUBLISHED" });
    const returned = await article(["ogloszenia"], [{ status: "RETURNED", title: "Zwrócone", body: "niewidoczne-slowo" }], { status: "PUBLISHED" });
    const scheduled = await article(["ogloszenia"], [{ status: "APPROVED", publishAt: future(5), title: "Zaplanowane", body: "niewidoczne-slowo" }]);
    for (const a of [draft, submitted, returned, scheduled]) {
      expect(await getPublicArticle(prisma, a.seq)).toBeNull();
      expect(await getChangeRegister(prisma, a.seq)).toBeNull();
      expect(await recordArticleView(prisma, a.seq, BROWSER)).toBe(draft.seq !== a.seq); // counting is harmless, showing is not
    }
    const listed = await listMenuArticles(prisma, findMenuNode(await getBipMenuTree(prisma), ["ogloszenia"])!.node);
    const seqs = listed.items.map((i) => i.seq);
    for (const a of [draft, submitted, returned, scheduled]) expect(seqs).not.toContain(a.seq);
    expect((await listPublishedArticles(prisma, { pageSize: 100 })).items.map((i) => i.seq)).not.toContain(scheduled.seq);
    expect((await listSitemapEntries(prisma)).articles.map((i) => i.seq)).not.toContain(scheduled.seq);
    // The scheduled one appears when its time comes.
    expect((await getPublicArticle(prisma, scheduled.seq, { now: future(6) }))?.seq).toBe(scheduled.seq);
  });

  it("keeps withdrawn articles readable in the archive and out of listings", async () => {
    const w = await article(["ogloszenia"], [{ status: "APPROVED", publishAt: past(100), title: "Wycofane ogłoszenie", body: "archiwalne-slowo" }], { status: "WITHDRAWN" });
    const shown = await getPublicArticle(prisma, w.seq);
    expect(shown?.status).toBe("WITHDRAWN");
    expect(shown?.withdrawalReason).toBe("Nieaktualne");
    expect((await listArchive(prisma)).items.map((i) => i.seq)).toContain(w.seq);
    expect((await listAnnouncements(prisma)).map((i) => i.seq)).not.toContain(w.seq);
  });

  it("states the scope, legal basis and who restricted a restricted version", async () => {
    const r = await article(["ogloszenia"], [
      { status: "APPROVED", publishAt: past(3), restriction: { scope: "Dane osobowe wnioskodawcy", basis: "art. 5 ust. 2 ustawy o dostępie do informacji publicznej", by: "Jolanta Zając, Sekretarz Miasta" } },
    ]);
    expect((await getPublicArticle(prisma, r.seq))?.version.restriction).toEqual({
      scope: "Dane osobowe wnioskodawcy",
      basis: "art. 5 ust. 2 ustawy o dostępie do informacji publicznej",
      by: "Jolanta Zając, Sekretarz Miasta",
    });
    const plain = await article(["ogloszenia"], [{ status: "APPROVED", publishAt: past(3) }]);
    expect((await getPublicArticle(prisma, plain.seq))?.version.restriction).toBeNull();
    expect((await getChangeRegister(prisma, r.seq))?.entries[0]?.restricted).toBe(true);
  });

  it("lists the attachments of the shown version and serves only published ones (counted, digest checked)", async () => {
    const a = await article(["prawo-lokalne", "uchwaly"], [
      { status: "APPROVED", publishAt: past(10) },
      { status: "APPROVED", publishAt: past(5), changeNote: "Nowy załącznik" },
      { status: "SUBMITTED" },
    ]);
    const old = await attach(a.id, "zalacznik-v1", 1, 2);
    const kept = await attach(a.id, "zalacznik-v1-v2", 1);
    const added = await attach(a.id, "zalacznik-v2", 2);
    const unpublished = await attach(a.id, "zalacznik-v3", 3);
    expect((await getPublicArticle(prisma, a.seq))?.attachments.map((x) => x.id)).toEqual([kept.id, added.id]);
    expect((await getPublicArticle(prisma, a.seq, { versionNumber: 1 }))?.attachments.map((x) => x.id)).toEqual([old.id, kept.id]);
    const register = await getChangeRegister(prisma, a.seq);
    expect(register?.entries[1]).toMatchObject({ attachmentsAdded: ["zalacznik-v2"], attachmentsRemoved: ["zalacznik-v1"] });

    const opened = await openBipAttachment(prisma, old.id, store);
    expect(new TextDecoder().decode(opened!.bytes)).toBe("zalacznik-v1");
    expect((await prisma.bipAttachment.findUniqueOrThrow({ where: { id: old.id } })).downloads).toBe(1);
    expect(await openBipAttachment(prisma, unpublished.id, store)).toBeNull();
    expect((await prisma.bipAttachment.findUniqueOrThrow({ where: { id: unpublished.id } })).downloads).toBe(0);
    expect(await openBipAttachment(prisma, "nie-ma-takiego", store)).toBeNull();

    // Damaged bytes are refused, not served.
    store.blobs.set(added.sha256, new TextEncoder().encode("podmienione"));
    await expect(openBipAttachment(prisma, added.id, store)).rejects.toThrow(/SHA-256/);

    // The parent menu item lists its children's articles.
    const law = await listMenuArticles(prisma, findMenuNode(await getBipMenuTree(prisma), ["prawo-lokalne"])!.node);
    expect(law.items.map((i) => i.seq)).toContain(a.seq);
  });

  it("counts views of people, not of robots", async () => {
    const a = await article(["ogloszenia"], [{ status: "APPROVED", publishAt: past(1) }]);
    expect(await recordArticleView(prisma, a.seq, BROWSER)).toBe(true);
    expect(await recordArticleView(prisma, a.seq, BROWSER)).toBe(true);
    expect(await recordArticleView(prisma, a.seq, "Googlebot/2.1 (+http://www.google.com/bot.html)")).toBe(false);
    expect(await recordArticleView(prisma, a.seq, null)).toBe(false);
    expect((await getPublicArticle(prisma, a.seq))?.viewCount).toBe(2);
  });

  it("paginates listings newest first", async () => {
    const node = findMenuNode(await getBipMenuTree(prisma), ["zamowienia-publiczne"])!.node;
    for (let i = 0; i < 5; i++) await article(["zamowienia-publiczne"], [{ status: "APPROVED", publishAt: past(50 - i), title: `Przetarg ${i}` }]);
    const first = await listMenuArticles(prisma, node, { page: 1, pageSize: 2 });
    expect(first.total).toBe(5);
    expect(first.pages).toBe(3);
    expect(first.items.map((i) => i.title)).toEqual(["Przetarg 4", "Przetarg 3"]);
    const last = await listMenuArticles(prisma, node, { page: 3, pageSize: 2 });
    expect(last.items.map((i) => i.title)).toEqual(["Przetarg 0"]);
  });

  it("shows a PAGE menu item's article and lists procedure cards", async () => {
    const node = findMenuNode(await getBipMenuTree(prisma), ["wladze"])!.node;
    expect(await getMenuPageArticle(prisma, node)).toBeNull();
    await article(["wladze"], [{ status: "APPROVED", publishAt: past(2), title: "Władze miasta" }]);
    expect((await getMenuPageArticle(prisma, node))?.version.title).toBe("Władze miasta");

    const card = await article(["jak-zalatwic-sprawe"], [{ status: "APPROVED", publishAt: past(2), title: "Wycinka drzew", procedure: { documents: ["Wniosek"], fees: "Bez opłat" } }], { espFormCode: "wycinka-drzew" });
    const cards = await listProcedureCards(prisma);
    expect(cards.items.map((c) => [c.seq, c.espFormCode])).toContainEqual([card.seq, "wycinka-drzew"]);
    expect((await getPublicArticle(prisma, card.seq))?.version.procedure).toMatchObject({ documents: ["Wniosek"], fees: "Bez opłat", deadline: "" });
  });
});
