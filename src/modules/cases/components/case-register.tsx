"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import { DataTable, TableScroll } from "@/components/data-table";
import { FieldFrame } from "@/components/form/field-frame";
import { useLocale, useT } from "@/components/i18n";
import { Pagination } from "@/components/pagination";
import { formatDate } from "@/lib/i18n/translator";
import { useTRPC } from "@/trpc/react";
import { CASE_REGISTER_PATH, caseRegisterQuery, type CaseRegisterState } from "../cases.params";
import { SelectOptions } from "@/components/form/select-options";

const day = (d: string, locale: "pl" | "en") => formatDate(`${d}T12:00:00Z`, locale);

/** The spis spraw of a department, JRWA class and year, with its PDF. */
export function CaseRegisterView({ input }: { input: CaseRegisterState }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: reg } = useSuspenseQuery(trpc.cases.register.queryOptions(input));
  const sel = reg.selection;
  const query = caseRegisterQuery(input);
  const year = input.year ?? reg.years[0];

  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="register-filters">
        <h2 id="register-filters" className="mb-3 text-lg font-semibold">
          {t("cases.registerPage.filters")}
        </h2>
        <Form action={CASE_REGISTER_PATH} key={query} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FieldFrame id="register-dep" label={t("cases.registerPage.department")} required>
            <select id="register-dep" name="komorka" defaultValue={input.departmentId ?? ""} className="input" required>
              <SelectOptions empty={t("cases.registerPage.choose")} options={reg.departments.map((d) => ({ value: d.id, label: d.label }))} />
            </select>
          </FieldFrame>
          <FieldFrame id="register-jrwa" label={t("cases.registerPage.jrwa")} hint={t("cases.registerPage.jrwaHint")} required>
            <input id="register-jrwa" name="jrwa" inputMode="numeric" maxLength={4} defaultValue={input.jrwa ?? ""} aria-describedby="register-jrwa-hint" className="input" required />
          </FieldFrame>
          <FieldFrame id="register-year" label={t("cases.registerPage.year")} required>
            <select id="register-year" name="rok" defaultValue={year ? String(year) : ""} className="input">
              {reg.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </FieldFrame>
          <div className="flex items-end">
            <button type="submit" className="btn-secondary mb-5">
              {t("cases.registerPage.show")}
            </button>
          </div>
        </Form>
        {reg.classesWithCases.length > 0 && (
          <p className="text-sm text-slate-800">
            {t("cases.registerPage.classesWithCases")}{" "}
            {reg.classesWithCases.map((c, i) => (
              <span key={c.id}>
                {i > 0 && ", "}
                <Link href={`${CASE_REGISTER_PATH}?${caseRegisterQuery({ ...input, jrwa: c.symbol, year })}`} className="link font-mono" title={c.name}>
                  {c.symbol}
                </Link>
              </span>
            ))}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="register-list" aria-live="polite">
        {!sel ? (
          <p id="register-list" className="text-sm text-slate-800">
            {input.departmentId && input.jrwa ? t("cases.registerPage.noClass") : t("cases.registerPage.pick")}
          </p>
        ) : (
          <>
            <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
              <h2 id="register-list" className="text-lg font-semibold">
                {t("cases.registerPage.heading", { department: sel.department.symbol, symbol: sel.jrwa.symbol, name: sel.jrwa.name, category: sel.jrwa.category ?? "—", year: sel.year })}
              </h2>
              <a href={`/api/sprawy/spis?${caseRegisterQuery({ departmentId: sel.department.id, jrwa: sel.jrwa.symbol, year: sel.year })}`} className="btn-primary" target="_blank" rel="noopener">
                {t("cases.registerPage.pdf")}
              </a>
            </div>
            {reg.rows.length === 0 ? (
              <p className="text-sm text-slate-700">{t("cases.registerPage.empty")}</p>
            ) : (
              <TableScroll label={t("cases.registerPage.caption")}>
                <DataTable
                  stacked
                  caption={t("cases.registerPage.caption")}
                  columns={[t("cases.registerPage.lp"), t("cases.registerPage.caseCol"), t("cases.registerPage.from"), t("cases.registerPage.started"), t("cases.registerPage.closed"), t("cases.registerPage.remarks")]}
                  testId="register-table"
                >
                  {reg.rows.map((r) => (
                    <tr key={r.mark}>
                      <td data-label={t("cases.registerPage.lp")}>
                        <span>{r.number}</span>
                      </td>
                      <td data-label={t("cases.registerPage.caseCol")}>
                        <span>
                          {r.id ? (
                            <Link href={`/sprawy/${r.id}`} className="link font-mono font-semibold">
                              {r.mark}
                            </Link>
                          ) : (
                            <span className="font-mono font-semibold">{r.mark}</span>
                          )}
                          <br />
                          {r.title}
                        </span>
                      </td>
                      <td data-label={t("cases.registerPage.from")}>
                        <span>{r.from ?? "—"}</span>
                      </td>
                      <td data-label={t("cases.registerPage.started")} className="whitespace-nowrap">
                        <span>{day(r.startDate, locale)}</span>
                      </td>
                      <td data-label={t("cases.registerPage.closed")} className="whitespace-nowrap">
                        <span>{r.closedOn ? day(r.closedOn, locale) : "—"}</span>
                      </td>
                      <td data-label={t("cases.registerPage.remarks")}>
                        <span>{r.remarks ?? ""}</span>
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </TableScroll>
            )}
            <Pagination page={reg.page} pages={reg.pages} hrefFor={(p) => `${CASE_REGISTER_PATH}?${caseRegisterQuery(input, p)}`} label={t("cases.registerPage.pagination")} t={t} />
          </>
        )}
      </section>
    </div>
  );
}
