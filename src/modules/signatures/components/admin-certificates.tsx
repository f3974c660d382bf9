"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { useState } from "react";
import { DataTable, TableScroll } from "@/components/data-table";
import { FieldFrame } from "@/components/form/field-frame";
import { useLocale, useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { EmptyState } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import {
  ADMIN_CERTIFICATES_PATH,
  CERTIFICATE_STATUSES,
  certificateListHref,
  REVOCATION_REASONS,
  type CertificateDto,
  type CertificateStatus,
  type RevocationReason,
} from "../signatures.schemas";
import { CertificateStatusBadge } from "./certificate-parts";

type Dialog = { kind: "reject" | "revoke"; cert: CertificateDto } | null;

/** /admin/certyfikaty: requests waiting (approve / reject), issued and revoked certificates; filters in the address bar, server pages. */
export function AdminCertificates({ input }: { input: { status?: CertificateStatus; q?: string; page: number } }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.signatures.certificates.list.queryOptions(input));
  const approve = useMutation(trpc.signatures.certificates.approve.mutationOptions());
  const reject = useMutation(trpc.signatures.certificates.reject.mutationOptions());
  const revoke = useMutation(trpc.signatures.certificates.revoke.mutationOptions());
  const [flash, setFlash] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [rejectReason, setRejectReason] = useState("");
  const [revokeReason, setRevokeReason] = useState<RevocationReason>("AFFILIATION_CHANGED");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.signatures.certificates.list.queryKey() });
  const done = (text: string) => async () => {
    setFlash({ kind: "ok", text });
    await refresh();
  };
  const failed = (error: unknown) => setFlash({ kind: "error", text: t("signatures.certificates.failed", { message: error instanceof Error ? error.message : String(error) }) });
  const filtered = Boolean(input.status || input.q);

  return (
    <div className="space-y-4">
      <section aria-labelledby="cert-filters" className="card">
        <h2 id="cert-filters" className="sr-only">
          {t("signatures.certificates.filters")}
        </h2>
        <Form action={ADMIN_CERTIFICATES_PATH} key={JSON.stringify(input)} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <FieldFrame id="cert-status" label={t("signatures.certificates.statusFilter")}>
            <select id="cert-status" name="status" defaultValue={input.status ?? ""} className="input">
              <option value="">{t("signatures.certificates.allStatuses")}</option>
              {CERTIFICATE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`signatures.status.${s}`)} ({data.counts[s]})
                </option>
              ))}
            </select>
          </FieldFrame>
          <FieldFrame id="cert-q" label={t("signatures.certificates.search")}>
            <input id="cert-q" name="q" type="search" defaultValue={input.q ?? ""} placeholder={t("signatures.certificates.searchHint")} className="input" />
          </FieldFrame>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary">
              {t("signatures.certificates.apply")}
            </button>
            {filtered && (
              <Link href={ADMIN_CERTIFICATES_PATH} className="btn-secondary">
                {t("common.clearFilters")}
              </Link>
            )}
          </div>
        </Form>
      </section>

      <p className="text-sm text-slate-800" role="status">
        {t("signatures.certificates.counts", { requested: data.counts.REQUESTED, issued: data.counts.ISSUED, revoked: data.counts.REVOKED, rejected: data.counts.REJECTED })}
      </p>
      {flash && (
        <p role={flash.kind === "error" ? "alert" : "status"} className={flash.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-900"}>
          {flash.text}
        </p>
      )}

      {data.items.length === 0 ? (
        <EmptyState title={t("signatures.certificates.empty")} />
      ) : (
        <TableScroll className="card p-0 sm:p-0" label={t("signatures.certificates.caption")}>
          <DataTable
            stacked
            caption={t("signatures.certificates.caption")}
            columns={[t("signatures.certificates.person"), t("signatures.certificates.state"), t("signatures.certificates.details"), t("signatures.certificates.actions")]}
            testId="certificates-table"
          >
            {data.items.map((c) => (
              <tr key={c.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="block font-medium">{c.userName}</span>
                  <span className="block text-sm break-all text-slate-800">{c.userEmail}</span>
                </th>
                <td data-label={t("signatures.certificates.state")}>
                  <CertificateStatusBadge status={c.status} t={t} />
                </td>
                <td data-label={t("signatures.certificates.details")} className="text-sm">
                  <div>
                    <p>
                      {t("signatures.certificates.requestedAt")}: {formatDateTime(c.requestedAt, locale)}
                    </p>
                    {c.serial && (
                      <p>
                        {t("signatures.certificates.serial")}: <span className="font-mono break-all">{c.serial}</span>
                      </p>
                    )}
                    {c.notBefore && c.notAfter && <p>{t("signatures.certificates.validityRange", { from: formatDate(c.notBefore, locale), to: formatDate(c.notAfter, locale) })}</p>}
                    {c.rejectionReason && (
                      <p>
                        {t("signatures.certificates.reason")}: {c.rejectionReason}
                      </p>
                    )}
                    {c.revokedAt && (
                      <p>
                        {t("signatures.certificates.revokedAt")}: {formatDateTime(c.revokedAt, locale)}
                        {c.revocationReason && <> ({t(`signatures.reasons.${c.revocationReason}`)})</>}
                        {c.revokedByName && <> {t("signatures.certificates.by", { name: c.revokedByName })}</>}
                      </p>
                    )}
                  </div>
                </td>
                <td data-label={t("signatures.certificates.actions")}>
                  <div className="flex flex-wrap gap-2">
                    {c.status === "REQUESTED" && (
                      <>
                        <button
                          type="button"
                          className="btn-primary"
                          disabled={approve.isPending}
                          aria-label={`${t("signatures.certificates.approve")}: ${c.userName}`}
                          onClick={() => approve.mutateAsync({ id: c.id }).then(done(t("signatures.certificates.approved")), failed)}
                        >
                          {t("signatures.certificates.approve")}
                        </button>
                        <button type="button" className="btn-secondary" aria-haspopup="dialog" aria-label={`${t("signatures.certificates.reject")}: ${c.userName}`} onClick={() => setDialog({ kind: "reject", cert: c })}>
                          {t("signatures.certificates.reject")}
                        </button>
                      </>
                    )}
                    {c.status === "ISSUED" && (
                      <button type="button" className="btn-danger" aria-haspopup="dialog" aria-label={`${t("signatures.certificates.revoke")}: ${c.userName}`} onClick={() => setDialog({ kind: "revoke", cert: c })}>
                        {t("signatures.certificates.revoke")}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </TableScroll>
      )}

      <Pagination page={data.page} pages={data.pages} hrefFor={(p) => certificateListHref(input, p)} label={t("signatures.certificates.pagination")} t={t} />

      <Modal
        open={dialog !== null}
        title={dialog?.kind === "reject" ? t("signatures.certificates.rejectTitle") : t("signatures.certificates.revokeTitle")}
        description={dialog ? `${dialog.cert.userName}${dialog.kind === "revoke" ? ` – ${t("signatures.certificates.revokeText")}` : ""}` : undefined}
        narrow
        onClose={() => setDialog(null)}
      >
        {dialog && (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const { cert, kind } = dialog;
              setDialog(null);
              if (kind === "reject") reject.mutateAsync({ id: cert.id, reason: rejectReason }).then(done(t("signatures.certificates.rejected")), failed);
              else revoke.mutateAsync({ id: cert.id, reason: revokeReason }).then(done(t("signatures.certificates.revoked")), failed);
            }}
          >
            {dialog.kind === "reject" ? (
              <>
                <label htmlFor="reject-reason" className="block text-sm font-medium">
                  {t("signatures.certificates.rejectReason")}
                </label>
                <textarea id="reject-reason" required minLength={3} maxLength={500} className="input" value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />
              </>
            ) : (
              <>
                <label htmlFor="revoke-reason" className="block text-sm font-medium">
                  {t("signatures.certificates.revokeReason")}
                </label>
                <select id="revoke-reason" className="input" value={revokeReason} onChange={(e) => setRevokeReason(e.target.value as RevocationReason)}>
                  {REVOCATION_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`signatures.reasons.${r}`)}
                    </option>
                  ))}
                </select>
              </>
            )}
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn-secondary" onClick={() => setDialog(null)}>
                {t("common.cancel")}
              </button>
              <button type="submit" className="btn-danger">
                {dialog.kind === "reject" ? t("signatures.certificates.rejectConfirm") : t("signatures.certificates.revokeConfirm")}
              </button>
            </div>
          </form>
        )}
      </Modal>
    </div>
  );
}
