/**
 * XAdES-BES enveloped signatures in XML documents (XMLDSig with exclusive canonicalization,
 * ECDSA P-256 / SHA-256). Signing is split like CAdES: prepare (server) → the browser signs the
 * canonical SignedInfo → assemble (server). The signature is appended as the last child of the
 * document element; the rest of the document is kept byte for byte.
 *
 * Several signatures: each new signature covers the document as it is, earlier signatures
 * included. By the XMLDSig rules an earlier signature then no longer verifies (its enveloped
 * transform removes only itself), and other tools (xmlsec1) report it broken. readXadesSignatures
 * checks an earlier signature a second time with the later sibling signatures removed, and reports
 * it intact, with a note, when only ds:Signature elements were appended after it.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { DOMParser } from "@xmldom/xmldom";
import type { Db } from "@/server/db";
import { badRequest } from "@/server/errors";
import { EC_SIGNING_ALGORITHM, ab, subtle, u8, verifySha256Signature, x509 } from "./crypto";
import { getCaCertificates, loadCaSigner } from "./ca";

type XNode = import("@xmldom/xmldom").Node;
type XElement = import("@xmldom/xmldom").Element;
type XDocument = import("@xmldom/xmldom").Document;

const NS = {
  ds: "http://www.w3.org/2000/09/xmldsig#",
  xades: "http://uri.etsi.org/01903/v1.3.2#",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;
const ALG = {
  excC14n: "http://www.w3.org/2001/10/xml-exc-c14n#",
  enveloped: "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
  ecdsaSha256: "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
  sha256: "http://www.w3.org/2001/04/xmlenc#sha256",
  signedProperties: "http://uri.etsi.org/01903#SignedProperties",
} as const;

const NODE = { element: 1, text: 3, cdata: 4, pi: 7, comment: 8, document: 9, doctype: 10 } as const;

// — parsing —

class XmlInputError extends Error {}

const MSG = {
  notUtf8: "Dokument nie jest zapisany w kodowaniu UTF-8. Zapisz go w UTF-8 i spróbuj ponownie.",
  encoding: (e: string) => `Dokument deklaruje kodowanie ${e}; obsługujemy tylko dokumenty XML w kodowaniu UTF-8.`,
  doctype: "Dokument zawiera deklarację DOCTYPE (definicje encji). Ze względów bezpieczeństwa takich dokumentów nie podpisujemy ani nie sprawdzamy.",
  malformed: "Plik nie jest poprawnym dokumentem XML albo jest uszkodzony.",
};

// Characters XML 1.0 does not allow (raw or as character references).
const ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface ParsedXml {
  text: string; // without the BOM
  bom: boolean;
  doc: XDocument;
}

function decodeUtf8(bytes: Uint8Array): { text: string; bom: boolean } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new XmlInputError(MSG.notUtf8);
  }
  const bom = text.startsWith("\uFEFF");
  return { text: bom ? text.slice(1) : text, bom };
}

/** Skips the lexical constructs that can hold '<' without being markup. Returns the index after it, or -1 when `at` starts none. */
function skipSpecial(text: string, at: number): number {
  const skip = (open: string, close: string) => {
    if (!text.startsWith(open, at)) return -1;
    const end = text.indexOf(close, at + open.length);
    if (end < 0) throw new XmlInputError(MSG.malformed);
    return end + close.length;
  };
  for (const [open, close] of [["<!--", "-->"], ["<?", "?>"], ["<![CDATA[", "]]>"]] as const) {
    const next = skip(open, close);
    if (next >= 0) return next;
  }
  return -1;
}

/** DOCTYPE can only be in the prolog: refuse it before the parser sees any entity. */
function refuseDoctype(text: string): void {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith("<!DOCTYPE", i) || text.startsWith("<!doctype", i)) throw new XmlInputError(MSG.doctype);
    const next = skipSpecial(text, i);
    if (next < 0 || text.startsWith("<![CDATA[", i)) return;
    i = next;
  }
}

/** Character references can smuggle in characters XML does not allow: check the parsed values too. */
function checkTree(node: XNode): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const data = (c as unknown as { data?: unknown }).data;
    if (typeof data === "string" && ILLEGAL_CHARS.test(data)) throw new XmlInputError(MSG.malformed);
    if (c.nodeType === NODE.element) {
      const attrs = (c as XElement).attributes;
      for (let i = 0; i < attrs.length; i++) if (ILLEGAL_CHARS.test(attrs.item(i)!.value)) throw new XmlInputError(MSG.malformed);
      checkTree(c);
    }
  }
}

function parseXml(bytes: Uint8Array): ParsedXml {
  const { text, bom } = decodeUtf8(bytes);
  const declared = /^<\?xml\s[^?]*?encoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) throw new XmlInputError(MSG.encoding(declared));
  if (ILLEGAL_CHARS.test(text)) throw new XmlInputError(MSG.malformed);
  refuseDoctype(text);
  let failed = false;
  let doc: XDocument;
  try {
    // Any parser complaint (even a warning, e.g. an unquoted attribute) means "not well-formed" here.
    doc = new DOMParser({ onError: () => void (failed = true) }).parseFromString(text, "application/xml");
  } catch {
    throw new XmlInputError(MSG.malformed);
  }
  if (failed || !doc.documentElement) throw new XmlInputError(MSG.malformed);
  if (doc.doctype) throw new XmlInputError(MSG.doctype);
  checkTree(doc);
  return { text, bom, doc };
}

// — exclusive XML canonicalization 1.0, without comments —

/** Code point order (String comparison is by UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function checkChars(s: string): string {
  if (ILLEGAL_CHARS.test(s)) throw new XmlInputError(MSG.malformed);
  return s;
}

const escapeText = (s: string) => checkChars(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");
const escapeAttr = (s: string) =>
  checkChars(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;");

function renderPi(node: XNode): string {
  const pi = node as unknown as { target: string; data: string };
  return pi.data ? `<?${pi.target} ${checkChars(pi.data)}?>` : `<?${pi.target}?>`;
}

/** The namespaces rendered by output ancestors: prefix ("" for the default) → URI. */
type RenderedNs = ReadonlyMap<string, string>;

function c14nElement(el: XElement, rendered: RenderedNs, skip: (n: XNode) => boolean, out: string[]): void {
  const inScope = new Map(rendered);
  const decls: [string, string][] = [];
  const utilize = (prefix: string, uri: string) => {
    if ((inScope.get(prefix) ?? "") === uri) return;
    inScope.set(prefix, uri);
    decls.push([prefix, uri]);
  };
  utilize(el.prefix ?? "", el.namespaceURI ?? "");
  const attrs: { name: string; ns: string; local: string; value: string }[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.namespaceURI === NS.xmlns) continue;
    if (a.prefix && a.prefix !== "xml") utilize(a.prefix, a.namespaceURI ?? "");
    attrs.push({ name: a.name, ns: a.namespaceURI ?? "", local: a.localName ?? a.name, value: a.value });
  }
  decls.sort((a, b) => compareCodePoints(a[0], b[0]));
  attrs.sort((a, b) => compareCodePoints(a.ns, b.ns) || compareCodePoints(a.local, b.local));
  out.push("<", el.tagName);
  for (const [prefix, uri] of decls) out.push(prefix ? ` xmlns:${prefix}="` : ' xmlns="', escapeAttr(uri), '"');
  for (const a of attrs) out.push(" ", a.name, '="', escapeAttr(a.value), '"');
  out.push(">");
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (skip(child)) continue;
    switch (child.nodeType) {
      case NODE.element:
        c14nElement(child as XElement, inScope, skip, out);
        break;
      case NODE.text:
      case NODE.cdata:
        out.push(escapeText((child as unknown as { data: string }).data));
        break;
      case NODE.pi:
        out.push(renderPi(child));
        break;
      case NODE.comment:
        break;
      default:
        throw new XmlInputError(MSG.malformed);
    }
  }
  out.push("</", el.tagName, ">");
}

/** Exclusive C14N (no comments, empty InclusiveNamespaces) of a whole document or of one element's subtree; `skip` drops nodes with their subtrees. */
export function exclusiveC14n(node: XNode, skip: (n: XNode) => boolean = () => false): string {
  const out: string[] = [];
  if (node.nodeType !== NODE.document) {
    c14nElement(node as XElement, new Map(), skip, out);
    return out.join("");
  }
  let afterRoot = false;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === NODE.element) {
      c14nElement(child as XElement, new Map(), skip, out);
      afterRoot = true;
    } else if (child.nodeType === NODE.pi && (child as unknown as { target: string }).target !== "xml") {
      out.push(afterRoot ? `\n${renderPi(child)}` : `${renderPi(child)}\n`);
    } else if (child.nodeType === NODE.doctype) {
      throw new XmlInputError(MSG.doctype);
    }
    // Comments and whitespace outside the document element are not part of the output.
  }
  return out.join("");
}

// — small helpers —

const encoder = new TextEncoder();
const utf8 = (s: string) => encoder.encode(s);
const b64 = (data: Uint8Array) => Buffer.from(data).toString("base64");
const sha256b64 = (data: Uint8Array | string) => createHash("sha256").update(typeof data === "string" ? utf8(data) : data).digest("base64");
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function isElement(node: XNode | null | undefined, ns: string, local: string): node is XElement {
  return !!node && node.nodeType === NODE.element && node.namespaceURI === ns && (node as XElement).localName === local;
}

function childElements(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === NODE.element) out.push(c as XElement);
  return out;
}

function child(el: XElement | null | undefined, ns: string, local: string): XElement | null {
  return el ? (childElements(el).find((c) => isElement(c, ns, local)) ?? null) : null;
}

function textOf(el: XElement | null): string | null {
  return el ? (el.textContent ?? "").trim() : null;
}

function allElements(doc: XDocument): XElement[] {
  return Array.from(doc.getElementsByTagName("*")) as unknown as XElement[];
}

/** Elements whose Id/ID/id attribute equals `id`. */
function elementsWithId(doc: XDocument, id: string): XElement[] {
  return allElements(doc).filter((e) => ["Id", "ID", "id"].some((n) => e.getAttribute(n) === id));
}

/** RFC 4514 string of a certificate's issuer (most specific RDN first). */
function rfc4514(name: x509.Name): string {
  const escape = (v: string) =>
    v
      .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
      .replace(/^[ #]/, (c) => `\\${c}`)
      .replace(/ $/, "\\ ")
      .replace(/\u0000/g, "\\00");
  return name
    .toJSON()
    .slice()
    .reverse()
    .map((rdn) =>
      Object.entries(rdn)
        .flatMap(([type, values]) => values.map((v) => `${type}=${escape(v)}`))
        .join("+"),
    )
    .join(",");
}

function certInfo(der: Uint8Array): { cert: x509.X509Certificate; spki: Uint8Array; serialDecimal: string } {
  const cert = new x509.X509Certificate(ab(der));
  return { cert, spki: u8(cert.publicKey.rawData), serialDecimal: BigInt(`0x${cert.serialNumber}`).toString(10) };
}

const verifyP1363 = (spki: Uint8Array, data: Uint8Array, signature: Uint8Array) => verifySha256Signature(spki, data, signature, "ieee-p1363");

/** DER Ecdsa-Sig-Value → P-256 r‖s; P1363 input is returned as it is. */
function toP1363(signature: Uint8Array): Uint8Array {
  if (signature.length === 64) return signature;
  const fail = () => badRequest("Podpis ma nieznany format (oczekiwano podpisu ECDSA P-256).");
  if (signature[0] !== 0x30) throw fail();
  const out = new Uint8Array(64);
  let i = signature[1]! & 0x80 ? 2 + (signature[1]! & 0x7f) : 2;
  for (const offset of [0, 32]) {
    if (signature[i] !== 0x02) throw fail();
    const len = signature[i + 1]!;
    let value = signature.subarray(i + 2, i + 2 + len);
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) throw fail();
    out.set(value, offset + 32 - value.length);
    i += 2 + len;
  }
  return out;
}

// — the document element's end, in the original text —

/** Where the signature goes: just before the document element's end tag (or in place of "/>" of an empty one). */
function rootEnd(text: string): { at: number; selfClosing: boolean } {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt < 0) break;
    const skipped = skipSpecial(text, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    if (text[lt + 1] === "/") {
      depth--;
      if (depth === 0) return { at: lt, selfClosing: false };
      i = text.indexOf(">", lt) + 1;
      continue;
    }
    let quote: string | null = null;
    let j = lt + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") break;
    }
    if (j >= text.length) break;
    if (text[j - 1] === "/") {
      if (depth === 0) return { at: j - 1, selfClosing: true };
    } else depth++;
    i = j + 1;
  }
  throw new XmlInputError(MSG.malformed);
}

function insertSignature(parsed: ParsedXml, signatureXml: string): string {
  const { at, selfClosing } = rootEnd(parsed.text);
  const root = parsed.doc.documentElement!.tagName;
  const text = selfClosing
    ? `${parsed.text.slice(0, at)}>${signatureXml}</${root}>${parsed.text.slice(at + 2)}`
    : `${parsed.text.slice(0, at)}${signatureXml}${parsed.text.slice(at)}`;
  return parsed.bom ? `\uFEFF${text}` : text;
}

// — building the signature —

export interface XadesState {
  version: 1;
  /** The document before signing (base64). */
  documentBase64: string;
  /** The ds:Signature element up to and including <ds:SignatureValue …>, and from </ds:SignatureValue> on. */
  signatureHead: string;
  signatureTail: string;
  signatureId: string;
  /** SHA-256 (hex) of the signer certificate the signature was prepared for. */
  signerCertSha256: string;
}

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

function signatureParts(p: {
  id: string;
  documentDigest: string;
  signedPropertiesDigest: string;
  certsDer: Uint8Array[];
  signedProperties: string;
}): { head: string; tail: string } {
  const ref = (attrs: string, transforms: string[], digest: string) =>
    `<ds:Reference ${attrs}><ds:Transforms>${transforms.map((t) => `<ds:Transform Algorithm="${t}"/>`).join("")}</ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${ALG.sha256}"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference>`;
  const head =
    `<ds:Signature xmlns:ds="${NS.ds}" Id="${p.id}"><ds:SignedInfo>` +
    `<ds:CanonicalizationMethod Algorithm="${ALG.excC14n}"/><ds:SignatureMethod Algorithm="${ALG.ecdsaSha256}"/>` +
    ref(`Id="${p.id}-ref-document" URI=""`, [ALG.enveloped, ALG.excC14n], p.documentDigest) +
    ref(`Type="${ALG.signedProperties}" URI="#${p.id}-signedprops"`, [ALG.excC14n], p.signedPropertiesDigest) +
    `</ds:SignedInfo><ds:SignatureValue Id="${p.id}-value">`;
  const tail =
    `</ds:SignatureValue><ds:KeyInfo><ds:X509Data>${p.certsDer.map((c) => `<ds:X509Certificate>${b64(c)}</ds:X509Certificate>`).join("")}</ds:X509Data></ds:KeyInfo>` +
    `<ds:Object><xades:QualifyingProperties xmlns:xades="${NS.xades}" Target="#${p.id}">${p.signedProperties}</xades:QualifyingProperties></ds:Object></ds:Signature>`;
  return { head, tail };
}

function signedPropertiesXml(id: string, signerCertDer: Uint8Array, signingTime: Date): string {
  const { cert, serialDecimal } = certInfo(signerCertDer);
  const time = new Date(Math.floor(signingTime.getTime() / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");
  return (
    `<xades:SignedProperties Id="${id}-signedprops"><xades:SignedSignatureProperties><xades:SigningTime>${time}</xades:SigningTime>` +
    `<xades:SigningCertificate><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="${ALG.sha256}"/><ds:DigestValue>${sha256b64(signerCertDer)}</ds:DigestValue></xades:CertDigest>` +
    `<xades:IssuerSerial><ds:X509IssuerName>${escapeXml(rfc4514(cert.issuerName))}</ds:X509IssuerName><ds:X509SerialNumber>${serialDecimal}</ds:X509SerialNumber></xades:IssuerSerial>` +
    `</xades:Cert></xades:SigningCertificate></xades:SignedSignatureProperties></xades:SignedProperties>`
  );
}

function asBadRequest<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof XmlInputError) throw badRequest(error.message);
    throw error;
  }
}

function findSignature(doc: XDocument, id: string): XElement | null {
  return allElements(doc).find((e) => isElement(e, NS.ds, "Signature") && e.getAttribute("Id") === id) ?? null;
}

/**
 * Prepares an enveloped XAdES-BES signature over `xml`: returns the canonical SignedInfo for the
 * browser to sign (ECDSA P-256 SHA-256) and the state for assembleXadesSignature. `chainDer`
 * (optional) adds CA certificates to KeyInfo after the signer's.
 */
export async function prepareXadesSignature(
  xml: Uint8Array,
  input: { signerCertDer: Uint8Array; signingTime: Date; signatureId?: string; chainDer?: Uint8Array[] },
): Promise<{ toBeSigned: Uint8Array; state: XadesState }> {
  return asBadRequest(() => {
    const parsed = parseXml(xml);
    const id = input.signatureId ?? `podpis-${randomBytes(8).toString("hex")}`;
    if (!ID_PATTERN.test(id)) throw badRequest("Identyfikator podpisu może zawierać tylko litery łacińskie, cyfry, kropkę, myślnik i podkreślenie.");
    if ([id, `${id}-signedprops`, `${id}-value`, `${id}-ref-document`].some((v) => elementsWithId(parsed.doc, v).length > 0)) {
      throw badRequest("Dokument zawiera już element o takim identyfikatorze jak nowy podpis. Spróbuj ponownie.");
    }
    try {
      certInfo(input.signerCertDer);
    } catch {
      throw badRequest("Certyfikat podpisującego jest uszkodzony.");
    }
    const documentDigest = sha256b64(exclusiveC14n(parsed.doc));
    const signedProperties = signedPropertiesXml(id, input.signerCertDer, input.signingTime);
    const certsDer = [input.signerCertDer, ...(input.chainDer ?? [])];
    const draft = (signedPropertiesDigest: string) => {
      const parts = signatureParts({ id, documentDigest, signedPropertiesDigest, certsDer, signedProperties });
      const doc = parseXml(utf8(insertSignature(parsed, `${parts.head}${parts.tail}`))).doc;
      const signature = findSignature(doc, id);
      if (!signature) throw new Error("XAdES: the prepared signature is missing from the document");
      return { parts, signature };
    };
    // Digests are computed on the signature in place, exactly as a verifier will see it.
    const first = draft("");
    const signedPropsEl = child(child(child(first.signature, NS.ds, "Object"), NS.xades, "QualifyingProperties"), NS.xades, "SignedProperties");
    if (!signedPropsEl) throw new Error("XAdES: SignedProperties not found");
    const { parts, signature } = draft(sha256b64(exclusiveC14n(signedPropsEl)));
    if (signature.parentNode !== signature.ownerDocument?.documentElement || signature.nextSibling) {
      throw new Error("XAdES: the signature is not the last child of the document element");
    }
    const toBeSigned = utf8(exclusiveC14n(child(signature, NS.ds, "SignedInfo")!));
    const state: XadesState = {
      version: 1,
      documentBase64: b64(xml),
      signatureHead: parts.head,
      signatureTail: parts.tail,
      signatureId: id,
      signerCertSha256: createHash("sha256").update(input.signerCertDer).digest("hex"),
    };
    return { toBeSigned, state };
  });
}

/** Puts the browser's signature (P1363 r‖s, or DER) into the prepared document; checks it against the certificate's key first. Returns the signed document (UTF-8). */
export async function assembleXadesSignature(input: { state: XadesState; signature: Uint8Array; signerCertDer: Uint8Array }): Promise<Uint8Array> {
  const { state } = input;
  if (state?.version !== 1 || createHash("sha256").update(input.signerCertDer).digest("hex") !== state.signerCertSha256) {
    throw badRequest("Certyfikat nie odpowiada przygotowanemu podpisowi. Rozpocznij podpisywanie od nowa.");
  }
  const value = toP1363(input.signature);
  const parsed = asBadRequest(() => parseXml(new Uint8Array(Buffer.from(state.documentBase64, "base64"))));
  const signed = utf8(insertSignature(parsed, `${state.signatureHead}${b64(value)}${state.signatureTail}`));
  const doc = asBadRequest(() => parseXml(signed)).doc;
  const signedInfo = child(findSignature(doc, state.signatureId), NS.ds, "SignedInfo");
  if (!signedInfo) throw new Error("XAdES: SignedInfo not found in the assembled document");
  if (!verifyP1363(certInfo(input.signerCertDer).spki, utf8(exclusiveC14n(signedInfo)), value)) {
    throw badRequest("Podpis nie zgadza się z certyfikatem: przeglądarka podpisała innym kluczem albo inne dane. Spróbuj ponownie.");
  }
  const entry = readXadesSignatures(signed).find((e) => e.id === state.signatureId);
  if (!entry?.intact || !entry.signerCertDer || !sameBytes(entry.signerCertDer, input.signerCertDer)) {
    throw new Error(`XAdES: the assembled signature does not verify (${entry?.problems.join("; ") ?? "missing"})`);
  }
  return signed;
}

/** Seals `xml` with the office seal (server-held key); the issuing CA certificate goes into KeyInfo too. */
export async function sealXml(db: Db, xml: Uint8Array, now: Date = new Date()): Promise<Uint8Array> {
  const seal = await loadCaSigner(db, "SEAL");
  const { issuingDer } = await getCaCertificates(db);
  const { toBeSigned, state } = await prepareXadesSignature(xml, { signerCertDer: seal.der, signingTime: now, chainDer: [issuingDer] });
  const signature = u8(await subtle.sign(EC_SIGNING_ALGORITHM, seal.privateKey, ab(toBeSigned)));
  return assembleXadesSignature({ state, signature, signerCertDer: seal.der });
}

// — verification —

export interface XadesSignatureEntry {
  id: string | null;
  /** Every Reference digest matches and SignatureValue verifies with the embedded certificate. */
  intact: boolean;
  signerCertDer: Uint8Array | null;
  /** xades:SigningTime */
  signingTime: Date | null;
  /** xades:SigningCertificate(V2) names the embedded certificate. */
  certificateDigestOk: boolean;
  /** Polish, for the user. */
  problems: string[];
}

const PROBLEM = {
  structure: "Podpis ma nieobsługiwaną budowę (oczekiwano podpisu XAdES-BES otaczanego, obejmującego cały dokument).",
  algorithm: "Podpis używa nieobsługiwanego algorytmu (obsługujemy ECDSA P-256 z SHA-256 i kanonikalizację wyłączną).",
  content: "Treść dokumentu nie odpowiada podpisowi: dokument zmieniono po podpisaniu.",
  properties: "Właściwości podpisu (czas złożenia, wskazanie certyfikatu) zmieniono po podpisaniu.",
  value: "Wartość podpisu jest nieprawidłowa: podpis uszkodzono albo nie pochodzi od właściciela certyfikatu.",
  noCert: "Podpis nie zawiera certyfikatu podpisującego.",
  badCert: "Certyfikat dołączony do podpisu jest uszkodzony.",
  certDigest: "Podpis wskazuje inny certyfikat niż dołączony do dokumentu.",
  noTime: "Podpis nie zawiera czasu złożenia.",
  duplicateId: "Dokument zawiera kilka elementów o identyfikatorze właściwości podpisu; taki podpis jest niejednoznaczny.",
  laterSignatures:
    "Po tym podpisie dodano do dokumentu kolejny podpis. Treść dokumentu nie zmieniła się od złożenia tego podpisu, ale niektóre programy mogą pokazać go jako nieważny.",
};

function algorithmOf(el: XElement | null): string | null {
  return el?.getAttribute("Algorithm") ?? null;
}

function digestMatches(reference: XElement, c14n: () => string): boolean {
  const expected = textOf(child(reference, NS.ds, "DigestValue"));
  if (!expected) return false;
  try {
    return sha256b64(c14n()) === expected.replace(/\s+/g, "");
  } catch {
    return false;
  }
}

function transformsOf(reference: XElement): string[] {
  return childElements(child(reference, NS.ds, "Transforms") ?? reference)
    .filter((t) => isElement(t, NS.ds, "Transform"))
    .map((t) => t.getAttribute("Algorithm") ?? "");
}

function readOne(doc: XDocument, signature: XElement): XadesSignatureEntry {
  const id = signature.getAttribute("Id") || null;
  const entry: XadesSignatureEntry = { id, intact: false, signerCertDer: null, signingTime: null, certificateDigestOk: false, problems: [] };
  const problem = (p: string) => {
    if (!entry.problems.includes(p)) entry.problems.push(p);
  };

  // Structure: SignedInfo with exactly our two references; the properties of this very signature.
  const signedInfo = child(signature, NS.ds, "SignedInfo");
  const references = signedInfo ? childElements(signedInfo).filter((e) => isElement(e, NS.ds, "Reference")) : [];
  const [docRef, propsRef] = references;
  const qualifying = childElements(signature)
    .filter((e) => isElement(e, NS.ds, "Object"))
    .flatMap(childElements)
    .find((e) => isElement(e, NS.xades, "QualifyingProperties") && id !== null && e.getAttribute("Target") === `#${id}`);
  const signedProps = child(qualifying, NS.xades, "SignedProperties");
  const propsId = signedProps?.getAttribute("Id") ?? "";
  const structureOk =
    !!signedInfo &&
    references.length === 2 &&
    docRef!.getAttribute("URI") === "" &&
    !!signedProps &&
    propsId !== "" &&
    propsRef!.getAttribute("URI") === `#${propsId}` &&
    propsRef!.getAttribute("Type") === ALG.signedProperties;
  if (!structureOk) problem(PROBLEM.structure);
  const algorithmsOk =
    algorithmOf(child(signedInfo, NS.ds, "CanonicalizationMethod")) === ALG.excC14n &&
    algorithmOf(child(signedInfo, NS.ds, "SignatureMethod")) === ALG.ecdsaSha256 &&
    references.every((r) => algorithmOf(child(r, NS.ds, "DigestMethod")) === ALG.sha256) &&
    (!docRef || transformsOf(docRef).join(" ") === `${ALG.enveloped} ${ALG.excC14n}`) &&
    (!propsRef || transformsOf(propsRef).join(" ") === ALG.excC14n);
  if (!algorithmsOk) problem(PROBLEM.algorithm);
  if (propsId && elementsWithId(doc, propsId).length !== 1) problem(PROBLEM.duplicateId);

  // The certificate: the one SigningCertificate names, else the first.
  const certs = childElements(child(child(signature, NS.ds, "KeyInfo"), NS.ds, "X509Data") ?? signature)
    .filter((e) => isElement(e, NS.ds, "X509Certificate"))
    .map((e) => new Uint8Array(Buffer.from(textOf(e) ?? "", "base64")));
  const signingCert = child(child(signedProps, NS.xades, "SignedSignatureProperties"), NS.xades, "SigningCertificate") ??
    child(child(signedProps, NS.xades, "SignedSignatureProperties"), NS.xades, "SigningCertificateV2");
  const cert = child(signingCert, NS.xades, "Cert");
  const certDigest = child(cert, NS.xades, "CertDigest");
  const namedDigest = algorithmOf(child(certDigest, NS.ds, "DigestMethod")) === ALG.sha256 ? textOf(child(certDigest, NS.ds, "DigestValue")) : null;
  entry.signerCertDer = certs.find((c) => sha256b64(c) === namedDigest) ?? certs[0] ?? null;
  let spki: Uint8Array | null = null;
  if (!entry.signerCertDer) problem(PROBLEM.noCert);
  else {
    try {
      const info = certInfo(entry.signerCertDer);
      spki = info.spki;
      const serial = textOf(child(child(cert, NS.xades, "IssuerSerial"), NS.ds, "X509SerialNumber"));
      entry.certificateDigestOk = sha256b64(entry.signerCertDer) === namedDigest && (serial === null || serial === info.serialDecimal);
      if (!entry.certificateDigestOk) problem(PROBLEM.certDigest);
    } catch {
      problem(PROBLEM.badCert);
    }
  }

  const time = textOf(child(child(signedProps, NS.xades, "SignedSignatureProperties"), NS.xades, "SigningTime"));
  const parsedTime = time && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(time) ? new Date(time) : null;
  entry.signingTime = parsedTime && !Number.isNaN(parsedTime.getTime()) ? parsedTime : null;
  if (!entry.signingTime) problem(PROBLEM.noTime);

  if (!structureOk || !algorithmsOk) return entry;

  // References: the whole document without this signature; the signed properties.
  let documentOk = digestMatches(docRef!, () => exclusiveC14n(doc, (n) => n === signature));
  if (!documentOk && signature.parentNode === doc.documentElement) {
    const later = new Set<XNode>();
    for (let n = signature.nextSibling; n; n = n.nextSibling) if (isElement(n, NS.ds, "Signature")) later.add(n);
    if (later.size > 0 && digestMatches(docRef!, () => exclusiveC14n(doc, (n) => n === signature || later.has(n)))) {
      documentOk = true;
      problem(PROBLEM.laterSignatures);
    }
  }
  if (!documentOk) problem(PROBLEM.content);
  const propsOk = digestMatches(propsRef!, () => exclusiveC14n(signedProps!));
  if (!propsOk) problem(PROBLEM.properties);

  const value = new Uint8Array(Buffer.from(textOf(child(signature, NS.ds, "SignatureValue")) ?? "", "base64"));
  let valueOk = false;
  try {
    valueOk = !!spki && value.length === 64 && verifyP1363(spki, utf8(exclusiveC14n(signedInfo!)), value);
  } catch {
    valueOk = false;
  }
  if (!valueOk) problem(PROBLEM.value);
  entry.intact = documentOk && propsOk && valueOk && propsId !== "" && elementsWithId(doc, propsId).length === 1;
  return entry;
}

/** Every ds:Signature in the document, checked on its own (no trust decisions: the caller checks the certificate). [] when there is none. */
export function readXadesSignatures(xml: Uint8Array): XadesSignatureEntry[] {
  let doc: XDocument;
  try {
    doc = parseXml(xml).doc;
  } catch (error) {
    const message = error instanceof XmlInputError ? error.message : MSG.malformed;
    return [{ id: null, intact: false, signerCertDer: null, signingTime: null, certificateDigestOk: false, problems: [message] }];
  }
  return allElements(doc)
    .filter((e) => isElement(e, NS.ds, "Signature"))
    .map((signature) => {
      try {
        return readOne(doc, signature);
      } catch {
        return { id: signature.getAttribute("Id") || null, intact: false, signerCertDer: null, signingTime: null, certificateDigestOk: false, problems: [PROBLEM.structure] };
      }
    });
}
