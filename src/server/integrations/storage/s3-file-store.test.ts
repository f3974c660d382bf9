/**
 * The S3 adapter against a small in-test HTTP server that plays S3: it recomputes the SigV4
 * signature independently (node:crypto, the algorithm from the AWS documentation), checks the
 * path-style URL, the payload digest and keeps the bytes. Not verified here: a real S3 or MinIO
 * (their error bodies, virtual-host addressing, TLS, multi-part uploads beyond a single PUT).
 */
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3FileStore } from "./s3-file-store";

const KEY_ID = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION = "eu-central-1";
const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

interface Seen {
  method: string;
  path: string;
  authorization: string;
  signatureValid: boolean;
  contentSha: string | undefined;
}

function expectedSignature(req: IncomingMessage): { valid: boolean; shape: boolean } {
  const auth = req.headers.authorization ?? "";
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { valid: false, shape: false };
  const [, keyId, date, region, signedHeaders, signature] = m as unknown as string[];
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const url = new URL(req.url ?? "/", "http://x");
  const canonicalHeaders = signedHeaders!
    .split(";")
    .map((h) => `${h}:${String(req.headers[h] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const canonicalRequest = [req.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, String(req.headers["x-amz-content-sha256"])].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha(canonicalRequest)].join("\n");
  const kSigning = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date!), region!), "s3"), "aws4_request");
  const valid = keyId === KEY_ID && region === REGION && amzDate.startsWith(date!) && signedHeaders!.includes("host") && createHmac("sha256", kSigning).update(stringToSign).digest("hex") === signature;
  return { valid, shape: true };
}

describe("S3 file store (fake S3 server)", () => {
  let server: Server;
  let endpoint: string;
  const objects = new Map<string, Buffer>();
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const sig = expectedSignature(req);
        const path = new URL(req.url ?? "/", "http://x").pathname;
        seen.push({ method: req.method ?? "", path, authorization: req.headers.authorization ?? "", signatureValid: sig.valid, contentSha: req.headers["x-amz-content-sha256"] as string | undefined });
        if (!sig.valid) {
          res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
          return;
        }
        if (req.method === "PUT") {
          if (sha(body) !== req.headers["x-amz-content-sha256"]) {
            res.writeHead(400).end("<Error><Code>XAmzContentSHA256Mismatch</Code></Error>");
            return;
          }
          objects.set(path, body);
          res.writeHead(200, { ETag: '"x"' }).end();
          return;
        }
        const stored = objects.get(path);
        if (!stored) {
          res.writeHead(404).end(req.method === "HEAD" ? undefined : "<Error><Code>NoSuchKey</Code></Error>");
          return;
        }
        res.writeHead(200, { "Content-Length": stored.length });
        res.end(req.method === "HEAD" ? undefined : stored);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const store = () => createS3FileStore({ endpoint, bucket: "obieg-pliki", region: REGION, accessKeyId: KEY_ID, secretAccessKey: SECRET, forcePathStyle: true });

  it("PUTs the bytes path-style under files/ab/cd/<sha256> with a valid SigV4 signature and reads them back", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7 Zażółć");
    const digest = sha(bytes);
    const s = store();
    expect(await s.has(digest)).toBe(false);
    await s.put(digest, bytes);
    const key = `/obieg-pliki/files/${digest.slice(0, 2)}/${digest.slice(2, 4)}/${digest}`;
    expect(objects.get(key)).toEqual(Buffer.from(bytes));
    const put = seen.find((r) => r.method === "PUT")!;
    expect(put).toMatchObject({ path: key, signatureValid: true, contentSha: digest });
    expect(put.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY_ID}/\\d{8}/${REGION}/s3/aws4_request, ?SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, ?Signature=[0-9a-f]{64}$`));
    expect(await s.has(digest)).toBe(true);
    expect(await s.get(digest)).toEqual(bytes);
    expect(seen.every((r) => r.signatureValid)).toBe(true);
  });

  it("skips the upload when the object exists, and answers null for a missing one", async () => {
    const bytes = new Uint8Array([7, 7, 7]);
    const digest = sha(bytes);
    await store().put(digest, bytes);
    const puts = seen.filter((r) => r.method === "PUT").length;
    await store().put(digest, bytes);
    expect(seen.filter((r) => r.method === "PUT").length).toBe(puts);
    expect(await store().get(sha("nie ma"))).toBeNull();
  });

  it("fails loudly with wrong credentials (the fake server checks the signature)", async () => {
    const bad = createS3FileStore({ endpoint, bucket: "obieg-pliki", region: REGION, accessKeyId: KEY_ID, secretAccessKey: "zly-sekret", forcePathStyle: true });
    await expect(bad.get(sha("x"))).rejects.toThrow(/HTTP 403/);
  });
});
