/**
 * The translation layer: every user-facing text goes through `t(key, params)`. Polish is the source
 * language; English must have exactly the same keys (the type checker enforces it). Client-safe.
 */
import { catalog, type Messages } from "./catalog";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

export { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, type Locale } from "./locales";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type TParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored locale (a user's, a cookie's) or the default when it is not one we have. */
export function localeOr(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * `{name}` is replaced by params.name. `{n|jeden|kilka|wiele}` picks the Polish plural form
 * (1 / 2–4, 22–24… / other) for the number in params.n; English uses the first and last forms.
 */
export function createTranslator(locale: Locale): Translate {
  const messages = catalog[locale];
  const plural = new Intl.PluralRules(locale);
  return (key, params) => {
    const template = lookup(messages, key) ?? lookup(catalog.pl, key) ?? key;
    return template.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, name: string, forms?: string) => {
      const value = params?.[name];
      if (value === undefined) return `{${name}}`;
      if (!forms) return typeof value === "number" ? formatNumber(value, locale) : value;
      const [one, few, many] = forms.split("|");
      const rule = plural.select(Number(value));
      const word = rule === "one" ? one : rule === "few" ? few : (many ?? few);
      return `${formatNumber(Number(value), locale)} ${word ?? ""}`.trim();
    });
  };
}

const TIME_ZONE = "Europe/Warsaw";

export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB").format(value);
}

export function formatDate(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.DateTimeFormat(locale === "pl" ? "pl-PL" : "en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" }).format(
    new Date(value),
  );
}

export function formatDateTime(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.DateTimeFormat(locale === "pl" ? "pl-PL" : "en-GB", {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(value));
}

/** A calendar date (YYYY-MM-DD) as it is today in Poland. */
export function todayInPoland(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
