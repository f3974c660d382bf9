import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalFileStore } from "./local-file-store";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("local file store", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "obieg-files-"));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it("stores content-addressed under ab/cd/<sha256> and reads it back", async () => {
    const store = createLocalFileStore(root);
    const bytes = new TextEncoder().encode("Zażółć gęślą jaźń");
    const digest = sha(bytes);
    expect(await store.has(digest)).toBe(false);
    expect(await store.get(digest)).toBeNull();
    await store.put(digest, bytes);
    expect(await store.has(digest)).toBe(true);
    expect(await readFile(path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest))).toEqual(Buffer.from(bytes));
    expect(await store.get(digest)).toEqual(bytes);
  });

  it("is idempotent and leaves no temporary files", async () => {
    const store = createLocalFileStore(root);
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const digest = sha(bytes);
    await Promise.all([store.put(digest, bytes), store.put(digest, bytes), store.put(digest, bytes)]);
    await store.put(digest, bytes);
    const dir = path.join(root, digest.slice(0, 2), digest.slice(2, 4));
    expect(await readdir(dir)).toEqual([digest]);
    expect(await store.get(digest)).toEqual(bytes);
  });

  it("does not overwrite an existing blob on a repeated put (the digest check on read finds damage)", async () => {
    const store = createLocalFileStore(root);
    const bytes = new Uint8Array([9, 9, 9]);
    const digest = sha(bytes);
    await store.put(digest, bytes);
    await writeFile(path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest), "zepsute");
    await store.put(digest, bytes);
    expect(sha((await store.get(digest))!)).not.toBe(digest);
  });

  it("refuses keys that are not SHA-256 digests (no path traversal)", async () => {
    const store = createLocalFileStore(root);
    await expect(store.put("../../etc/passwd", new Uint8Array([1]))).rejects.toThrow(/Invalid SHA-256/);
    await expect(store.get("ABC")).rejects.toThrow(/Invalid SHA-256/);
  });
});
