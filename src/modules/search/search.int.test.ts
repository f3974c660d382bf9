/**
 * The embedded search engine end to end, on PGlite and on the PostgreSQL server: records written
 * through Prisma, indexed by the outbox job their triggers enqueue, searched through the service
 * with the actor's permission filter.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processDueJobs } from "@/server/jobs/outbox";
import { getFileStore } from "@/server/integrations/storage";
import { createPostgresEngine } from "@/server/integrations/search";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createUser, TEST_META } from "@/test/factories";
import "./search.jobs";
import { indexHealth, reindexAll, searchDocuments, searchPublic } from "./search.service";

/** Runs due outbox jobs until none is left (jobs of other modules without a handler just back off). */
async function drain(prisma: PrismaClient) {
  for (let i = 0; i < 50; i++) if ((await processDueJobs(prisma, 100)).claimed === 0) return;
}

describe.each(TEST_DB_KINDS)("search (embedded engine) on %s", (kind) => {
  let db: TestDb;
  let prisma: PrismaClient;
  const ids: Record<string, string> = {};
  const ctxOf = async (userId: string) => ({ db: prisma, actor: actorOf(await prisma.user.findUniqueOrThrow({ where: { id: userId } })), meta: TEST_META });
  const search = async (userId: string, q: string, extra: Record<string, unknown> = {}) => searchDocuments(await ctxOf(userId), { q, ...extra });
  const titles = async (userId: string, q: string, extra: Record<string, unknown> = {}) => (await search(userId, q, extra)).hits.map((h) => h.title);

  beforeAll(async () => {
    db = await createTestDb(kind);
    prisma = db.prisma;
    const gk = await createDepartment(prisma, { symbol: "GK", name: "Wydział Gospodarki Komunalnej" });
    const fn = await createDepartment(prisma, { symbol: "FN", name: "Wydział Finansowy" });
    const clerk = await createUser(prisma, { departmentId: gk.id });
    const fnClerk = await createUser(prisma, { departmentId: fn.id });
    const registry = await createUser(prisma, { roles: ["KANCELARIA"], departmentId: fn.id });
    Object.assign(ids, { gk: gk.id, fn: fn.id, clerk: clerk.id, fnClerk: fnClerk.id, registry: registry.id });

    const sender = await prisma.contact.create({ data: { kind: "PERSON", name: "Żółć Jan", firstName: "Jan", lastName: "Żółć", sortKey: "x", searchText: "zolc jan" } });
    await prisma.contact.create({ data: { kind: "INSTITUTION", name: "Urząd Miasta Łódź", sortKey: "y", searchText: "urzad miasta lodz", nip: "7250008312" } });
    const letter = (subject: string, data: Record<string, unknown> = {}) =>
      prisma.document.create({ data: { kind: "INCOMING", status: "REGISTERED", channel: "PAPER", subject, createdById: registry.id, departmentId: gk.id, ...data } });
    ids.rpw = (await letter("Wniosek o wycinkę drzew", { registerNo: "RPW/12/2026", registerYear: 2026, registerSeq: 12, senderId: sender.id })).id;
    ids.mention = (await letter("Uzupełnienie do RPW/12/2026", { registerNo: "RPW/120/2026", registerYear: 2026, registerSeq: 120, description: "Dotyczy pisma RPW/12/2026" })).id;
    ids.secret = (await letter("Skarga na sąsiada", { confidential: true, registerNo: "RPW/13/2026", registerYear: 2026, registerSeq: 13 })).id;
    ids.fnLetter = (await letter("Podatek od nieruchomości", { departmentId: fn.id, registerNo: "RPW/14/2025", registerYear: 2025, registerSeq: 14 })).id;
    const jrwa = await prisma.jrwaClass.create({ data: { symbol: "6131", name: "Zezwolenia na usunięcie drzew", isLeaf: true, category: "A" } });
    ids.case = (
      await prisma.case.create({
        data: {
          mark: "GK.6131.1.2026", departmentId: gk.id, departmentSymbol: "GK", jrwaClassId: jrwa.id, year: 2026, number: 1, title: "Wycinka drzew w parku miejskim",
          responsibleId: clerk.id, createdById: clerk.id, startDate: new Date("2026-03-01"), parties: { create: { contactId: sender.id } },
        },
      })
    ).id;
    // An attached PDF whose text is found.
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText("Opinia dendrologiczna: kasztanowiec bialy, stan zdrowotny dobry", { x: 40, y: 700, size: 12, font });
    const bytes = await pdf.save();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await getFileStore().put(sha256, bytes);
    await prisma.fileBlob.upsert({ where: { sha256 }, create: { sha256, size: bytes.length }, update: {} });
    await prisma.documentFile.create({ data: { documentId: ids.rpw, sha256, fileName: "opinia.pdf", mimeType: "application/pdf", size: bytes.length, uploadedById: registry.id } });
    await drain(prisma);
  });
  afterAll(async () => db?.destroy());

  it("folds Polish letters both ways: zolc finds Żółć, lodz finds Łódź", async () => {
    expect(await titles(ids.registry!, "zolc")).toContain("Żółć Jan");
    expect(await titles(ids.registry!, "lodz")).toEqual(["Urząd Miasta Łódź"]);
    expect(await titles(ids.registry!, "ŻÓŁĆ")).toContain("Żółć Jan");
  });

  it("matches prefixes and tolerates a typo", async () => {
    expect(await titles(ids.clerk!, "wyci")).toEqual(expect.arrayContaining(["Wycinka drzew w parku miejskim", "Wniosek o wycinkę drzew"]));
    expect(await titles(ids.clerk!, "wycinak")).toContain("Wycinka drzew w parku miejskim");
    expect(await titles(ids.clerk!, "qqqq")).toEqual([]);
  });

  it("ranks an identifier match first: the register number and the case mark", async () => {
    const byNumber = await search(ids.registry!, "RPW/12/2026");
    expect(byNumber.hits[0]).toMatchObject({ type: "letter", id: ids.rpw, url: `/pisma/przychodzace/${ids.rpw}` });
    expect(byNumber.hits.map((h) => h.id)).toContain(ids.mention);
    expect((await search(ids.clerk!, "gk.6131.1.2026")).hits[0]).toMatchObject({ type: "case", id: ids.case, url: `/sprawy/${ids.case}` });
  });

  it("finds the text inside an attached PDF and highlights it", async () => {
    const r = await search(ids.clerk!, "dendrologiczna");
    expect(r.hits.map((h) => h.id)).toEqual([ids.rpw]);
    expect(r.hits[0]!.highlights.body[0]).toContain("<mark>dendrologiczna</mark>");
    const t = await search(ids.clerk!, "wycinke");
    expect(t.hits.find((h) => h.id === ids.rpw)!.highlights.title).toBe("Wniosek o <mark>wycinkę</mark> drzew");
  });

  it("counts facets over every permitted hit and filters by them", async () => {
    const r = await search(ids.registry!, "rpw");
    // The kancelaria: every non-confidential incoming letter, plus the confidential one it registered (its author).
    expect(r.total).toBe(4);
    expect(r.facets.type).toEqual([{ value: "letter", count: 4 }]);
    expect(r.facets.year).toEqual([{ value: "2026", count: 3 }, { value: "2025", count: 1 }]);
    expect(r.facets.department).toEqual([
      { value: ids.gk, count: 3, label: "Wydział Gospodarki Komunalnej" },
      { value: ids.fn, count: 1, label: "Wydział Finansowy" },
    ]);
    expect(r.facets.status).toEqual([{ value: "REGISTERED", count: 4 }]);
    expect((await search(ids.registry!, "rpw", { year: 2025 })).hits.map((h) => h.id)).toEqual([ids.fnLetter]);
    expect((await search(ids.registry!, "drzew", { types: ["case"] })).total).toBe(0); // the kancelaria is not in GK
    const paged = await search(ids.registry!, "rpw", { pageSize: 3, page: 2 });
    expect([paged.hits.length, paged.total]).toEqual([1, 4]);
    const clerkView = await search(ids.clerk!, "rpw");
    expect([clerkView.total, clerkView.hits.some((h) => h.id === ids.secret)]).toEqual([2, false]); // GK's two, not the confidential one
  });

  it("filters by permission inside the engine; dekretacja opens a confidential letter after the index job", async () => {
    expect(await titles(ids.fnClerk!, "skarga")).toEqual([]);
    expect(await titles(ids.clerk!, "skarga")).toEqual([]); // confidential: not even the department
    expect(await titles(ids.fnClerk!, "wycinka")).toEqual([]); // another department's case and letter
    await prisma.documentAssignment.create({
      data: { documentId: ids.secret!, role: "LEADING", status: "TO_USER", departmentId: ids.fn!, userId: ids.fnClerk!, assignedById: ids.registry! },
    });
    expect(await titles(ids.fnClerk!, "skarga")).toEqual([]); // not indexed yet
    await drain(prisma);
    expect(await titles(ids.fnClerk!, "skarga")).toEqual(["Skarga na sąsiada"]);
  });

  it("reports index health and rebuilds everything with a full reindex", async () => {
    const h = await indexHealth(prisma);
    expect(h).toMatchObject({ engine: "postgres", pendingJobs: 0, deadJobs: 0, engineError: null, documents: { letter: 4, case: 1, contact: 2 } });
    await prisma.contact.create({ data: { kind: "PERSON", name: "Ważny Gość", sortKey: "z", searchText: "wazny gosc" } });
    const lagging = await indexHealth(prisma);
    expect(lagging.pendingJobs).toBe(1);
    await prisma.$executeRawUnsafe(`DELETE FROM "OutboxJob" WHERE "type" = 'search.index'`);
    await prisma.$executeRawUnsafe(`INSERT INTO "SearchEntry" ("key", "type", "entityId", "title", "url", "indexedAt") VALUES ('letter:gone', 'letter', 'gone', 'Stale', '/x', now() - interval '1 hour')`);
    const progress: string[] = [];
    const counts = await reindexAll(prisma, { onProgress: (p) => progress.push(`${p.type}:${p.done}/${p.total}`), batchSize: 2 });
    expect(counts).toEqual({ letter: 4, case: 1, contact: 3, bip: 0 });
    expect(progress).toContain("letter:4/4");
    expect(await createPostgresEngine(prisma).counts()).toEqual({ letter: 4, case: 1, contact: 3 });
    expect(await titles(ids.registry!, "wazny")).toEqual(["Ważny Gość"]);
  });

  it("searches published BIP articles for the public, never staff records", async () => {
    const author = ids.clerk!;
    const menu = await prisma.bipMenuItem.create({ data: { slug: "ogloszenia", title: "Ogłoszenia", kind: "ARTICLES" } });
    const article = await prisma.bipArticle.create({ data: { menuItemId: menu.id, createdById: author, status: "PUBLISHED" } });
    const version = (number: number, title: string, publishAt: Date, status: "APPROVED" | "DRAFT" = "APPROVED") =>
      prisma.bipArticleVersion.create({
        data: { articleId: article.id, number, status, title, bodyText: "Treść ogłoszenia o przetargu na wycinkę", producedBy: "GK", producedAt: new Date("2026-03-01"), enteredById: author, publishAt },
      });
    await version(1, "Ogłoszenie o przetargu", new Date(Date.now() - 60_000));
    await version(2, "Ogłoszenie o przetargu (nowa wersja w przyszłości)", new Date(Date.now() + 86_400_000));
    await version(3, "Szkic", new Date(Date.now() - 1000), "DRAFT");
    await drain(prisma);
    const r = await searchPublic(prisma, { q: "przetarg" });
    expect(r.hits.map((h) => [h.title, h.url])).toEqual([["Ogłoszenie o przetargu", `/bip/artykul/${article.seq}`]]);
    expect((await searchPublic(prisma, { q: "wycinka" })).hits.map((h) => h.type)).toEqual(["bip"]);
    expect((await indexHealth(prisma)).scheduledJobs).toBe(1); // re-index when version 2 goes public
  });
});
