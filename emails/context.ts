/** What every template needs besides its own props: the reader's language and the office's branding. */
import { createTranslator, type Locale, type Translate } from "@/lib/i18n/translator";
import type React from "react";

export interface EmailContext {
  locale: Locale;
  /** The office's full name (Office id 1), shown in the header and footer. */
  officeName: string;
  /** Public address of the app (APP_URL): relative links are resolved against it. */
  appUrl: string;
}

export const PREVIEW_CONTEXT: EmailContext = { locale: "pl", officeName: "Urząd Miasta i Gminy Boguchwała", appUrl: "http://localhost:3000" };

export function translatorOf(context: EmailContext): Translate {
  return createTranslator(context.locale);
}

/**
 * An absolute http(s) address for a link: relative paths are resolved against the app's address,
 * anything else (javascript:, data:, garbage) falls back to the app's address.
 */
export function safeUrl(url: string, appUrl: string): string {
  try {
    const resolved = new URL(url, appUrl);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : new URL(appUrl).href;
  } catch {
    return appUrl;
  }
}

/** One line for a header (subject, name): no line breaks, no runs of spaces, bounded length. */
export function oneLine(value: string, max = 250): string {
  return value.replace(/[\r\n\t\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim().slice(0, max);
}

/** A template: the component (HTML), its subject and its plain-text version, all from the same props. */
export interface EmailDefinition<P> {
  Component: (props: P & { context: EmailContext }) => React.ReactElement;
  subject(props: P, context: EmailContext): string;
  text(props: P, context: EmailContext): string;
}
