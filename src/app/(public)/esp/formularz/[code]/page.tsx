import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EspFormEnhancer } from "@/modules/esp/components/esp-form-enhancer";
import { EspFormField, fieldId } from "@/modules/esp/components/esp-form-fields";
import { EspShell } from "@/modules/esp/components/esp-shell";
import { ESP_FORMS, isEspFormCode } from "@/modules/esp/esp.forms";
import { ESP_ACCEPT, MAX_FILE_MB, MAX_FILES, MAX_TOTAL_MB } from "@/modules/esp/esp.schemas";
import { requireEspAccount } from "@/modules/esp/esp.session";
import { stashTake, type FormStash } from "@/modules/esp/esp.stash";
import { getT } from "@/server/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const t = await getT();
  const { code } = await params;
  if (!isEspFormCode(code)) return { title: t("esp.form.unknownForm") };
  return { title: `${t(`esp.forms.${code}.title`)} · ${t("esp.title")}`, description: t(`esp.forms.${code}.description`) };
}

const SENDER = new Set(["senderName", "street", "postalCode", "city", "phone"]);

/**
 * An ESP form, server-rendered: it posts (multipart) to /api/esp/formularz/<code>, which comes back
 * here with the values and errors when something is wrong. JavaScript adds a draft and checks before sending.
 */
export default async function EspFormPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ stan?: string }> }) {
  const [{ code }, { stan }] = await Promise.all([params, searchParams]);
  const account = await requireEspAccount(`/esp/formularz/${code}`);
  if (!isEspFormCode(code)) notFound();
  const t = await getT();
  const back = stashTake<FormStash>(account.id, stan);
  const values = back?.values ?? { senderName: account.name };
  const errors = back?.errors ?? {};
  const form = ESP_FORMS[code];
  const formId = "formularz-esp";
  // A fresh key per render: a double click or a retry of this very form gives one submission.
  const idempotencyKey = randomBytes(18).toString("base64url");
  const errorNames = Object.keys(errors);
  return (
    <EspShell>
      <h1 className="text-2xl font-semibold">{t(`esp.forms.${code}.title`)}</h1>
      <p className="mt-1 text-slate-700">{t(`esp.forms.${code}.description`)}</p>
      {back && (
        <div role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p>{back.message ?? t("esp.errorSummary")}</p>
          {errorNames.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {errorNames.map((name) => (
                <li key={name}>
                  <a className="underline" href={`#${fieldId(name)}`}>
                    {errors[name]}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form id={formId} method="post" action={`/api/esp/formularz/${code}`} encType="multipart/form-data" noValidate className="mt-4 space-y-6">
        <EspFormEnhancer formId={formId} code={code} restore={!back} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 font-semibold">{t("esp.form.sender")}</legend>
          {form.fields
            .filter((f) => SENDER.has(f.name))
            .map((f) => (
              <EspFormField key={f.name} field={f} value={values[f.name] ?? ""} error={errors[f.name]} t={t} />
            ))}
        </fieldset>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 font-semibold">{t("esp.form.content")}</legend>
          {form.fields
            .filter((f) => !SENDER.has(f.name))
            .map((f) => (
              <EspFormField key={f.name} field={f} value={values[f.name] ?? ""} error={errors[f.name]} t={t} />
            ))}
        </fieldset>
        <fieldset className="space-y-2 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 font-semibold">{t("esp.form.attachments")}</legend>
          <label htmlFor={fieldId("attachments")} className="label">
            {t("esp.form.attachments")} ({t("esp.optional")})
          </label>
          <input
            id={fieldId("attachments")}
            name="attachments"
            type="file"
            multiple
            accept={ESP_ACCEPT}
            aria-invalid={errors.attachments ? true : undefined}
            aria-describedby={`${fieldId("attachments")}-hint ${fieldId("attachments")}-error`}
            className="block w-full text-sm"
          />
          <p id={`${fieldId("attachments")}-hint`} className="text-xs text-slate-700">
            {t("esp.form.attachmentsHint", { count: MAX_FILES, fileMb: MAX_FILE_MB, totalMb: MAX_TOTAL_MB })}
            {back ? ` ${t("esp.form.attachmentsAgain")}` : ""}
          </p>
          <p id={`${fieldId("attachments")}-error`} data-error-for="attachments" className="text-sm text-red-800">
            {errors.attachments ?? ""}
          </p>
        </fieldset>
        <button type="submit" className="btn-primary w-full sm:w-auto">
          {t("esp.form.submit")}
        </button>
      </form>
    </EspShell>
  );
}
