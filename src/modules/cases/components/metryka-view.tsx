"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DataTable, TableScroll } from "@/components/data-table";
import { useLocale, useT } from "@/components/i18n";
import { formatDateTime, type MessageKey } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";

/** The metryka sprawy: the six legal fields, oldest action first, with its PDF. */
export function MetrykaView({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: m } = useSuspenseQuery(trpc.cases.metryka.queryOptions({ id }));
  const label = (action: string) => {
    const key = `audit.actions.${action}`;
    const text = t(key as MessageKey);
    return text === key ? action : text;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-all text-slate-900">{t("cases.metryka.title", { mark: m.mark })}</h1>
          <p className="mt-1 text-sm text-slate-700">{t("cases.metryka.description")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/sprawy/${m.caseId}/metryka`} className="btn-primary" target="_blank" rel="noopener">
            {t("cases.metryka.pdf")}
          </a>
          <Link href={`/sprawy/${m.caseId}`} className="btn-secondary">
            {t("cases.metryka.back")}
          </Link>
        </div>
      </div>
      <section className="card" aria-label={t("cases.metryka.caption", { mark: m.mark })}>
        <dl className="mb-4 grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium text-slate-700">{t("cases.list.mark")}</dt>
            <dd className="font-mono font-semibold">{m.mark}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-700">{t("cases.metryka.caseTitle")}</dt>
            <dd>{m.title}</dd>
          </div>
        </dl>
        {m.rows.length === 0 ? (
          <p className="text-sm text-slate-700">{t("cases.metryka.empty")}</p>
        ) : (
          <TableScroll label={t("cases.metryka.caption", { mark: m.mark })}>
            <DataTable
              stacked
              caption={t("cases.metryka.caption", { mark: m.mark })}
              columns={[t("cases.metryka.lp"), t("cases.metryka.date"), t("cases.metryka.person"), t("cases.metryka.action"), t("cases.metryka.document")]}
              testId="metryka-table"
            >
              {m.rows.map((r, i) => (
                <tr key={r.id}>
                  <td data-label={t("cases.metryka.lp")}>
                    <span>{i + 1}</span>
                  </td>
                  <td data-label={t("cases.metryka.date")} className="whitespace-nowrap">
                    <span>{formatDateTime(r.occurredAt, locale)}</span>
                  </td>
                  <td data-label={t("cases.metryka.person")}>
                    <span>
                      {r.actorName ?? t("cases.metryka.system")}
                      {r.actorPosition && <span className="text-slate-700">, {r.actorPosition}</span>}
                    </span>
                  </td>
                  <td data-label={t("cases.metryka.action")}>
                    <span>{label(r.action)}</span>
                  </td>
                  <td data-label={t("cases.metryka.document")}>
                    <span>
                      {r.documentLabel && r.documentHref ? (
                        <Link href={r.documentHref} className="link font-mono">
                          {r.documentLabel}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </DataTable>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
