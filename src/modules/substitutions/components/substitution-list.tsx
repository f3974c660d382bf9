"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/badge";
import { DataTable, TableScroll } from "@/components/data-table";
import { FormMessage } from "@/components/form/field";
import { describedByOf, FieldFrame } from "@/components/form/field-frame";
import { useLocale, useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { substitutionListHref, SUBSTITUTIONS_PATH } from "../substitutions.params";
import { SUBSTITUTION_VIEWS, type SubstitutionDto, type SubstitutionListInput, type SubstitutionStatus, type SubstitutionView } from "../substitutions.schemas";

const STATUS_TONE: Record<SubstitutionStatus, BadgeTone> = {
  current: "green",
  upcoming: "brand",
  past: "slate",
  cancelled: "red",
};

/** The substitutions in the actor's scope, one view (current / upcoming / past / cancelled) and one page at a time. */
export function SubstitutionList({ input }: { input: SubstitutionListInput & { view: SubstitutionView; page: number } }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: list } = useSuspenseQuery(trpc.substitutions.list.queryOptions(input));
  const [cancelled, setCancelled] = useState(false);
  const cancel = useMutation(
    trpc.substitutions.cancel.mutationOptions({
      onMutate: () => setCancelled(false),
      onSuccess: async () => {
        setCancelled(true);
        await queryClient.invalidateQueries({ queryKey: trpc.substitutions.list.pathKey() });
      },
    }),
  );
  const viewLabel = t(`substitutions.views.${input.view}`);

  return (
    <section className="card" aria-labelledby="substitution-list">
      <h2 id="substitution-list" className="mb-4 text-lg font-semibold">
        {t("substitutions.list.title")}
      </h2>

      <nav aria-label={t("substitutions.list.views")} className="mb-4 overflow-x-auto">
        <ul className="flex min-w-max gap-1 border-b border-slate-300">
          {SUBSTITUTION_VIEWS.map((v) => {
            const current = v === input.view;
            return (
              <li key={v}>
                <Link
                  href={substitutionListHref({ view: v, q: input.q })}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-flex min-h-10 items-center gap-2 rounded-t-md border px-3 py-2 text-sm font-medium ${
                    current ? "border-slate-300 border-b-white bg-white text-brand-900" : "border-transparent text-slate-800 hover:bg-slate-100"
                  }`}
                >
                  {t(`substitutions.views.${v}`)}
                  <span className="rounded-full bg-slate-200 px-2 text-xs text-slate-900">{list.counts[v]}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <Form action={SUBSTITUTIONS_PATH} key={`${input.view}:${input.q ?? ""}`} className="mb-4 flex flex-wrap items-end gap-2">
        {input.view !== "biezace" && <input type="hidden" name="widok" value={input.view} />}
        <FieldFrame id="substitutions-q" label={t("substitutions.list.search")} hint={t("substitutions.list.searchHint")} className="min-w-0 flex-1 sm:max-w-sm">
          <input id="substitutions-q" name="q" type="search" defaultValue={input.q ?? ""} aria-describedby={describedByOf("substitutions-q", t("substitutions.list.searchHint"))} className="input" />
        </FieldFrame>
        <button type="submit" className="btn-secondary mb-5">
          {t("substitutions.list.apply")}
        </button>
      </Form>

      <div aria-live="polite">
        <FormMessage error={cancel.error?.message} success={cancelled ? t("substitutions.cancelledDone") : null} />
      </div>

      {list.items.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-800">{t(`substitutions.list.empty.${input.view}`)}</p>
      ) : (
        <>
          {/* Phones: one card per substitution; from 768 px: the table. */}
          <ul className="space-y-2 md:hidden" data-testid="substitutions-cards">
            {list.items.map((s) => (
              <Card key={s.id} s={s} pending={cancel.isPending && cancel.variables?.id === s.id} onCancel={() => cancel.mutate({ id: s.id })} locale={locale} />
            ))}
          </ul>
          <TableScroll className="mt-2 hidden md:block" label={t("substitutions.list.caption", { view: viewLabel })}>
            <DataTable
              caption={t("substitutions.list.caption", { view: viewLabel })}
              columns={[t("substitutions.list.absent"), t("substitutions.list.substitute"), t("substitutions.list.period"), t("substitutions.list.reason"), t("substitutions.list.createdBy"), t("common.actions")]}
              className="min-w-[48rem]"
              testId="substitutions-table"
            >
              {list.items.map((s) => (
                <Row key={s.id} s={s} pending={cancel.isPending && cancel.variables?.id === s.id} onCancel={() => cancel.mutate({ id: s.id })} locale={locale} />
              ))}
            </DataTable>
          </TableScroll>
        </>
      )}

      <Pagination page={list.page} pages={list.pages} hrefFor={(p) => substitutionListHref(input, p)} label={t("substitutions.list.pagination")} t={t} />
    </section>
  );
}

type RowProps = { s: SubstitutionDto; pending: boolean; onCancel: () => void; locale: "pl" | "en" };

function Who({ p }: { p: SubstitutionDto["absent"] }) {
  return (
    <>
      <span className="font-medium">{p.name}</span>
      {p.departmentSymbol && <span className="text-slate-700"> ({p.departmentSymbol})</span>}
    </>
  );
}

function StatusBadge({ s, locale }: { s: SubstitutionDto; locale: "pl" | "en" }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[s.status]}>{s.cancelledAt ? t("substitutions.cancelledOn", { date: formatDateTime(s.cancelledAt, locale) }) : t(`substitutions.status.${s.status}`)}</Badge>;
}

/** "Anuluj zastępstwo", then an inline "are you sure" with the two answers. */
function CancelControl({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="btn-secondary" onClick={() => setAsking(true)} data-testid="cancel-substitution">
        {t("substitutions.cancel")}
      </button>
    );
  return (
    <div role="group" aria-label={t("substitutions.cancel")} className="space-y-2">
      <p className="text-sm text-slate-900">{t("substitutions.cancelQuestion")}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-danger" disabled={pending} onClick={onCancel}>
          {t("substitutions.cancelYes")}
        </button>
        {/* The question replaces the button that had focus; focus goes to the safe answer. */}
        <button type="button" className="btn-secondary" onClick={() => setAsking(false)} autoFocus>
          {t("substitutions.cancelNo")}
        </button>
      </div>
    </div>
  );
}

function Card({ s, pending, onCancel, locale }: RowProps) {
  const t = useT();
  return (
    <li className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <p>
        <span className="text-slate-700">{t("substitutions.list.absent")}: </span>
        <Who p={s.absent} />
      </p>
      <p>
        <span className="text-slate-700">{t("substitutions.list.substitute")}: </span>
        <Who p={s.substitute} />
      </p>
      <p>
        {formatDate(s.dateFrom, locale)} – {formatDate(s.dateTo, locale)} <StatusBadge s={s} locale={locale} />
      </p>
      <p className="text-slate-800">{s.reason ?? t("common.noData")}</p>
      {s.canCancel && (
        <div className="pt-1">
          <CancelControl pending={pending} onCancel={onCancel} />
        </div>
      )}
    </li>
  );
}

function Row({ s, pending, onCancel, locale }: RowProps) {
  const t = useT();
  return (
    <tr>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <Who p={s.absent} />
      </th>
      <td>
        <Who p={s.substitute} />
      </td>
      <td className="whitespace-nowrap">
        {formatDate(s.dateFrom, locale)} – {formatDate(s.dateTo, locale)}
        <br />
        <StatusBadge s={s} locale={locale} />
      </td>
      <td>{s.reason ?? t("common.noData")}</td>
      <td>{s.createdByName}</td>
      <td>{s.canCancel && <CancelControl pending={pending} onCancel={onCancel} />}
      </td>
    </tr>
  );
}
