import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInPoland } from "@/lib/i18n/translator";
import { dateToWarsawLocal } from "@/modules/letters/letters.dates";
import { createCaller } from "@/server/api/root";
import type { ServiceContext } from "@/server/context";
import type { FileStore } from "@/server/integrations/storage/file-store";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createActor, errorOf } from "@/test/factories";
import { ZArticleFields, ZBipSettingsInput, ZMenuAddInput, type ArticleFields } from "./bip.editor.schemas";
import {
  addBipAttachment,
  addBipMenuItem,
  approveBipVersion,
  createBipArticle,
  deleteBipMenuItem,
  getBipArticle,
  getBipSettings,
  listBipArticles,
  listBipMenu,
  moveBipMenuItem,
  openBipAttachmentForEditor,
  removeBipAttachment,
  returnBipVersion,
  saveBipDraft,
  setBipMenuItemVisible,
  submitBipVersion,
  updateBipMenuItem,
  updateBipSettings,
  withdrawBipArticle,
} from "./bip.editor.service";

function memoryStore(): FileStore {
  const m = new Map<string, Uint8Array>();
  return { kind: "local", put: async (k, b) => void m.set(k, b), get: async (k) => m.get(k) ?? null, has: async (k) => m.has(k) };
}
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);

describe.each(TEST_DB_KINDS)("BIP editor (%s)", (kind) => {
  let db: TestDb;
  let p: PrismaClient;
  let redaktor: ServiceContext, kierownik: ServiceContext, kierownik2: ServiceContext, pracownik: ServiceContext, admin: ServiceContext;
  let ogloszenia: { id: string }, kontakt: { id: string }, procedury: { id: string }, struktura: { id: string };
  const store = memoryStore();
  const today = todayInPoland();
  const fields = (v: Partial<ArticleFields> = {}) => ZArticleFields.parse({ title: "Ogłoszenie o przetargu", bodyHtml: "<p>Treść <script>alert(1)</script><b>ważna</b></p>", producedBy: "Wydział Finansowy — Anna Nowak", producedAt: today, ...v });
  const audits = (entityId: string) => p.auditEvent.findMany({ where: { entityId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true, data: true } });
  const menu = (v: Record<string, unknown>) => addBipMenuItem(redaktor, ZMenuAddInput.parse(v));

  beforeAll(async () => {
    db = await createTestDb(kind);
    p = db.prisma;
    redaktor = await createActor(p, ["REDAKTOR_BIP", "PRACOWNIK"]);
    kierownik = await createActor(p, ["KIEROWNIK"]);
    kierownik2 = await createActor(p, ["KIEROWNIK"]);
    pracownik = await createActor(p, ["PRACOWNIK"]);
    admin = await createActor(p, ["ADMINISTRATOR"]);
    ogloszenia = await menu({ title: "Ogłoszenia", slug: "ogloszenia", kind: "ARTICLES" });
    kontakt = await menu({ title: "Kontakt", slug: "kontakt", kind: "PAGE" });
    procedury = await menu({ title: "Jak załatwić sprawę", slug: "jak-zalatwic-sprawe", kind: "SPECIAL", special: "jak-zalatwic-sprawe" });
    struktura = await menu({ title: "Struktura organizacyjna", slug: "struktura", kind: "SPECIAL", special: "struktura" });
  });
  afterAll(async () => db?.destroy());

  describe("workflow", () => {
    it("draft → submit → approve now → a new version, the sanitised body and the audit trail", async () => {
      const created = await createBipArticle(kierownik, { menuItemId: ogloszenia.id, fields: fields() });
      expect(created.number).toBe(1);
      let a = await getBipArticle(kierownik, created.articleId);
      expect(a.versions[0]).toMatchObject({ number: 1, status: "DRAFT", bodyHtml: "<p>Treść <strong>ważna</strong></p>", bodyText: "Treść ważna", enteredById: kierownik.actor.id });
      expect(a.can).toMatchObject({ edit: true, submit: true, approve: false });

      // Saving again updates the same draft.
      await saveBipDraft(kierownik, { articleId: created.articleId, fields: fields({ title: "Ogłoszenie o przetargu (popr.)" }) });
      expect(await p.bipArticleVersion.count({ where: { articleId: created.articleId } })).toBe(1);

      await submitBipVersion(kierownik, created.articleId);
      expect((await errorOf(approveBipVersion(kierownik, { articleId: created.articleId, publishAt: "" }))).code).toBe("FORBIDDEN");
      const approved = await approveBipVersion(redaktor, { articleId: created.articleId, publishAt: "" });
      a = await getBipArticle(redaktor, created.articleId);
      expect(a.status).toBe("PUBLISHED");
      expect(a.versions[0]).toMatchObject({ number: 1, status: "APPROVED", published: true, reviewedByName: `${redaktor.actor.firstName} ${redaktor.actor.lastName}` });
      expect(a.versions[0]!.publishAt!.getTime()).toBe(approved.publishAt.getTime());

      // An edit of a published article is version 2 and needs "co zmieniono"; version 1 stays as it was.
      const noNote = await errorOf(saveBipDraft(kierownik, { articleId: created.articleId, fields: fields({ title: "Zmiana" }) }));
      expect(noNote.fieldErrors?.changeNote).toBeTruthy();
      const v2 = await saveBipDraft(kierownik, { articleId: created.articleId, fields: fields({ title: "Zmiana", changeNote: "Poprawiono termin" }) });
      expect(v2.number).toBe(2);
      a = await getBipArticle(kierownik, created.articleId);
      expect(a.versions.map((v) => [v.number, v.status, v.title])).toEqual([
        [2, "DRAFT", "Zmiana"],
        [1, "APPROVED", "Ogłoszenie o przetargu (popr.)"],
      ]);
      expect(a.openVersion).toBe(2);

      expect((await audits(created.articleId)).map((e) => e.action)).toEqual([
        "bip.article-created",
        "bip.version-saved",
        "bip.version-saved",
        "bip.version-submitted",
        "bip.version-approved",
        "bip.version-saved",
      ]);
    });

    it("the database refuses to change or delete a published version", async () => {
      const { articleId } = await createBipArticle(redaktor, { menuItemId: ogloszenia.id, fields: fields({ title: "Zamrożony" }) });
      await submitBipVersion(redaktor, articleId);
      await approveBipVersion(redaktor, { articleId, publishAt: "" });
      await expect(p.bipArticleVersion.updateMany({ where: { articleId, number: 1 }, data: { title: "Podmieniony" } })).rejects.toThrow();
      await expect(p.bipArticleVersion.deleteMany({ where: { articleId } })).rejects.toThrow();
      expect((await p.bipArticleVersion.findFirstOrThrow({ where: { articleId } })).title).toBe("Zamrożony");
    });

    it("schedules a publication for later; an edit then starts a new version; past times are refused", async () => {
      const { articleId } = await createBipArticle(kierownik, { menuItemId: ogloszenia.id, fields: fields({ title: "Planowane" }) });
      await submitBipVersion(kierownik, articleId);
      const past = await errorOf(approveBipVersion(redaktor, { articleId, publishAt: dateToWarsawLocal(new Date(Date.now() - 3_600_000)) }));
      expect(past.fieldErrors?.publishAt).toBeTruthy();
      const later = dateToWarsawLocal(new Date(Date.now() + 2 * 86_400_000));
      const { publishAt } = await approveBipVersion(redaktor, { articleId, publishAt: later });
      expect(publishAt.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
      const a = await getBipArticle(redaktor, articleId);
      expect(a.versions[0]).toMatchObject({ status: "APPROVED", published: false, scheduled: true });
      const list = await listBipArticles(redaktor, { filter: "all", page: 1 });
      expect(list.items.find((i) => i.id === articleId)).toMatchObject({ latestScheduled: true });
      const v2 = await saveBipDraft(kierownik, { articleId, fields: fields({ title: "Planowane 2", changeNote: "zmiana" }) });
      expect(v2.number).toBe(2);
    });

    it("returns a version with a comment; the author fixes it and submits again", async () => {
      const { articleId } = await createBipArticle(kierownik, { menuItemId: ogloszenia.id, fields: fields({ title: "Do poprawy" }) });
      await submitBipVersion(kierownik, articleId);
      expect((await listBipArticles(redaktor, { filter: "waiting", page: 1 })).items.map((i) => i.id)).toContain(articleId);
      await returnBipVersion(redaktor, { articleId, comment: "Brak podstawy prawnej" });
      let a = await getBipArticle(kierownik, articleId);
      expect(a.versions[0]).toMatchObject({ status: "RETURNED", reviewComment: "Brak podstawy prawnej" });
      expect((await errorOf(returnBipVersion(redaktor, { articleId, comment: "jeszcze raz" }))).code).toBe("CONFLICT");
      expect((await listBipArticles(kierownik, { filter: "mine", page: 1 })).items.map((i) => i.id)).toContain(articleId);
      await saveBipDraft(kierownik, { articleId, fields: fields({ title: "Poprawione" }) });
      await submitBipVersion(kierownik, articleId);
      a = await getBipArticle(kierownik, articleId);
      expect(a.versions).toHaveLength(1);
      expect(a.versions[0]).toMatchObject({ status: "SUBMITTED", title: "Poprawione", reviewComment: null });
      const log = (await audits(articleId)).map((e) => e.action);
      expect(log).toContain("bip.version-returned");
      expect((await audits(articleId)).find((e) => e.action === "bip.version-returned")?.data).toMatchObject({ comment: "Brak podstawy prawnej", number: 1 });
    });

    it("withdraws a published article to the archive: read-only, the versions kept", async () => {
      const { articleId } = await createBipArticle(kierownik, { menuItemId: ogloszenia.id, fields: fields({ title: "Do wycofania" }) });
      expect((await errorOf(withdrawBipArticle(redaktor, { articleId, reason: "nieaktualne" }))).code).toBe("CONFLICT");
      await submitBipVersion(kierownik, articleId);
      await approveBipVersion(redaktor, { articleId, publishAt: "" });
      expect((await errorOf(withdrawBipArticle(kierownik, { articleId, reason: "x" }))).code).toBe("FORBIDDEN");
      await withdrawBipArticle(redaktor, { articleId, reason: "Nieaktualne ogłoszenie" });
      const a = await getBipArticle(redaktor, articleId);
      expect(a).toMatchObject({ status: "WITHDRAWN", withdrawalReason: "Nieaktualne ogłoszenie" });
      expect(a.versions).toHaveLength(1);
      expect(a.can.edit).toBe(false);
      expect((await errorOf(saveBipDraft(redaktor, { articleId, fields: fields({ changeNote: "x" }) }))).code).toBe("BAD_REQUEST");
      expect((await listBipArticles(redaktor, { filter: "withdrawn", page: 1 })).items.map((i) => i.id)).toContain(articleId);
    });
  });

  describe("permissions", () => {
    it("PRACOWNIK cannot edit, bip.edit cannot approve or manage, another editor cannot change someone's article", async () => {
      expect((await errorOf(createBipArticle(pracownik, { menuItemId: ogloszenia.id, fields: fields() }))).code).toBe("FORBIDDEN");
      expect((await errorOf(listBipArticles(pracownik, { filter: "all", page: 1 }))).code).toBe("FORBIDDEN");
      const { articleId } = await createBipArticle(kierownik, { menuItemId: ogloszenia.id, fields: fields() });
      await submitBipVersion(kierownik, articleId);
      expect((await errorOf(approveBipVersion(kierownik, { articleId, publishAt: "" }))).code).toBe("FORBIDDEN");
      expect((await errorOf(returnBipVersion(kierownik, { articleId, comment: "x" }))).code).toBe("FORBIDDEN");
      expect((await errorOf(saveBipDraft(kierownik2, { articleId, fields: fields() }))).code).toBe("FORBIDDEN");
      expect((await errorOf(addBipMenuItem(kierownik, ZMenuAddInput.parse({ title: "X", slug: "x", kind: "ARTICLES" })))).code).toBe("FORBIDDEN");
      expect((await errorOf(getBipSettings(kierownik))).code).toBe("FORBIDDEN");
      // Through tRPC too: the procedure permission answers first.
      const caller = createCaller({ db: p, actor: pracownik.actor, meta: pracownik.meta } as never);
      await expect(caller.bip.articles.list({ filter: "all", page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      // The redaktor may edit anyone's article and approve their own (audited with the approver).
      await saveBipDraft(redaktor, { articleId, fields: fields({ title: "Poprawka redaktora" }) });
      await submitBipVersion(redaktor, articleId);
      await approveBipVersion(redaktor, { articleId, publishAt: "" });
      expect((await audits(articleId)).at(-1)).toMatchObject({ action: "bip.version-approved", actorId: redaktor.actor.id });
    });
  });

  describe("articles and menu items", () => {
    it("refuses articles under system pages, a second article of a PAGE; procedure cards only under Jak załatwić sprawę", async () => {
      expect((await errorOf(createBipArticle(redaktor, { menuItemId: struktura.id, fields: fields() }))).code).toBe("BAD_REQUEST");
      await createBipArticle(redaktor, { menuItemId: kontakt.id, fields: fields({ title: "Kontakt" }) });
      expect((await errorOf(createBipArticle(redaktor, { menuItemId: kontakt.id, fields: fields() }))).code).toBe("CONFLICT");

      const card = { documents: ["Wniosek", "Dowód opłaty"], fees: "10 zł", deadline: "do 30 dni", where: "pok. 12", who: "Wydział GK", appeal: "", legalBasis: "art. 1" };
      const proc = await createBipArticle(redaktor, { menuItemId: procedury.id, fields: fields({ title: "Wycinka drzew", procedure: card, espFormCode: "pismo-ogolne" }) });
      const a = await getBipArticle(redaktor, proc.articleId);
      expect(a.espFormCode).toBe("pismo-ogolne");
      expect(a.menuItem.procedure).toBe(true);
      expect(a.versions[0]!.procedure).toMatchObject({ documents: ["Wniosek", "Dowód opłaty"], fees: "10 zł" });
      const plain = await createBipArticle(redaktor, { menuItemId: ogloszenia.id, fields: fields({ procedure: card, espFormCode: "pismo-ogolne" }) });
      const b = await getBipArticle(redaktor, plain.articleId);
      expect(b.espFormCode).toBeNull();
      expect(b.versions[0]!.procedure).toBeNull();
    });

    it("restriction needs scope, basis and who, or nothing", () => {
      expect(ZArticleFields.safeParse({ ...fields(), restrictionScope: "dane osobowe" }).success).toBe(false);
      expect(ZArticleFields.safeParse({ ...fields(), restrictionScope: "dane osobowe", restrictionBasis: "art. 5 ust. 2", restrictedBy: "Jan Kowalski" }).success).toBe(true);
    });

    it("keeps slugs unique among siblings, moves, hides and protects special items", async () => {
      const dup = await errorOf(menu({ title: "Ogłoszenia 2", slug: "ogloszenia", kind: "ARTICLES" }));
      expect(dup.code).toBe("CONFLICT");
      const child = await menu({ parentId: ogloszenia.id, title: "Przetargi", slug: "ogloszenia", kind: "ARTICLES" });
      expect(child.path).toEqual(["ogloszenia", "ogloszenia"]);
      expect((await errorOf(menu({ title: "Drugi", slug: "struktura-2", kind: "SPECIAL", special: "struktura" }))).code).toBe("CONFLICT");
      expect(ZMenuAddInput.safeParse({ title: "Zła", slug: "Złe Ąę", kind: "ARTICLES" }).success).toBe(false);

      const other = await menu({ title: "Władze", slug: "wladze", kind: "PAGE" });
      expect((await errorOf(updateBipMenuItem(redaktor, { id: other.id, title: "Władze", slug: "kontakt" }))).code).toBe("CONFLICT");
      await updateBipMenuItem(redaktor, { id: other.id, title: "Władze gminy", slug: "wladze-gminy" });

      const before = (await listBipMenu(redaktor)).filter((m) => m.parentId === null).map((m) => m.slug);
      await moveBipMenuItem(redaktor, { id: other.id, direction: "up" });
      const after = (await listBipMenu(redaktor)).filter((m) => m.parentId === null).map((m) => m.slug);
      const i = before.indexOf("wladze-gminy");
      expect(after.indexOf("wladze-gminy")).toBe(i - 1);
      expect(after[i]).toBe(before[i - 1]);

      await setBipMenuItemVisible(redaktor, { id: struktura.id, visible: false });
      expect((await listBipMenu(redaktor)).find((m) => m.id === struktura.id)?.visible).toBe(false);
      expect((await errorOf(deleteBipMenuItem(redaktor, struktura.id))).code).toBe("BAD_REQUEST");
      expect((await errorOf(deleteBipMenuItem(redaktor, ogloszenia.id))).code).toBe("CONFLICT");
      await deleteBipMenuItem(redaktor, other.id);
      expect((await listBipMenu(redaktor)).some((m) => m.id === other.id)).toBe(false);
      expect((await audits(other.id)).map((e) => e.action)).toEqual(["bip.menu-changed", "bip.menu-changed", "bip.menu-changed", "bip.menu-changed"]);
    });
  });

  describe("attachments", () => {
    it("belong to the draft's version, stay with later versions until removed, and are checked by content", async () => {
      const { articleId } = await createBipArticle(kierownik, { menuItemId: ogloszenia.id, fields: fields({ title: "Z załącznikami" }) });
      const a1 = await addBipAttachment(kierownik, { articleId, title: "Regulamin", fileName: "regulamin.pdf", bytes: pdf("regulamin") }, store);
      expect(a1).toMatchObject({ addedInVersion: 1, removedInVersion: null, mimeType: "application/pdf", title: "Regulamin" });
      const fake = await errorOf(addBipAttachment(kierownik, { articleId, title: "", fileName: "wirus.pdf", bytes: new TextEncoder().encode("MZ not a pdf") }, store));
      expect(fake.code).toBe("BAD_REQUEST");
      const tmp = await addBipAttachment(kierownik, { articleId, title: "", fileName: "tymczasowy.pdf", bytes: pdf("tmp") }, store);
      await removeBipAttachment(kierownik, tmp.id); // added in this draft: gone
      expect(await p.bipAttachment.count({ where: { id: tmp.id } })).toBe(0);

      await submitBipVersion(kierownik, articleId);
      expect((await errorOf(addBipAttachment(kierownik, { articleId, title: "", fileName: "b.pdf", bytes: pdf("b") }, store))).code).toBe("CONFLICT");
      await approveBipVersion(redaktor, { articleId, publishAt: "" });
      expect((await errorOf(removeBipAttachment(kierownik, a1.id))).code).toBe("CONFLICT");

      await saveBipDraft(kierownik, { articleId, fields: fields({ title: "Z załącznikami", changeNote: "nowy regulamin" }) });
      const a2 = await addBipAttachment(kierownik, { articleId, title: "Regulamin 2026", fileName: "regulamin-2026.pdf", bytes: pdf("regulamin 2026") }, store);
      await removeBipAttachment(kierownik, a1.id);
      const files = (await getBipArticle(kierownik, articleId)).attachments;
      expect(files.map((f) => [f.fileName, f.addedInVersion, f.removedInVersion])).toEqual([
        ["regulamin.pdf", 1, 2],
        ["regulamin-2026.pdf", 2, null],
      ]);
      expect((await openBipAttachmentForEditor(kierownik, a2.id, store)).bytes).toEqual(pdf("regulamin 2026"));
      expect(await p.fileBlob.count({ where: { sha256: a2.sha256 } })).toBe(1);
      expect((await audits(articleId)).filter((e) => e.action.startsWith("bip.attachment")).map((e) => e.action)).toEqual([
        "bip.attachment-added",
        "bip.attachment-added",
        "bip.attachment-removed",
        "bip.attachment-added",
        "bip.attachment-removed",
      ]);
    });
  });

  describe("settings", () => {
    it("validates and saves the redakcja and the accessibility statement, with the audit of changed fields", async () => {
      expect(ZBipSettingsInput.safeParse({ publisher: "Urząd", editorName: "Paweł Śliwa", editorEmail: "nie-email", accessibility: {} }).success).toBe(false);
      expect(ZBipSettingsInput.safeParse({ publisher: "Urząd", editorName: "Paweł Śliwa", editorEmail: "bip@urzad.pl", accessibility: { status: "inny" } }).success).toBe(false);
      const input = ZBipSettingsInput.parse({
        publisher: "Urząd Miasta i Gminy Boguchwała",
        editorName: "Paweł Śliwa",
        editorPhone: "+48 17 875 00 00",
        editorEmail: "bip@boguchwala.example",
        accessibility: { publishedOn: "2026-01-10", updatedOn: "2026-03-01", status: "czesciowo-zgodna", nonCompliance: "Niektóre skany PDF." },
      });
      const wrong = await errorOf(updateBipSettings(admin, { ...input, accessibility: { ...input.accessibility, updatedOn: "2025-12-31" } }));
      expect(wrong.code).toBe("BAD_REQUEST");
      const saved = await updateBipSettings(admin, input);
      expect(saved).toMatchObject({ editorName: "Paweł Śliwa", accessibility: { status: "czesciowo-zgodna" } });
      await updateBipSettings(redaktor, { ...input, editorPhone: "17 875 00 01" });
      const log = await audits("1");
      expect(log.filter((e) => e.action === "bip.settings-updated").map((e) => e.data)).toEqual([
        { fields: ["publisher", "editorName", "editorPhone", "editorEmail", "accessibility"] },
        { fields: ["editorPhone"] },
      ]);
    });
  });
});
