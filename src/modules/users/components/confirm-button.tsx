"use client";

import { useId, useRef } from "react";
import { useT } from "@/components/i18n";

/** A button that asks first, in a modal <dialog> (Escape or "Anuluj" closes it; focus starts on "Anuluj"). */
export function ConfirmButton({
  label,
  title,
  text,
  confirmLabel,
  onConfirm,
  disabled,
  className = "btn-danger",
  testId,
}: {
  label: string;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  testId?: string;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={className} disabled={disabled} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()} data-testid={testId}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/50">
        <form method="dialog" className="space-y-4 p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <p id={`${id}-text`} className="text-sm text-slate-800">
            {text}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="submit" value="cancel" className="btn-secondary" autoFocus>
              {t("common.cancel")}
            </button>
            <button
              type="button"
              className="btn-danger"
              onClick={() => {
                dialog.current?.close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
