"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { DataTable, TableScroll } from "@/components/data-table";
import { fieldErrorsOf, FormMessage } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { BIP_EDITOR_PATH, type MenuItemDto } from "../../bip.editor.schemas";
import { BIP_SPECIALS, bipMenuHref } from "../../bip.schemas";
import { SelectOptions } from "@/components/form/select-options";

/** /bip-redakcja/menu: the BIP menu tree — add, rename, move up/down, hide/show, delete empty items. */
export function MenuEditor() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const { data: items } = useSuspenseQuery(trpc.bip.menu.tree.queryOptions());
  const [flash, setFlash] = useState<{ error?: string; success?: string }>({});
  const [editing, setEditing] = useState<MenuItemDto | null>(null);
  const [editTitle, setEditTitle] = useState("");
  const [editSlug, setEditSlug] = useState("");
  const [add, setAdd] = useState({ parentId: "", title: "", slug: "", kind: "ARTICLES" as "ARTICLES" | "PAGE" | "SPECIAL", special: "" });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bip.menu.tree.queryKey() });
  const done = async () => {
    setFlash({ success: t("common.saved") });
    setEditing(null);
    await refresh();
  };
  const failed = (e: { message: string }) => setFlash({ error: t("bipEditor.failed", { message: e.message }) });
  const move = useMutation(trpc.bip.menu.move.mutationOptions({ onSuccess: refresh, onError: failed }));
  const visible = useMutation(trpc.bip.menu.setVisible.mutationOptions({ onSuccess: done, onError: failed }));
  const remove = useMutation(trpc.bip.menu.delete.mutationOptions({ onSuccess: done, onError: failed }));
  const update = useMutation(trpc.bip.menu.update.mutationOptions({ onSuccess: done }));
  const create = useMutation(
    trpc.bip.menu.add.mutationOptions({
      onSuccess: async () => {
        setAdd((a) => ({ ...a, title: "", slug: "", special: "" }));
        await done();
      },
    }),
  );
  const addErrors = fieldErrorsOf(create.error);
  const editErrors = fieldErrorsOf(update.error);
  const siblingsOf = (m: MenuItemDto) => items.filter((x) => x.parentId === m.parentId);

  return (
    <div className="space-y-6">
      <FormMessage error={flash.error} success={flash.success} />
      <section className="card" aria-labelledby={`${id}-tree`}>
        <h2 id={`${id}-tree`} className="mb-3 text-lg font-semibold">
          {t("bipEditor.menuCaption")}
        </h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("bipEditor.menuEmpty")}</p>
        ) : (
          <TableScroll labelledBy={`${id}-tree`}>
            <DataTable columns={[t("bipEditor.itemTitle"), t("bipEditor.colSlug"), t("bipEditor.colKind"), t("bipEditor.colArticles"), t("common.actions")]} stacked testId="bip-menu-table">
              {items.map((m) => {
                const siblings = siblingsOf(m);
                const at = siblings.findIndex((x) => x.id === m.id);
                return (
                  <tr key={m.id}>
                    <th scope="row" className="text-left font-medium" style={{ paddingLeft: `${0.5 + m.depth * 1.5}rem` }}>
                      {m.title} {!m.visible && <span className="ml-1 rounded bg-slate-200 px-1 text-xs">{t("bipEditor.hidden")}</span>}
                    </th>
                    <td data-label={t("bipEditor.colSlug")}>
                      <code className="text-xs">{bipMenuHref(m.path)}</code>
                    </td>
                    <td data-label={t("bipEditor.colKind")}>
                      {t(`bipEditor.kind.${m.kind}`)}
                      {m.special ? ` (${m.special})` : ""}
                    </td>
                    <td data-label={t("bipEditor.colArticles")}>{m.articleCount}</td>
                    <td data-label={t("common.actions")}>
                      <div className="flex flex-wrap gap-1">
                        <button type="button" className="btn-secondary" disabled={at <= 0 || move.isPending} aria-label={t("bipEditor.moveUpLabel", { title: m.title })} onClick={() => move.mutate({ id: m.id, direction: "up" })}>
                          ↑<span className="sr-only"> {t("bipEditor.moveUp")}</span>
                        </button>
                        <button type="button" className="btn-secondary" disabled={at >= siblings.length - 1 || move.isPending} aria-label={t("bipEditor.moveDownLabel", { title: m.title })} onClick={() => move.mutate({ id: m.id, direction: "down" })}>
                          ↓<span className="sr-only"> {t("bipEditor.moveDown")}</span>
                        </button>
                        <button
                          type="button"
                          className="btn-secondary"
                          onClick={() => {
                            update.reset();
                            setEditTitle(m.title);
                            setEditSlug(m.slug);
                            setEditing(m);
                          }}
                        >
                          {t("bipEditor.rename")}
                        </button>
                        <button type="button" className="btn-secondary" onClick={() => visible.mutate({ id: m.id, visible: !m.visible })}>
                          {m.visible ? t("bipEditor.hide") : t("bipEditor.show")}
                        </button>
                        {m.kind !== "SPECIAL" && m.childCount === 0 && m.articleCount === 0 && (
                          <button type="button" className="btn-danger" onClick={() => window.confirm(t("bipEditor.deleteConfirm", { title: m.title })) && remove.mutate({ id: m.id })}>
                            {t("bipEditor.delete")}
                          </button>
                        )}
                        {m.holdsArticles && (
                          <Link href={`${BIP_EDITOR_PATH}/nowy?menu=${m.id}`} className="btn-secondary">
                            {t("bipEditor.writeHere")}
                          </Link>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </TableScroll>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`} className="mb-3 text-lg font-semibold">
          {t("bipEditor.addItem")}
        </h2>
        <form
          className="grid gap-3 md:grid-cols-2"
          data-testid="bip-menu-add"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ parentId: add.parentId || null, title: add.title, slug: add.slug, kind: add.kind, special: add.kind === "SPECIAL" && add.special ? (add.special as (typeof BIP_SPECIALS)[number]) : null });
          }}
        >
          {create.error && Object.keys(addErrors).length === 0 && (
            <div className="md:col-span-2">
              <FormMessage error={create.error.message} />
            </div>
          )}
          <div>
            <label htmlFor={`${id}-parent`} className="label">
              {t("bipEditor.parent")}
            </label>
            <select id={`${id}-parent`} value={add.parentId} onChange={(e) => setAdd({ ...add, parentId: e.target.value })} className="input">
              <option value="">{t("bipEditor.topLevel")}</option>
              {items
                .filter((m) => m.depth < 2)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {"— ".repeat(m.depth)}
                    {m.title}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-kind`} className="label">
              {t("bipEditor.itemKind")}
            </label>
            <select id={`${id}-kind`} value={add.kind} onChange={(e) => setAdd({ ...add, kind: e.target.value as typeof add.kind })} className="input">
              {(["ARTICLES", "PAGE", "SPECIAL"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`bipEditor.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-title`} className="label">
              {t("bipEditor.itemTitle")}
            </label>
            <input id={`${id}-title`} value={add.title} onChange={(e) => setAdd({ ...add, title: e.target.value })} className="input" required maxLength={200} aria-invalid={addErrors.title ? true : undefined} />
            {addErrors.title && <p className="mt-1 text-sm text-red-800">{addErrors.title}</p>}
          </div>
          <div>
            <label htmlFor={`${id}-slug`} className="label">
              {t("bipEditor.itemSlug")}
            </label>
            <input id={`${id}-slug`} value={add.slug} onChange={(e) => setAdd({ ...add, slug: e.target.value })} className="input" required maxLength={80} aria-describedby={`${id}-slug-hint`} aria-invalid={addErrors.slug ? true : undefined} />
            <p id={`${id}-slug-hint`} className="mt-1 text-xs text-slate-700">
              {t("bipEditor.itemSlugHint")}
            </p>
            {addErrors.slug && <p className="mt-1 text-sm text-red-800">{addErrors.slug}</p>}
          </div>
          {add.kind === "SPECIAL" && (
            <div>
              <label htmlFor={`${id}-special`} className="label">
                {t("bipEditor.itemSpecial")}
              </label>
              <select id={`${id}-special`} value={add.special} onChange={(e) => setAdd({ ...add, special: e.target.value })} className="input" aria-invalid={addErrors.special ? true : undefined}>
                <SelectOptions empty={t("bipEditor.chooseMenu")} options={BIP_SPECIALS.filter((s) => !items.some((m) => m.special === s)).map((s) => ({ value: s, label: s }))} />
              </select>
              {addErrors.special && <p className="mt-1 text-sm text-red-800">{addErrors.special}</p>}
            </div>
          )}
          <div className="md:col-span-2">
            <button type="submit" className="btn-primary" disabled={create.isPending}>
              {t("bipEditor.add")}
            </button>
          </div>
        </form>
      </section>

      <Modal open={editing !== null} title={t("bipEditor.renameTitle")} onClose={() => setEditing(null)}>
        {editing && (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate({ id: editing.id, title: editTitle, slug: editSlug });
            }}
          >
            {update.error && Object.keys(editErrors).length === 0 && <FormMessage error={update.error.message} />}
            <div>
              <label htmlFor={`${id}-etitle`} className="label">
                {t("bipEditor.itemTitle")}
              </label>
              <input id={`${id}-etitle`} value={editTitle} onChange={(e) => setEditTitle(e.target.value)} className="input" required maxLength={200} />
              {editErrors.title && <p className="mt-1 text-sm text-red-800">{editErrors.title}</p>}
            </div>
            <div>
              <label htmlFor={`${id}-eslug`} className="label">
                {t("bipEditor.itemSlug")}
              </label>
              <input id={`${id}-eslug`} value={editSlug} onChange={(e) => setEditSlug(e.target.value)} className="input" required maxLength={80} />
              {editErrors.slug && <p className="mt-1 text-sm text-red-800">{editErrors.slug}</p>}
            </div>
            <div className="flex flex-wrap gap-2">
              <button type="submit" className="btn-primary" disabled={update.isPending}>
                {t("bipEditor.save")}
              </button>
              <button type="button" className="btn-secondary" onClick={() => setEditing(null)}>
                {t("bipEditor.cancel")}
              </button>
            </div>
          </form>
        )}
      </Modal>
    </div>
  );
}
