import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { ecdsaSignatureToDer, prepareCadesSignature } from "./cades";
import { buildCaHierarchy } from "./ca";
import { inspectCsr } from "./certificates";
import { OID, cryptoImpl, normalizeSerial, randomSerial, sha256, subtle, toPem, x509 } from "./crypto";
import { decryptPrivateKey, encryptPrivateKey } from "./master-key";
import { browserKeys, makeCsr } from "./test-helpers";
import * as asn1js from "asn1js";

describe("master key encryption", () => {
  const pkcs8 = randomBytes(138);
  it("round-trips with the same key and refuses another key or a changed byte", () => {
    const key = randomBytes(32);
    const blob = encryptPrivateKey(pkcs8, key);
    expect(blob[0]).toBe(1);
    expect(Buffer.from(decryptPrivateKey(blob, key)).equals(pkcs8)).toBe(true);
    expect(() => decryptPrivateKey(blob, randomBytes(32))).toThrow(/another PKI master key/);
    const tampered = new Uint8Array(blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptPrivateKey(tampered, key)).toThrow();
    expect(Buffer.from(blob).includes(pkcs8.subarray(0, 16))).toBe(false);
  });
  it("uses a fresh IV each time", () => {
    const key = randomBytes(32);
    expect(Buffer.from(encryptPrivateKey(pkcs8, key)).equals(Buffer.from(encryptPrivateKey(pkcs8, key)))).toBe(false);
  });
});

describe("serials and encodings", () => {
  it("makes positive 16-byte serials", () => {
    for (let i = 0; i < 200; i++) {
      const s = randomSerial();
      expect(s).toMatch(/^[0-7][0-9a-f]{31}$/);
      expect(s.startsWith("00")).toBe(false);
    }
    expect(normalizeSerial("00AB:CD")).toBe("abcd");
  });
  it("converts a P1363 ECDSA signature to DER that node accepts", async () => {
    const keys = (await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const data = new TextEncoder().encode("treść");
    const p1363 = new Uint8Array(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, keys.privateKey, data));
    const der = ecdsaSignatureToDer(p1363);
    expect(der[0]).toBe(0x30);
    const { createPublicKey, verify } = await import("node:crypto");
    const spki = Buffer.from(await subtle.exportKey("spki", keys.publicKey));
    expect(verify("sha256", data, { key: createPublicKey({ key: spki, format: "der", type: "spki" }), dsaEncoding: "der" }, der)).toBe(true);
    expect(ecdsaSignatureToDer(der)).toBe(der);
    // High bit set in r and s: INTEGERs get a leading zero.
    const high = new Uint8Array(64).fill(0xff);
    expect(Array.from(ecdsaSignatureToDer(high).subarray(0, 5))).toEqual([0x30, 0x46, 0x02, 0x21, 0x00]);
  });
  it("writes PEM with 64-character lines", () => {
    const pem = toPem(new Uint8Array(100).fill(7), "CERTIFICATE");
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/]{64}\n){2}[A-Za-z0-9+/]{1,63}=*\n-----END CERTIFICATE-----\n$/);
    expect(Buffer.from(pem.replace(/-----[A-Z ]+-----|\n/g, ""), "base64")).toEqual(Buffer.alloc(100, 7));
  });
});

describe("inspectCsr", () => {
  it("accepts an ECDSA P-256 request and hashes its public key", async () => {
    const keys = await browserKeys();
    const info = await inspectCsr(await makeCsr(keys));
    const spki = new Uint8Array(await subtle.exportKey("spki", keys.publicKey));
    expect(info).toEqual({ publicKeyAlgorithm: "ECDSA-P256", publicKeyHash: Buffer.from(sha256(spki)).toString("hex") });
  });
  it("refuses a request with a bad signature", async () => {
    const csr = await makeCsr(await browserKeys());
    csr[csr.length - 2]! ^= 0x01;
    const error = await inspectCsr(csr).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    expect((error as AppError).userMessage).toMatch(/Podpis wniosku/);
  });
  it("refuses RSA 2048 and P-384, accepts RSA 3072", async () => {
    const rsa = async (modulusLength: number) => {
      const alg = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength };
      const keys = (await subtle.generateKey(alg, false, ["sign", "verify"])) as CryptoKeyPair;
      return makeCsr(keys, alg);
    };
    const short = await inspectCsr(await rsa(2048)).catch((e: unknown) => e);
    expect((short as AppError).code).toBe("BAD_REQUEST");
    expect((short as AppError).userMessage).toMatch(/3072/);
    expect((await inspectCsr(await rsa(3072))).publicKeyAlgorithm).toBe("RSA");
    const p384 = (await subtle.generateKey({ name: "ECDSA", namedCurve: "P-384" }, false, ["sign", "verify"])) as CryptoKeyPair;
    const e384 = await inspectCsr(await makeCsr(p384, { name: "ECDSA", hash: "SHA-384" } as EcdsaParams)).catch((e: unknown) => e);
    expect((e384 as AppError).code).toBe("BAD_REQUEST");
  });
  it("refuses garbage", async () => {
    const error = await inspectCsr(randomBytes(40)).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("BAD_REQUEST");
  });
});

describe("CA hierarchy and signed attributes", () => {
  it("builds root → issuing (pathLen 0) → seal with the office names", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const [root, issuing, seal] = await buildCaHierarchy("Urząd Gminy Testowo", now, "https://ezd.example.pl/");
    expect(root!.cert.subject).toContain("CN=Obieg — główne centrum certyfikacji (Urząd Gminy Testowo)");
    expect(root!.cert.subject).toContain("O=Urząd Gminy Testowo");
    expect(root!.cert.subject).toContain("C=PL");
    expect(root!.cert.notAfter.getUTCFullYear()).toBe(2046);
    expect(issuing!.cert.notAfter.getUTCFullYear()).toBe(2036);
    expect(seal!.cert.notAfter.getUTCFullYear()).toBe(2029);
    expect(issuing!.cert.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: true, pathLength: 0, critical: true });
    expect(issuing!.cert.subject).toContain("CN=Obieg — centrum certyfikacji podpisów (Urząd Gminy Testowo)");
    expect(seal!.cert.subject).toContain("CN=Pieczęć elektroniczna — Urząd Gminy Testowo");
    expect(await issuing!.cert.verify({ publicKey: root!.cert.publicKey, signatureOnly: true }, cryptoImpl)).toBe(true);
    expect(await seal!.cert.verify({ publicKey: issuing!.cert.publicKey, signatureOnly: true }, cryptoImpl)).toBe(true);
    const crlDp = seal!.cert.getExtension(x509.CRLDistributionPointsExtension)!;
    expect(JSON.stringify(crlDp.toTextObject())).toContain("https://ezd.example.pl/pki/crl.der");
    const aia = seal!.cert.getExtension(x509.AuthorityInfoAccessExtension)!;
    expect(aia.caIssuers[0]!.value).toBe("https://ezd.example.pl/pki/ca-issuing.crt");
    expect(issuing!.cert.getExtension(x509.AuthorityInfoAccessExtension)!.caIssuers[0]!.value).toBe("https://ezd.example.pl/pki/ca-root.crt");
  });

  it("prepares a DER SET with contentType, signingTime, messageDigest and signingCertificateV2", async () => {
    const [, , seal] = await buildCaHierarchy("Urząd", new Date());
    const digest = sha256(new TextEncoder().encode("x"));
    const { toBeSigned } = await prepareCadesSignature({ contentSha256: digest, signerCertDer: new Uint8Array(seal!.cert.rawData), signingTime: new Date("2026-03-04T05:06:07.890Z") });
    expect(toBeSigned[0]).toBe(0x31);
    const set = asn1js.fromBER(toBeSigned.slice().buffer).result as asn1js.Set;
    const types = set.valueBlock.value.map((a) => ((a as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString());
    expect([...types].sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort());
    // DER: SET OF elements in ascending order of their encodings.
    const encodings = set.valueBlock.value.map((a) => Buffer.from(a.toBER()));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);
    const time = set.valueBlock.value.find((_, i) => types[i] === OID.signingTime) as asn1js.Sequence;
    expect(((time.valueBlock.value[1] as asn1js.Set).valueBlock.value[0] as asn1js.UTCTime).toDate().toISOString()).toBe("2026-03-04T05:06:07.000Z");
    await expect(prepareCadesSignature({ contentSha256: new Uint8Array(20), signerCertDer: new Uint8Array(seal!.cert.rawData), signingTime: new Date() })).rejects.toBeInstanceOf(AppError);
  });
});
