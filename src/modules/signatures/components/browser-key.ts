/**
 * The user's signing key, made and kept in this browser only: an ECDSA P-256 WebCrypto key pair
 * generated with `extractable: false` (the private key can sign but can never be read out, not even
 * by our own scripts) and stored as a CryptoKey in IndexedDB (database "obieg-podpis", one record
 * per key, keyed by the SHA-256 of its SubjectPublicKeyInfo, indexed by user id). The server sees
 * only the PKCS#10 request and the public key. Client-only.
 */
"use client";

import "reflect-metadata";
import * as x509 from "@peculiar/x509";

const DB_NAME = "obieg-podpis";
const STORE = "keys";
const SIGNING: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };

interface StoredKey {
  publicKeyHash: string;
  userId: string;
  keys: CryptoKeyPair;
  createdAt: number;
}

function ensureBrowser() {
  if (typeof window === "undefined" || !window.crypto?.subtle || !window.indexedDB) {
    throw new Error("Ta przeglądarka nie obsługuje bezpiecznego przechowywania kluczy (WebCrypto i IndexedDB).");
  }
  x509.cryptoProvider.set(window.crypto);
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB"));
  });
}

function openDb(): Promise<IDBDatabase> {
  ensureBrowser();
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore(STORE, { keyPath: "publicKeyHash" });
    store.createIndex("userId", "userId");
  };
  return request(open);
}

async function withStore<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await request(fn(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}

/** The keys this browser holds for the user, newest first. */
async function userKeys(userId: string): Promise<StoredKey[]> {
  const all = await withStore("readonly", (s) => s.index("userId").getAll(IDBKeyRange.only(userId)) as IDBRequest<StoredKey[]>);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

async function spkiHash(publicKey: CryptoKey): Promise<string> {
  const spki = await crypto.subtle.exportKey("spki", publicKey);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", spki));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

function toBase64(bytes: ArrayBuffer): string {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * A new non-extractable key pair for the user, stored in this browser, and its PKCS#10 request
 * (DER, base64). The request's own subject is a placeholder: the certificate's subject comes from
 * the user's record on the server.
 */
export async function createBrowserKeyRequest(userId: string): Promise<{ csrBase64: string; publicKeyHash: string }> {
  ensureBrowser();
  const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: "CN=Obieg", keys, signingAlgorithm: SIGNING }, window.crypto);
  const publicKeyHash = await spkiHash(keys.publicKey);
  const record: StoredKey = { publicKeyHash, userId, keys, createdAt: Date.now() };
  await withStore("readwrite", (s) => s.put(record));
  return { csrBase64: toBase64(csr.rawData), publicKeyHash };
}

/** Is the key with this hash (a certificate's publicKeyHash) held in this browser for the user? */
export async function hasBrowserKey(userId: string, publicKeyHash: string): Promise<boolean> {
  return (await userKeys(userId)).some((k) => k.publicKeyHash === publicKeyHash);
}

/**
 * SHA-256 hex of the SubjectPublicKeyInfo of the user's key in this browser (to compare with the
 * server's publicKeyHash), or null when there is none. With `prefer` (e.g. the active
 * certificate's hash) that key's hash when held — during a renewal the browser holds two keys —
 * otherwise the newest key's.
 */
export async function browserKeyHash(userId: string, prefer?: string): Promise<string | null> {
  const keys = await userKeys(userId);
  if (prefer && keys.some((k) => k.publicKeyHash === prefer)) return prefer;
  return keys[0]?.publicKeyHash ?? null;
}

/** Signs `toBeSigned` (the DER signed attributes the server prepared) with the key `publicKeyHash`: IEEE P1363 r‖s (64 bytes). */
export async function signWithBrowserKey(userId: string, publicKeyHash: string, toBeSigned: Uint8Array): Promise<ArrayBuffer> {
  const key = (await userKeys(userId)).find((k) => k.publicKeyHash === publicKeyHash);
  if (!key) throw new Error("W tej przeglądarce nie ma klucza do tego certyfikatu. Podpisz w przeglądarce, w której złożono wniosek, albo unieważnij certyfikat i złóż nowy wniosek.");
  const data = new Uint8Array(toBeSigned.byteLength);
  data.set(toBeSigned);
  return crypto.subtle.sign(SIGNING, key.keys.privateKey, data);
}

/** Forgets the user's keys in this browser except `keep` (e.g. after revocation). */
export async function deleteBrowserKeys(userId: string, keep: string[] = []): Promise<void> {
  for (const k of await userKeys(userId)) {
    if (!keep.includes(k.publicKeyHash)) await withStore("readwrite", (s) => s.delete(k.publicKeyHash));
  }
}
