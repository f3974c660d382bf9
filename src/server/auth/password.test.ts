import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";

const PASSWORD = "Zażółć-gęślą-jaźń 2026";

describe("hashPassword / verifyPassword", () => {
  it("stores scrypt with its parameters, a 16-byte salt and a 64-byte key", async () => {
    const hash = await hashPassword(PASSWORD);
    const parts = hash.split("$");
    expect(parts.slice(0, 4)).toEqual(["scrypt", "12", "8", "1"]); // SCRYPT_LOG_N=12 in tests
    expect(Buffer.from(parts[4]!, "base64")).toHaveLength(16);
    expect(Buffer.from(parts[5]!, "base64")).toHaveLength(64);
    expect(hash).not.toContain(PASSWORD);
  });

  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword("zażółć-gęślą-jaźń 2026", hash)).toBe(false);
    expect(await verifyPassword(`${PASSWORD} `, hash)).toBe(false);
    expect(await verifyPassword("Zazolc-gesla-jazn 2026", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash: the same password gives different hashes, each of which verifies", async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
    expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
    expect(a.split("$")[5]).not.toBe(b.split("$")[5]);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });

  it("treats the composed and decomposed forms of Polish letters as the same password", async () => {
    const hash = await hashPassword(PASSWORD.normalize("NFC"));
    expect(await verifyPassword(PASSWORD.normalize("NFD"), hash)).toBe(true);
  });

  it("keeps verifying hashes made at another cost", async () => {
    const cheap = await hashPassword(PASSWORD, 10);
    expect(cheap.startsWith("scrypt$10$8$1$")).toBe(true);
    expect(await verifyPassword(PASSWORD, cheap)).toBe(true);
  });

  it("reads r and p from the stored hash, so older parameters keep working", async () => {
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD.normalize("NFKC"), salt, 64, { N: 2 ** 10, r: 4, p: 2 });
    const stored = ["scrypt", 10, 4, 2, salt.toString("base64"), key.toString("base64")].join("$");
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword("inne hasło", stored)).toBe(false);
  });

  it("refuses malformed hashes without throwing", async () => {
    const good = await hashPassword(PASSWORD);
    const [, logN, r, p, salt, key] = good.split("$");
    const malformed = [
      "",
      PASSWORD,
      "$2b$10$abcdefghijklmnopqrstuv",
      `scrypt$${logN}$${r}$${p}$${salt}`,
      `scrypt$${logN}$${r}$${p}$${salt}$${key}$extra`,
      `bcrypt$${logN}$${r}$${p}$${salt}$${key}`,
      `scrypt$30$${r}$${p}$${salt}$${key}`,
      `scrypt$9$${r}$${p}$${salt}$${key}`,
      `scrypt$x$${r}$${p}$${salt}$${key}`,
      `scrypt$${logN}$0$${p}$${salt}$${key}`,
      `scrypt$${logN}$${r}$99$${salt}$${key}`,
      `scrypt$${logN}$${r}$${p}$$${key}`,
      `scrypt$${logN}$${r}$${p}$${salt}$`,
      `scrypt$${logN}$${r}$${p}$${salt}$${key!.slice(0, 20)}`,
      `scrypt$${logN}$${r}$${p}$${salt}$${Buffer.alloc(64).toString("base64")}`,
    ];
    for (const stored of malformed) expect(await verifyPassword(PASSWORD, stored), stored).toBe(false);
  });

  it("has a dummy hash for unknown accounts that no guess matches", async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy).toMatch(/^scrypt\$/);
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword(PASSWORD, dummy)).toBe(false);
    expect(await verifyPassword("", dummy)).toBe(false);
  });
});
