/** Test helpers: the "browser" key and CSR (in tests, the user's own action), openssl runner. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, ab, cryptoImpl, subtle, u8, x509 } from "./crypto";

export async function browserKeys(): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(EC_KEY_ALGORITHM, false, ["sign", "verify"])) as CryptoKeyPair;
}

export async function makeCsr(keys: CryptoKeyPair, algorithm: Algorithm | EcdsaParams = EC_SIGNING_ALGORITHM): Promise<Uint8Array> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: "CN=Przeglądarka", keys, signingAlgorithm: algorithm }, cryptoImpl);
  return u8(csr.rawData);
}

export async function browserSign(keys: CryptoKeyPair, toBeSigned: Uint8Array): Promise<Uint8Array> {
  return u8(await subtle.sign(EC_SIGNING_ALGORITHM, keys.privateKey, ab(toBeSigned)));
}

export const HAS_OPENSSL = spawnSync("openssl", ["version"]).status === 0;
if (!HAS_OPENSSL) console.warn("openssl is missing: the openssl cross-checks of src/server/pki are skipped (CI installs openssl).");

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "obieg-pki-"));
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
}

export function openssl(dir: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
