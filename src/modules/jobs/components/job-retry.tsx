"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";

type Flash = { kind: "success" | "error"; text: string } | null;

const FlashContext = createContext<(flash: Flash) => void>(() => undefined);

/**
 * Holds the outcome of the last "Ponów" above the list. It survives the refresh that follows a
 * retry (the client tree is kept), and takes the focus, since the button it came from is gone.
 */
export function JobsFlash({ children }: { children: React.ReactNode }) {
  const [flash, setFlash] = useState<Flash>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) ref.current?.focus();
  }, [flash]);
  return (
    <FlashContext.Provider value={setFlash}>
      <div ref={ref} tabIndex={-1} className="outline-none" data-testid="jobs-flash">
        <div role="status">
          {flash?.kind === "success" && <p className="mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{flash.text}</p>}
        </div>
        <div role="alert">
          {flash?.kind === "error" && <p className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{flash.text}</p>}
        </div>
      </div>
      {children}
    </FlashContext.Provider>
  );
}

/** "Ponów" on a job parked as DEAD: back to the queue, then the page is rendered again. */
export function RetryJobButton({ id }: { id: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const setFlash = useContext(FlashContext);
  const retry = useMutation(
    trpc.jobs.retry.mutationOptions({
      onSuccess: () => {
        setFlash({ kind: "success", text: t("jobs.retried", { id }) });
        router.refresh();
      },
      onError: (error) => setFlash({ kind: "error", text: error.message }),
    }),
  );
  return (
    <button
      type="button"
      className="btn-secondary"
      aria-label={t("jobs.retryLabel", { id })}
      disabled={retry.isPending}
      onClick={() => retry.mutate({ id })}
      data-testid="job-retry"
    >
      {retry.isPending ? t("jobs.retrying") : t("jobs.retry")}
    </button>
  );
}
