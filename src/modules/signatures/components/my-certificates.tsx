"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { OWN_REVOCATION_REASONS, type CertificateDto, type RevocationReason } from "../signatures.schemas";
import { createBrowserKeyRequest, hasBrowserKey } from "./browser-key";
import { CaLinks, CertificateStatusBadge, saveBase64 } from "./certificate-parts";

type Flash = { kind: "ok" | "error"; text: string } | null;

/** /profil/podpis: my certificate(s), whether this browser holds the key, request / renew / withdraw / revoke / download. */
export function MyCertificates({ userId }: { userId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.signatures.certificates.mine.queryOptions());
  const [flash, setFlash] = useState<Flash>(null);
  const [busy, setBusy] = useState(false);
  const [keyHere, setKeyHere] = useState<boolean | null>(null);
  const [revokeOpen, setRevokeOpen] = useState(false);
  const [reason, setReason] = useState<RevocationReason>("KEY_COMPROMISE");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.signatures.certificates.mine.queryKey() });
  const request = useMutation(trpc.signatures.certificates.request.mutationOptions());
  const withdraw = useMutation(trpc.signatures.certificates.withdraw.mutationOptions());
  const revoke = useMutation(trpc.signatures.certificates.revoke.mutationOptions());
  const active = data.active;
  const failed = (error: unknown) => setFlash({ kind: "error", text: t("signatures.certificates.failed", { message: error instanceof Error ? error.message : String(error) }) });

  useEffect(() => {
    if (!active) return;
    let live = true;
    hasBrowserKey(userId, active.publicKeyHash).then(
      (held) => live && setKeyHere(held),
      () => live && setKeyHere(false),
    );
    return () => {
      live = false;
    };
  }, [userId, active]);

  async function onRequest() {
    setBusy(true);
    setFlash(null);
    try {
      const { csrBase64 } = await createBrowserKeyRequest(userId);
      await request.mutateAsync({ csrBase64 });
      setFlash({ kind: "ok", text: t("signatures.certificates.requested") });
      await refresh();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }

  async function onDownload(c: CertificateDto) {
    try {
      const file = await queryClient.fetchQuery(trpc.signatures.certificates.download.queryOptions({ id: c.id }));
      saveBase64(file.fileName, file.base64);
    } catch (error) {
      failed(error);
    }
  }

  return (
    <div className="space-y-4">
      <section aria-labelledby="key-info" className="card border-l-4 border-brand-600">
        <h2 id="key-info" className="mb-1 text-base font-semibold">
          {t("signatures.certificates.keyInfoTitle")}
        </h2>
        <p className="text-sm text-slate-800">{t("signatures.certificates.keyInfo")}</p>
      </section>

      {flash && (
        <p role={flash.kind === "error" ? "alert" : "status"} className={flash.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-900"}>
          {flash.text}
        </p>
      )}

      <section aria-labelledby="active-cert" className="card space-y-2" data-testid="active-certificate">
        <h2 id="active-cert" className="text-base font-semibold">
          {t("signatures.certificates.active")}
        </h2>
        {active ? (
          <>
            <p className="flex flex-wrap items-center gap-2">
              <CertificateStatusBadge status={active.status} t={t} />
              {keyHere !== null && (
                <span className={keyHere ? "text-sm font-medium text-green-900" : "text-sm font-medium text-red-800"} data-testid="key-status">
                  {t(keyHere ? "signatures.certificates.keyHere" : "signatures.certificates.keyMissing")}
                </span>
              )}
            </p>
            {keyHere === false && <p className="text-sm text-slate-800">{t("signatures.certificates.keyMissingHint")}</p>}
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">{t("signatures.certificates.subject")}</dt>
              <dd className="break-words">{active.subject}</dd>
              <dt className="font-medium">{t("signatures.certificates.serial")}</dt>
              <dd className="font-mono break-all">{active.serial}</dd>
              <dt className="font-medium">{t("signatures.certificates.validity")}</dt>
              <dd>{t("signatures.certificates.validityRange", { from: formatDate(active.notBefore!, locale), to: formatDate(active.notAfter!, locale) })}</dd>
            </dl>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn-secondary" onClick={() => onDownload(active)}>
                {t("signatures.certificates.download")}
              </button>
              <button type="button" className="btn-danger" aria-haspopup="dialog" onClick={() => setRevokeOpen(true)}>
                {t("signatures.certificates.revokeMine")}
              </button>
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-800">{t("signatures.certificates.none")}</p>
        )}
        {data.pending && (
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-sm text-slate-800" data-testid="pending-request">
              {t("signatures.certificates.pending", { date: formatDateTime(data.pending.requestedAt, locale) })}
            </p>
            <ConfirmButton
              label={t("signatures.certificates.withdraw")}
              title={t("signatures.certificates.withdrawTitle")}
              text={t("signatures.certificates.withdrawText")}
              confirmLabel={t("signatures.certificates.withdraw")}
              className="btn-secondary"
              onConfirm={() => withdraw.mutateAsync({ id: data.pending!.id }).then(refresh, failed)}
            />
          </div>
        )}
        {data.canRequest && (
          <button type="button" className="btn-primary" disabled={busy} onClick={onRequest}>
            {busy ? t("signatures.certificates.requesting") : t(active ? "signatures.certificates.renew" : "signatures.certificates.request")}
          </button>
        )}
        {!data.canRequest && !data.pending && data.renewalFrom && (
          <p className="text-sm text-slate-800">{t("signatures.certificates.renewFrom", { date: formatDate(data.renewalFrom, locale) })}</p>
        )}
      </section>

      <Modal open={revokeOpen} title={t("signatures.certificates.revokeTitle")} description={t("signatures.certificates.revokeText")} narrow onClose={() => setRevokeOpen(false)}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!active) return;
            setRevokeOpen(false);
            revoke.mutateAsync({ id: active.id, reason }).then(async () => {
              setFlash({ kind: "ok", text: t("signatures.certificates.revoked") });
              await refresh();
            }, failed);
          }}
        >
          <label htmlFor="own-revoke-reason" className="block text-sm font-medium">
            {t("signatures.certificates.revokeReason")}
          </label>
          <select id="own-revoke-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value as RevocationReason)}>
            {OWN_REVOCATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`signatures.reasons.${r}`)}
              </option>
            ))}
          </select>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={() => setRevokeOpen(false)}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="btn-danger">
              {t("signatures.certificates.revokeConfirm")}
            </button>
          </div>
        </form>
      </Modal>

      {data.items.length > 0 && (
        <section aria-labelledby="cert-history" className="card">
          <h2 id="cert-history" className="mb-2 text-base font-semibold">
            {t("signatures.certificates.history")}
          </h2>
          <ul className="divide-y divide-slate-200 text-sm">
            {data.items.map((c) => (
              <li key={c.id} className="space-y-1 py-2">
                <p className="flex flex-wrap items-center gap-2">
                  <CertificateStatusBadge status={c.status} t={t} />
                  <span>
                    {t("signatures.certificates.requestedAt")}: {formatDateTime(c.requestedAt, locale)}
                  </span>
                </p>
                {c.serial && (
                  <p>
                    {t("signatures.certificates.serial")}: <span className="font-mono break-all">{c.serial}</span>
                    {c.notBefore && c.notAfter && <> · {t("signatures.certificates.validityRange", { from: formatDate(c.notBefore, locale), to: formatDate(c.notAfter, locale) })}</>}
                  </p>
                )}
                {c.rejectionReason && (
                  <p>
                    {t("signatures.certificates.reason")}: {c.rejectionReason}
                  </p>
                )}
                {c.revokedAt && (
                  <p>
                    {t("signatures.certificates.revokedAt")}: {formatDateTime(c.revokedAt, locale)}
                    {c.revocationReason && <> ({t(`signatures.reasons.${c.revocationReason}`)})</>}
                  </p>
                )}
                {c.serial && c.status !== "ISSUED" && (
                  <button type="button" className="link text-sm" onClick={() => onDownload(c)}>
                    {t("signatures.certificates.download")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <CaLinks t={t} />
    </div>
  );
}
