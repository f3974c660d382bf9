"use client";

import { useState } from "react";
import { useT } from "./i18n";
import { Modal } from "./modal";

/**
 * The answers to "are you sure?" in a dialog: "Anuluj" first (the dialog opens with focus on the
 * harmless choice), then the destructive action.
 */
export function ConfirmActions({ confirmLabel, onConfirm, onCancel, disabled }: { confirmLabel: string; onConfirm: () => void; onCancel: () => void; disabled?: boolean }) {
  const t = useT();
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className="btn-secondary" onClick={onCancel}>
        {t("common.cancel")}
      </button>
      <button type="button" className="btn-danger" disabled={disabled} onClick={onConfirm}>
        {confirmLabel}
      </button>
    </div>
  );
}

/** A button that asks first, in a modal dialog (Escape or "Anuluj" closes it); confirming closes it and runs `onConfirm`. */
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
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} disabled={disabled} aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
      <Modal open={open} title={title} description={text} narrow onClose={() => setOpen(false)}>
        <ConfirmActions
          confirmLabel={confirmLabel}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setOpen(false);
            onConfirm();
          }}
        />
      </Modal>
    </>
  );
}
