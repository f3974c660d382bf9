"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { SEAL_REVOCATION_REASONS, type RevokeSealInput } from "../signatures.schemas";

type SealReason = RevokeSealInput["reason"];

/** /admin/certyfikaty: the office seal in use, the revoked ones, and "revoke and issue a new one". */
export function AdminSeal() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: seals } = useSuspenseQuery(trpc.signatures.certificates.seals.queryOptions());
  const revoke = useMutation(trpc.signatures.certificates.revokeSeal.mutationOptions());
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<SealReason>("KEY_COMPROMISE");
  const [flash, setFlash] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function confirm() {
    setOpen(false);
    try {
      const next = await revoke.mutateAsync({ reason });
      queryClient.setQueryData(trpc.signatures.certificates.seals.queryKey(), next);
      setFlash({ kind: "ok", text: t("signatures.seal.done", { serial: next.find((s) => s.active)?.serial ?? "" }) });
    } catch (error) {
      setFlash({ kind: "error", text: t("signatures.seal.failed", { message: error instanceof Error ? error.message : String(error) }) });
    }
  }

  return (
    <section aria-labelledby="seal-title" className="card space-y-3" data-testid="seal-panel">
      <h2 id="seal-title" className="text-lg font-semibold">
        {t("signatures.seal.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("signatures.seal.description")}</p>
      {flash && (
        <p role={flash.kind === "error" ? "alert" : "status"} className={flash.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
          {flash.text}
        </p>
      )}
      <ul aria-label={t("signatures.seal.list")} className="divide-y divide-slate-200 text-sm">
        {seals.map((s) => (
          <li key={s.id} className="py-2" data-testid={s.active ? "seal-current" : "seal-retired"}>
            <p className="font-medium">
              {s.active ? t("signatures.seal.current") : s.revokedAt ? t("signatures.seal.revoked", { date: formatDateTime(s.revokedAt, locale), reason: t(`signatures.reasons.${s.revocationReason ?? "UNSPECIFIED"}`) }) : t("signatures.seal.retired")}
            </p>
            <p className="text-slate-700">
              {t("signatures.seal.serial")}: <span className="break-all font-mono">{s.serial}</span>
            </p>
            <p className="text-slate-700">{t("signatures.seal.validity", { from: formatDate(s.notBefore, locale), to: formatDate(s.notAfter, locale) })}</p>
          </li>
        ))}
      </ul>
      <button type="button" className="btn-danger" aria-haspopup="dialog" disabled={revoke.isPending} onClick={() => setOpen(true)}>
        {t("signatures.seal.revoke")}
      </button>
      <Modal open={open} title={t("signatures.seal.revokeTitle")} description={t("signatures.seal.revokeText")} narrow onClose={() => setOpen(false)}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <label htmlFor="seal-reason" className="block text-sm font-medium">
            {t("signatures.seal.reason")}
          </label>
          <select id="seal-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value as SealReason)}>
            {SEAL_REVOCATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`signatures.reasons.${r}`)}
              </option>
            ))}
          </select>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="btn-danger">
              {t("signatures.seal.confirm")}
            </button>
          </div>
        </form>
      </Modal>
    </section>
  );
}
