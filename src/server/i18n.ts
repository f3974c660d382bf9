import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { createTranslator, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale, type Translate } from "@/lib/i18n/translator";
import { getActor } from "./auth/session";

/** The signed-in user's language, else the cookie, else Polish. */
export const getLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  if (actor && isLocale(actor.locale)) return actor.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
});

export const getT = cache(async (): Promise<Translate> => createTranslator(await getLocale()));
