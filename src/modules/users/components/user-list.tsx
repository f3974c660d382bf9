"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { DataTable, TableScroll } from "@/components/data-table";
import { describedByOf, FieldFrame } from "@/components/form/field-frame";
import { FilterSelect } from "@/components/form/filter-select";
import { useT } from "@/components/i18n";
import { EmptyState } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { ROLES } from "@/lib/permissions";
import { useTRPC } from "@/trpc/react";
import { userListHref, USERS_PATH } from "../users.params";
import { USER_STATUSES, type UserListInput } from "../users.schemas";
import { UserStatusBadges } from "./status-badges";

/** The user list: filters in the address bar (a GET form), one server page of 25 at a time. */
export function UserList({ input }: { input: UserListInput & { page: number } }) {
  const t = useT();
  const trpc = useTRPC();
  const { data: list } = useSuspenseQuery(trpc.users.list.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.users.formOptions.queryOptions());
  const filtered = Boolean(input.q || input.departmentId || input.role || input.status);

  return (
    <div className="space-y-4">
      <section aria-labelledby="users-filters" className="card">
        <h2 id="users-filters" className="sr-only">
          {t("users.list.filters")}
        </h2>
        <Form action={USERS_PATH} key={JSON.stringify(input)} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1.5fr_1.25fr_1fr_auto] lg:items-end">
          <FieldFrame id="users-q" label={t("users.list.search")} hint={t("users.list.searchHint")}>
            <input id="users-q" name="q" type="search" defaultValue={input.q ?? ""} aria-describedby={describedByOf("users-q", t("users.list.searchHint"))} className="input" />
          </FieldFrame>
          <FilterSelect id="users-dep" name="komorka" label={t("users.list.department")} defaultValue={input.departmentId ?? ""} any={t("users.list.allDepartments")} className="lg:self-start" options={options.departments.map((d) => ({ value: d.id, label: d.label }))} />
          <FilterSelect id="users-role" name="rola" label={t("users.list.role")} defaultValue={input.role ?? ""} any={t("users.list.allRoles")} className="lg:self-start" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <FilterSelect id="users-status" name="status" label={t("users.list.status")} defaultValue={input.status ?? ""} any={t("users.list.allStatuses")} className="lg:self-start" options={USER_STATUSES.map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))} />
          <div className="flex flex-wrap gap-2 lg:self-start lg:pt-6">
            <button type="submit" className="btn-primary">
              {t("users.list.apply")}
            </button>
            {filtered && (
              <Link href={USERS_PATH} className="btn-secondary">
                {t("common.clearFilters")}
              </Link>
            )}
          </div>
        </Form>
      </section>

      <p className="text-sm text-slate-800" role="status">
        {t("common.results", { n: list.total })}
      </p>

      {list.items.length === 0 ? (
        <EmptyState title={t("users.list.empty")} text={filtered ? t("users.list.emptyHint") : undefined} />
      ) : (
        <>
          {/* Phones: one card per person; from 768 px: the table. */}
          <ul className="space-y-2 md:hidden" data-testid="users-cards">
            {list.items.map((u) => (
              <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Link href={`${USERS_PATH}/${u.id}`} className="link">
                    {u.lastName} {u.firstName}
                  </Link>
                  <UserStatusBadges active={u.active} locked={u.locked} t={t} />
                </div>
                <p className="mt-1 text-sm break-all text-slate-800">{u.email}</p>
                <p className="text-sm text-slate-800">{[u.departmentSymbol, u.positionName].filter(Boolean).join(" · ") || t("common.none")}</p>
                <p className="text-sm text-slate-800">{u.roles.map((r) => t(`roles.${r}`)).join(", ")}</p>
              </li>
            ))}
          </ul>
          <TableScroll className="card hidden p-0 sm:p-0 md:block" label={t("users.list.caption")}>
            <DataTable
              caption={t("users.list.caption")}
              columns={[t("users.list.name"), t("users.list.email"), t("users.list.departmentShort"), t("users.list.position"), t("users.list.roles"), t("users.list.status")]}
              className="min-w-[48rem]"
              testId="users-table"
            >
              {list.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
                    <Link href={`${USERS_PATH}/${u.id}`} className="link">
                      {u.lastName} {u.firstName}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap">{u.email}</td>
                  <td>{u.departmentSymbol ?? t("common.none")}</td>
                  <td>{u.positionName ?? t("common.none")}</td>
                  <td>{u.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
                  <td>
                    <UserStatusBadges active={u.active} locked={u.locked} t={t} />
                  </td>
                </tr>
              ))}
            </DataTable>
          </TableScroll>
        </>
      )}

      <Pagination page={list.page} pages={list.pages} hrefFor={(p) => userListHref(input, p)} label={t("users.list.pagination")} t={t} />
    </div>
  );
}
