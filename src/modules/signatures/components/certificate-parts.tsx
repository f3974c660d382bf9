import { Badge, type BadgeTone } from "@/components/badge";
import type { Translate } from "@/lib/i18n/translator";
import type { CertificateStatus } from "../signatures.schemas";

const TONE: Record<CertificateStatus, BadgeTone> = { REQUESTED: "amber", ISSUED: "green", REJECTED: "slate", REVOKED: "red" };

/** The certificate's status as a badge ("wydany", "unieważniony"…). */
export function CertificateStatusBadge({ status, t }: { status: CertificateStatus; t: Translate }) {
  return <Badge tone={TONE[status]}>{t(`signatures.status.${status}`)}</Badge>;
}

/** Links to the public CA certificates and the CRL (no sign-in needed). */
export function CaLinks({ t }: { t: Translate }) {
  const links = [
    ["/pki/ca-root.crt", t("signatures.caRoot")],
    ["/pki/ca-issuing.crt", t("signatures.caIssuing")],
    ["/pki/pieczec.crt", t("signatures.caSeal")],
    ["/pki/crl.der", t("signatures.crl")],
  ] as const;
  return (
    <section aria-labelledby="ca-links" className="card">
      <h2 id="ca-links" className="mb-2 text-base font-semibold">
        {t("signatures.caLinks")}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} className="link" download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Saves base64 bytes as a file. */
export function saveBase64(fileName: string, base64: string, type = "application/pkix-cert") {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
