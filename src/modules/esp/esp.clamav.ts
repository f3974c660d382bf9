/**
 * Virus scanning of ESP attachments with ClamAV when it is installed: `clamdscan` (the daemon,
 * fast) or else `clamscan`, found on PATH. Without either the scan is skipped (logged once).
 * Exit codes: 0 clean, 1 infected, anything else an error (the file is refused to be safe).
 * The scanner runs as a child process without blocking the server (a scan can take seconds).
 */
import "server-only";
import { spawn } from "node:child_process";

type Scanner = { cmd: string; args: string[] } | null;
let scanner: Promise<Scanner> | undefined;

const SCAN_TIMEOUT_MS = 120_000;

/** Runs `cmd args`, writing `input` to its stdin; resolves with the exit code (null: could not run, killed or timed out). */
function run(cmd: string, args: string[], input: Uint8Array | null, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["pipe", "ignore", "ignore"], timeout: timeoutMs });
    child.on("error", () => resolve(null));
    child.on("close", (code) => resolve(code));
    // The scanner may exit before reading everything (EPIPE): its exit code still decides.
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ?? undefined);
  });
}

async function findScanner(): Promise<Scanner> {
  for (const cmd of ["clamdscan", "clamscan"]) {
    if ((await run(cmd, ["--version"], null, 10_000)) === 0) return { cmd, args: cmd === "clamdscan" ? ["--no-summary", "--fdpass", "-"] : ["--no-summary", "-"] };
  }
  console.warn("[esp] ClamAV (clamdscan/clamscan) not found on PATH: attachments are not scanned for viruses.");
  return null;
}

export type ScanResult = "clean" | "infected" | "error" | "skipped";

export async function scanBytes(bytes: Uint8Array): Promise<ScanResult> {
  scanner ??= findScanner();
  const found = await scanner;
  if (!found) return "skipped";
  const code = await run(found.cmd, found.args, bytes, SCAN_TIMEOUT_MS);
  if (code === 0) return "clean";
  if (code === 1) return "infected";
  return "error";
}
