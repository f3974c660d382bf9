"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useT } from "@/components/i18n";
import { formatDate } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { CaseStatusBadge, DeadlineBadge } from "./case-badges";

/**
 * Contract 5: "Moje sprawy z terminem" — my cases (and those of people I substitute today) that are
 * overdue or due within 7 days, nearest deadline first. Prefetch `trpc.cases.inbox({ page })`.
 */
export function InboxCases({ page = 1 }: { page?: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.inbox.queryOptions({ page }));
  return (
    <section className="card" aria-labelledby="inbox-cases">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="inbox-cases" className="text-lg font-semibold">
          {t("cases.inbox.title")}
        </h2>
        <Link href="/sprawy" className="link text-sm">
          {t("cases.inbox.all")}
        </Link>
      </div>
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("cases.inbox.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" data-testid="inbox-cases">
          {data.items.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-center sm:justify-between">
              <span className="min-w-0">
                <Link href={`/sprawy/${c.id}`} className="link font-mono font-semibold break-all">
                  {c.mark}
                </Link>{" "}
                <span className="text-slate-900">{c.title}</span>
              </span>
              <span className="flex flex-wrap items-center gap-2 whitespace-nowrap">
                {c.dueDate && <span>{formatDate(`${c.dueDate}T12:00:00Z`, locale)}</span>}
                <DeadlineBadge state={c.deadlineState} />
                <CaseStatusBadge status={c.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.pages > 1 && (
        <nav aria-label={t("cases.inbox.pagination")} className="mt-3 flex justify-between text-sm">
          {data.page > 1 ? (
            <Link href={`?sprawy=${data.page - 1}`} className="btn-secondary">
              {t("common.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("common.pageOf", { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? (
            <Link href={`?sprawy=${data.page + 1}`} className="btn-secondary">
              {t("common.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
