"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable, TableScroll } from "@/components/data-table";
import { Field, fieldErrorsOf, FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { formatDate, formatDateTime } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { DISPATCH_BOOK_PATH, outgoingHref } from "../outgoing.params";

const href = (candidates: number, books: number) => {
  const p = new URLSearchParams();
  if (candidates > 1) p.set("strona", String(candidates));
  if (books > 1) p.set("ksiazki", String(books));
  const qs = p.toString();
  return qs ? `${DISPATCH_BOOK_PATH}?${qs}` : DISPATCH_BOOK_PATH;
};

/** Registered letters waiting for a dispatch book, with the form creating one. */
export function BookCandidates({ page, booksPage }: { page: number; booksPage: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.outgoing.bookCandidates.queryOptions({ page }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [date, setDate] = useState(data.today);
  const create = useMutation(
    trpc.outgoing.createBook.mutationOptions({
      onSuccess: async (book) => {
        await queryClient.invalidateQueries({ queryKey: trpc.outgoing.pathKey() });
        router.push(`${DISPATCH_BOOK_PATH}/${book.id}?utworzono=1`);
      },
    }),
  );
  const allOnPage = data.items.length > 0 && data.items.every((i) => selected.has(i.recipientId));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const dateError = fieldErrorsOf(create.error).date ?? null;

  return (
    <section className="card" aria-labelledby="book-waiting">
      <h2 id="book-waiting" className="mb-1 text-lg font-semibold">
        {t("outgoing.book.waiting")}
      </h2>
      <p className="mb-3 text-sm text-slate-700" aria-live="polite" data-testid="book-waiting-count">
        {data.total === 0 ? t("outgoing.book.waitingEmpty") : t("outgoing.book.waitingCount", { n: data.total })}
      </p>
      {data.items.length > 0 && (
        <>
          <TableScroll label={t("outgoing.book.waiting")}>
            <DataTable
              stacked
              columns={[
                { label: t("outgoing.book.selectAll"), className: "w-10" },
                t("outgoing.book.letter"),
                t("outgoing.book.recipient"),
                t("outgoing.book.address"),
                t("outgoing.detail.dispatched"),
              ]}
              testId="book-candidates"
            >
              {data.items.map((i) => (
                <tr key={i.recipientId}>
                  <td className="align-top">
                    <input
                      type="checkbox"
                      className="size-5"
                      checked={selected.has(i.recipientId)}
                      onChange={() => toggle(i.recipientId)}
                      aria-label={t("outgoing.book.select", { name: `${i.name} (${i.label})` })}
                    />
                  </td>
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                    <Link href={outgoingHref(i.documentId)} className="link font-medium">
                      {i.label}
                    </Link>
                    <span className="block text-xs text-slate-700">{i.subject}</span>
                  </th>
                  <td data-label={t("outgoing.book.recipient")} className="align-top">
                    <span>{i.name}</span>
                  </td>
                  <td data-label={t("outgoing.book.address")} className="align-top">
                    <span>{i.address ?? "—"}</span>
                  </td>
                  <td data-label={t("outgoing.detail.dispatched")} className="align-top">
                    <span>{i.dispatchedAt ? formatDateTime(i.dispatchedAt, locale) : "—"}</span>
                  </td>
                </tr>
              ))}
            </DataTable>
          </TableScroll>
          <label className="mt-2 inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-5"
              checked={allOnPage}
              onChange={() => setSelected(allOnPage ? new Set() : new Set(data.items.map((i) => i.recipientId)))}
            />
            {t("outgoing.book.selectAll")}
          </label>
          <Pagination page={data.page} pages={data.pages} hrefFor={(p) => href(p, booksPage)} label={t("outgoing.book.pagination")} t={t} />
          <form
            noValidate
            className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ date, recipientIds: [...selected] });
            }}
          >
            <div aria-live="polite" className="w-full">
              <FormMessage error={create.error && !dateError ? create.error.message : null} />
            </div>
            <div className="w-48">
              <Field label={t("outgoing.book.date")} error={dateError} required>
                {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} className="input" />}
              </Field>
            </div>
            <div>
              <button type="submit" className="btn-primary" disabled={create.isPending}>
                {t("outgoing.book.create")}
              </button>
              <p className="mt-1 text-xs text-slate-700">{t("outgoing.book.createHint")}</p>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/** The dispatch books, newest first. */
export function DispatchBookList({ page, candidatesPage }: { page: number; candidatesPage: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.outgoing.books.queryOptions({ page }));
  return (
    <section className="card" aria-labelledby="book-list">
      <h2 id="book-list" className="mb-3 text-lg font-semibold">
        {t("outgoing.book.books")}
      </h2>
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("outgoing.book.booksEmpty")}</p>
      ) : (
        <TableScroll label={t("outgoing.book.books")}>
          <DataTable stacked columns={[t("outgoing.book.number"), t("outgoing.book.date"), t("outgoing.book.items"), t("outgoing.book.createdBy")]} testId="book-list">
            {data.items.map((b) => (
              <tr key={b.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={`${DISPATCH_BOOK_PATH}/${b.id}`} className="link font-medium" aria-label={t("outgoing.book.open", { number: b.number })}>
                    {b.number}
                  </Link>
                </th>
                <td data-label={t("outgoing.book.date")}>
                  <span>{formatDate(b.date, locale)}</span>
                </td>
                <td data-label={t("outgoing.book.items")}>
                  <span>{b.itemCount}</span>
                </td>
                <td data-label={t("outgoing.book.createdBy")}>
                  <span>
                    {b.createdByName}, {formatDateTime(b.createdAt, locale)}
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        </TableScroll>
      )}
      <Pagination page={data.page} pages={data.pages} hrefFor={(p) => href(candidatesPage, p)} label={t("outgoing.book.pagination")} t={t} />
    </section>
  );
}

/** One book: its items with editable tracking numbers, and the PDF. */
export function DispatchBookDetail({ id, justCreated }: { id: string; justCreated: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: book } = useSuspenseQuery(trpc.outgoing.book.queryOptions({ id }));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(book.items.map((i) => [i.recipientId, i.trackingNo ?? ""])));
  const save = useMutation(
    trpc.outgoing.saveTracking.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.outgoing.pathKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const success = save.data ? t("outgoing.book.trackingSaved", { n: save.data.changed }) : justCreated && !save.error ? t("outgoing.book.created", { number: book.number }) : null;

  return (
    <section className="card" aria-labelledby="book-items">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="book-items" className="text-lg font-semibold">
          {t("outgoing.book.caption", { number: book.number })}
        </h2>
        <a href={`/api/ksiazka-nadawcza/${book.id}/pdf`} className="btn-secondary" target="_blank" rel="noopener">
          {t("outgoing.book.pdf")}
        </a>
      </div>
      <p className="mb-3 text-sm text-slate-700">
        {t("outgoing.book.date")}: {formatDate(book.date, locale)} · {t("outgoing.book.createdBy")}: {book.createdByName}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ bookId: book.id, items: book.items.map((i) => ({ recipientId: i.recipientId, trackingNo: values[i.recipientId] ?? "" })) });
        }}
      >
        <div aria-live="polite" className="mb-3">
          <FormMessage error={save.error ? save.error.message : null} success={save.error ? null : success} />
        </div>
        <TableScroll label={t("outgoing.book.caption", { number: book.number })}>
          <DataTable
            stacked
            caption={t("outgoing.book.caption", { number: book.number })}
            columns={[t("outgoing.book.lp"), t("outgoing.book.recipient"), t("outgoing.book.address"), t("outgoing.book.trackingNo"), t("outgoing.book.letter"), t("outgoing.book.delivered")]}
            testId="book-items"
          >
            {book.items.map((i, index) => (
              <tr key={i.recipientId}>
                <td data-label={t("outgoing.book.lp")}>
                  <span>{i.lp}</span>
                </td>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {i.name}
                </th>
                <td data-label={t("outgoing.book.address")}>
                  <span>{i.address ?? "—"}</span>
                </td>
                <td data-label={t("outgoing.book.trackingNo")}>
                  <span>
                    <input
                      className="input w-48"
                      value={values[i.recipientId] ?? ""}
                      maxLength={40}
                      autoComplete="off"
                      aria-label={t("outgoing.book.trackingFor", { name: i.name })}
                      aria-invalid={errors[`items.${index}.trackingNo`] ? true : undefined}
                      onChange={(e) => setValues((v) => ({ ...v, [i.recipientId]: e.target.value }))}
                    />
                    {errors[`items.${index}.trackingNo`] && <span className="block text-sm text-red-800">{errors[`items.${index}.trackingNo`]}</span>}
                  </span>
                </td>
                <td data-label={t("outgoing.book.letter")}>
                  <Link href={outgoingHref(i.documentId)} className="link">
                    {i.label}
                  </Link>
                </td>
                <td data-label={t("outgoing.book.delivered")}>
                  <span>{i.deliveredOn ? formatDate(i.deliveredOn, locale) : "—"}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        </TableScroll>
        {book.items.length > 0 && (
          <button type="submit" className="btn-primary mt-4" disabled={save.isPending}>
            {t("outgoing.book.saveTracking")}
          </button>
        )}
      </form>
    </section>
  );
}
