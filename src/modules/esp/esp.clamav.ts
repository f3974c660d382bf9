/**
 * Virus scanning of ESP attachments with ClamAV when it is installed: `clamdscan` (the daemon,
 * fast) or else `clamscan`, found on PATH. Without either the scan is skipped (logged once).
 * Exit codes: 0 clean, 1 infected, anything else an error (the file is refused to be safe).
 */
import "server-only";
import { spawnSync } from "node:child_process";

type Scanner = { cmd: string; args: string[] } | null;
let scanner: Scanner | undefined;

function findScanner(): Scanner {
  for (const cmd of ["clamdscan", "clamscan"]) {
    const probe = spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 10_000 });
    if (probe.error === undefined && probe.status === 0) return { cmd, args: cmd === "clamdscan" ? ["--no-summary", "--fdpass", "-"] : ["--no-summary", "-"] };
  }
  console.warn("[esp] ClamAV (clamdscan/clamscan) not found on PATH: attachments are not scanned for viruses.");
  return null;
}

export type ScanResult = "clean" | "infected" | "error" | "skipped";

export function scanBytes(bytes: Uint8Array): ScanResult {
  if (scanner === undefined) scanner = findScanner();
  if (!scanner) return "skipped";
  const run = spawnSync(scanner.cmd, scanner.args, { input: bytes, timeout: 120_000, maxBuffer: 1024 * 1024 });
  if (run.error) return "error";
  if (run.status === 0) return "clean";
  if (run.status === 1) return "infected";
  return "error";
}
