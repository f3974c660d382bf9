/**
 * The citizen's ESP session in Next.js: the "obieg_esp" cookie (httpOnly, SameSite=Lax, Secure on
 * https) holding a random token whose SHA-256 is the EspSession row. Separate from staff sign-in.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/env";
import type { RequestMeta } from "@/server/context";
import { getDb } from "@/server/db";
import { findEspSession, type EspAccountDto } from "./esp.auth.service";
import { ESP_SESSION_COOKIE, SESSION_HOURS } from "./esp.schemas";

export const getEspAccount = cache(async (): Promise<EspAccountDto | null> => {
  const token = (await cookies()).get(ESP_SESSION_COOKIE)?.value;
  return findEspSession(await getDb(), token);
});

/** Where to go after signing in: only ESP paths of this site (no open redirect). */
export function safeNext(value: unknown): string | null {
  return typeof value === "string" && /^\/esp(\/[A-Za-z0-9._-]+)*$/.test(value) ? value : null;
}

/** Page guard: a signed-in citizen, or off to the ESP sign-in page (coming back to `next` afterwards). */
export async function requireEspAccount(next?: string): Promise<EspAccountDto> {
  const account = await getEspAccount();
  if (!account) redirect(next && safeNext(next) ? `/esp/logowanie?dalej=${encodeURIComponent(next)}` : "/esp/logowanie");
  return account;
}

export function espCookieOptions(maxAgeSeconds = SESSION_HOURS * 3600) {
  return { httpOnly: true, sameSite: "lax" as const, secure: env.APP_URL.startsWith("https:"), path: "/", maxAge: maxAgeSeconds };
}

/** In a server action or route handler. */
export async function setEspSessionCookie(token: string): Promise<void> {
  (await cookies()).set(ESP_SESSION_COOKIE, token, espCookieOptions());
}

export function metaOf(h: Headers): RequestMeta {
  return { ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

export async function currentMeta(): Promise<RequestMeta> {
  return metaOf(await headers());
}

/** A cross-site form must not post with the citizen's cookie (SameSite=Lax covers most, this the rest). */
export function sameOrigin(h: Headers): boolean {
  const origin = h.get("origin");
  if (!origin) return true;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
