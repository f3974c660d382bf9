import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A stand-in `clamscan` on PATH with ClamAV's exit codes: 1 for the EICAR test string, 2 for a
// marker that makes it fail, 0 otherwise. The real scanner is not installed on these machines.
const FAKE_CLAMSCAN = `#!/bin/sh
if [ "$1" = "--version" ]; then echo "ClamAV 1.0.0 (fake)"; exit 0; fi
input=$(cat)
case "$input" in
  *EICAR-STANDARD-ANTIVIRUS-TEST-FILE*) echo "stdin: Eicar-Signature FOUND"; exit 1 ;;
  *SCANNER-BREAKS*) exit 2 ;;
esac
exit 0
`;

describe("scanBytes", () => {
  let dir: string;
  const originalPath = process.env.PATH;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "obieg-clamav-"));
    await writeFile(path.join(dir, "clamscan"), FAKE_CLAMSCAN);
    await chmod(path.join(dir, "clamscan"), 0o755);
  });
  afterAll(async () => {
    process.env.PATH = originalPath;
    await rm(dir, { recursive: true, force: true });
  });

  const load = async (pathEnv: string) => {
    process.env.PATH = pathEnv;
    vi.resetModules();
    return (await import("./esp.clamav")).scanBytes;
  };
  const bytes = (s: string) => new TextEncoder().encode(s);

  it("passes clean files, refuses infected ones and reports scanner failures", async () => {
    const scanBytes = await load(`${dir}:/usr/bin:/bin`);
    expect(await scanBytes(bytes("%PDF-1.7 zwykłe pismo"))).toBe("clean");
    expect(await scanBytes(bytes("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"))).toBe("infected");
    expect(await scanBytes(bytes("SCANNER-BREAKS"))).toBe("error");
  });

  it("scans a large file through the pipe", async () => {
    const scanBytes = await load(`${dir}:/usr/bin:/bin`);
    const big = new Uint8Array(8 * 1024 * 1024).fill(65);
    expect(await scanBytes(big)).toBe("clean");
  });

  it("skips scanning when ClamAV is not installed", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const scanBytes = await load(path.join(dir, "nothing-here"));
    expect(await scanBytes(bytes("cokolwiek"))).toBe("skipped");
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
