"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useT } from "@/components/i18n";
import { PendingAttachments, usePendingAttachments } from "@/modules/files/components/pending-attachments";
import { useTRPC } from "@/trpc/react";
import { MAX_ATTACHMENTS, MESSAGE_MAX_CHARS } from "../chat.schemas";
import { mayAnnounceTyping, newClientId } from "../chat.client";

/**
 * The message box: Enter sends, Shift+Enter starts a new line. One clientId per message, kept until
 * it is stored, so a retry after an error is saved once. Focus stays in the box after sending.
 * "Załącz plik" uploads files at once; the message (text, files or both) is sent when they are in.
 */
export function Composer({ conversationId }: { conversationId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const clientId = useRef<string | null>(null);
  const lastTyping = useRef<number | null>(null);
  const [body, setBody] = useState("");
  const typing = useMutation(trpc.chat.typing.mutationOptions());
  const send = useMutation(trpc.chat.send.mutationOptions());
  const files = usePendingAttachments("/api/komunikator/zalaczniki", MAX_ATTACHMENTS);
  const canSend = !send.isPending && !files.busy && (body.trim().length > 0 || files.ids.length > 0);

  const submit = () => {
    if (!canSend) return;
    clientId.current ??= newClientId();
    send.mutate(
      { conversationId, clientId: clientId.current, body, attachmentIds: files.ids },
      {
        onSuccess: () => {
          clientId.current = null;
          lastTyping.current = null;
          setBody("");
          files.reset();
          box.current?.focus();
          void queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() });
        },
        onError: () => box.current?.focus(),
      },
    );
  };

  return (
    <form
      className="border-t border-slate-200 px-3 py-2 sm:px-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("chat.composer.label")}
      </label>
      <div className="flex items-end gap-2">
        <textarea
          ref={box}
          id={id}
          rows={2}
          className="input max-h-40 min-h-11 flex-1 resize-y"
          value={body}
          maxLength={MESSAGE_MAX_CHARS}
          placeholder={t("chat.composer.label")}
          aria-describedby={`${id}-hint${send.error ? ` ${id}-error` : ""}`}
          onChange={(e) => {
            setBody(e.target.value);
            if (e.target.value.trim() && mayAnnounceTyping(lastTyping.current, Date.now())) {
              lastTyping.current = Date.now();
              typing.mutate({ conversationId });
            }
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" className="btn-primary" disabled={!canSend}>
          {send.isPending ? t("chat.composer.sending") : t("chat.composer.send")}
        </button>
      </div>
      <div className="mt-1 flex flex-wrap items-start gap-x-3 gap-y-1">
        <PendingAttachments state={files} max={MAX_ATTACHMENTS} compact />
        <p id={`${id}-hint`} className="min-w-0 flex-1 self-center text-xs text-slate-700 max-sm:sr-only">
          {t("chat.composer.hint")}
        </p>
      </div>
      {files.busy && <p className="mt-1 text-xs text-slate-700">{t("files.pending.wait")}</p>}
      {send.error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-800">
          {send.error.data ? send.error.message : t("chat.composer.failed")}
        </p>
      )}
    </form>
  );
}
