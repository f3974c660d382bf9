"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Field, FormMessage } from "@/components/form/field";
import { useFormErrors } from "@/components/form/form-errors";
import { useT } from "@/components/i18n";
import { ContactPicker } from "@/modules/contacts/components/contact-picker";
import type { ContactSummary } from "@/modules/contacts/contacts.schemas";
import { uploadDocumentFiles, type UploadKind } from "@/modules/files/upload-client";
import { useTRPC } from "@/trpc/react";
import { INCOMING_CHANNELS, ZRegisterLetterInput, type Option } from "../letters.schemas";
import { DepartmentChecks, PeoplePicker } from "./letter-form-parts";
import { SelectOptions } from "@/components/form/select-options";

interface Registered {
  id: string;
  registerNo: string;
  uploadError: string | null;
  files: number;
}

/** Registration of an incoming letter by the kancelaria; "Zarejestruj kolejne" starts a fresh form. */
export function RegisterLetterForm() {
  const [round, setRound] = useState(0);
  return <RegisterLetterRound key={round} onAnother={() => setRound((r) => r + 1)} />;
}

function RegisterLetterRound({ onAnother }: { onAnother: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: options } = useSuspenseQuery(trpc.letters.options.queryOptions());
  const [sender, setSender] = useState<ContactSummary | null>(null);
  const [confidential, setConfidential] = useState(false);
  const [access, setAccess] = useState<Option[]>([]);
  const [uploading, setUploading] = useState(false);
  const [done, setDone] = useState<Registered | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const register = useMutation(trpc.letters.register.mutationOptions());
  const { formRef, errors, clientErrors, check } = useFormErrors(ZRegisterLetterInput, register.error);
  const fieldCount = Object.keys(errors).length;
  const topError = clientErrors ? t("letters.form.hasErrors") : register.error ? (fieldCount > 0 ? t("letters.form.hasErrors") : register.error.message) : null;

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (done) {
    return (
      <section className="card space-y-4" aria-labelledby="letter-registered" data-testid="letter-registered">
        <div role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          <h2 id="letter-registered" ref={doneRef} tabIndex={-1} className="text-lg font-semibold">
            {t("letters.form.registered", { number: done.registerNo })}
          </h2>
          {done.files > 0 && !done.uploadError && <p className="mt-1 text-sm">{t("letters.form.filesAdded", { n: done.files })}</p>}
        </div>
        {done.uploadError && <FormMessage error={t("letters.form.uploadFailed", { message: done.uploadError })} />}
        <div className="flex flex-wrap gap-2">
          <Link href={`/pisma/przychodzace/${done.id}/potwierdzenie`} className="btn-secondary">
            {t("letters.form.print")}
          </Link>
          <button type="button" className="btn-primary" onClick={onAnother}>
            {t("letters.form.another")}
          </button>
          <Link href={`/pisma/przychodzace/${done.id}`} className="btn-secondary">
            {t("letters.form.open")}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="letter-register-title">
      <h2 id="letter-register-title" className="mb-1 text-lg font-semibold">
        {t("letters.form.title")}
      </h2>
      <p className="mb-4 text-sm text-slate-700">{t("letters.form.intro")}</p>
      <form
        ref={formRef}
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          const text = (k: string) => String(data.get(k) ?? "");
          const values = {
            channel: text("channel"),
            senderId: sender?.id ?? "",
            letterDate: text("letterDate"),
            receivedAt: text("receivedAt"),
            senderReference: text("senderReference"),
            subject: text("subject"),
            pages: text("pages"),
            attachmentsCount: text("attachmentsCount"),
            notes: text("notes"),
            confidential,
            accessUserIds: confidential ? access.map((a) => a.id) : [],
            leadingDepartmentId: text("leadingDepartmentId"),
            cooperatingDepartmentIds: data.getAll("cooperatingDepartmentIds").map(String),
            infoDepartmentIds: data.getAll("infoDepartmentIds").map(String),
          };
          const files = (data.getAll("files") as File[]).filter((f) => f instanceof File && f.size > 0);
          const kind = (text("filesKind") || "SCAN") as UploadKind;
          const ok = check(values);
          if (!ok) {
            register.reset();
            return;
          }
          register.mutate(ok.input, {
            onSuccess: async (r) => {
              let uploadError: string | null = null;
              if (files.length) {
                setUploading(true);
                try {
                  await uploadDocumentFiles(r.id, files, kind);
                } catch (error) {
                  uploadError = error instanceof Error ? error.message : String(error);
                } finally {
                  setUploading(false);
                }
              }
              await queryClient.invalidateQueries({ queryKey: trpc.letters.list.pathKey() });
              setDone({ id: r.id, registerNo: r.registerNo, uploadError, files: files.length });
            },
          });
        }}
      >
        <div aria-live="polite">
          <FormMessage error={topError} />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label={t("letters.form.channel")} error={errors.channel} required>
            {(p) => (
              // The first field: the form opens ready for the keyboard.
              <select {...p} name="channel" defaultValue="PAPER" className="input" autoFocus>
                {INCOMING_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`letters.channels.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <ContactPicker label={t("letters.form.sender")} value={sender} onChange={setSender} required allowCreate error={errors.senderId} hint={t("letters.form.senderHint")} />
          </div>
          <Field label={t("letters.form.receivedAt")} error={errors.receivedAt} hint={t("letters.form.receivedAtHint")} required>
            {(p) => <input {...p} name="receivedAt" type="datetime-local" defaultValue={options.now} max={`${options.now.slice(0, 10)}T23:59`} className="input" />}
          </Field>
          <Field label={t("letters.form.letterDate")} error={errors.letterDate}>
            {(p) => <input {...p} name="letterDate" type="date" max={options.now.slice(0, 10)} className="input" />}
          </Field>
          <Field label={t("letters.form.senderReference")} error={errors.senderReference}>
            {(p) => <input {...p} name="senderReference" maxLength={100} autoComplete="off" className="input" />}
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field label={t("letters.form.pages")} error={errors.pages}>
              {(p) => <input {...p} name="pages" inputMode="numeric" pattern="[0-9]*" maxLength={4} autoComplete="off" className="input" />}
            </Field>
            <Field label={t("letters.form.attachmentsCount")} error={errors.attachmentsCount}>
              {(p) => <input {...p} name="attachmentsCount" inputMode="numeric" pattern="[0-9]*" maxLength={4} autoComplete="off" className="input" />}
            </Field>
          </div>
          <div className="md:col-span-2">
            <Field label={t("letters.form.subject")} error={errors.subject} required>
              {(p) => <input {...p} name="subject" maxLength={500} autoComplete="off" className="input" />}
            </Field>
          </div>
          <div className="md:col-span-2">
            <Field label={t("letters.form.notes")} error={errors.notes}>
              {(p) => <textarea {...p} name="notes" rows={2} maxLength={2000} className="input" />}
            </Field>
          </div>
        </div>

        <fieldset className="rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("letters.form.files")}</legend>
          <p className="mb-2 text-xs text-slate-700" id="letter-files-hint">
            {t("letters.form.filesHint")}
          </p>
          <div className="grid gap-3 md:grid-cols-[1fr_14rem]">
            <div>
              <label htmlFor="letter-files" className="label">
                {t("letters.form.files")}
              </label>
              <input
                id="letter-files"
                name="files"
                type="file"
                multiple
                accept="application/pdf,image/*,.odt,.ods,.doc,.docx,.xls,.xlsx,.rtf,.txt,.xml,.zip,.tif,.tiff"
                aria-describedby="letter-files-hint"
                className="input"
              />
            </div>
            <Field label={t("letters.form.filesKind")}>
              {(p) => (
                <select {...p} name="filesKind" defaultValue="SCAN" className="input">
                  <option value="SCAN">{t("letters.form.kindScan")}</option>
                  <option value="ATTACHMENT">{t("letters.form.kindAttachment")}</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("letters.form.decreeTitle")}</legend>
          <p className="mb-3 text-xs text-slate-700">{t("letters.form.decreeIntro")}</p>
          <Field label={t("letters.form.leading")} error={errors.leadingDepartmentId}>
            {(p) => (
              <select {...p} name="leadingDepartmentId" defaultValue="" className="input md:max-w-md">
                <SelectOptions empty={t("letters.form.noLeading")} options={options.departments.map((d) => ({ value: d.id, label: d.label }))} />
              </select>
            )}
          </Field>
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            <DepartmentChecks name="cooperatingDepartmentIds" legend={t("letters.form.cooperating")} departments={options.departments} error={errors.cooperatingDepartmentIds} />
            <DepartmentChecks name="infoDepartmentIds" legend={t("letters.form.info")} departments={options.departments} error={errors.infoDepartmentIds} />
          </div>
        </fieldset>

        <fieldset className="rounded-md border border-slate-300 p-3">
          <legend className="sr-only">{t("letters.form.confidential")}</legend>
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1 size-4" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} aria-describedby="letter-confidential-hint" />
            <span>
              <span className="font-medium">{t("letters.form.confidential")}</span>
              <span id="letter-confidential-hint" className="block text-xs text-slate-700">
                {t("letters.form.confidentialHint")}
              </span>
            </span>
          </label>
          {confidential && <PeoplePicker label={t("letters.form.access")} people={options.people} value={access} onChange={setAccess} error={errors.accessUserIds} />}
        </fieldset>

        <button type="submit" className="btn-primary" disabled={register.isPending || uploading}>
          {uploading ? t("letters.form.uploading") : register.isPending ? t("letters.form.saving") : t("letters.form.submit")}
        </button>
      </form>
    </section>
  );
}
