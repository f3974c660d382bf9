"use client";

import { Badge } from "@/components/badge";
import { useLocale, useT } from "@/components/i18n";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { REVOCATION_REASONS, type SignatureVerification } from "../signatures.schemas";

/** "ważny" / "nieważny" as a badge. */
export function ValidityBadge({ valid }: { valid: boolean }) {
  const t = useT();
  return <Badge tone={valid ? "green" : "red"}>{valid ? t("signatures.signing.valid") : t("signatures.signing.invalid")}</Badge>;
}

/** Revocation in words: when, why, and whether before or after the signature. */
export function revocationText(t: ReturnType<typeof useT>, locale: ReturnType<typeof useLocale>, v: SignatureVerification): string {
  if (!v.revocation) return t("signatures.signing.verify.notRevoked");
  const reason = (REVOCATION_REASONS as readonly string[]).includes(v.revocation.reason)
    ? t(`signatures.reasons.${v.revocation.reason as (typeof REVOCATION_REASONS)[number]}`)
    : v.revocation.reason;
  const params = { when: formatDateTime(v.revocation.at, locale), reason };
  return v.revokedBeforeSigning ? t("signatures.signing.verify.revokedBefore", params) : t("signatures.signing.verify.revokedAfter", params);
}

/**
 * The whole verification report as a description list: who signed, when, which certificate, and
 * each check answered plainly ("tak" / "nie"), then the problems in the verifier's words.
 */
export function SignatureDetails({ verification: v }: { verification: SignatureVerification }) {
  const t = useT();
  const locale = useLocale();
  const yesNo = (ok: boolean) => (
    <span className={ok ? "font-semibold text-green-900" : "font-semibold text-red-900"}>{ok ? t("signatures.signing.verify.yes") : t("signatures.signing.verify.no")}</span>
  );
  const rows: [string, React.ReactNode][] = [
    [t("signatures.signing.verify.signer"), v.signer?.commonName ?? t("signatures.signing.verify.unknown")],
    [t("signatures.signing.verify.email"), v.signer?.email ?? t("signatures.signing.verify.unknown")],
    [t("signatures.signing.verify.signingTime"), v.signingTime ? formatDateTime(v.signingTime, locale) : t("signatures.signing.verify.unknown")],
    [t("signatures.signing.verify.serial"), v.signer ? <span className="font-mono break-all">{v.signer.serial}</span> : t("signatures.signing.verify.unknown")],
    [t("signatures.signing.verify.issuer"), v.signer?.issuer ?? t("signatures.signing.verify.unknown")],
    [
      t("signatures.signing.verify.validity"),
      v.signer ? t("signatures.signing.verify.validityRange", { from: formatDate(v.signer.notBefore, locale), to: formatDate(v.signer.notAfter, locale) }) : t("signatures.signing.verify.unknown"),
    ],
    [t("signatures.signing.verify.intact"), yesNo(v.intact)],
    [t("signatures.signing.verify.trusted"), yesNo(v.chainTrusted)],
    [t("signatures.signing.verify.validAtSigning"), yesNo(v.validAtSigning)],
    [t("signatures.signing.verify.validNow"), yesNo(v.validNow)],
    [t("signatures.signing.verify.revocation"), revocationText(t, locale, v)],
  ];
  return (
    <div>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,16rem)_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-800">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {v.problems.length > 0 && (
        <div className="mt-4">
          <h3 className="font-semibold">{t("signatures.signing.verify.problems")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-900">
            {v.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
