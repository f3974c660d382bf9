"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Form from "next/form";
import { useMemo, useState } from "react";
import { Badge } from "@/components/badge";
import { ConfirmButton } from "@/components/confirm-button";
import { Field, FormMessage } from "@/components/form/field";
import { FieldFrame } from "@/components/form/field-frame";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import type { JrwaNode } from "../cases.schemas";

type Editing = { mode: "add"; parentSymbol: string | null } | { mode: "edit"; node: JrwaNode } | null;

/** The administrator's JRWA editor: the tree (indented by level) with search, add / edit / withdraw / delete. */
export function JrwaEditor({ q }: { q?: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.cases.jrwaTree.queryOptions({ q }));
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  const setActive = useMutation(trpc.cases.jrwaSetActive.mutationOptions({ onMutate: () => setMessage(null) }));
  const remove = useMutation(trpc.cases.jrwaDelete.mutationOptions({ onMutate: () => setMessage(null) }));
  const error = setActive.error ?? remove.error;

  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="jrwa-search">
        <h2 id="jrwa-search" className="sr-only">
          {t("cases.jrwa.search")}
        </h2>
        <Form action="/admin/jrwa" className="flex flex-wrap items-end gap-2" key={q ?? ""}>
          <FieldFrame id="jrwa-q" label={t("cases.jrwa.search")} hint={t("cases.jrwa.searchHint")} className="min-w-0 flex-1 sm:max-w-md">
            <input id="jrwa-q" name="q" type="search" defaultValue={q ?? ""} aria-describedby="jrwa-q-hint" className="input" />
          </FieldFrame>
          <button type="submit" className="btn-secondary mb-5">
            {t("cases.jrwa.apply")}
          </button>
          <button type="button" className="btn-primary mb-5" aria-haspopup="dialog" onClick={() => setEditing({ mode: "add", parentSymbol: null })}>
            {t("cases.jrwa.add")}
          </button>
        </Form>
        <p className="text-sm text-slate-700" aria-live="polite">
          {q ? t("cases.jrwa.shown", { matched: data.matched, total: data.total }) : t("cases.jrwa.all", { total: data.total })}
        </p>
      </section>

      <div aria-live="polite">
        <FormMessage error={error?.message} success={message} />
      </div>

      <section className="card" aria-labelledby="jrwa-tree">
        <h2 id="jrwa-tree" className="mb-3 text-lg font-semibold">
          {t("cases.jrwa.tree")}
        </h2>
        {data.nodes.length === 0 ? (
          <p className="text-sm text-slate-700">{t("cases.jrwa.empty")}</p>
        ) : (
          <ul aria-labelledby="jrwa-tree" className="space-y-1" data-testid="jrwa-tree">
            {data.nodes.map((n) => (
              <li
                key={n.id}
                className="flex flex-col gap-1 border-b border-slate-100 py-1 text-sm sm:flex-row sm:items-center sm:justify-between"
                style={{ paddingLeft: `${(n.symbol.length - 1) * 1.25}rem` }}
              >
                <span className={n.active ? "" : "text-slate-600 line-through"}>
                  <span className="font-mono font-semibold">{n.symbol}</span> <span className={n.isLeaf ? "" : "font-semibold"}>{n.name}</span>
                  {n.category && <span className="ml-2 font-mono text-xs">[{n.category}]</span>}
                  {!n.active && (
                    <Badge tone="amber" className="ml-2">
                      {t("cases.jrwa.inactive")}
                    </Badge>
                  )}
                  {n.caseCount > 0 && <span className="ml-2 text-xs text-slate-700">{t("cases.jrwa.cases", { n: n.caseCount })}</span>}
                </span>
                <span className="flex flex-wrap gap-1">
                  {!n.isLeaf && n.symbol.length < 4 && (
                    <button type="button" className="btn-secondary px-2 py-1 text-xs" aria-label={t("cases.jrwa.addChild", { symbol: n.symbol })} onClick={() => setEditing({ mode: "add", parentSymbol: n.symbol })}>
                      +
                    </button>
                  )}
                  <button type="button" className="btn-secondary px-2 py-1 text-xs" aria-label={`${t("cases.jrwa.edit")} ${n.symbol}`} onClick={() => setEditing({ mode: "edit", node: n })}>
                    {t("cases.jrwa.edit")}
                  </button>
                  <button
                    type="button"
                    className="btn-secondary px-2 py-1 text-xs"
                    aria-label={`${n.active ? t("cases.jrwa.deactivate") : t("cases.jrwa.activate")} ${n.symbol}`}
                    disabled={setActive.isPending}
                    onClick={() =>
                      setActive.mutate(
                        { id: n.id, active: !n.active },
                        {
                          onSuccess: async () => {
                            await invalidate();
                            setMessage(t(n.active ? "cases.jrwa.deactivated" : "cases.jrwa.activated", { symbol: n.symbol }));
                          },
                        },
                      )
                    }
                  >
                    {n.active ? t("cases.jrwa.deactivate") : t("cases.jrwa.activate")}
                  </button>
                  {n.caseCount === 0 && n.childCount === 0 && (
                    <ConfirmButton
                      label={t("cases.jrwa.delete")}
                      title={t("cases.jrwa.deleteTitle", { symbol: n.symbol })}
                      text={t("cases.jrwa.deleteText")}
                      confirmLabel={t("cases.jrwa.delete")}
                      className="btn-danger px-2 py-1 text-xs"
                      onConfirm={() =>
                        remove.mutate(
                          { id: n.id },
                          {
                            onSuccess: async () => {
                              await invalidate();
                              setMessage(t("cases.jrwa.deleted", { symbol: n.symbol }));
                            },
                          },
                        )
                      }
                    />
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Modal
        open={editing !== null}
        title={editing?.mode === "edit" ? t("cases.jrwa.editTitle", { symbol: editing.node.symbol }) : t("cases.jrwa.addTitle")}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <JrwaForm
            editing={editing}
            onClose={() => setEditing(null)}
            onSaved={async (symbol) => {
              await invalidate();
              setEditing(null);
              setMessage(t("cases.jrwa.saved", { symbol }));
            }}
          />
        )}
      </Modal>
    </div>
  );
}

function JrwaForm({ editing, onClose, onSaved }: { editing: NonNullable<Editing>; onClose: () => void; onSaved: (symbol: string) => Promise<void> }) {
  const t = useT();
  const trpc = useTRPC();
  const create = useMutation(trpc.cases.jrwaCreate.mutationOptions());
  const update = useMutation(trpc.cases.jrwaUpdate.mutationOptions());
  const node = editing.mode === "edit" ? editing.node : null;
  const [isLeaf, setIsLeaf] = useState(node ? node.isLeaf : (editing.mode === "add" && (editing.parentSymbol?.length ?? 0) === 3));
  const error = create.error ?? update.error;
  const fieldErrors = useMemo(() => ((error?.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors ?? {}) as Record<string, string>, [error]);
  const pending = create.isPending || update.isPending;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const name = String(f.get("name") ?? "");
        const category = String(f.get("category") ?? "").trim() || null;
        try {
          if (node) {
            await update.mutateAsync({ id: node.id, name, category, isLeaf });
            await onSaved(node.symbol);
          } else {
            const symbol = String(f.get("symbol") ?? "").trim();
            await create.mutateAsync({ symbol, name, category, isLeaf });
            await onSaved(symbol);
          }
        } catch {
          // shown in the form
        }
      }}
    >
      {error && Object.keys(fieldErrors).length === 0 && <FormMessage error={error.message} />}
      {node ? (
        <p className="text-sm">
          {t("cases.jrwa.symbol")}: <span className="font-mono font-semibold">{node.symbol}</span>
        </p>
      ) : (
        <Field label={t("cases.jrwa.symbol")} hint={t("cases.jrwa.symbolHint")} error={fieldErrors.symbol} required>
          {(p) => <input {...p} name="symbol" inputMode="numeric" maxLength={4} defaultValue={editing.mode === "add" ? (editing.parentSymbol ?? "") : ""} className="input font-mono" autoComplete="off" />}
        </Field>
      )}
      <Field label={t("cases.jrwa.name")} error={fieldErrors.name} required>
        {(p) => <input {...p} name="name" maxLength={300} defaultValue={node?.name ?? ""} className="input" autoComplete="off" />}
      </Field>
      <Field label={t("cases.jrwa.category")} hint={t("cases.jrwa.categoryHint")} error={fieldErrors.category} required={isLeaf}>
        {(p) => <input {...p} name="category" maxLength={4} defaultValue={node?.category ?? ""} className="input font-mono" autoComplete="off" />}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4" checked={isLeaf} onChange={(e) => setIsLeaf(e.target.checked)} aria-describedby={fieldErrors.isLeaf ? "jrwa-leaf-error" : undefined} />
        {t("cases.jrwa.isLeaf")}
      </label>
      {fieldErrors.isLeaf && (
        <p id="jrwa-leaf-error" className="text-sm text-red-800">
          {fieldErrors.isLeaf}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("cases.jrwa.save")}
        </button>
        <button type="button" className="btn-secondary" onClick={onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
