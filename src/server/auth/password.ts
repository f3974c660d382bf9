/**
 * Password hashing with scrypt (memory-hard, salted, built into Node). Stored as
 * `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>` so the cost can rise without breaking old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { env } from "@/env";

const KEY_LEN = 64;
const R = 8;
const P = 1;

function derive(password: string, salt: Buffer, logN: number, r = R, p = P, keyLen = KEY_LEN): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyLen, { N: 2 ** logN, r, p, maxmem: 128 * 2 ** logN * r * (p + 1) + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, logN = env.SCRYPT_LOG_N): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, logN);
  return ["scrypt", logN, R, P, salt.toString("base64"), hash.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [logN, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (!Number.isInteger(logN) || logN < 10 || logN > 20) return false;
  // r and p are read from the hash too: a hash made with other parameters must still verify.
  if (!Number.isInteger(r) || r < 1 || r > 16 || !Number.isInteger(p) || p < 1 || p > 4) return false;
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  if (salt.length < 8 || expected.length < 16 || expected.length > 128) return false;
  const actual = await derive(password, salt, logN, r, p, expected.length);
  return timingSafeEqual(actual, expected);
}

/** A hash to compare against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString("hex"));
  return dummyHash;
}
