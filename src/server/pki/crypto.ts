/**
 * Crypto plumbing for the local CA: @peculiar/x509 and pkijs both run on Node's WebCrypto.
 * reflect-metadata must be loaded before @peculiar/x509 (it throws at import otherwise).
 */
import "reflect-metadata";
import { createHash, createPublicKey, randomBytes, verify as nodeVerify, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import * as pkijs from "pkijs";

const subtle = webcrypto.subtle as SubtleCrypto;
const cryptoImpl = webcrypto as unknown as Crypto;

x509.cryptoProvider.set(cryptoImpl);
pkijs.setEngine("nodeEngine", new pkijs.CryptoEngine({ name: "nodeEngine", crypto: cryptoImpl, subtle }));

export { x509, pkijs, subtle, cryptoImpl };

/** ECDSA P-256 with SHA-256: every key of the CA and every staff key. */
export const EC_KEY_ALGORITHM: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
export const EC_SIGNING_ALGORITHM: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecPublicKey: "1.2.840.10045.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  p256: "1.2.840.10045.3.1.7",
  emailProtection: "1.3.6.1.5.5.7.3.4",
  documentSigning: "1.3.6.1.5.5.7.3.36",
  organizationIdentifier: "2.5.4.97",
} as const;

export function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(data).digest());
}

export function toHex(data: Uint8Array): string {
  return Buffer.from(data).toString("hex");
}

/** A random positive 16-byte serial number (hex, lower case, no leading zero byte). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f || 0x01;
  return bytes.toString("hex");
}

/** Normalises a serial number as hex, lower case, without leading zero bytes. */
export function normalizeSerial(hex: string): string {
  let s = hex.toLowerCase().replace(/[^0-9a-f]/g, "");
  if (s.length % 2) s = `0${s}`;
  while (s.length > 2 && s.startsWith("00")) s = s.slice(2);
  return s;
}

/** An exact ArrayBuffer copy of the bytes (WebCrypto and asn1js want ArrayBuffers). */
export function ab(data: Uint8Array): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

export function u8(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function toPem(der: Uint8Array, label: "CERTIFICATE" | "X509 CRL" | "PKCS7"): string {
  const b64 = Buffer.from(der).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Checks an ECDSA/RSA SHA-256 signature against a SubjectPublicKeyInfo; `der` or IEEE P1363 (r‖s) encoding. */
export function verifySha256Signature(spkiDer: Uint8Array, data: Uint8Array, signature: Uint8Array, encoding: "der" | "ieee-p1363"): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiDer), format: "der", type: "spki" });
    return nodeVerify("sha256", data, { key, dsaEncoding: encoding }, signature);
  } catch {
    return false;
  }
}
