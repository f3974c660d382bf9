/**
 * S3-compatible storage (AWS S3, MinIO, Ceph RGW …) through plain HTTPS requests signed with
 * SigV4 (aws4fetch). Objects are keyed files/ab/cd/<sha256>; PUT carries the digest as
 * x-amz-content-sha256, so the server itself refuses bytes that do not match.
 */
import { AwsClient } from "aws4fetch";
import { digestPath, type FileStore } from "./file-store";

export interface S3Config {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** http://host/bucket/key (MinIO) instead of http://bucket.host/key. */
  forcePathStyle: boolean;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

export function createS3FileStore(config: S3Config): FileStore {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, service: "s3", region: config.region, retries: 2 });
  const base = new URL(config.endpoint ?? `https://s3.${config.region}.amazonaws.com`);
  const doFetch = config.fetch ?? fetch;

  function objectUrl(sha256: string): string {
    const key = ["files", ...digestPath(sha256)].join("/");
    const url = new URL(base);
    const prefix = url.pathname.replace(/\/+$/, "");
    if (config.forcePathStyle) {
      url.pathname = `${prefix}/${encodeURIComponent(config.bucket)}/${key}`;
    } else {
      url.hostname = `${config.bucket}.${url.hostname}`;
      url.pathname = `${prefix}/${key}`;
    }
    return url.toString();
  }

  async function send(method: "PUT" | "GET" | "HEAD", sha256: string, body?: Uint8Array): Promise<Response> {
    const headers: Record<string, string> = {};
    if (method === "PUT") {
      headers["x-amz-content-sha256"] = sha256;
      headers["content-type"] = "application/octet-stream";
    }
    const signed = await client.sign(objectUrl(sha256), { method, headers, body: body as BodyInit | undefined });
    return doFetch(signed);
  }

  async function fail(what: string, response: Response): Promise<never> {
    const text = await response.text().catch(() => "");
    throw new Error(`S3 ${what} failed: HTTP ${response.status} ${text.slice(0, 300)}`);
  }

  async function has(sha256: string): Promise<boolean> {
    const response = await send("HEAD", sha256);
    if (response.status === 404) return false;
    if (!response.ok) return fail("HEAD", response);
    return true;
  }

  return {
    kind: "s3",
    has,
    async put(sha256, bytes) {
      if (await has(sha256)) return;
      const response = await send("PUT", sha256, bytes);
      if (!response.ok) return fail("PUT", response);
      await response.arrayBuffer().catch(() => undefined);
    },
    async get(sha256) {
      const response = await send("GET", sha256);
      if (response.status === 404) {
        await response.arrayBuffer().catch(() => undefined);
        return null;
      }
      if (!response.ok) return fail("GET", response);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
