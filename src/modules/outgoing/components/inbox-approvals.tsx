"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useT } from "@/components/i18n";
import { formatDate } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { outgoingHref, outgoingListHref } from "../outgoing.params";
import type { InboxApprovalsDto } from "../outgoing.schemas";

type Item = InboxApprovalsDto["toApprove"][number];

/** Contract 5: "Pisma do akceptacji" on "Do mnie" — letters awaiting my (or my absent colleague's) approval, and my drafts returned with a comment. */
export function InboxApprovals({ page = 1 }: { page?: number }) {
  const t = useT();
  const trpc = useTRPC();
  const { data, isPending, error } = useQuery(trpc.outgoing.inbox.queryOptions({ page }));
  return (
    <section className="card" aria-labelledby="inbox-approvals">
      <h2 id="inbox-approvals" className="mb-3 text-lg font-semibold">
        {t("outgoing.inbox.title")}
      </h2>
      {isPending ? (
        <p className="text-sm text-slate-700">{t("common.loading")}</p>
      ) : error ? (
        <p role="alert" className="text-sm text-red-800">
          {error.message}
        </p>
      ) : (
        <div className="space-y-4">
          <div>
            <h3 className="mb-2 text-base font-semibold">
              {t("outgoing.inbox.toApprove")} ({data.toApproveTotal})
            </h3>
            {data.toApprove.length === 0 ? <p className="text-sm text-slate-700">{t("outgoing.inbox.empty")}</p> : <Items items={data.toApprove} testId="inbox-to-approve" />}
            {data.toApproveTotal > data.toApprove.length && (
              <Link href={outgoingListHref({ view: "do-akceptacji" })} className="link mt-2 inline-block text-sm">
                {t("outgoing.inbox.more", { n: data.toApproveTotal })}
              </Link>
            )}
          </div>
          {data.rejectedTotal > 0 && (
            <div>
              <h3 className="mb-2 text-base font-semibold">
                {t("outgoing.inbox.rejected")} ({data.rejectedTotal})
              </h3>
              <Items items={data.rejected} testId="inbox-rejected" />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function Items({ items, testId }: { items: Item[]; testId: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="divide-y divide-slate-200" data-testid={testId}>
      {items.map((i) => (
        <li key={i.id} className="py-2 text-sm">
          <Link href={outgoingHref(i.id)} className="link font-medium">
            {i.label}: {i.subject}
          </Link>
          <p className="text-slate-700">
            {i.authorName}
            {i.departmentSymbol && ` (${i.departmentSymbol})`} · {t("outgoing.inbox.since", { date: formatDate(i.since, locale) })}
          </p>
          {i.comment && <p className="text-slate-900">„{i.comment}”</p>}
        </li>
      ))}
    </ul>
  );
}
