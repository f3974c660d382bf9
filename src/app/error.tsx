"use client";

import { useT } from "@/components/i18n";

export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <main id="tresc" className="flex min-h-[60dvh] items-center justify-center px-3 py-12">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold">{t("errors.errorTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("errors.errorText")}</p>
        <button type="button" className="btn-primary mt-6" onClick={reset}>
          {t("errors.retry")}
        </button>
      </div>
    </main>
  );
}
