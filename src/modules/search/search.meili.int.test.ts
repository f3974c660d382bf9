/**
 * The Meilisearch adapter against a fake HTTP server that checks what the documented API expects:
 * paths, methods, the primaryKey query, the Authorization and Content-Type headers, JSON bodies,
 * the settings, filter expression syntax, and task polling. The fake does not rank or evaluate
 * filters (it returns stored documents containing the query words): the engine's ranking,
 * typo tolerance and filter semantics are Meilisearch's own and are not verified here.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMeiliEngine, MEILI_SETTINGS, setSearchEngineFactory, type SearchDocument, type SearchEngine } from "@/server/integrations/search";
import { processDueJobs } from "@/server/jobs/outbox";
import { createTestDb, TEST_DB_KINDS, type TestDb } from "@/test/db";
import { actorOf, createDepartment, createUser, TEST_META } from "@/test/factories";
import "./search.jobs";
import { indexHealth, searchDocuments } from "./search.service";

interface Logged {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

class FakeMeili {
  server!: Server;
  url = "";
  log: Logged[] = [];
  docs = new Map<string, Record<string, unknown>>();
  tasks = new Map<number, { polls: number; fail?: string }>();
  down = false;
  failNextTask: string | null = null;
  private nextUid = 1;

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const body = raw ? (JSON.parse(raw) as unknown) : undefined;
        const url = new URL(req.url ?? "/", "http://x");
        this.log.push({ method: req.method ?? "", path: `${url.pathname}${url.search}`, headers: req.headers, body });
        const send = (status: number, data: unknown) => {
          res.writeHead(status, { "Content-Type": "application/json" });
          res.end(JSON.stringify(data));
        };
        if (this.down) return send(503, { message: "unavailable" });
        if (req.headers.authorization !== "Bearer test-key") return send(401, { code: "missing_authorization_header" });
        if (body !== undefined && req.headers["content-type"] !== "application/json") return send(415, { code: "invalid_content_type" });
        const task = () => {
          const uid = this.nextUid++;
          this.tasks.set(uid, { polls: 0, fail: this.failNextTask ?? undefined });
          this.failNextTask = null;
          return send(202, { taskUid: uid, indexUid: "obieg", status: "enqueued", enqueuedAt: new Date().toISOString() });
        };
        const p = url.pathname;
        if (req.method === "PATCH" && p === "/indexes/obieg/settings") return task();
        if (req.method === "POST" && p === "/indexes/obieg/documents" && url.searchParams.get("primaryKey") === "id") {
          for (const d of body as Record<string, unknown>[]) {
            if (!/^[A-Za-z0-9_-]{1,511}$/.test(String(d.id))) return send(400, { code: "invalid_document_id" });
            this.docs.set(String(d.id), d);
          }
          return task();
        }
        if (req.method === "POST" && p === "/indexes/obieg/documents/delete-batch") {
          for (const id of body as string[]) this.docs.delete(id);
          return task();
        }
        if (req.method === "POST" && p === "/indexes/obieg/documents/delete") {
          const m = /^indexedAt < (\d+)$/.exec((body as { filter: string }).filter);
          if (!m) return send(400, { code: "invalid_document_filter" });
          for (const [id, d] of this.docs) if (Number(d.indexedAt) < Number(m[1])) this.docs.delete(id);
          return task();
        }
        const t = /^\/tasks\/(\d+)$/.exec(p);
        if (req.method === "GET" && t) {
          const state = this.tasks.get(Number(t[1]));
          if (!state) return send(404, { code: "task_not_found" });
          state.polls += 1;
          if (state.polls < 2) return send(200, { uid: Number(t[1]), status: "processing" });
          if (state.fail) return send(200, { uid: Number(t[1]), status: "failed", error: { code: state.fail, message: "boom" } });
          return send(200, { uid: Number(t[1]), status: "succeeded" });
        }
        if (req.method === "POST" && p === "/indexes/obieg/search") {
          const q = body as { q: string; hitsPerPage?: number; limit?: number; facets?: string[] };
          const words = q.q.split(" ").filter(Boolean);
          const hits = [...this.docs.values()].filter((d) => words.every((w) => `${String(d.fTitle)} ${String(d.fBody)} ${(d.identifiers as string[]).join(" ")}`.includes(w)));
          const facetDistribution: Record<string, Record<string, number>> = {};
          for (const f of q.facets ?? []) {
            facetDistribution[f] = {};
            for (const h of hits) if (h[f] !== null && h[f] !== undefined) facetDistribution[f][String(h[f])] = (facetDistribution[f][String(h[f])] ?? 0) + 1;
          }
          const size = q.hitsPerPage ?? q.limit ?? 20;
          return send(200, { hits: hits.slice(0, size).map((h) => ({ ...h, _rankingScore: 0.9 })), totalHits: hits.length, totalPages: 1, facetDistribution, processingTimeMs: 1 });
        }
        return send(404, { code: "not_found", path: p });
      });
    });
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }

  requests(method: string, pathPrefix: string) {
    return this.log.filter((l) => l.method === method && l.path.startsWith(pathPrefix));
  }
}

const doc = (over: Partial<SearchDocument> = {}): SearchDocument => ({
  type: "letter",
  entityId: "cabc123",
  title: "Skarga pana Żółć",
  subtitle: "RPW/12/2026",
  body: "Treść",
  identifiers: ["RPW/12/2026"],
  url: "/pisma/przychodzace/cabc123",
  departmentId: "dep1",
  year: 2026,
  status: "REGISTERED",
  kind: "INCOMING",
  confidential: true,
  accessDepartmentIds: ["dep1"],
  accessUserIds: ["u1"],
  ...over,
});

describe("Meilisearch adapter (fake server)", () => {
  const fake = new FakeMeili();
  let engine: SearchEngine;
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.log = [];
    fake.down = false;
    engine = createMeiliEngine({ host: `${fake.url}/`, apiKey: "test-key", index: "obieg", pollMs: 1 });
  });

  it("applies the settings once, sends documents with folded search fields and waits for the task", async () => {
    await engine.upsert([doc()], new Date(1_700_000_000_000));
    await engine.upsert([doc({ entityId: "cdef456" })]);
    const settings = fake.requests("PATCH", "/indexes/obieg/settings");
    expect(settings).toHaveLength(1);
    expect(settings[0]!.body).toEqual(JSON.parse(JSON.stringify(MEILI_SETTINGS)));
    const adds = fake.requests("POST", "/indexes/obieg/documents?primaryKey=id");
    expect(adds).toHaveLength(2);
    expect(adds[0]!.headers).toMatchObject({ authorization: "Bearer test-key", "content-type": "application/json" });
    expect(adds[0]!.body).toEqual([
      expect.objectContaining({ id: "letter-cabc123", entityId: "cabc123", title: "Skarga pana Żółć", fTitle: "skarga pana zolc", identifiers: ["rpw/12/2026"], indexedAt: 1_700_000_000_000, accessUserIds: ["u1"] }),
    ]);
    // Every write is polled until it succeeded (the fake answers "processing" first).
    expect(fake.requests("GET", "/tasks/").length).toBeGreaterThanOrEqual(6);
  });

  it("fails the write when the task fails, and when the server is unavailable", async () => {
    await engine.upsert([doc()]);
    fake.failNextTask = "invalid_document_fields";
    await expect(engine.upsert([doc()])).rejects.toThrow(/task \d+ failed: invalid_document_fields/);
    fake.down = true;
    await expect(engine.upsert([doc()])).rejects.toThrow(/HTTP 503/);
    await expect(engine.search({ words: ["x"], phrase: "x", filter: { op: "none" }, offset: 0, limit: 10, facets: false })).rejects.toThrow(/HTTP 503/);
  });

  it("deletes by id and by filter (the end of a full reindex)", async () => {
    await engine.upsert([doc({ entityId: "old1" })], new Date(1000));
    await engine.remove([{ type: "letter", entityId: "cabc123" }]);
    expect(fake.requests("POST", "/indexes/obieg/documents/delete-batch")[0]!.body).toEqual(["letter-cabc123"]);
    await engine.removeStale(new Date(5000));
    expect(fake.requests("POST", "/indexes/obieg/documents/delete").at(-1)!.body).toEqual({ filter: "indexedAt < 5000" });
    expect(fake.docs.has("letter-old1")).toBe(false);
  });

  it("sends q, the filter expression, paging, facets and ranking score, and maps the answer", async () => {
    fake.docs.clear();
    await engine.upsert([doc()]);
    const r = await engine.search({
      words: ["zolc"],
      phrase: "zolc",
      filter: { op: "or", of: [{ op: "and", of: [{ op: "eq", field: "confidential", value: false }, { op: "overlap", field: "accessDepartmentIds", values: ["d\"1"] }] }, { op: "eq", field: "type", value: "bip" }] },
      offset: 20,
      limit: 10,
      facets: true,
    });
    const sent = fake.requests("POST", "/indexes/obieg/search").at(-1)!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      q: "zolc",
      filter: '((confidential = false AND accessDepartmentIds IN ["d\\"1"]) OR type = "bip")',
      page: 3,
      hitsPerPage: 10,
      facets: ["type", "departmentId", "year", "status"],
      showRankingScore: true,
    });
    expect(r.total).toBe(1);
    expect(r.hits[0]).toMatchObject({ score: 0.9, doc: { type: "letter", entityId: "cabc123", title: "Skarga pana Żółć" } });
    expect(r.facets.year).toEqual({ "2026": 1 });
  });
});

describe.each(TEST_DB_KINDS)("indexing into Meilisearch through the outbox on %s", (kind) => {
  const fake = new FakeMeili();
  let db: TestDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    await fake.start();
    db = await createTestDb(kind);
    prisma = db.prisma;
    const engine = createMeiliEngine({ host: fake.url, apiKey: "test-key", index: "obieg", pollMs: 1 });
    setSearchEngineFactory(() => engine);
  });
  afterAll(async () => {
    setSearchEngineFactory(null);
    await db?.destroy();
    await fake.stop();
  });

  it("an engine answering 503 delays indexing, the job retries, nothing is lost", async () => {
    fake.down = true;
    const contact = await prisma.contact.create({ data: { kind: "PERSON", name: "Łukasz Źdźbło", sortKey: "x", searchText: "lukasz zdzblo" } });
    const first = await processDueJobs(prisma, 100);
    expect(first.retried).toBeGreaterThanOrEqual(1);
    const job = await prisma.outboxJob.findFirstOrThrow({ where: { type: "search.index" } });
    expect(job).toMatchObject({ status: "PENDING", attempts: 1, payload: { type: "contact", id: contact.id } });
    expect(job.lastError).toMatch(/HTTP 503/);
    const health = await indexHealth(prisma);
    expect(health).toMatchObject({ engine: "meilisearch", documents: null, pendingJobs: 1, lastError: { status: "PENDING" } });
    expect(health.engineError).toMatch(/503/);
    expect(fake.docs.size).toBe(0);

    fake.down = false;
    await processDueJobs(prisma, 100, new Date(Date.now() + 2 * 3_600_000)); // after the backoff
    expect(await prisma.outboxJob.findFirstOrThrow({ where: { id: job.id } })).toMatchObject({ status: "DONE", attempts: 2, lastError: null });
    expect(fake.docs.get(`contact-${contact.id}`)).toMatchObject({ title: "Łukasz Źdźbło", fTitle: "lukasz zdzblo" });
    expect(await indexHealth(prisma)).toMatchObject({ pendingJobs: 0, lastError: null, documents: { contact: 1 } });
  });

  it("states the permission rule as a Meilisearch filter", async () => {
    const dep = await createDepartment(prisma, { symbol: "GK" });
    const user = await createUser(prisma, { departmentId: dep.id, roles: ["PRACOWNIK"] });
    const r = await searchDocuments({ db: prisma, actor: actorOf(user), meta: TEST_META }, { q: "źdźbło", types: ["contact", "letter"] });
    expect(r.hits.map((h) => h.title)).toEqual(["Łukasz Źdźbło"]);
    expect(r.hits[0]!.highlights.title).toBe("Łukasz <mark>Źdźbło</mark>");
    const sent = fake.requests("POST", "/indexes/obieg/search").at(-1)!.body as { q: string; filter: string };
    expect(sent.q).toBe("zdzblo");
    expect(sent.filter).toBe(
      `(((type = "letter" AND ((confidential = false AND (accessDepartmentIds IN ["${dep.id}"])) OR accessUserIds IN ["${user.id}"])) OR ` +
        `(type = "case" AND ((confidential = false AND departmentId IN ["${dep.id}"]) OR accessUserIds IN ["${user.id}"])) OR type = "contact" OR type = "bip") AND type IN ["contact", "letter"])`,
    );
  });
});
