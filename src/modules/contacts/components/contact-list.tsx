"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { DataTable, TableScroll } from "@/components/data-table";
import { describedByOf, FieldFrame } from "@/components/form/field-frame";
import { useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { useTRPC } from "@/trpc/react";
import { contactHref, contactListHref, CONTACTS_PATH, type ContactListParams, KIND_PARAM } from "../contacts.params";
import { CONTACT_KINDS, type ContactListItem } from "../contacts.schemas";
import { SelectOptions } from "@/components/form/select-options";

/** The contacts list: search box, kind filter, Polish alphabetical order, server-side pages. */
export function ContactList({ input }: { input: ContactListParams }) {
  const t = useT();
  const trpc = useTRPC();
  const { data: list } = useSuspenseQuery(trpc.contacts.list.queryOptions(input));
  const filtered = Boolean(input.q || input.kind);
  const hint = t("contacts.list.searchHint");

  return (
    <section className="card" aria-labelledby="contacts-list">
      <h2 id="contacts-list" className="mb-4 text-lg font-semibold">
        {t("contacts.list.title")}
      </h2>
      <Form action={CONTACTS_PATH} key={`${input.q ?? ""}:${input.kind ?? ""}`} className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <FieldFrame id="contacts-q" label={t("contacts.list.search")} hint={hint} className="min-w-0 flex-1 basis-64">
          <input id="contacts-q" name="q" type="search" defaultValue={input.q ?? ""} maxLength={100} aria-describedby={describedByOf("contacts-q", hint)} className="input" />
        </FieldFrame>
        <FieldFrame id="contacts-kind" label={t("contacts.list.kind")} className="mb-5 w-full sm:w-48">
          <select id="contacts-kind" name="rodzaj" defaultValue={input.kind ? KIND_PARAM[input.kind] : ""} className="input">
            <SelectOptions empty={t("contacts.list.allKinds")} options={CONTACT_KINDS.map((k) => ({ value: KIND_PARAM[k], label: t(`contacts.kinds.${k}`) }))} />
          </select>
        </FieldFrame>
        <div className="mb-5 flex gap-2">
          <button type="submit" className="btn-secondary">
            {t("contacts.list.apply")}
          </button>
          {filtered && (
            <Link href={CONTACTS_PATH} className="btn-secondary">
              {t("contacts.list.clear")}
            </Link>
          )}
        </div>
      </Form>

      <p className="mb-2 text-sm text-slate-800" aria-live="polite" data-testid="contacts-count">
        {t("contacts.list.count", { n: list.total })}
      </p>

      {list.items.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-800">{filtered ? t("contacts.list.empty") : t("contacts.list.emptyAll")}</p>
      ) : (
        <TableScroll label={t("contacts.list.caption")}>
          <DataTable
            caption={t("contacts.list.caption")}
            columns={[t("contacts.list.name"), t("contacts.list.kind"), t("contacts.list.address"), t("contacts.list.identifiers"), t("contacts.list.channels")]}
            stacked
            testId="contacts-table"
          >
            {list.items.map((c) => (
              <Row key={c.id} c={c} />
            ))}
          </DataTable>
        </TableScroll>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(p) => contactListHref(input, p)} label={t("contacts.list.pagination")} t={t} />
    </section>
  );
}

function Row({ c }: { c: ContactListItem }) {
  const t = useT();
  const ids = [c.nip && `NIP ${c.nip}`, c.regon && `REGON ${c.regon}`, c.krs && `KRS ${c.krs}`, c.hasPesel && t("contacts.list.peselOnFile")].filter(Boolean).join(", ");
  const channels = [c.email, c.phone, c.eDoreczeniaAddress].filter(Boolean).join(" · ");
  return (
    <tr>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <Link href={contactHref(c.id)} className="link font-medium">
          {c.name}
        </Link>
      </th>
      <td data-label={t("contacts.list.kind")}>
        <span>
          <Badge tone={c.kind === "PERSON" ? "slate" : c.kind === "COMPANY" ? "brand" : "green"}>{t(`contacts.kinds.${c.kind}`)}</Badge>
        </span>
      </td>
      <td data-label={t("contacts.list.address")}>
        <span>{c.address ?? t("common.noData")}</span>
      </td>
      <td data-label={t("contacts.list.identifiers")}>
        <span>{ids || "—"}</span>
      </td>
      <td data-label={t("contacts.list.channels")} className="break-all">
        <span>{channels || "—"}</span>
      </td>
    </tr>
  );
}
