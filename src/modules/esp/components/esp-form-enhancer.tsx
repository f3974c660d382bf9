"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useT } from "@/components/i18n";
import { parseEspForm, type EspFormCode } from "../esp.forms";
import { MAX_FILE_MB, MAX_FILES, MAX_TOTAL_MB } from "../esp.schemas";

export const draftKey = (code: string) => `obieg-esp-draft:${code}`;
const SKIP = new Set(["idempotencyKey", "attachments"]);
const noSubscribe = () => () => {};

/**
 * Progressive enhancement of a server-rendered ESP form: a draft kept in localStorage (restored when
 * the browser comes back, cleared after a successful submission), and the same validation as the
 * server before sending. Without JavaScript the form works as it is.
 */
export function EspFormEnhancer({ formId, code, restore }: { formId: string; code: EspFormCode; restore: boolean }) {
  const t = useT();
  const noteRef = useRef<HTMLSpanElement>(null);
  const restoredRef = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState<string | null>(null);
  // Nothing to say without JavaScript (no draft, no clearing): rendered only once hydrated.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form || !hydrated) return;
    if (restore && !restoredRef.current) {
      restoredRef.current = true;
      try {
        const saved = JSON.parse(localStorage.getItem(draftKey(code)) ?? "null") as Record<string, string> | null;
        if (saved) {
          for (const [name, value] of Object.entries(saved)) {
            const el = form.elements.namedItem(name);
            if (el instanceof HTMLInputElement && el.type === "checkbox") el.checked = value === "on";
            else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) el.value = value;
          }
          if (noteRef.current) noteRef.current.textContent = t("esp.form.draftRestored");
        }
      } catch {
        // A broken draft is simply ignored.
      }
    }
    const values = () => {
      const out: Record<string, string> = {};
      for (const [k, v] of new FormData(form)) if (!SKIP.has(k) && typeof v === "string") out[k] = v;
      return out;
    };
    const save = () => {
      try {
        localStorage.setItem(draftKey(code), JSON.stringify(values()));
      } catch {
        // Storage full or disabled: no draft.
      }
    };
    const showErrors = (errors: Record<string, string>) => {
      for (const p of form.querySelectorAll<HTMLElement>("[data-error-for]")) {
        const name = p.dataset.errorFor!;
        p.textContent = errors[name] ?? "";
        const el = form.querySelector<HTMLElement>(`[name="${name}"]`);
        if (errors[name]) el?.setAttribute("aria-invalid", "true");
        else el?.removeAttribute("aria-invalid");
      }
    };
    const onSubmit = (event: SubmitEvent) => {
      const parsed = parseEspForm(code, values());
      const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
      const input = form.elements.namedItem("attachments");
      if (input instanceof HTMLInputElement && input.files) {
        const files = [...input.files];
        const total = files.reduce((s, f) => s + f.size, 0);
        const big = files.find((f) => f.size > MAX_FILE_MB * 1024 * 1024);
        if (files.length > MAX_FILES) errors.attachments = t("esp.form.tooManyFiles", { count: MAX_FILES });
        else if (big) errors.attachments = t("esp.form.fileTooLarge", { name: big.name, mb: MAX_FILE_MB });
        else if (total > MAX_TOTAL_MB * 1024 * 1024) errors.attachments = t("esp.form.totalTooLarge", { mb: MAX_TOTAL_MB });
      }
      showErrors(errors);
      if (Object.keys(errors).length > 0) {
        event.preventDefault();
        setSummary(t("esp.errorSummary"));
        requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return;
      }
      setSummary(null);
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
      if (button) {
        // The idempotency key makes a second click harmless; this only shows it is on its way.
        button.setAttribute("aria-disabled", "true");
        button.textContent = t("esp.form.submitting");
      }
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
      form.removeEventListener("submit", onSubmit);
    };
  }, [formId, code, restore, t, hydrated]);

  const clear = () => {
    localStorage.removeItem(draftKey(code));
    (document.getElementById(formId) as HTMLFormElement | null)?.reset();
    if (noteRef.current) noteRef.current.textContent = t("esp.form.draftSaved");
  };

  if (!hydrated) return null;
  return (
    <div className="space-y-2">
      {summary && (
        <div ref={summaryRef} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {summary}
        </div>
      )}
      <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700" role="status">
        <span ref={noteRef}>{t("esp.form.draftSaved")}</span>
        <button type="button" className="link" onClick={clear}>
          {t("esp.form.draftClear")}
        </button>
      </p>
    </div>
  );
}

/** On the receipt page: the submitted form's draft is no longer needed. */
export function EspDraftClear({ code }: { code: string }) {
  useEffect(() => {
    try {
      localStorage.removeItem(draftKey(code));
    } catch {
      // Nothing to clear.
    }
  }, [code]);
  return null;
}
