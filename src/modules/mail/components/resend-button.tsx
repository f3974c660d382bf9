"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";

/**
 * "Wyślij ponownie" on a FAILED message: back to the queue, then the page is rendered again. Stays
 * mounted after the refresh (the button gone) so the outcome remains readable and focused.
 */
export function ResendEmailButton({ id, canResend }: { id: string; canResend: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  const resend = useMutation(
    trpc.mail.resend.mutationOptions({
      onSuccess: () => {
        setMessage({ kind: "success", text: t("mail.resend.done") });
        router.refresh();
      },
      onError: (error) => setMessage({ kind: "error", text: error.message }),
    }),
  );
  return (
    <div className="flex flex-col items-start gap-2">
      {canResend && (
        <button type="button" className="btn-primary" disabled={resend.isPending} onClick={() => resend.mutate({ id })} data-testid="mail-resend">
          {resend.isPending ? t("mail.resend.pending") : t("mail.resend.action")}
        </button>
      )}
      <div role="status">
        {message?.kind === "success" && (
          <p ref={ref} tabIndex={-1} className="text-sm text-green-900 outline-none" data-testid="mail-resend-done">
            {message.text}
          </p>
        )}
      </div>
      <div role="alert">
        {message?.kind === "error" && (
          <p ref={ref} tabIndex={-1} className="text-sm text-red-900 outline-none">
            {message.text}
          </p>
        )}
      </div>
    </div>
  );
}
