/**
 * The local CA's public files, no sign-in needed (src/proxy.ts does not match /pki): the root,
 * issuing CA and office seal certificates (DER `.crt`, or `.pem`) and the issuing CA's CRL
 * (`crl.der` / `crl.pem`). Certificates are cached for a day; the CRL until its nextUpdate.
 */
import { getDb } from "@/server/db";
import { currentCrl, getCaCertificates, toPem } from "@/server/pki";

const CERTS = { "ca-root": "rootDer", "ca-issuing": "issuingDer", pieczec: "sealDer" } as const;

function respond(der: Uint8Array, pem: boolean, label: "CERTIFICATE" | "X509 CRL", fileName: string, cacheControl: string): Response {
  const body = pem ? toPem(der, label) : Buffer.from(der);
  const type = pem ? "application/x-pem-file" : label === "CERTIFICATE" ? "application/pkix-cert" : "application/pkix-crl";
  return new Response(body, {
    headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" },
  });
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const match = /^(ca-root|ca-issuing|pieczec|crl)\.(crt|der|pem)$/.exec(file);
  if (!match) return new Response("Nie ma takiego pliku.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const [, name, ext] = match as unknown as [string, keyof typeof CERTS | "crl", "crt" | "der" | "pem"];
  const db = await getDb();
  if (name === "crl") {
    if (ext === "crt") return new Response("Nie ma takiego pliku.", { status: 404 });
    const now = new Date();
    const der = await currentCrl(db, now);
    const row = await db.publishedCrl.findUnique({ where: { id: 1 }, select: { nextUpdate: true } });
    const seconds = row ? Math.max(0, Math.floor((row.nextUpdate.getTime() - now.getTime()) / 1000)) : 0;
    return respond(der, ext === "pem", "X509 CRL", `crl.${ext}`, `public, max-age=${seconds}, must-revalidate`);
  }
  if (ext === "der") return new Response("Nie ma takiego pliku.", { status: 404 });
  const certs = await getCaCertificates(db);
  return respond(certs[CERTS[name]], ext === "pem", "CERTIFICATE", `${name}.${ext}`, "public, max-age=86400");
}
