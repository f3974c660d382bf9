"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { Badge } from "@/components/badge";
import { ConfirmButton } from "@/components/confirm-button";
import { Field, FormMessage, fieldErrorsOf } from "@/components/form/field";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { GROUP_TITLE_MAX_CHARS, type ConversationDetail } from "../chat.schemas";
import { PersonRow } from "./person-row";
import { PresenceDot } from "./presence-dot";
import { useSelfId } from "./self-context";

/**
 * "Szczegóły rozmowy" in the conversation header: who takes part (with presence); in a group its
 * manager renames it, adds and removes people, and anyone leaves it; a department room's members
 * follow the staff list (read only); a direct conversation shows the other person. The panel shows
 * the live conversation detail: changes made by others appear without a reload.
 */
export function ConversationDetailsButton({ conversation }: { conversation: ConversationDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn-secondary" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="conversation-details-button">
        {t("chat.details.button")}
      </button>
      <Modal open={open} title={t("chat.details.title")} onClose={() => setOpen(false)}>
        <ConversationDetails conversation={conversation} onClose={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function ConversationDetails({ conversation: c, onClose }: { conversation: ConversationDetail; onClose: () => void }) {
  const t = useT();
  const selfId = useSelfId();
  const [notice, setNotice] = useState<string | null>(null);
  const group = c.kind === "GROUP";
  return (
    <div className="space-y-5" data-testid="conversation-details">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={c.kind === "DEPARTMENT" ? "sky" : "slate"}>{t(`chat.kind.${c.kind}`)}</Badge>
        <span className="font-semibold break-words">{c.title}</span>
      </p>
      {group && c.canManage && <RenameForm conversation={c} onDone={setNotice} />}
      <FormMessage success={notice} />
      <section aria-labelledby="rozmowa-uczestnicy">
        <h3 id="rozmowa-uczestnicy" className="text-base font-semibold">
          {c.kind === "DIRECT" ? t("chat.details.direct") : t("chat.details.members", { n: c.members.length })}
        </h3>
        {c.kind === "DEPARTMENT" && <p className="text-sm text-slate-700">{t("chat.details.department")}</p>}
        {group && !c.canManage && <p className="text-sm text-slate-700">{t("chat.details.ownerOnly")}</p>}
        <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="conversation-members">
          {c.members
            .filter((m) => c.kind !== "DIRECT" || m.id !== selfId)
            .map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 p-2" data-testid="conversation-member">
                <span className="min-w-0 text-sm">
                  <span className="font-semibold">{m.name}</span> {m.id === selfId && <span>{t("chat.details.you")}</span>}{" "}
                  {m.isOwner && group && (
                    <Badge tone="brand" className="ml-1">
                      {t("chat.details.owner")}
                    </Badge>
                  )}
                  {(m.position ?? m.department) && <span className="block text-xs text-slate-700">{[m.position, m.department].filter(Boolean).join(" · ")}</span>}
                  <span className="block">
                    <PresenceDot userId={m.id} label office={m.location} />
                  </span>
                </span>
                {group && c.canManage && m.id !== selfId && <RemoveButton conversationId={c.id} person={m} onDone={setNotice} />}
              </li>
            ))}
        </ul>
      </section>
      {group && c.canManage && <AddPeople conversation={c} onDone={setNotice} />}
      <div className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4">
        {group ? <LeaveButton conversation={c} onLeft={onClose} /> : <span />}
        <button type="button" className="btn-secondary" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </div>
  );
}

/** Refetches the Komunikator's queries (the header, the list, the panel) after a change of one's own. */
function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.chat.pathKey() });
}

function RenameForm({ conversation, onDone }: { conversation: ConversationDetail; onDone: (notice: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [title, setTitle] = useState(conversation.title);
  const rename = useMutation(
    trpc.chat.rename.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t("chat.details.renamed"));
      },
    }),
  );
  const errors = fieldErrorsOf(rename.error);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        rename.mutate({ conversationId: conversation.id, title });
      }}
    >
      <div className="min-w-0 flex-1 basis-48">
        <Field label={t("chat.details.rename")} error={errors.title} required>
          {(p) => <input {...p} className="input w-full" value={title} maxLength={GROUP_TITLE_MAX_CHARS} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
      </div>
      <button type="submit" className="btn-primary" disabled={rename.isPending || !title.trim() || title.trim() === conversation.title}>
        {t("chat.details.renameSave")}
      </button>
      {rename.error && !errors.title && (
        <div className="w-full">
          <FormMessage error={rename.error.message} />
        </div>
      )}
    </form>
  );
}

function RemoveButton({ conversationId, person, onDone }: { conversationId: string; person: { id: string; name: string }; onDone: (notice: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const remove = useMutation(
    trpc.chat.removeMember.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t("chat.details.removed", { name: person.name }));
      },
    }),
  );
  return (
    <span className="flex flex-col items-end gap-1">
      <ConfirmButton
        className="btn-secondary"
        label={t("chat.details.remove", { name: person.name })}
        title={t("chat.details.removeTitle")}
        text={t("chat.details.removeText", { name: person.name })}
        confirmLabel={t("chat.details.remove", { name: person.name })}
        disabled={remove.isPending}
        onConfirm={() => remove.mutate({ conversationId, userId: person.id })}
      />
      {remove.error && <FormMessage error={remove.error.message} />}
    </span>
  );
}

interface Candidate {
  id: string;
  name: string;
  detail: string;
  office: string | null;
}

/** The people picker of "Nowa rozmowa", without the people already in the conversation. */
function AddPeople({ conversation, onDone }: { conversation: ConversationDetail; onDone: (notice: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Candidate[]>([]);
  const deferred = useDeferredValue(q.trim());
  const searching = deferred.length >= 2;
  const staff = useQuery(trpc.org.directory.staff.queryOptions({ q: deferred, page: 1 }, { enabled: searching }));
  const inside = new Set(conversation.members.map((m) => m.id));
  const people: Candidate[] = (staff.data?.items ?? [])
    .filter((u) => !inside.has(u.id))
    .map((u) => ({
      id: u.id,
      name: `${u.firstName} ${u.lastName}`,
      detail: [u.positionName, u.department?.symbol].filter(Boolean).join(", "),
      office: u.location?.name ?? null,
    }));
  const add = useMutation(
    trpc.chat.addMembers.mutationOptions({
      onSuccess: async () => {
        setChosen([]);
        setQ("");
        await refresh();
        onDone(t("chat.details.added"));
      },
    }),
  );
  const toAdd = chosen.filter((c) => !inside.has(c.id));
  return (
    <section aria-labelledby="rozmowa-dodaj" className="space-y-2">
      <h3 id="rozmowa-dodaj" className="text-base font-semibold">
        {t("chat.details.add")}
      </h3>
      <Field label={t("chat.details.addSearch")} hint={t("chat.details.addHint")}>
        {(p) => <input {...p} type="search" className="input w-full" value={q} maxLength={100} autoComplete="off" onChange={(e) => setQ(e.target.value)} />}
      </Field>
      {searching && (
        <ul className="max-h-56 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200" aria-busy={staff.isFetching} data-testid="chat-add-people">
          {staff.data && people.length === 0 && <li className="p-3 text-sm">{t("chat.details.noneToAdd")}</li>}
          {people.map((u) => {
            const picked = chosen.some((c) => c.id === u.id);
            return (
              <PersonRow key={u.id} person={u}>
                <button type="button" className="btn-secondary" aria-pressed={picked} onClick={() => setChosen((c) => (picked ? c.filter((x) => x.id !== u.id) : [...c, u]))}>
                  {picked ? t("chat.start.remove", { name: u.name }) : t("chat.start.add", { name: u.name })}
                </button>
              </PersonRow>
            );
          })}
        </ul>
      )}
      {toAdd.length > 0 && (
        <div>
          <h4 className="text-sm font-medium">{t("chat.start.chosen")}</h4>
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="chat-add-chosen">
            {toAdd.map((u) => (
              <li key={u.id}>
                <button type="button" className="btn-secondary" onClick={() => setChosen((c) => c.filter((x) => x.id !== u.id))}>
                  {t("chat.start.remove", { name: u.name })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormMessage error={add.error?.message} />
      <button
        type="button"
        className="btn-primary"
        disabled={add.isPending || toAdd.length === 0}
        onClick={() =>
          add.mutate({
            conversationId: conversation.id,
            userIds: toAdd.map((c) => c.id),
          })
        }
      >
        {t("chat.details.addChosen")}
      </button>
    </section>
  );
}

function LeaveButton({ conversation, onLeft }: { conversation: ConversationDetail; onLeft: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const selfId = useSelfId();
  const owner = conversation.members.some((m) => m.id === selfId && m.isOwner);
  const leave = useMutation(
    trpc.chat.removeMember.mutationOptions({
      onSuccess: () => {
        onLeft();
        // The conversation is gone for this person: drop it before anything refetches it.
        queryClient.removeQueries({
          queryKey: trpc.chat.get.queryKey({ conversationId: conversation.id }),
        });
        router.push("/komunikator");
        void queryClient.invalidateQueries({
          queryKey: trpc.chat.list.pathKey(),
        });
      },
    }),
  );
  return (
    <span className="flex flex-col gap-1">
      <ConfirmButton
        label={t("chat.details.leave")}
        title={t("chat.details.leaveTitle")}
        text={t(owner ? "chat.details.leaveTextOwner" : "chat.details.leaveText")}
        confirmLabel={t("chat.details.leave")}
        disabled={leave.isPending}
        onConfirm={() => selfId && leave.mutate({ conversationId: conversation.id, userId: selfId })}
      />
      {leave.error && <FormMessage error={leave.error.message} />}
    </span>
  );
}
