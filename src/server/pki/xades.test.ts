import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { buildCaHierarchy } from "./ca";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, ab, cryptoImpl, randomSerial, subtle, toPem, u8, x509 } from "./crypto";
import { browserKeys, browserSign, tempDir, writeFiles } from "./test-helpers";

const signWith = (key: CryptoKey, data: Uint8Array) => browserSign({ privateKey: key, publicKey: key }, data);
import { assembleXadesSignature, prepareXadesSignature, readXadesSignatures, sealXml } from "./xades";

// sealXml reads the CA from the database: the test hands it the in-memory CA instead.
const caForSeal = vi.hoisted(() => ({ seal: null as unknown, issuingDer: null as unknown }));
vi.mock("./ca", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./ca")>()),
  loadCaSigner: async () => caForSeal.seal,
  getCaCertificates: async () => ({ issuingDer: caForSeal.issuingDer }),
}));

const HAS_XMLSEC = spawnSync("xmlsec1", ["--version"]).status === 0;
if (!HAS_XMLSEC) console.warn("xmlsec1 is missing: the xmlsec1 cross-checks of src/server/pki/xades.ts are skipped (CI installs xmlsec1).");

const enc = new TextEncoder();
const dec = new TextDecoder();

interface Signer {
  der: Uint8Array;
  key: CryptoKey;
  serial: string;
}

let rootDer: Uint8Array;
let issuingDer: Uint8Array;
let issuingKey: CryptoKey;
let issuingCert: x509.X509Certificate;
let seal: Signer;
let staff: Signer;
let sealExportable: CryptoKey;

beforeAll(async () => {
  const now = new Date(Date.now() - 60_000);
  const [root, issuing, sealCa] = await buildCaHierarchy("Urząd Gminy Testowo, woj. \"mazowieckie\"", now);
  rootDer = u8(root!.cert.rawData);
  issuingDer = u8(issuing!.cert.rawData);
  issuingCert = issuing!.cert;
  issuingKey = await subtle.importKey("pkcs8", ab(issuing!.pkcs8), EC_KEY_ALGORITHM, false, ["sign"]);
  const sealKey = await subtle.importKey("pkcs8", ab(sealCa!.pkcs8), EC_KEY_ALGORITHM, false, ["sign"]);
  sealExportable = await subtle.importKey("pkcs8", ab(sealCa!.pkcs8), EC_KEY_ALGORITHM, true, ["sign"]);
  seal = { der: u8(sealCa!.cert.rawData), key: sealKey, serial: sealCa!.cert.serialNumber };
  caForSeal.seal = { id: "seal", cert: sealCa!.cert, der: seal.der, privateKey: sealKey };
  caForSeal.issuingDer = issuingDer;

  // A staff member: the key stays in the "browser", the issuing CA certifies it.
  const keys = await browserKeys();
  const serial = randomSerial();
  const staffCert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial,
      subject: "CN=Anna Żółkiewska, O=Urząd Gminy Testowo, C=PL",
      issuer: issuing!.cert.subjectName,
      notBefore: now,
      notAfter: new Date(now.getTime() + 365 * 86_400_000),
      publicKey: keys.publicKey,
      signingKey: issuingKey,
      signingAlgorithm: EC_SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      ],
    },
    cryptoImpl,
  );
  staff = { der: u8(staffCert.rawData), key: keys.privateKey, serial };
});

async function sign(xml: Uint8Array, signer: Signer, signingTime = new Date("2026-11-25T08:15:30.123Z"), signatureId?: string): Promise<Uint8Array> {
  const { toBeSigned, state } = await prepareXadesSignature(xml, { signerCertDer: signer.der, signingTime, signatureId });
  const json = JSON.parse(JSON.stringify(state)) as typeof state; // the lead keeps it in a JSON column
  const signature = await signWith(signer.key, toBeSigned);
  expect(signature.length).toBe(64);
  return assembleXadesSignature({ state: json, signature, signerCertDer: signer.der });
}

function xmlsec(doc: Uint8Array, opts: { nodeId?: string; trustIssuing?: boolean } = {}): { ok: boolean; output: string } {
  const dir = tempDir();
  writeFiles(dir, { "root.pem": toPem(rootDer, "CERTIFICATE"), "issuing.pem": toPem(issuingDer, "CERTIFICATE"), "doc.xml": doc });
  const args = ["--verify", "--trusted-pem", "root.pem", "--untrusted-pem", "issuing.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"];
  // xmlsec1 looks up a CRL's issuer among the trusted certificates only.
  if (opts.trustIssuing) args.push("--trusted-pem", "issuing.pem");
  if (opts.nodeId) args.push("--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Signature", "--node-id", opts.nodeId);
  const r = spawnSync("xmlsec1", [...args, "doc.xml"], { cwd: dir, encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Replaces the first occurrence of `from` (must exist) in the document. */
function tamper(doc: Uint8Array, from: string, to: string): Uint8Array {
  const text = dec.decode(doc);
  expect(text).toContain(from);
  return enc.encode(text.replace(from, to));
}

const RICH = [
  '<?xml version="1.0" encoding="UTF-8"?>\r\n',
  '<?xml-stylesheet type="text/xsl" href="pismo.xsl"?>\r\n',
  "<!-- przed dokumentem -->\r\n",
  '<pismo xmlns="urn:obieg:pismo" xmlns:meta="urn:obieg:meta" xmlns:nieużywany="urn:x" znak="OR.0012.1.2026" meta:wersja="2" a="z" xml:lang="pl">\r\n',
  "  <meta:nadawca id=\"n1\" uwagi='cytat \"x\" &amp; &lt;y&gt;\tz&#9;t&#10;k'>Urząd Gminy Zażółć Gęślą Jaźń</meta:nadawca>\r\n",
  "  <treść>Zażółć gęślą jaźń — „cudzysłów”, 5 &gt; 3 &amp; 2 &lt; 4, znak &#x105;&#260; i 😀, powrót&#13;karetki</treść>\r\n",
  "  <!-- komentarz: nie jest podpisywany -->\r\n",
  "  <załącznik><![CDATA[<surowe> & dane ]]]]><![CDATA[> ]]></załącznik>\r\n",
  '  <inny xmlns="" p:x="1" xmlns:p="urn:p"><p:wew xmlns:p="urn:p2"/><?instrukcja  dane?><?pusta?></inny>\r\n',
  "  <pusty></pusty><pusty2/>\r\n",
  "</pismo>\r\n",
  "<!-- po dokumencie --><?po-dokumencie x?>\r\n",
].join("");

describe("XAdES-BES enveloped", () => {
  it("signs a document (Polish text, namespaces, comments, CDATA): xmlsec1 accepts it, the reader reports it intact", async () => {
    const original = enc.encode(RICH);
    const signed = await sign(original, seal);
    const text = dec.decode(signed);
    // The document is kept byte for byte; the signature is the last child of the document element.
    const at = text.indexOf("<ds:Signature ");
    expect(text.slice(0, at)).toBe(RICH.slice(0, RICH.lastIndexOf("</pismo>")));
    expect(text.slice(text.indexOf("</ds:Signature>") + "</ds:Signature>".length)).toBe(RICH.slice(RICH.lastIndexOf("</pismo>")));
    expect(text).toContain("<xades:SigningTime>2026-11-25T08:15:30Z</xades:SigningTime>");
    expect(text).toContain(`<ds:X509SerialNumber>${BigInt(`0x${seal.serial}`).toString(10)}</ds:X509SerialNumber>`);
    expect(text).toContain("Urząd Gminy Testowo\\, woj. \\&quot;mazowieckie\\&quot;");

    const entries = readXadesSignatures(signed);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ intact: true, certificateDigestOk: true, problems: [] });
    expect(entries[0]!.id).toMatch(/^podpis-[0-9a-f]{16}$/);
    expect(entries[0]!.signingTime!.toISOString()).toBe("2026-11-25T08:15:30.000Z");
    expect(Buffer.from(entries[0]!.signerCertDer!).equals(Buffer.from(seal.der))).toBe(true);

    if (!HAS_XMLSEC) return;
    const r = xmlsec(signed);
    expect(r.output).toMatch(/^OK/m);
    expect(r.ok).toBe(true);
    // Comments are not signed (exclusive C14N without comments): changing one keeps both verifiers happy.
    const comment = tamper(signed, "nie jest podpisywany", "nie jest podpisywanY");
    expect(xmlsec(comment).ok).toBe(true);
    expect(readXadesSignatures(comment)[0]!.intact).toBe(true);
  });

  it("reads a signature made by xmlsec1 (default ds namespace, indented)", async () => {
    if (!HAS_XMLSEC) return;
    const ALG = { exc: "http://www.w3.org/2001/10/xml-exc-c14n#", sha256: "http://www.w3.org/2001/04/xmlenc#sha256" };
    const digest = `<DigestMethod Algorithm="${ALG.sha256}"/>`;
    const template = `<?xml version="1.0" encoding="UTF-8"?>
<dok xmlns="urn:dok" xmlns:x="urn:x">
  <treść x:a="1">Zażółć gęślą jaźń</treść>
  <Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="s1">
    <SignedInfo>
      <CanonicalizationMethod Algorithm="${ALG.exc}"/>
      <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>
      <Reference URI="">
        <Transforms>
          <Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
          <Transform Algorithm="${ALG.exc}"/>
        </Transforms>
        ${digest}
        <DigestValue/>
      </Reference>
      <Reference URI="#s1-sp" Type="http://uri.etsi.org/01903#SignedProperties">
        <Transforms><Transform Algorithm="${ALG.exc}"/></Transforms>
        ${digest}
        <DigestValue/>
      </Reference>
    </SignedInfo>
    <SignatureValue/>
    <KeyInfo><X509Data/></KeyInfo>
    <Object>
      <xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#s1">
        <xades:SignedProperties Id="s1-sp">
          <xades:SignedSignatureProperties>
            <xades:SigningTime>2026-01-02T03:04:05Z</xades:SigningTime>
            <xades:SigningCertificate>
              <xades:Cert>
                <xades:CertDigest>${digest}<DigestValue>${Buffer.from(await subtle.digest("SHA-256", ab(seal.der))).toString("base64")}</DigestValue></xades:CertDigest>
              </xades:Cert>
            </xades:SigningCertificate>
          </xades:SignedSignatureProperties>
        </xades:SignedProperties>
      </xades:QualifyingProperties>
    </Object>
  </Signature>
</dok>
`;
    const dir = tempDir();
    const pkcs8 = Buffer.from(await subtle.exportKey("pkcs8", sealExportable)).toString("base64").match(/.{1,64}/g)!.join("\n");
    writeFiles(dir, { "key.pem": `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`, "seal.pem": toPem(seal.der, "CERTIFICATE"), "tmpl.xml": template });
    const r = spawnSync(
      "xmlsec1",
      ["--sign", "--privkey-pem", "key.pem,seal.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", "--output", "signed.xml", "tmpl.xml"],
      { cwd: dir, encoding: "utf8" },
    );
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const signed = new Uint8Array(readFileSync(path.join(dir, "signed.xml")));
    expect(xmlsec(signed).output).toMatch(/^OK/m);
    const [entry] = readXadesSignatures(signed);
    expect(entry).toMatchObject({ id: "s1", intact: true, certificateDigestOk: true, problems: [] });
    expect(entry!.signingTime!.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(readXadesSignatures(tamper(signed, "jaźń", "jaźn"))[0]!.intact).toBe(false);
  });

  it("fails on one changed byte of content and on a changed SigningTime", async () => {
    const signed = await sign(enc.encode(RICH), seal);
    const content = tamper(signed, "Gęślą Jaźń</meta:nadawca>", "Gęślą Jaźn</meta:nadawca>");
    const attr = tamper(signed, 'a="z"', 'a="y"');
    const time = tamper(signed, "2026-11-25T08:15:30Z", "2026-11-25T08:15:31Z");
    const value = tamper(signed, '-value">', '-value">A');
    for (const [doc, problem] of [
      [content, /Treść dokumentu nie odpowiada/],
      [attr, /Treść dokumentu nie odpowiada/],
      [time, /Właściwości podpisu/],
    ] as const) {
      const [entry] = readXadesSignatures(doc);
      expect(entry!.intact).toBe(false);
      expect(entry!.problems.join(" ")).toMatch(problem);
    }
    expect(readXadesSignatures(value)[0]!.intact).toBe(false);
    if (!HAS_XMLSEC) return;
    for (const doc of [content, attr, time, value]) expect(xmlsec(doc).ok).toBe(false);
  });

  it("canonicalizes like xmlsec1 on tricky documents", async () => {
    const docs = [
      "<a/>",
      "\uFEFF<a>tekst z BOM</a>",
      '<r:a xmlns:r="urn:r" xmlns:b="urn:b" xmlns:B="urn:B" b:x="1" B:y="2" z="3"><r:b xmlns:r="urn:inny"/><c xmlns="urn:d"><d xmlns=""/></c></r:a>',
      '<a xmlns="urn:a"><b xmlns="urn:a"><c xmlns="urn:c"/></b></a>',
      '<a xmlns:ds="urn:nie-xmldsig"><ds:Signature>nie podpis</ds:Signature></a>',
      '<a  b = "1"   c=\'2\' ><b\n/></a\n>',
      "<a>\n\n  <b>&#xD;&#xA;&#x9;</b>  &#x10FFFF; \u{1F600} \uE000</a>",
      '<a x="&#x1F600;" y="\uE000"/>',
    ];
    for (const source of docs) {
      const signed = await sign(enc.encode(source), staff);
      const [entry] = readXadesSignatures(signed);
      expect(entry, source).toMatchObject({ intact: true, problems: [] });
      if (HAS_XMLSEC) expect(xmlsec(signed).output, source).toMatch(/^OK/m);
    }
  });

  it("signs twice (staff, then the office seal): each is checked, the earlier one with a note", async () => {
    const once = await sign(enc.encode("<decyzja><treść>Przyznaję</treść></decyzja>"), staff, new Date("2026-11-25T08:00:00Z"), "podpis-pracownika");
    const twice = await sealXml({} as Db, once, new Date("2026-11-25T08:05:00Z"));
    const entries = readXadesSignatures(twice);
    expect(entries.map((e) => e.id)).toEqual(["podpis-pracownika", expect.stringMatching(/^podpis-/)]);
    expect(entries[0]).toMatchObject({ intact: true, certificateDigestOk: true });
    expect(entries[0]!.problems).toEqual([expect.stringMatching(/kolejny podpis/)]);
    expect(Buffer.from(entries[0]!.signerCertDer!).equals(Buffer.from(staff.der))).toBe(true);
    expect(entries[1]).toMatchObject({ intact: true, certificateDigestOk: true, problems: [] });
    expect(Buffer.from(entries[1]!.signerCertDer!).equals(Buffer.from(seal.der))).toBe(true);
    expect(entries[1]!.signingTime!.toISOString()).toBe("2026-11-25T08:05:00.000Z");
    // The seal carries the issuing CA certificate too.
    expect(dec.decode(twice).match(/<ds:X509Certificate>/g)).toHaveLength(3);

    const changed = tamper(twice, "Przyznaję", "Odmawiam");
    expect(readXadesSignatures(changed).map((e) => e.intact)).toEqual([false, false]);
    if (!HAS_XMLSEC) return;
    expect(xmlsec(once).ok).toBe(true);
    expect(xmlsec(twice, { nodeId: entries[1]!.id! }).ok).toBe(true);
    // Standard XMLDSig: the earlier enveloped signature is broken by the later one.
    expect(xmlsec(twice, { nodeId: "podpis-pracownika" }).ok).toBe(false);
    expect(xmlsec(changed, { nodeId: entries[1]!.id! }).ok).toBe(false);
  });

  it("xmlsec1 refuses a signature whose certificate the CRL revokes", async () => {
    if (!HAS_XMLSEC) return;
    const signed = await sign(enc.encode("<a>b</a>"), staff);
    const crl = async (revoked: boolean) =>
      x509.X509CrlGenerator.create(
        {
          issuer: issuingCert.subjectName,
          thisUpdate: new Date(Date.now() - 30_000),
          nextUpdate: new Date(Date.now() + 7 * 86_400_000),
          signingKey: issuingKey,
          signingAlgorithm: EC_SIGNING_ALGORITHM,
          entries: revoked ? [{ serialNumber: staff.serial, revocationDate: new Date(Date.now() - 20_000), reason: x509.X509CrlReason.keyCompromise }] : [],
        },
        cryptoImpl,
      );
    // xmlsec1 1.2 has no --crl-pem: the CRL goes into the (unsigned) KeyInfo, where xmlsec1 uses it.
    const withCrl = async (revoked: boolean) =>
      tamper(signed, "</ds:X509Data>", `<ds:X509CRL>${Buffer.from((await crl(revoked)).rawData).toString("base64")}</ds:X509CRL></ds:X509Data>`);
    expect(xmlsec(await withCrl(false), { trustIssuing: true }).output).toMatch(/^OK/m);
    const revoked = xmlsec(await withCrl(true), { trustIssuing: true });
    expect(revoked.ok).toBe(false);
    expect(revoked.output).toMatch(/revoked/i);
  });

  it("refuses a DOCTYPE, other encodings and malformed XML, in Polish", async () => {
    const cases: [string | Uint8Array, RegExp][] = [
      ['<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', /DOCTYPE/],
      ["<!-- c --><!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>", /DOCTYPE/],
      [Uint8Array.of(0x3c, 0x61, 0x3e, 0xb1, 0x3c, 0x2f, 0x61, 0x3e), /UTF-8/], // ISO-8859-2 "ą"
      ['<?xml version="1.0" encoding="ISO-8859-2"?><a/>', /kodowanie ISO-8859-2/],
      ["<a><b></a>", /poprawnym dokumentem XML/],
      ["<a>&nieznana;</a>", /poprawnym dokumentem XML/],
      ["<a b=1/>", /poprawnym dokumentem XML/],
      ["<a>\u0001</a>", /poprawnym dokumentem XML/],
      ["<a>&#1;</a>", /poprawnym dokumentem XML/],
      ["", /poprawnym dokumentem XML/],
    ];
    for (const [source, message] of cases) {
      const bytes = typeof source === "string" ? enc.encode(source) : source;
      const error = await prepareXadesSignature(bytes, { signerCertDer: seal.der, signingTime: new Date() }).catch((e: unknown) => e);
      expect(error, String(source)).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("BAD_REQUEST");
      expect((error as AppError).userMessage).toMatch(message);
      const entries = readXadesSignatures(bytes);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ id: null, intact: false });
      expect(entries[0]!.problems[0]).toMatch(message);
    }
    expect(readXadesSignatures(enc.encode("<a>bez podpisu</a>"))).toEqual([]);
  });

  it("assemble refuses a signature made with another key or for another certificate", async () => {
    const xml = enc.encode("<a>b</a>");
    const { toBeSigned, state } = await prepareXadesSignature(xml, { signerCertDer: staff.der, signingTime: new Date() });
    const other = await browserKeys();
    const wrong = await assembleXadesSignature({ state, signature: await browserSign(other, toBeSigned), signerCertDer: staff.der }).catch((e: unknown) => e);
    expect((wrong as AppError).userMessage).toMatch(/Podpis nie zgadza się z certyfikatem/);
    const otherData = await signWith(staff.key, enc.encode("inne dane"));
    expect(((await assembleXadesSignature({ state, signature: otherData, signerCertDer: staff.der }).catch((e: unknown) => e)) as AppError).code).toBe("BAD_REQUEST");
    const otherCert = await assembleXadesSignature({ state, signature: new Uint8Array(64), signerCertDer: seal.der }).catch((e: unknown) => e);
    expect((otherCert as AppError).userMessage).toMatch(/Certyfikat nie odpowiada/);
    // The right signature, DER-encoded, is accepted too.
    const p1363 = await signWith(staff.key, toBeSigned);
    const { ecdsaSignatureToDer } = await import("./cades");
    const signed = await assembleXadesSignature({ state, signature: ecdsaSignatureToDer(p1363), signerCertDer: staff.der });
    expect(readXadesSignatures(signed)[0]!.intact).toBe(true);
  });

  it("rejects signature wrapping: a second element with the SignedProperties Id, or a Target to another signature", async () => {
    const signed = dec.decode(await sign(enc.encode("<a>b</a>"), staff, new Date("2026-11-25T08:00:00Z"), "p1"));
    const props = signed.slice(signed.indexOf("<xades:SignedProperties"), signed.indexOf("</xades:SignedProperties>") + "</xades:SignedProperties>".length);
    const wrapped = signed.replace("<a>", `<a><x xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${props.replace("08:00:00Z", "09:00:00Z")}</x>`);
    const [entry] = readXadesSignatures(enc.encode(wrapped));
    expect(entry!.intact).toBe(false);
    expect(entry!.problems.join(" ")).toMatch(/kilka elementów/);
    const retargeted = readXadesSignatures(enc.encode(signed.replace('Target="#p1"', 'Target="#p2"')));
    expect(retargeted[0]).toMatchObject({ intact: false, problems: expect.arrayContaining([expect.stringMatching(/nieobsługiwaną budowę/)]) });
    // An Id that is already used in the document is refused at prepare.
    const clash = await prepareXadesSignature(enc.encode('<a Id="p1"/>'), { signerCertDer: staff.der, signingTime: new Date(), signatureId: "p1" }).catch((e: unknown) => e);
    expect((clash as AppError).code).toBe("BAD_REQUEST");
  });
});
