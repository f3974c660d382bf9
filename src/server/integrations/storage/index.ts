/**
 * The application's file store, chosen by env: S3-compatible storage when S3_BUCKET is set,
 * otherwise the local folder DATA_DIR/files. One instance per process.
 */
import "server-only";
import path from "node:path";
import { env } from "@/env";
import type { FileStore } from "./file-store";
import { createLocalFileStore } from "./local-file-store";
import { createS3FileStore } from "./s3-file-store";

export type { FileStore } from "./file-store";

let store: FileStore | undefined;

export function getFileStore(): FileStore {
  store ??= createConfiguredStore();
  return store;
}

function createConfiguredStore(): FileStore {
  if (env.S3_BUCKET) {
    if (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) {
      throw new Error("S3_BUCKET is set but S3_ACCESS_KEY_ID or S3_SECRET_ACCESS_KEY is missing.");
    }
    return createS3FileStore({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return createLocalFileStore(path.resolve(env.DATA_DIR, "files"));
}
