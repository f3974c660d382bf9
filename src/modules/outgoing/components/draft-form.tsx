"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Field, fieldErrorsOf, FormMessage } from "@/components/form/field";
import { zodFieldErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { ContactPicker } from "@/modules/contacts/components/contact-picker";
import type { ContactSummary } from "@/modules/contacts/contacts.schemas";
import { useTRPC } from "@/trpc/react";
import { OUTGOING_PATH, outgoingHref } from "../outgoing.params";
import { defaultChannelFor, OUTGOING_CHANNELS, recipientChannelProblem, ZCreateDraftInput, type DraftForm as DraftFormData, type OutgoingChannel } from "../outgoing.schemas";

type Recipient = { contact: ContactSummary; channel: OutgoingChannel };

/** Creating or editing an outgoing draft: subject, text, recipients from the contacts base with their channels. */
export function DraftForm({ initial }: { initial: DraftFormData }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [recipients, setRecipients] = useState<Recipient[]>(initial.recipients);
  const [picked, setPicked] = useState<ContactSummary | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [attempt, setAttempt] = useState(0);

  const onSuccess = async (r: { id: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.outgoing.pathKey() });
    router.push(outgoingHref(r.id));
  };
  const create = useMutation(trpc.outgoing.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.outgoing.update.mutationOptions({ onSuccess }));
  const mutation = initial.id ? update : create;
  const errors = clientErrors ?? fieldErrorsOf(mutation.error);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, mutation.error]);

  function addRecipient(c: ContactSummary | null) {
    setPicked(null);
    if (!c) return;
    if (recipients.some((r) => r.contact.id === c.id)) {
      setPickError(t("outgoing.form.duplicate"));
      return;
    }
    setPickError(null);
    setRecipients((list) => [...list, { contact: c, channel: defaultChannelFor(c) }]);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const values = {
      subject,
      body,
      recipients: recipients.map((r) => ({ contactId: r.contact.id, channel: r.channel })),
      caseId: initial.case?.id ?? null,
      replyToId: initial.replyTo?.id ?? null,
    };
    const parsed = ZCreateDraftInput.safeParse(values);
    const channelErrors: Record<string, string> = {};
    recipients.forEach((r, i) => {
      const problem = recipientChannelProblem(r.contact, r.channel);
      if (problem) channelErrors[`recipients.${i}.channel`] = problem;
    });
    const found = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...channelErrors };
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) {
      setClientErrors(found);
      mutation.reset();
      return;
    }
    setClientErrors(null);
    if (initial.id) update.mutate({ ...values, id: initial.id });
    else create.mutate(values);
  }

  const fieldCount = Object.keys(errors).length;
  const topError = clientErrors ? t("outgoing.form.hasErrors") : mutation.error ? (fieldCount > 1 ? t("outgoing.form.hasErrors") : fieldCount === 1 ? null : mutation.error.message) : null;
  const recipientsError = errors.recipients ?? errors["recipients.0.contactId"];

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="card space-y-5">
      <div aria-live="polite">
        <FormMessage error={topError} />
      </div>

      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-700">{t("outgoing.form.case")}</dt>
          <dd>
            {initial.case ? (
              <Link href={`/sprawy/${initial.case.id}`} className="link">
                {initial.case.mark} — {initial.case.title}
              </Link>
            ) : (
              t("outgoing.form.standalone")
            )}
          </dd>
        </div>
        {initial.replyTo && (
          <div>
            <dt className="font-medium text-slate-700">{t("outgoing.form.replyTo")}</dt>
            <dd>
              <Link href={`/pisma/przychodzace/${initial.replyTo.id}`} className="link">
                {initial.replyTo.label}
              </Link>{" "}
              — {initial.replyTo.subject}
            </dd>
          </div>
        )}
      </dl>

      <Field label={t("outgoing.form.subject")} error={errors.subject} required>
        {(p) => <input {...p} name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={300} className="input" autoComplete="off" />}
      </Field>

      <fieldset className="space-y-3">
        <legend className="label">
          {t("outgoing.form.recipients")}
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        </legend>
        {recipients.length === 0 ? (
          <p className="text-sm text-slate-700">{t("outgoing.form.recipientsEmpty")}</p>
        ) : (
          <ul className="space-y-3" data-testid="draft-recipients">
            {recipients.map((r, i) => (
              <li key={r.contact.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium">{r.contact.name}</p>
                    <p className="text-sm text-slate-700">{r.contact.address ?? t("outgoing.form.noAddress")}</p>
                    {r.contact.email && <p className="text-sm text-slate-700">{r.contact.email}</p>}
                    {r.contact.eDoreczeniaAddress && <p className="text-sm text-slate-700">{r.contact.eDoreczeniaAddress}</p>}
                  </div>
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={t("outgoing.form.remove", { name: r.contact.name })}
                    onClick={() => setRecipients((list) => list.filter((x) => x.contact.id !== r.contact.id))}
                  >
                    {t("common.delete")}
                  </button>
                </div>
                <div className="mt-2 max-w-sm">
                  <Field label={t("outgoing.form.channel", { name: r.contact.name })} error={errors[`recipients.${i}.channel`]}>
                    {(p) => (
                      <select
                        {...p}
                        value={r.channel}
                        className="input"
                        onChange={(e) => {
                          const channel = e.target.value as OutgoingChannel;
                          setRecipients((list) => list.map((x) => (x.contact.id === r.contact.id ? { ...x, channel } : x)));
                        }}
                      >
                        {OUTGOING_CHANNELS.map((c) => (
                          <option key={c} value={c}>
                            {t(`outgoing.channels.${c}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </div>
              </li>
            ))}
          </ul>
        )}
        <ContactPicker
          label={t("outgoing.form.recipientPicker")}
          hint={t("outgoing.form.recipientHint")}
          value={picked}
          onChange={addRecipient}
          error={pickError ?? recipientsError ?? undefined}
          allowCreate
        />
      </fieldset>

      <Field label={t("outgoing.form.body")} hint={t("outgoing.form.bodyHint")} error={errors.body}>
        {(p) => <textarea {...p} name="body" value={body} onChange={(e) => setBody(e.target.value)} rows={12} maxLength={20_000} className="input min-h-48 font-serif" />}
      </Field>

      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("outgoing.form.saving") : t("outgoing.form.save")}
        </button>
        <Link href={initial.id ? outgoingHref(initial.id) : OUTGOING_PATH} className="btn-secondary">
          {t("outgoing.form.cancel")}
        </Link>
      </div>
    </form>
  );
}
