"use client";

import { useMemo } from "react";
import { createTranslator, type Translate } from "@/lib/i18n/translator";
import { useLocale } from "./i18n-provider";

export { I18nProvider, useLocale } from "./i18n-provider";

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => createTranslator(locale), [locale]);
}
