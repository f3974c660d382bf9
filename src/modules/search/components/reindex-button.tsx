"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { useT } from "@/components/i18n";
import { useTRPC } from "@/trpc/react";

/**
 * "Przebuduj indeks": asks first, queues the rebuild (the request returns at once) and, while a
 * rebuild is queued or running, refreshes the page every few seconds so its state and counts move.
 */
export function ReindexButton({ running }: { running: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const reindex = useMutation(
    trpc.search.reindex.mutationOptions({
      onSuccess: ({ queued }) => {
        setMessage({ kind: "ok", text: queued ? t("search.admin.rebuildQueued") : t("search.admin.rebuildAlready") });
        router.refresh();
      },
      onError: (error) => setMessage({ kind: "error", text: error.message }),
    }),
  );

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 3_000);
    return () => clearInterval(timer);
  }, [running, router]);

  return (
    <div className="space-y-2">
      <ConfirmButton
        label={t("search.admin.rebuild")}
        title={t("search.admin.rebuildTitle")}
        text={t("search.admin.rebuildConfirm")}
        confirmLabel={t("search.admin.rebuild")}
        className="btn-primary"
        disabled={running || reindex.isPending}
        onConfirm={() => reindex.mutate()}
        testId="search-reindex"
      />
      <div role="status" aria-live="polite">
        {message?.kind === "ok" && <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{message.text}</p>}
      </div>
      <div role="alert">{message?.kind === "error" && <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{message.text}</p>}</div>
    </div>
  );
}
