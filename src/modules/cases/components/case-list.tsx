"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { DataTable, TableScroll } from "@/components/data-table";
import { FieldFrame } from "@/components/form/field-frame";
import { FilterActions, FilterSelect } from "@/components/form/filter-select";
import { useLocale, useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { formatDate } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { caseListHref, CASES_PATH, type CaseListState } from "../cases.params";
import { CASE_SORTS, CASE_STATUSES, CASE_VIEWS } from "../cases.schemas";
import { CaseStatusBadge, DeadlineBadge } from "./case-badges";

const day = (d: string, locale: "pl" | "en") => formatDate(`${d}T12:00:00Z`, locale);

/** The case list: a view (mine, department, overdue, due soon, closed, all), filters, sort, pages. */
export function CaseList({ input }: { input: CaseListState }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: list } = useSuspenseQuery(trpc.cases.list.queryOptions(input));
  const viewLabel = t(`cases.views.${input.view}`);
  const years = Array.from({ length: 6 }, (_, i) => Number(list.today.slice(0, 4)) - i);

  return (
    <section className="card" aria-labelledby="case-list">
      <h2 id="case-list" className="sr-only">
        {t("cases.list.title")}
      </h2>
      <nav aria-label={t("cases.list.views")} className="mb-4 overflow-x-auto">
        <ul className="flex min-w-max gap-1 border-b border-slate-300">
          {CASE_VIEWS.map((v) => {
            const current = v === input.view;
            return (
              <li key={v}>
                <Link
                  href={caseListHref({ ...input, view: v })}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-flex min-h-10 items-center rounded-t-md border px-3 py-2 text-sm font-medium ${
                    current ? "border-slate-300 border-b-white bg-white text-brand-900" : "border-transparent text-slate-800 hover:bg-slate-100"
                  }`}
                >
                  {t(`cases.views.${v}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <Form action={CASES_PATH} key={JSON.stringify(input)} className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("cases.list.filters")}>
        {input.view !== "moje" && <input type="hidden" name="widok" value={input.view} />}
        <FieldFrame id="cases-q" label={t("cases.list.q")} hint={t("cases.list.qHint")}>
          <input id="cases-q" name="q" type="search" defaultValue={input.q ?? ""} aria-describedby="cases-q-hint" className="input" />
        </FieldFrame>
        <FilterSelect id="cases-dep" name="komorka" label={t("cases.list.department")} defaultValue={input.departmentId ?? ""} any={t("cases.list.any")} options={list.departments.map((d) => ({ value: d.id, label: d.label }))} />
        <FieldFrame id="cases-jrwa" label={t("cases.list.jrwa")} hint={t("cases.list.jrwaHint")}>
          <input id="cases-jrwa" name="jrwa" inputMode="numeric" maxLength={4} defaultValue={input.jrwa ?? ""} aria-describedby="cases-jrwa-hint" className="input" />
        </FieldFrame>
        <FilterSelect id="cases-year" name="rok" label={t("cases.list.year")} defaultValue={input.year ? String(input.year) : ""} any={t("cases.list.any")} options={years.map((y) => ({ value: y, label: y }))} />
        <FilterSelect id="cases-status" name="status" label={t("cases.list.status")} defaultValue={input.status ?? ""} any={t("cases.list.any")} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))} />
        <FilterSelect id="cases-sort" name="sort" label={t("cases.list.sort")} defaultValue={input.sort} options={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.sorts.${s}`) }))} />
        <FilterActions apply={t("cases.list.apply")} clear={t("cases.list.clear")} clearHref={caseListHref({ view: input.view })} className="sm:col-span-2" />
      </Form>

      <p className="mb-2 text-sm text-slate-700" aria-live="polite" data-testid="cases-count">
        {list.totalCapped ? t("cases.list.countCapped", { n: list.total }) : t("cases.list.count", { n: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-800">{t("cases.list.empty")}</p>
      ) : (
        <TableScroll label={t("cases.list.caption", { view: viewLabel })}>
          <DataTable
            stacked
            caption={t("cases.list.caption", { view: viewLabel })}
            columns={[t("cases.list.mark"), t("cases.list.caseTitle"), t("cases.list.responsible"), t("cases.list.started"), t("cases.list.due"), t("cases.list.statusCol")]}
            testId="cases-table"
          >
            {list.items.map((c) => (
              <tr key={c.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={`/sprawy/${c.id}`} className="link font-mono font-semibold break-all">
                    {c.mark}
                  </Link>
                </th>
                <td data-label={t("cases.list.caseTitle")}>
                  <span>
                    {c.title}
                    {c.confidential && <span className="ml-1 text-xs text-slate-700">({t("cases.list.confidential")})</span>}
                  </span>
                </td>
                <td data-label={t("cases.list.responsible")}>
                  <span>{c.responsibleName}</span>
                </td>
                <td data-label={t("cases.list.started")} className="whitespace-nowrap">
                  <span>{day(c.startDate, locale)}</span>
                </td>
                <td data-label={t("cases.list.due")} className="whitespace-nowrap">
                  <span>
                    {c.dueDate ? day(c.dueDate, locale) : "—"} <DeadlineBadge state={c.deadlineState} />
                  </span>
                </td>
                <td data-label={t("cases.list.statusCol")}>
                  <span>
                    <CaseStatusBadge status={c.status} />
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        </TableScroll>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(p) => caseListHref(input, p)} label={t("cases.list.pagination")} t={t} />
    </section>
  );
}
