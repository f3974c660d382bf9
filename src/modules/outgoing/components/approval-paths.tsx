"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { DataTable, TableScroll } from "@/components/data-table";
import { Field, fieldErrorsOf, FormMessage } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";
import { APPROVAL_PATHS_PATH } from "../outgoing.params";
import type { ApprovalPathRow } from "../outgoing.schemas";
import { SelectOptions } from "@/components/form/select-options";

function PathText({ row }: { row: ApprovalPathRow }) {
  const t = useT();
  if (row.steps.length === 0) return <>{row.inheritedFrom ? t("outgoing.paths.inherited", { symbol: row.inheritedFrom }) : t("outgoing.paths.defaultPath")}</>;
  return (
    <ol className="list-inside list-decimal">
      {row.steps.map((s, i) => (
        <li key={i}>{s.kind === "HEAD" ? t("outgoing.paths.headStep") : `${s.userName ?? "—"}${s.userPosition ? `, ${s.userPosition}` : ""}`}</li>
      ))}
    </ol>
  );
}

/** Every department with its approval path. */
export function ApprovalPathList() {
  const t = useT();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.outgoing.approvalPaths.queryOptions());
  return (
    <section className="card" aria-label={t("outgoing.paths.caption")}>
      <p className="mb-3 text-sm text-slate-700">{t("outgoing.paths.skipNote")}</p>
      <TableScroll label={t("outgoing.paths.caption")}>
        <DataTable stacked caption={t("outgoing.paths.caption")} columns={[t("outgoing.paths.department"), t("outgoing.paths.head"), t("outgoing.paths.steps"), t("common.actions")]} testId="approval-paths">
          {data.map((row) => (
            <tr key={row.department.id}>
              <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                <span className="font-medium">{row.department.symbol}</span> — {row.department.name}
              </th>
              <td data-label={t("outgoing.paths.head")} className="align-top">
                <span>{row.department.headName ?? t("outgoing.paths.noHead")}</span>
              </td>
              <td data-label={t("outgoing.paths.steps")} className="align-top">
                <div>
                  <PathText row={row} />
                </div>
              </td>
              <td className="align-top">
                <Link href={`${APPROVAL_PATHS_PATH}/${row.department.id}`} className="btn-secondary">
                  {t("outgoing.paths.edit", { symbol: row.department.symbol })}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      </TableScroll>
    </section>
  );
}

type Step = { key: number; kind: "HEAD" | "USER"; userId: string };

/** Editing one department's ordered steps: add, remove, move, choose the kind and the person. */
export function ApprovalPathEditor({ departmentId }: { departmentId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.outgoing.approvalPath.queryOptions({ departmentId }));
  const [nextKey, setNextKey] = useState(100);
  const [steps, setSteps] = useState<Step[]>(() =>
    data.row.steps.length > 0 ? data.row.steps.map((s, i) => ({ key: i, kind: s.kind, userId: s.userId ?? "" })) : [{ key: 0, kind: "HEAD", userId: "" }],
  );
  const save = useMutation(
    trpc.outgoing.saveApprovalPath.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.outgoing.pathKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const update = (key: number, patch: Partial<Step>) => {
    save.reset();
    setSteps((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  };
  const move = (index: number, by: number) =>
    setSteps((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  return (
    <form
      noValidate
      className="card space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ departmentId, steps: steps.map((s) => ({ kind: s.kind, userId: s.kind === "USER" ? s.userId || null : null })) });
      }}
    >
      <div aria-live="polite">
        <FormMessage error={save.error ? save.error.message : null} success={save.isSuccess ? t("outgoing.paths.saved") : null} />
      </div>
      <p className="text-sm text-slate-700">
        {t("outgoing.paths.head")}: {data.row.department.headName ?? t("outgoing.paths.noHead")}. {t("outgoing.paths.skipNote")}
      </p>
      <ol className="space-y-3" data-testid="path-steps">
        {steps.map((s, i) => (
          <li key={s.key} className="rounded-md border border-slate-200 p-3">
            <fieldset>
              <legend className="mb-2 font-medium">{t("outgoing.paths.stepLabel", { n: i + 1 })}</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={t("outgoing.paths.kind", { n: i + 1 })} error={errors[`steps.${i}.kind`]}>
                  {(p) => (
                    <select {...p} value={s.kind} onChange={(e) => update(s.key, { kind: e.target.value as Step["kind"] })} className="input">
                      <option value="HEAD">{t("outgoing.paths.kindHead")}</option>
                      <option value="USER">{t("outgoing.paths.kindUser")}</option>
                    </select>
                  )}
                </Field>
                {s.kind === "USER" && (
                  <Field label={t("outgoing.paths.person", { n: i + 1 })} error={errors[`steps.${i}.userId`]} required>
                    {(p) => (
                      <select {...p} value={s.userId} onChange={(e) => update(s.key, { userId: e.target.value })} className="input">
                        <SelectOptions empty={t("outgoing.paths.choose")} options={data.people.map((o) => ({ value: o.id, label: o.label }))} />
                      </select>
                    )}
                  </Field>
                )}
              </div>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" className="btn-secondary" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("outgoing.paths.moveUp", { n: i + 1 })}>
                  ↑
                </button>
                <button type="button" className="btn-secondary" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={t("outgoing.paths.moveDown", { n: i + 1 })}>
                  ↓
                </button>
                <button type="button" className="btn-secondary" disabled={steps.length === 1} onClick={() => setSteps((list) => list.filter((x) => x.key !== s.key))}>
                  {t("outgoing.paths.removeStep", { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-secondary"
          disabled={steps.length >= 8}
          onClick={() => {
            setSteps((list) => [...list, { key: nextKey, kind: "USER", userId: "" }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t("outgoing.paths.addStep")}
        </button>
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {t("outgoing.paths.save")}
        </button>
        <Link href={APPROVAL_PATHS_PATH} className="btn-secondary">
          {t("outgoing.paths.back")}
        </Link>
      </div>
    </form>
  );
}
