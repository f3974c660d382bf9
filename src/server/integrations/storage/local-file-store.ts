/**
 * The embedded default: files in a local folder (DATA_DIR/files), content-addressed as
 * files/ab/cd/<sha256>. Writes go to a temporary file in the same folder and are renamed into
 * place, so a reader never sees half a file and a crash leaves at most a stray temp file.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { digestPath, type FileStore } from "./file-store";

export function createLocalFileStore(root: string): FileStore {
  const fileOf = (sha256: string) => path.join(root, ...digestPath(sha256));

  async function has(sha256: string): Promise<boolean> {
    try {
      return (await stat(fileOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  return {
    kind: "local",
    has,
    async put(sha256, bytes) {
      const target = fileOf(sha256);
      if (await has(sha256)) return;
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: "wx" });
        // rename() replaces atomically; a concurrent put of the same digest writes the same bytes.
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(sha256) {
      try {
        return new Uint8Array(await readFile(fileOf(sha256)));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}

function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "ENOENT";
}
