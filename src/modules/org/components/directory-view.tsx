"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Badge } from "@/components/badge";
import { DataTable, TableScroll } from "@/components/data-table";
import { Field } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { Pager } from "@/components/pagination";
import { useTRPC } from "@/trpc/react";
import { staffQueryHref, type DirectoryDepartment, type DirectoryNode, type StaffQuery } from "../org.schemas";
import { DirectoryPresence } from "@/modules/presence/components/directory-presence";
import { WriteToButton } from "@/modules/chat/components/new-conversation";

/**
 * Struktura urzędu: the staff search (state in the address, so results are bookmarkable and the
 * page links are real links), the chosen komórka's card and the tree of komórki.
 */
export function DirectoryView({ query, canSeeInactive, selfId }: { query: StaffQuery; canSeeInactive: boolean; selfId?: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { data: tree } = useSuspenseQuery(trpc.org.directory.tree.queryOptions());
  const { data: locations } = useSuspenseQuery(trpc.org.directory.locations.queryOptions());
  const { data: staff } = useSuspenseQuery(trpc.org.directory.staff.queryOptions(query));

  const flat: DirectoryDepartment[] = tree.flatMap((d) => [d, ...d.children]);
  const selected = query.departmentId ? (flat.find((d) => d.id === query.departmentId) ?? null) : null;
  const heading = selected ? t("org.directory.staffOf", { symbol: selected.symbol }) : query.q || query.locationId ? t("org.directory.results") : t("org.directory.staffAll");
  const formKey = JSON.stringify([query.q, query.departmentId, query.locationId, query.includeInactive]);

  return (
    <div className="space-y-6">
      <form
        key={formKey}
        role="search"
        aria-label={t("org.directory.searchLabel")}
        action="/struktura"
        method="get"
        data-testid="directory-search"
        className="card grid items-end gap-4 md:grid-cols-2 xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1.3fr)_minmax(0,1fr)_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const href = staffQueryHref({
            q: String(f.get("q") ?? "").trim(),
            departmentId: String(f.get("komorka") ?? "") || null,
            locationId: String(f.get("lokalizacja") ?? "") || null,
            includeInactive: f.get("nieaktywni") === "1",
          });
          startTransition(() => router.push(href));
        }}
      >
        <Field label={t("org.directory.query")} hint={t("org.directory.queryHint")}>
          {(p) => <input {...p} name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" className="input" />}
        </Field>
        <Field label={t("org.directory.department")}>
          {(p) => (
            <select {...p} name="komorka" defaultValue={query.departmentId ?? ""} className="input">
              <option value="">{t("org.directory.allDepartments")}</option>
              {flat.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.symbol} — {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("org.directory.location")}>
          {(p) => (
            <select {...p} name="lokalizacja" defaultValue={query.locationId ?? ""} className="input">
              <option value="">{t("org.directory.allLocations")}</option>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex flex-wrap gap-2 md:col-span-2 xl:col-span-1">
          <button type="submit" className="btn-primary" disabled={pending}>
            {t("org.directory.search")}
          </button>
          <Link href="/struktura" className="btn-secondary">
            {t("org.directory.clear")}
          </Link>
        </div>
        {canSeeInactive && (
          <label className="flex min-h-10 items-center gap-2 text-sm md:col-span-2 xl:col-span-4">
            <input type="checkbox" name="nieaktywni" value="1" defaultChecked={query.includeInactive} className="size-4" />
            {t("org.directory.showInactive")}
          </label>
        )}
      </form>

      <div className="space-y-6">
        <div className="min-w-0 space-y-6">
          {selected && <DepartmentCard department={selected} tree={tree} query={query} />}
          <section className="card" aria-labelledby="struktura-pracownicy" aria-busy={pending} data-testid="directory-results">
            <h2 id="struktura-pracownicy" className="text-lg font-semibold">
              {heading}
            </h2>
            <p className="mb-3 text-sm text-slate-700" role="status" data-testid="directory-count">
              {pending ? t("common.loading") : t("org.directory.count", { n: staff.total })}
            </p>
            {staff.items.length === 0 ? (
              <p className="text-sm">{t("org.directory.noResults")}</p>
            ) : (
              <TableScroll label={t("org.tableScroll", { name: heading })}>
                <DataTable
                  columns={[t("org.directory.name"), t("org.directory.position"), t("org.directory.department"), t("org.directory.phone"), t("org.directory.email"), t("org.directory.location")]}
                  stacked
                >
                  {staff.items.map((u) => (
                    <tr key={u.id} data-testid="staff-row">
                      <th scope="row" className="min-w-40 text-left align-top font-normal text-slate-900">
                        <span className="font-semibold">{u.lastName}</span> {u.firstName}
                        <DirectoryPresence userId={u.id} className="ml-2" />
                        {!u.active && (
                          <Badge tone="slate" className="ml-2">
                            {t("org.directory.inactive")}
                          </Badge>
                        )}
                        {u.active && u.id !== selfId && (
                          <span className="block">
                            <WriteToButton userId={u.id} name={`${u.firstName} ${u.lastName}`} />
                          </span>
                        )}
                      </th>
                      <td className="min-w-32" data-label={t("org.directory.position")}>
                        {u.positionName ?? "—"}
                      </td>
                      <td className="whitespace-nowrap" data-label={t("org.directory.department")}>
                        {u.department ? <abbr title={u.department.name}>{u.department.symbol}</abbr> : "—"}
                      </td>
                      <td className="whitespace-nowrap" data-label={t("org.directory.phone")}>
                        {u.phone ? (
                          <a className="link" href={`tel:${u.phone.replace(/[^0-9+]/g, "")}`}>
                            {u.phone}
                          </a>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td data-label={t("org.directory.email")}>
                        <a className="link max-sm:break-all" href={`mailto:${u.email}`}>
                          {u.email}
                        </a>
                      </td>
                      <td className="min-w-32" data-label={t("org.directory.location")}>
                        {u.location?.name ?? "—"}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </TableScroll>
            )}
            <Pager page={staff.page} pageCount={staff.pageCount} hrefFor={(p) => staffQueryHref({ ...query, page: p })} label={t("org.pager.label")} t={t} />
          </section>
        </div>

        <section className="card" aria-labelledby="struktura-komorki">
          <h2 id="struktura-komorki" className="mb-3 text-lg font-semibold">
            {t("org.directory.structure")}
          </h2>
          {tree.length === 0 ? (
            <p className="text-sm">{t("org.directory.noDepartments")}</p>
          ) : (
            <ul className="gap-8 md:columns-2 2xl:columns-3" data-testid="directory-tree">
              {tree.map((d) => (
                <li key={d.id} className="mb-4 break-inside-avoid">
                  <TreeItem department={d} query={query} />
                  {d.children.length > 0 && (
                    <ul className="mt-2 ml-2 space-y-3 border-l-2 border-slate-300 pl-3">
                      {d.children.map((c) => (
                        <li key={c.id}>
                          <TreeItem department={c} query={query} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function departmentHref(query: StaffQuery, id: string) {
  return staffQueryHref({ ...query, departmentId: id, page: 1 });
}

function TreeItem({ department: d, query }: { department: DirectoryDepartment; query: StaffQuery }) {
  const t = useT();
  const current = query.departmentId === d.id;
  return (
    <div className="text-sm">
      <Link href={departmentHref(query, d.id)} className={`link ${current ? "rounded bg-brand-50 px-1" : ""}`} aria-current={current ? "true" : undefined}>
        {t("org.directory.staffLink", { symbol: d.symbol, name: d.name })}
      </Link>
      <span className="text-slate-700"> ({d.staffCount})</span>
      <p className="text-xs text-slate-700">
        {t("org.directory.head")}: {d.head ? [d.head.name, d.head.positionName].filter(Boolean).join(", ") : t("org.directory.headNone")}
      </p>
      {d.location && <p className="text-xs text-slate-700">{d.location.name}</p>}
      {(d.email || d.phone) && <p className="text-xs break-all text-slate-700">{[d.phone, d.email].filter(Boolean).join(" · ")}</p>}
    </div>
  );
}

function DepartmentCard({ department: d, tree, query }: { department: DirectoryDepartment; tree: DirectoryNode[]; query: StaffQuery }) {
  const t = useT();
  const parent = d.parentId ? tree.find((p) => p.id === d.parentId) : null;
  const children = tree.find((p) => p.id === d.id)?.children ?? [];
  return (
    <section className="card" aria-labelledby="struktura-komorka" data-testid="directory-department">
      <h2 id="struktura-komorka" className="mb-3 text-lg font-semibold">
        {d.symbol} — {d.name}
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t("org.directory.head")}</dt>
        <dd>
          {d.head ? (
            <>
              {d.head.name}
              {d.head.positionName && `, ${d.head.positionName}`}
              {d.head.phone && <> · {d.head.phone}</>}
              {" · "}
              <a className="link break-all" href={`mailto:${d.head.email}`}>
                {d.head.email}
              </a>
            </>
          ) : (
            t("org.directory.headNone")
          )}
        </dd>
        {d.location && (
          <>
            <dt className="font-medium text-slate-700">{t("org.directory.location")}</dt>
            <dd>
              {d.location.name}, {d.location.street}, {d.location.postalCode} {d.location.city}
            </dd>
          </>
        )}
        {d.phone && (
          <>
            <dt className="font-medium text-slate-700">{t("org.directory.phone")}</dt>
            <dd>{d.phone}</dd>
          </>
        )}
        {d.email && (
          <>
            <dt className="font-medium text-slate-700">{t("org.directory.email")}</dt>
            <dd>
              <a className="link break-all" href={`mailto:${d.email}`}>
                {d.email}
              </a>
            </dd>
          </>
        )}
        {parent && (
          <>
            <dt className="font-medium text-slate-700">{t("org.directory.parent")}</dt>
            <dd>
              <Link className="link" href={departmentHref(query, parent.id)}>
                {parent.symbol} — {parent.name}
              </Link>
            </dd>
          </>
        )}
        {children.length > 0 && (
          <>
            <dt className="font-medium text-slate-700">{t("org.directory.referaty")}</dt>
            <dd>
              <ul>
                {children.map((c) => (
                  <li key={c.id}>
                    <Link className="link" href={departmentHref(query, c.id)}>
                      {c.symbol} — {c.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
