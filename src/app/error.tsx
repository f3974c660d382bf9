"use client";

import { useLocale } from "@/components/i18n-provider";
import * as core from "@/lib/i18n/core.messages";

/**
 * The root error boundary. It is part of every page's JavaScript, so it takes its texts from the
 * core messages only, not from the whole catalogue (useT): the public pages stay light.
 */
export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const texts = core[useLocale()].errors;
  return (
    <main id="tresc" className="flex min-h-[60dvh] items-center justify-center px-3 py-12">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold">{texts.errorTitle}</h1>
        <p className="mt-2 text-slate-700">{texts.errorText}</p>
        <button type="button" className="btn-primary mt-6" onClick={reset}>
          {texts.retry}
        </button>
      </div>
    </main>
  );
}
