"use client";

import { Suspense, useState } from "react";
import { useT } from "@/components/i18n";
import { Modal } from "@/components/modal";
import { OpenCaseForm } from "./open-case-form";

/**
 * Contract 3: "Załóż sprawę" — opens the case form in a dialog (from a letter when `documentId` is
 * given: its subject, day of receipt and sender are filled in); on success goes to /sprawy/<id>.
 */
export function OpenCaseButton({ documentId, defaultTitle, label }: { documentId?: string; defaultTitle?: string; label?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn-primary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label ?? t("cases.newCase")}
      </button>
      <Modal open={open} title={t("cases.form.title")} onClose={() => setOpen(false)}>
        <Suspense fallback={<p className="text-sm text-slate-700">{t("common.loading")}</p>}>
          <OpenCaseForm documentId={documentId} defaultTitle={defaultTitle} onCancel={() => setOpen(false)} />
        </Suspense>
      </Modal>
    </>
  );
}
