"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "@/components/i18n";
import type { DocumentFileDto } from "@/modules/files/files.schemas";
import { SignFileDialog, SigningProblem, useFileSigning } from "@/modules/signatures/components/use-file-signing";
import { useTRPC } from "@/trpc/react";

/** The letter's PDF that approvals sign: its draft (projekt) PDF if there is one, else its first PDF. */
export function letterPdf(files: readonly DocumentFileDto[]): DocumentFileDto | null {
  const pdfs = files.filter((f) => f.mimeType === "application/pdf");
  return pdfs.find((f) => f.kind === "DRAFT") ?? pdfs[0] ?? null;
}

/**
 * "Podpisz i przekaż do akceptacji" (the author) or "Podpisz i zatwierdź" (the approver): the
 * letter's PDF is signed (PAdES, the key in this browser, after a confirmation naming the file),
 * then the act is recorded with that signature. Shown only when the letter has a PDF.
 */
export function SignedDecisionButton({
  documentId,
  purpose,
  label,
  dialogTitle,
  disabled,
  onSigned,
}: {
  documentId: string;
  purpose: "SUBMIT" | "APPROVE";
  label: string;
  dialogTitle: string;
  disabled: boolean;
  onSigned: (signatureId: string) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const files = useQuery(trpc.files.list.queryOptions({ documentId }));
  const pdf = files.data ? letterPdf(files.data.items) : null;
  const signatures = useQuery({ ...trpc.signatures.signing.list.queryOptions({ fileId: pdf?.id ?? "" }), enabled: Boolean(pdf) });
  const certificate = signatures.data?.certificate ?? null;
  const signing = useFileSigning(certificate);
  const [target, setTarget] = useState<DocumentFileDto | null>(null);
  if (!pdf) return null;

  return (
    <>
      <button
        type="button"
        className="btn-primary"
        aria-haspopup="dialog"
        disabled={disabled || signing.busy || !signatures.data}
        onClick={() => {
          setTarget(pdf);
          void signing.start();
        }}
        data-testid={`sign-and-${purpose.toLowerCase()}`}
      >
        {signing.busy ? t("signatures.signing.signing") : label}
      </button>
      <div className="basis-full empty:hidden">
        <SigningProblem status={signing.status} />
      </div>
      {target && (
        <SignFileDialog
          open={signing.status.kind === "confirm"}
          file={target}
          certificate={certificate}
          title={dialogTitle}
          confirmLabel={label}
          onCancel={signing.cancel}
          onConfirm={() =>
            void signing.sign(target.id, purpose).then((signature) => {
              if (signature) onSigned(signature.id);
            })
          }
        />
      )}
    </>
  );
}
