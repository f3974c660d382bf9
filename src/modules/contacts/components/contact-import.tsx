"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { DataTable, TableScroll } from "@/components/data-table";
import { Field, FormMessage } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { CONTACT_CSV_COLUMNS } from "../contacts.import-rows";

const EXAMPLE =
  "rodzaj;nazwa;imie;nazwisko;pesel;nip;regon;krs;email;telefon;adres_edoreczenia;adres_epuap;ulica;kod_pocztowy;miejscowosc;uwagi\n" +
  "osoba;;Zofia;Żółć;85031401527;;;;zofia@example.pl;+48 17 123 45 67;;;ul. Kościuszki 12;36-040;Boguchwała;\n" +
  "firma;Budimex Rzeszów sp. z o.o.;;;;7962401007;;0000123456;;;AE:PL-12345-67890-ABCDE-12;;ul. Hetmańska 40;35-045;Rzeszów;";

/** The CSV import: choose a file, import, see how many were saved and which lines were rejected and why. */
export function ContactImport() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const run = useMutation(
    trpc.contacts.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
    }),
  );
  const report = run.data;

  async function submit() {
    setFileError(null);
    run.reset();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t("contacts.import.chooseFile"));
      fileRef.current?.focus();
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileError(t("contacts.import.readError"));
      return;
    }
    run.mutate({ csv: text });
  }

  return (
    <div className="space-y-4">
      <div className="card">
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t("contacts.import.file")} hint={t("contacts.import.fileHint")} error={fileError ?? run.error?.data?.fieldErrors?.csv} required>
            {(p) => <input {...p} ref={fileRef} type="file" name="csv" accept=".csv,text/csv,text/plain" className="input" />}
          </Field>
          <button type="submit" className="btn-primary" disabled={run.isPending}>
            {run.isPending ? t("contacts.import.importing") : t("contacts.import.submit")}
          </button>
        </form>
      </div>

      <div aria-live="polite" className="space-y-4">
        {run.error && !run.error.data?.fieldErrors?.csv && <FormMessage error={run.error.message} />}
        {report && (
          <section className="card space-y-3" aria-labelledby="import-report">
            <h2 id="import-report" className="text-lg font-semibold">
              {t("contacts.import.done", { n: report.imported })}
            </h2>
            {report.rejected.length === 0 ? (
              <p className="text-sm text-slate-800">{t("contacts.import.noneRejected")}</p>
            ) : (
              <>
                <h3 className="font-semibold text-red-900">{t("contacts.import.rejectedTitle", { n: String(report.rejected.length) })}</h3>
                <TableScroll label={t("contacts.import.rejectedTitle", { n: String(report.rejected.length) })}>
                  <DataTable columns={[t("contacts.import.line"), t("contacts.import.contact"), t("contacts.import.reasons")]} stacked testId="import-rejected">
                    {report.rejected.map((r) => (
                      <tr key={r.line}>
                        <th scope="row" className="px-3 py-2 text-left font-normal">
                          {t("contacts.import.line")} {r.line}
                        </th>
                        <td data-label={t("contacts.import.contact")}>
                          <span>{r.name}</span>
                        </td>
                        <td data-label={t("contacts.import.reasons")}>
                          <ul className="list-disc pl-5">
                            {r.reasons.map((reason) => (
                              <li key={reason}>{reason}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                </TableScroll>
              </>
            )}
          </section>
        )}
      </div>

      <section className="card space-y-3" aria-labelledby="import-columns">
        <h2 id="import-columns" className="text-lg font-semibold">
          {t("contacts.import.columns")}
        </h2>
        <p className="text-sm text-slate-800">{t("contacts.import.columnsIntro")}</p>
        <TableScroll label={t("contacts.import.columns")}>
          <DataTable columns={[t("contacts.import.column"), t("contacts.import.meaning")]} stacked>
            {CONTACT_CSV_COLUMNS.map((c) => (
              <tr key={c}>
                <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                  {c}
                </th>
                <td data-label={t("contacts.import.meaning")}>
                  <span>{t(`contacts.import.columnHelp.${c}`)}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        </TableScroll>
        <h3 className="font-semibold">{t("contacts.import.example")}</h3>
        <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-xs" tabIndex={0}>
          {EXAMPLE}
        </pre>
      </section>
    </div>
  );
}
