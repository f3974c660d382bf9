"use client";

import { useEffect, useId, useRef } from "react";

/**
 * A native <dialog> driven by `open`: shown with showModal (focus trapped, Escape closes it, the
 * browser moves focus to its first control and back to the opener when it closes).
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}

/**
 * A modal dialog with a title (its accessible name) and, when given, a description read out with
 * it. Its content is rendered only while it is open; Escape calls `onClose`.
 */
export function Modal({
  open,
  title,
  description,
  narrow = false,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  description?: string;
  /** 30rem wide (a question) instead of 42rem (a form). */
  narrow?: boolean;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const ref = useModalDialog(open);
  const id = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-text` : undefined}
      onClose={onClose}
      className={`m-auto max-h-[calc(100dvh-1rem)] ${narrow ? "w-[min(30rem,calc(100vw-2rem))]" : "w-[min(42rem,calc(100vw-1rem))]"} rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50`}
    >
      {open && (
        <div className="p-4 sm:p-6">
          <h2 id={`${id}-title`} className="mb-4 text-lg font-semibold">
            {title}
          </h2>
          {description && (
            <p id={`${id}-text`} className="mb-4 text-sm text-slate-800">
              {description}
            </p>
          )}
          {children}
        </div>
      )}
    </dialog>
  );
}
