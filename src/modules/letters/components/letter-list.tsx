"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/badge";
import { DataTable, TableScroll } from "@/components/data-table";
import { FormMessage } from "@/components/form/field";
import { FieldFrame } from "@/components/form/field-frame";
import { FilterActions, FilterSelect } from "@/components/form/filter-select";
import { useLocale, useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { letterListHref, letterListQuery, letterPath, SORT_NAME, type LetterListState } from "../letters.params";
import { INCOMING_CHANNELS, LETTER_SORTS, LETTER_STATUSES, type LetterListItem, type LetterStatus } from "../letters.schemas";

export const STATUS_TONE: Record<LetterStatus, BadgeTone> = {
  DRAFT: "slate",
  REGISTERED: "amber",
  IN_PROGRESS: "brand",
  DONE: "green",
  CANCELLED: "red",
};

/** The RPW (or the internal letters): filters in the address bar, one server-sorted page at a time. */
export function LetterList({ input }: { input: LetterListState }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: list } = useSuspenseQuery(trpc.letters.list.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.letters.options.queryOptions());
  const incoming = input.kind === "INCOMING";
  const path = letterPath(input.kind);
  const today = options.now.slice(0, 10);
  const caption = incoming ? t("letters.list.caption") : t("letters.list.captionInternal");

  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="letters-filters">
        <h2 id="letters-filters" className="mb-3 text-lg font-semibold">
          {t("letters.list.filters")}
        </h2>
        <Form action={path} key={letterListQuery(input)} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FieldFrame id="letters-q" label={t("letters.list.q")} hint={t("letters.list.qHint")} className="sm:col-span-2">
            <input id="letters-q" name="q" type="search" defaultValue={input.q ?? ""} aria-describedby="letters-q-hint" className="input" />
          </FieldFrame>
          <FilterSelect id="letters-year" name="rok" label={t("letters.list.year")} defaultValue={input.year ? String(input.year) : ""} any={t("letters.list.anyYear")} options={options.years.map((y) => ({ value: y, label: y }))} />
          {incoming && (
            <FilterSelect id="letters-channel" name="kanal" label={t("letters.list.channel")} defaultValue={input.channel ?? ""} any={t("letters.list.any")} options={INCOMING_CHANNELS.map((c) => ({ value: c, label: t(`letters.channels.${c}`) }))} />
          )}
          <FilterSelect
            id="letters-status"
            name="status"
            label={t("letters.list.status")}
            defaultValue={input.status ?? ""}
            any={t("letters.list.any")}
            options={LETTER_STATUSES.filter((s) => s !== "CANCELLED" && (incoming ? s !== "DRAFT" : true)).map((s) => ({ value: s, label: t(`letters.status.${s}`) }))}
          />
          <FilterSelect id="letters-department" name="komorka" label={t("letters.list.department")} defaultValue={input.departmentId ?? ""} any={t("letters.list.any")} options={options.departments.map((d) => ({ value: d.id, label: d.label }))} />
          <FieldFrame id="letters-from" label={t("letters.list.from")}>
            <input id="letters-from" name="od" type="date" defaultValue={input.from ?? ""} className="input" />
          </FieldFrame>
          <FieldFrame id="letters-to" label={t("letters.list.to")}>
            <input id="letters-to" name="do" type="date" defaultValue={input.to ?? ""} className="input" />
          </FieldFrame>
          <FilterSelect
            id="letters-sort"
            name="sort"
            label={t("letters.list.sort")}
            defaultValue={SORT_NAME[input.sort]}
            options={LETTER_SORTS.filter((s) => incoming || s !== "sender").map((s) => ({
              value: SORT_NAME[s],
              label: incoming ? t(`letters.list.sorts.${s}`) : t(`letters.list.sortsInternal.${s}`),
            }))}
          />
          <div className="flex items-center">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="moje" value="1" defaultChecked={input.mine} className="size-4" />
              {t("letters.list.mine")}
            </label>
          </div>
          <FilterActions apply={t("letters.list.apply")} clear={t("letters.list.clear")} clearHref={path} className="sm:col-span-2 lg:col-span-4" />
        </Form>
        <SavedFilters view={incoming ? "rpw" : "wewnetrzne"} path={path} query={letterListQuery(input)} />
      </section>

      <section className="card" aria-labelledby="letters-results">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="letters-results" className="text-lg font-semibold">
            {t("letters.list.results")}
          </h2>
          <p className="text-sm text-slate-700" aria-live="polite" data-testid="letters-count">
            {list.totalCapped ? t("letters.list.countCapped", { n: list.total }) : t("letters.list.count", { n: list.total })}
          </p>
        </div>
        {list.items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-800">{t("letters.list.empty")}</p>
        ) : (
          <TableScroll label={caption}>
            <DataTable
              caption={caption}
              stacked
              testId="letters-table"
              columns={
                incoming
                  ? [t("letters.list.number"), t("letters.list.received"), t("letters.list.sender"), t("letters.list.senderReference"), t("letters.list.subject"), t("letters.list.channel"), t("letters.list.handler"), t("letters.list.status"), t("letters.list.due")]
                  : [t("letters.list.numberInternal"), t("letters.list.created"), t("letters.list.subject"), t("letters.list.recipients"), t("letters.list.handler"), t("letters.list.status"), t("letters.list.due")]
              }
            >
              {list.items.map((l) => (
                <Row key={l.id} l={l} incoming={incoming} locale={locale} today={today} />
              ))}
            </DataTable>
          </TableScroll>
        )}
        <Pagination page={list.page} pages={list.pages} hrefFor={(p) => letterListHref(input, p)} label={t("letters.list.pagination")} t={t} />
      </section>
    </div>
  );
}

function Row({ l, incoming, locale, today }: { l: LetterListItem; incoming: boolean; locale: "pl" | "en"; today: string }) {
  const t = useT();
  const href = `${incoming ? "/pisma/przychodzace" : "/pisma/wewnetrzne"}/${l.id}`;
  const handler = [l.department?.symbol, l.assigneeName].filter(Boolean).join(" · ") || "—";
  const due = l.dueDate ? (
    <span className={l.dueDate < today && l.status !== "DONE" ? "font-semibold text-red-800" : undefined}>{formatDate(`${l.dueDate}T12:00:00Z`, locale)}</span>
  ) : (
    "—"
  );
  const number = (
    <Link href={href} className="link font-medium whitespace-nowrap">
      {l.label}
    </Link>
  );
  const status = (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS_TONE[l.status]}>{t(`letters.status.${l.status}`)}</Badge>
      {l.confidential && <Badge tone="red">{t("letters.list.confidential")}</Badge>}
    </span>
  );
  if (!incoming) {
    return (
      <tr>
        <th scope="row" className="text-left">
          {number}
        </th>
        <td data-label={t("letters.list.created")}>
          <span>{formatDateTime(l.receivedAt ?? l.createdAt, locale)}</span>
        </td>
        <td data-label={t("letters.list.subject")}>
          <span>{l.subject}</span>
        </td>
        <td data-label={t("letters.list.recipients")}>
          <span>{l.recipients.join(", ") || "—"}</span>
        </td>
        <td data-label={t("letters.list.handler")}>
          <span>{handler}</span>
        </td>
        <td data-label={t("letters.list.status")}>{status}</td>
        <td data-label={t("letters.list.due")}>{due}</td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row" className="text-left">
        {number}
      </th>
      <td data-label={t("letters.list.received")}>
        <span>{l.receivedAt ? formatDateTime(l.receivedAt, locale) : "—"}</span>
      </td>
      <td data-label={t("letters.list.sender")}>
        <span>{l.senderName ?? "—"}</span>
      </td>
      <td data-label={t("letters.list.senderReference")}>
        <span>{l.senderReference ?? "—"}</span>
      </td>
      <td data-label={t("letters.list.subject")}>
        <span>{l.subject}</span>
      </td>
      <td data-label={t("letters.list.channel")}>
        <span>{t(`letters.channels.${l.channel as "PAPER"}`)}</span>
      </td>
      <td data-label={t("letters.list.handler")}>
        <span>{handler}</span>
      </td>
      <td data-label={t("letters.list.status")}>{status}</td>
      <td data-label={t("letters.list.due")}>{due}</td>
    </tr>
  );
}

/** The actor's own named filters of this list: apply (a link), delete, save the current one. */
function SavedFilters({ view, path, query }: { view: "rpw" | "wewnetrzne"; path: string; query: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: filters } = useSuspenseQuery(trpc.letters.savedFilters.queryOptions({ view }));
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.letters.savedFilters.queryKey({ view }) });
  const save = useMutation(
    trpc.letters.saveFilter.mutationOptions({
      onSuccess: async (f) => {
        setMessage(t("letters.saved.saved", { name: f.name }));
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.letters.deleteSavedFilter.mutationOptions({
      onSuccess: async () => {
        setMessage(t("letters.saved.deleted"));
        await refresh();
      },
    }),
  );
  const nameError = (save.error?.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors?.name;
  return (
    <section aria-labelledby="letters-saved" className="mt-4 border-t border-slate-200 pt-4">
      <h3 id="letters-saved" className="mb-2 font-semibold">
        {t("letters.saved.title")}
      </h3>
      <div aria-live="polite">
        <FormMessage error={save.error && !nameError ? save.error.message : (remove.error?.message ?? null)} success={message} />
      </div>
      {filters.length === 0 ? (
        <p className="mb-2 text-sm text-slate-700">{t("letters.saved.empty")}</p>
      ) : (
        <ul className="mb-3 flex flex-wrap gap-2" data-testid="saved-filters">
          {filters.map((f) => (
            <li key={f.id} className="inline-flex items-center rounded-full border border-slate-300 bg-white">
              <Link href={f.query ? `${path}?${f.query}` : path} className="link rounded-l-full px-3 py-1 text-sm" aria-label={t("letters.saved.apply", { name: f.name })}>
                {f.name}
              </Link>
              <button type="button" className="rounded-r-full px-2 py-1 text-slate-800 hover:bg-slate-100" aria-label={t("letters.saved.delete", { name: f.name })} onClick={() => remove.mutate({ id: f.id })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const name = String(new FormData(form).get("name") ?? "");
          setMessage(null);
          save.mutate({ view, name, query }, { onSuccess: () => form.reset() });
        }}
      >
        <FieldFrame id="letters-saved-name" label={t("letters.saved.name")} error={nameError} className="min-w-0 flex-1 sm:max-w-xs">
          <input id="letters-saved-name" name="name" maxLength={60} required className="input" aria-invalid={nameError ? true : undefined} />
        </FieldFrame>
        <button type="submit" className="btn-secondary" disabled={save.isPending}>
          {t("letters.saved.save")}
        </button>
      </form>
    </section>
  );
}
