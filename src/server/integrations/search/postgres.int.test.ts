/**
 * The embedded engine past its ranking cap, on PGlite and on the PostgreSQL server: more matches
 * than SEARCH_CAP give a capped total, facets and pages over the ranked records, and a title or
 * identifier match still ranks first though it lies beyond the first SEARCH_CAP matches found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { createPostgresEngine, MAX_PREFIX_WORDS, SEARCH_CAP } from "./postgres";
import { F, type SearchDocument, type SearchEngine } from "./types";

const doc = (i: number, over: Partial<SearchDocument> = {}): SearchDocument => ({
  type: "letter",
  entityId: `l${i}`,
  title: `Pismo ${i}`,
  subtitle: "",
  body: `Treść wniosku o dofinansowanie ${i}`,
  identifiers: [`RPW/${i}/2026`],
  url: `/pisma/przychodzace/l${i}`,
  departmentId: i % 2 ? "dep1" : "dep2",
  year: 2026,
  status: "REGISTERED",
  kind: "INCOMING",
  confidential: false,
  accessDepartmentIds: [i % 2 ? "dep1" : "dep2"],
  accessUserIds: [],
  ...over,
});

const query = (words: string[], over: Partial<Parameters<SearchEngine["search"]>[0]> = {}) => ({
  words,
  phrase: words.join(" "),
  filter: F.and(),
  offset: 0,
  limit: 20,
  facets: true,
  ...over,
});

describe.each(TEST_DB_KINDS)("embedded engine beyond its ranking cap on %s", (kind) => {
  let db: TestDb;
  let engine: SearchEngine;
  const many = SEARCH_CAP + 200;
  let lastFrom = 1;

  beforeAll(async () => {
    db = await createTestDb(kind);
    engine = createPostgresEngine(db.prisma);
    const t0 = new Date("2026-01-01T00:00:00Z").getTime();
    for (let from = 1; from <= many; from += 400) {
      lastFrom = from;
      const batch = Array.from({ length: Math.min(400, many - from + 1) }, (_, k) => doc(from + k));
      await engine.upsert(batch, new Date(t0 + from * 1000));
    }
    // Indexed last (found last in index order): the word in the title, and an identifier.
    await engine.upsert([doc(9999, { title: "Wniosku nie rozpatrzono", body: "", identifiers: ["RPW/9999/2026"] })], new Date(t0 + 9_999_000));
  }, 120_000);
  afterAll(async () => db?.destroy());

  it("caps the total, the facets and the pages at SEARCH_CAP", async () => {
    const r = await engine.search(query(["wniosku"]));
    expect([r.total, r.totalCapped, r.hits.length]).toEqual([SEARCH_CAP, true, 20]);
    expect(r.facets.type).toEqual({ letter: SEARCH_CAP });
    expect(Object.values(r.facets.departmentId).reduce((a, b) => a + b, 0)).toBe(SEARCH_CAP);
    expect((await engine.search(query(["wniosku"], { offset: SEARCH_CAP - 10 }))).hits).toHaveLength(10);
    expect((await engine.search(query(["wniosku"], { offset: SEARCH_CAP }))).hits).toEqual([]);
  });

  it("still ranks a title match first when it lies beyond the first SEARCH_CAP matches", async () => {
    const r = await engine.search(query(["wniosku"]));
    expect(r.hits[0]!.doc.entityId).toBe("l9999");
    expect(r.hits[1]!.score).toBeLessThan(r.hits[0]!.score);
  });

  it("ranks the identifier typed as a whole first", async () => {
    const r = await engine.search({ ...query(["rpw", "9999", "2026"]), phrase: "rpw/9999/2026" });
    expect(r.hits.map((h) => h.doc.entityId)).toEqual(["l9999"]);
    expect(r.hits[0]!.score).toBeGreaterThanOrEqual(100);
  });

  it("counts exactly below the cap, with the permission filter applied before counting", async () => {
    const r = await engine.search(query(["wniosku"], { filter: F.and(F.overlap("accessDepartmentIds", ["dep1"]), F.in("year", [2026])), limit: 5 }));
    // Odd i of 1..many in dep1 and l9999 (odd): below the cap, so exact.
    const dep1 = many / 2 + 1;
    expect(dep1).toBeLessThan(SEARCH_CAP);
    expect([r.total, r.totalCapped, r.facets.departmentId]).toEqual([dep1, false, { dep1 }]);
    expect(r.hits.every((h) => h.doc.accessDepartmentIds.includes("dep1"))).toBe(true);
  });

  it("lists newest first without words, capped", async () => {
    const r = await engine.search(query([], { limit: 3 }));
    expect([r.total, r.totalCapped]).toEqual([SEARCH_CAP, true]);
    // Then the last batch (one indexedAt) by key.
    const lastBatch = Array.from({ length: many - lastFrom + 1 }, (_, k) => `letter:l${lastFrom + k}`).sort();
    expect(r.hits.map((h) => `letter:${h.doc.entityId}`)).toEqual(["letter:l9999", ...lastBatch.slice(0, 2)]);
  });

  it("matches only the last word as a prefix, from three characters on", async () => {
    const ids = async (words: string[]) => (await engine.search(query(words, { filter: F.in("departmentId", ["dep1"]) }))).hits.map((h) => h.doc.entityId);
    expect(await ids(["roz"])).toEqual(["l9999"]);
    expect(await ids(["wniosku", "roz"])).toEqual(["l9999"]);
    expect(await ids(["roz", "wniosku"])).toEqual([]);
    expect(await ids(["ro"])).toEqual([]);
  });
});

describe.each(TEST_DB_KINDS)("the last word typed, completed from the vocabulary on %s", (kind) => {
  let db: TestDb;
  let engine: SearchEngine;
  const letters = "abcdefghijklmnopqrstuvwxyz";

  beforeAll(async () => {
    db = await createTestDb(kind);
    engine = createPostgresEngine(db.prisma);
    await engine.upsert([
      doc(1, { title: "Wniosek o refundację", identifiers: ["ZK-7788"] }),
      doc(2, { title: "Sprawa", identifiers: ["ABCDEF/1"] }),
      // More completions of "kot" than MAX_PREFIX_WORDS: searched as a prefix.
      ...Array.from({ length: MAX_PREFIX_WORDS + 4 }, (_, i) => doc(100 + i, { title: `Kot${letters[i]}${letters[i]}` })),
    ]);
  });
  afterAll(async () => db?.destroy());

  const found = async (words: string[]) => (await engine.search(query(words))).hits.map((h) => h.doc.entityId).sort();

  it("finds a word of the vocabulary by its start, and a whole word", async () => {
    expect(await found(["refu"])).toEqual(["l1"]);
    expect(await found(["refundacje"])).toEqual(["l1"]);
    expect(await found(["wniosek", "refundac"])).toEqual(["l1"]);
  });

  it("searches a number, a word outside the vocabulary (identifiers) and a too common start as a prefix", async () => {
    expect(await found(["zk", "778"])).toEqual(["l1"]);
    expect(await found(["abcd"])).toEqual(["l2"]);
    expect(await found(["kot"])).toHaveLength(MAX_PREFIX_WORDS + 4);
  });
});
