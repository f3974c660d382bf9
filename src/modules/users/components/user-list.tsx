"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { EmptyState } from "@/components/page-header";
import { useT } from "@/components/i18n";
import { ROLES } from "@/lib/permissions";
import { useTRPC } from "@/trpc/react";
import { userListHref, USERS_PATH } from "../users.params";
import { USER_STATUSES, type UserListInput } from "../users.schemas";
import { Pagination } from "./pagination";
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
          <div>
            <label htmlFor="users-q" className="label">
              {t("users.list.search")}
            </label>
            <input id="users-q" name="q" type="search" defaultValue={input.q ?? ""} aria-describedby="users-q-hint" className="input" />
            <p id="users-q-hint" className="mt-1 text-xs text-slate-700">
              {t("users.list.searchHint")}
            </p>
          </div>
          <div className="lg:self-start">
            <label htmlFor="users-dep" className="label">
              {t("users.list.department")}
            </label>
            <select id="users-dep" name="komorka" defaultValue={input.departmentId ?? ""} className="input">
              <option value="">{t("users.list.allDepartments")}</option>
              {options.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <div className="lg:self-start">
            <label htmlFor="users-role" className="label">
              {t("users.list.role")}
            </label>
            <select id="users-role" name="rola" defaultValue={input.role ?? ""} className="input">
              <option value="">{t("users.list.allRoles")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="lg:self-start">
            <label htmlFor="users-status" className="label">
              {t("users.list.status")}
            </label>
            <select id="users-status" name="status" defaultValue={input.status ?? ""} className="input">
              <option value="">{t("users.list.allStatuses")}</option>
              {USER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`users.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
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
          <div className="card hidden overflow-x-auto p-0 sm:p-0 md:block" tabIndex={0} role="region" aria-label={t("users.list.caption")}>
            <table className="data-table min-w-[48rem]" data-testid="users-table">
              <caption className="sr-only">{t("users.list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("users.list.name")}</th>
                  <th scope="col">{t("users.list.email")}</th>
                  <th scope="col">{t("users.list.departmentShort")}</th>
                  <th scope="col">{t("users.list.position")}</th>
                  <th scope="col">{t("users.list.roles")}</th>
                  <th scope="col">{t("users.list.status")}</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        </>
      )}

      <Pagination page={list.page} pages={list.pages} hrefFor={(p) => userListHref(input, p)} label={t("users.list.pagination")} t={t} />
    </div>
  );
}
