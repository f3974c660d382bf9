"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { Field, FormMessage, fieldErrorsOf } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { GROUP_TITLE_MAX_CHARS } from "../chat.schemas";
import { newClientId } from "../chat.client";
import { PersonRow, type Person } from "./person-row";
import { PresenceDot } from "./presence-dot";
import { useSelfId } from "./self-context";

/** A letter or case to ask about: the group gets it as its subject and a first message with the link. */
export interface AskSubject {
  type: "document" | "case";
  id: string;
  href: string;
  label: string;
}

/** "Nowa rozmowa": a person (opens the one direct conversation with them) or a group (title + people). */
export function NewConversationButton({ subject, label, className = "btn-primary" }: { subject?: AskSubject; label?: string; className?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const title = subject ? t("chat.ask.title", { label: subject.label }) : t("chat.start.title");
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label ?? t("chat.start.button")}
      </button>
      <Modal open={open} title={title} description={subject ? t("chat.ask.description") : undefined} onClose={() => setOpen(false)}>
        <NewConversationForm subject={subject} onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function NewConversationForm({ subject, onDone }: { subject?: AskSubject; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const selfId = useSelfId();
  const [mode, setMode] = useState<"direct" | "group">(subject ? "group" : "direct");
  const [q, setQ] = useState("");
  const [title, setTitle] = useState(subject ? subject.label : "");
  const [chosen, setChosen] = useState<Person[]>([]);
  const deferred = useDeferredValue(q.trim());
  const staff = useQuery(trpc.org.directory.staff.queryOptions({ q: deferred, page: 1 }));
  const people: Person[] = (staff.data?.items ?? [])
    .filter((u) => u.id !== selfId)
    .map((u) => ({
      id: u.id,
      name: `${u.firstName} ${u.lastName}`,
      detail: [u.positionName, u.department?.symbol].filter(Boolean).join(", "),
      office: u.location?.name ?? null,
    }));
  // Asking about a record: the people responsible for it are chosen to begin with (once loaded).
  const suggested = useQuery(trpc.chat.askPeople.queryOptions(subject ? { type: subject.type, id: subject.id } : { type: "document", id: "-" }, { enabled: Boolean(subject) }));
  const preselected = useRef(false);
  useEffect(() => {
    if (preselected.current || !suggested.data) return;
    preselected.current = true;
    setChosen((c) =>
      c.length
        ? c
        : suggested.data.map((p) => ({
            id: p.id,
            name: p.name,
            detail: [p.position, p.department].filter(Boolean).join(", "),
            office: p.location,
          })),
    );
  }, [suggested.data]);

  const go = (id: string) => {
    onDone();
    router.push(`/komunikator/${id}`);
  };
  const openDirect = useMutation(trpc.chat.openDirect.mutationOptions({ onSuccess: ({ id }) => go(id) }));
  const send = useMutation(trpc.chat.send.mutationOptions());
  const createGroup = useMutation(
    trpc.chat.createGroup.mutationOptions({
      onSuccess: async ({ id }) => {
        if (subject)
          await send
            .mutateAsync({
              conversationId: id,
              clientId: newClientId(),
              body: t("chat.ask.firstMessage", { href: subject.href }),
            })
            .catch(() => undefined);
        go(id);
      },
    }),
  );
  const errors = fieldErrorsOf(createGroup.error);
  const error = openDirect.error?.message ?? (createGroup.error && !errors.title && !errors.memberIds ? createGroup.error.message : null);

  return (
    <div className="space-y-4">
      {!subject && (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="mb-1 text-sm font-medium">{t("chat.start.mode")}</legend>
          {(["direct", "group"] as const).map((m) => (
            <label key={m} className={`btn-secondary cursor-pointer ${mode === m ? "ring-2 ring-brand-600" : ""}`}>
              <input type="radio" name="rodzaj-rozmowy" className="sr-only" checked={mode === m} onChange={() => setMode(m)} />
              {t(m === "direct" ? "chat.start.direct" : "chat.start.group")}
            </label>
          ))}
        </fieldset>
      )}
      {mode === "group" && (
        <Field label={t("chat.start.groupTitle")} error={errors.title} required>
          {(p) => <input {...p} className="input w-full" value={title} maxLength={GROUP_TITLE_MAX_CHARS} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
      )}
      <Field label={t("chat.start.person")} hint={t("chat.start.personHint")} error={mode === "group" ? errors.memberIds : undefined}>
        {(p) => <input {...p} type="search" className="input w-full" value={q} maxLength={100} autoComplete="off" onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <ul className="max-h-64 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200" aria-busy={staff.isFetching} data-testid="chat-people">
        {staff.data && people.length === 0 && <li className="p-3 text-sm">{t("chat.start.noPeople")}</li>}
        {people.map((u) => {
          const picked = chosen.some((c) => c.id === u.id);
          return (
            <PersonRow key={u.id} person={u}>
              {mode === "direct" ? (
                <button type="button" className="btn-secondary" disabled={openDirect.isPending} onClick={() => openDirect.mutate({ userId: u.id })}>
                  {t("chat.start.write", { name: u.name })}
                </button>
              ) : (
                <button type="button" className="btn-secondary" aria-pressed={picked} onClick={() => setChosen((c) => (picked ? c.filter((x) => x.id !== u.id) : [...c, u]))}>
                  {picked ? t("chat.start.remove", { name: u.name }) : t("chat.start.add", { name: u.name })}
                </button>
              )}
            </PersonRow>
          );
        })}
      </ul>
      {mode === "group" && (
        <div>
          <h3 className="text-sm font-medium">{t("chat.start.chosen")}</h3>
          {chosen.length === 0 ? (
            <p className="text-sm text-slate-700">{t("chat.start.noneChosen")}</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-2" data-testid="chat-chosen">
              {chosen.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center gap-2">
                  <PresenceDot userId={u.id} />
                  <button type="button" className="btn-secondary" onClick={() => setChosen((c) => c.filter((x) => x.id !== u.id))}>
                    {t("chat.start.remove", { name: u.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FormMessage error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
        {mode === "group" && (
          <button
            type="button"
            className="btn-primary"
            disabled={createGroup.isPending}
            onClick={() =>
              createGroup.mutate({
                title,
                memberIds: chosen.map((c) => c.id),
                subject: subject ? { type: subject.type, id: subject.id } : undefined,
              })
            }
          >
            {t("chat.start.create")}
          </button>
        )}
      </div>
    </div>
  );
}

/** "Napisz wiadomość" next to a person (the directory, a profile): opens the direct conversation with them. */
export function WriteToButton({ userId, name }: { userId: string; name: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const open = useMutation(
    trpc.chat.openDirect.mutationOptions({
      onSuccess: ({ id }) => router.push(`/komunikator/${id}`),
    }),
  );
  return (
    <button type="button" className="link text-sm" disabled={open.isPending} aria-label={t("chat.writeToPerson", { name })} onClick={() => open.mutate({ userId })}>
      {t("chat.writeTo")}
    </button>
  );
}

/** "Zapytaj o to pismo" / "Zapytaj o tę sprawę" on a record's page (shown to whoever sees the page, i.e. the record). */
export function AskAboutButton({ subject, className = "btn-secondary" }: { subject: AskSubject; className?: string }) {
  const t = useT();
  return <NewConversationButton subject={subject} label={t(subject.type === "case" ? "chat.ask.case" : "chat.ask.document")} className={className} />;
}
