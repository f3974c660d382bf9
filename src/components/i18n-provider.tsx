"use client";

/**
 * The locale of the page, for client components. Kept apart from the translator (./i18n) so that a
 * page without translated client components — the public BIP — does not download the message
 * catalogue: the root layout imports only this file.
 */
import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
