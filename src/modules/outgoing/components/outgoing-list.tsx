"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { DataTable, TableScroll } from "@/components/data-table";
import { FieldFrame } from "@/components/form/field-frame";
import { FilterActions, FilterSelect } from "@/components/form/filter-select";
import { useLocale, useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { countLabel } from "@/lib/paging";
import { formatDate } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { OUTGOING_PATH, outgoingHref, outgoingListHref, type OutgoingListState } from "../outgoing.params";
import { OUTGOING_CHANNELS, OUTGOING_SORTS, OUTGOING_VIEWS, type OutgoingListItem } from "../outgoing.schemas";
import { StatusBadge } from "./status-badge";

/** The outgoing register and working views: tabs, filters (GET form), the table, pages. */
export function OutgoingList({ input }: { input: OutgoingListState }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: list } = useSuspenseQuery(trpc.outgoing.list.queryOptions(input));
  const viewLabel = t(`outgoing.views.${input.view}`);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const dispatched = input.view === "wyslane";

  return (
    <section aria-labelledby="outgoing-list" className="card">
      <h2 id="outgoing-list" className="sr-only">
        {t("outgoing.list.caption", { view: viewLabel })}
      </h2>
      <nav aria-label={t("outgoing.viewsLabel")} className="mb-4 overflow-x-auto">
        <ul className="flex min-w-max gap-1 border-b border-slate-300">
          {OUTGOING_VIEWS.map((v) => {
            const current = v === input.view;
            return (
              <li key={v}>
                <Link
                  href={outgoingListHref({ ...input, view: v })}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-flex min-h-10 items-center gap-2 rounded-t-md border px-3 py-2 text-sm font-medium ${
                    current ? "border-slate-300 border-b-white bg-white text-brand-900" : "border-transparent text-slate-800 hover:bg-slate-100"
                  }`}
                >
                  {t(`outgoing.views.${v}`)}
                  <span className="rounded-full bg-slate-200 px-2 text-xs text-slate-900">{countLabel(list.counts[v])}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <Form action={OUTGOING_PATH} key={JSON.stringify(input)} className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("outgoing.filters.title")}>
        <input type="hidden" name="widok" value={input.view} />
        <FieldFrame id="outgoing-q" label={t("outgoing.filters.q")} hint={t("outgoing.filters.qHint")} className="sm:col-span-2">
          <input id="outgoing-q" name="q" type="search" defaultValue={input.q ?? ""} aria-describedby="outgoing-q-hint" className="input" />
        </FieldFrame>
        <FilterSelect id="outgoing-year" name="rok" label={t("outgoing.filters.year")} defaultValue={input.year ? String(input.year) : ""} any={t("outgoing.filters.any")} options={years.map((y) => ({ value: y, label: y }))} />
        <FilterSelect id="outgoing-channel" name="kanal" label={t("outgoing.filters.channel")} defaultValue={input.channel ?? ""} any={t("outgoing.filters.any")} options={OUTGOING_CHANNELS.map((c) => ({ value: c, label: t(`outgoing.channels.${c}`) }))} />
        <FilterSelect id="outgoing-department" name="komorka" label={t("outgoing.filters.department")} defaultValue={input.departmentId ?? ""} any={t("outgoing.filters.any")} options={list.departments.map((d) => ({ value: d.id, label: d.label }))} />
        <FieldFrame id="outgoing-from" label={t("outgoing.filters.from")}>
          <input id="outgoing-from" name="od" type="date" defaultValue={input.from ?? ""} className="input" />
        </FieldFrame>
        <FieldFrame id="outgoing-to" label={t("outgoing.filters.to")}>
          <input id="outgoing-to" name="do" type="date" defaultValue={input.to ?? ""} className="input" />
        </FieldFrame>
        <FilterSelect id="outgoing-sort" name="sort" label={t("outgoing.filters.sort")} defaultValue={input.sort} options={OUTGOING_SORTS.map((s) => ({ value: s, label: t(`outgoing.sorts.${s}`) }))} />
        <FilterActions apply={t("outgoing.filters.apply")} clear={t("outgoing.filters.clear")} clearHref={outgoingListHref({ view: input.view })} className="sm:col-span-2 lg:col-span-4" />
      </Form>

      <p className="mb-2 text-sm text-slate-700" aria-live="polite" data-testid="outgoing-count">
        {list.totalCapped ? t("outgoing.list.foundCapped", { n: list.total }) : t("outgoing.list.found", { n: list.total })}
      </p>

      {list.items.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-800">{t(`outgoing.list.empty.${input.view}`)}</p>
      ) : (
        <TableScroll label={t("outgoing.list.caption", { view: viewLabel })}>
          <DataTable
            stacked
            caption={t("outgoing.list.caption", { view: viewLabel })}
            columns={[
              t("outgoing.list.number"),
              t("outgoing.list.subject"),
              t("outgoing.list.recipients"),
              t("outgoing.list.department"),
              t("outgoing.list.date"),
              t("outgoing.list.status"),
            ]}
            testId="outgoing-table"
          >
            {list.items.map((item) => (
              <Row key={item.id} item={item} dispatched={dispatched} locale={locale} />
            ))}
          </DataTable>
        </TableScroll>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(p) => outgoingListHref(input, p)} label={t("outgoing.list.pagination")} t={t} />
    </section>
  );
}

function Row({ item, dispatched, locale }: { item: OutgoingListItem; dispatched: boolean; locale: "pl" | "en" }) {
  const t = useT();
  return (
    <tr>
      <th scope="row" className="px-3 py-2 text-left align-top font-normal whitespace-nowrap">
        <Link href={outgoingHref(item.id)} className="link font-medium">
          {item.label}
        </Link>
      </th>
      <td data-label={t("outgoing.list.subject")} className="align-top">
        <span>
          {item.subject}
          {item.caseMark && <span className="block text-xs text-slate-700">{item.caseMark}</span>}
        </span>
      </td>
      <td data-label={t("outgoing.list.recipients")} className="align-top">
        <ul>
          {item.recipients.map((r, i) => (
            <li key={i}>
              {r.name} <span className="text-xs text-slate-700">({t(`outgoing.channels.${r.channel}`)})</span>
              {r.deliveredOn && (
                <Badge tone="green" className="ml-1">
                  {t("outgoing.list.delivered", { date: formatDate(r.deliveredOn, locale) })}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      </td>
      <td data-label={t("outgoing.list.department")} className="align-top">
        <span>
          {item.departmentSymbol ?? "—"}
          <span className="block text-xs text-slate-700">{item.authorName}</span>
        </span>
      </td>
      <td data-label={t("outgoing.list.date")} className="align-top whitespace-nowrap">
        <span>{formatDate(dispatched && item.dispatchedAt ? item.dispatchedAt : item.createdAt, locale)}</span>
      </td>
      <td data-label={t("outgoing.list.status")} className="align-top">
        <StatusBadge status={item.status} />
      </td>
    </tr>
  );
}
