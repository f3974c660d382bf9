"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { FormMessage } from "@/components/form/field";
import { useLocale, useT } from "@/components/i18n";
import { formatDateTime } from "@/lib/i18n/translator";
import { AttachmentLinks } from "@/modules/files/components/pending-attachments";
import { useTRPC } from "@/trpc/react";
import { MESSAGE_MAX_CHARS, type LinkCard, type MessageDto } from "../chat.schemas";

/** A letter or case link as a card: its number and subject when the reader may open it, else only what it is. */
export function LinkCardView({ card }: { card: LinkCard }) {
  const t = useT();
  const kind = t(card.type === "case" ? "chat.card.case" : "chat.card.document");
  if (!card.allowed) {
    return (
      <p className="rounded-md border border-dashed border-slate-400 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="link-card" data-allowed="false">
        {t(card.type === "case" ? "chat.card.noAccessCase" : "chat.card.noAccessDocument")}
      </p>
    );
  }
  return (
    <Link href={card.href} className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 hover:border-brand-600" data-testid="link-card" data-allowed="true">
      <span className="block text-xs text-slate-700">{kind}</span>
      <span className="block font-semibold text-brand-800 underline">{card.label}</span>
      {card.title && <span className="block">{card.title}</span>}
    </Link>
  );
}

function StatusLine({ message: m, group }: { message: MessageDto; group: boolean }) {
  const t = useT();
  if (!m.mine || m.deleted) return null;
  const text = group && m.readBy !== null ? t("chat.messages.readBy", { n: m.readBy }) : m.status ? t(`chat.messages.status.${m.status}`) : null;
  if (!text) return null;
  return (
    <span data-testid="message-status" data-status={m.status ?? ""}>
      {text}
    </span>
  );
}

/** One message: author and time, text, record cards, own-message status, edit and delete while allowed. */
export function MessageItem({ message: m, group, highlighted = false }: { message: MessageDto; group: boolean; highlighted?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() });
  const remove = useMutation(trpc.chat.delete.mutationOptions({ onSuccess: refresh }));

  return (
    <li id={`m-${m.id}`} className={`flex ${m.mine ? "justify-end" : "justify-start"}`} data-testid="message" data-mine={m.mine} data-highlighted={highlighted || undefined}>
      <article
        className={`max-w-[90%] rounded-lg px-3 py-2 sm:max-w-[75%] ${m.mine ? "bg-brand-50 text-slate-900" : "bg-slate-100 text-slate-900"} ${highlighted ? "ring-2 ring-amber-700 ring-offset-2" : ""}`}
        aria-label={`${m.mine ? t("chat.messages.you") : m.author.name}, ${formatDateTime(m.createdAt, locale)}`}
        tabIndex={highlighted ? -1 : undefined}
      >
        {highlighted && <p className="mb-1 text-xs font-semibold text-amber-900">{t("chat.jump.found")}</p>}
        <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-700">
          <span className="font-semibold text-slate-900">{m.mine ? t("chat.messages.you") : m.author.name}</span>
          <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt, locale)}</time>
          {m.editedAt && !m.deleted && <span>{t("chat.messages.edited")}</span>}
        </p>
        {m.deleted ? (
          <p className="text-sm text-slate-700 italic">{t("chat.messages.deleted")}</p>
        ) : editing ? (
          <EditForm
            message={m}
            onDone={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
          />
        ) : (
          <>
            {m.body && <p className="text-sm break-words whitespace-pre-wrap" data-testid="message-body">{m.body}</p>}
            {m.links.length > 0 && (
              <div className="mt-2 space-y-2">
                {m.links.map((card) => (
                  <LinkCardView key={card.href} card={card} />
                ))}
              </div>
            )}
            <AttachmentLinks files={m.attachments} className="mt-2" />
          </>
        )}
        {(m.mine || remove.error) && !editing && (
          <div className="mt-1 flex flex-wrap items-center justify-end gap-x-3 text-xs text-slate-700">
            <StatusLine message={m} group={group} />
            {m.editable && (
              <>
                <button ref={editButton} type="button" className="link" onClick={() => setEditing(true)}>
                  {t("chat.messages.edit")}
                </button>
                <ConfirmButton
                  className="link"
                  label={t("chat.messages.delete")}
                  title={t("chat.messages.deleteTitle")}
                  text={t("chat.messages.deleteText")}
                  confirmLabel={t("chat.messages.delete")}
                  disabled={remove.isPending}
                  onConfirm={() => remove.mutate({ messageId: m.id })}
                />
              </>
            )}
            {remove.error && <FormMessage error={remove.error.message} />}
          </div>
        )}
      </article>
    </li>
  );
}

function EditForm({ message, onDone }: { message: MessageDto; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [body, setBody] = useState(message.body);
  const edit = useMutation(
    trpc.chat.edit.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() });
        onDone();
      },
    }),
  );
  return (
    <form
      className="mt-1 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        edit.mutate({ messageId: message.id, body });
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("chat.messages.editLabel")}
      </label>
      <textarea
        id={id}
        className="input min-h-20 w-full"
        value={body}
        maxLength={MESSAGE_MAX_CHARS}
        autoFocus
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <FormMessage error={edit.error?.message} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="btn-primary" disabled={edit.isPending || !body.trim()}>
          {t("chat.messages.saveEdit")}
        </button>
      </div>
    </form>
  );
}
