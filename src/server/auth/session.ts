/**
 * The acting user of a request, loaded fresh from the database (roles and department changes apply
 * at once; a changed password or a deactivated account ends the session), and the page guards.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import { can, toRoles, type Permission } from "@/lib/permissions";
import type { Actor, RequestMeta } from "../context";
import { getDb, type Db } from "../db";
import { sessionIsCurrent } from "./auth.service";
import { getAuthSecret } from "./secret";

export async function loadActor(db: Db, userId: string, token: { sv?: unknown; authTime?: unknown }): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      roles: true,
      departmentId: true,
      locale: true,
      active: true,
      sessionVersion: true,
      position: { select: { name: true } },
    },
  });
  if (!user || !sessionIsCurrent(token, user)) return null;
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    roles: toRoles(user.roles),
    departmentId: user.departmentId,
    positionName: user.position?.name ?? null,
    locale: user.locale,
  };
}

/** Reads the session cookie of a request (route handlers, tRPC). */
export async function actorFromRequest(db: Db, req: { headers: Headers }): Promise<Actor | null> {
  const cookieHeader = req.headers.get("cookie") ?? "";
  const cookieMap = Object.fromEntries(
    cookieHeader
      .split(";")
      .map((c) => c.trim().split("="))
      .filter((p) => p.length >= 2)
      .map(([k, ...v]) => [k, decodeURIComponent(v.join("="))]),
  );
  const token = await getToken({ req: { headers: Object.fromEntries(req.headers), cookies: cookieMap } as never, secret: getAuthSecret() });
  if (!token || typeof token.uid !== "string") return null;
  return loadActor(db, token.uid, token as { sv?: unknown; authTime?: unknown });
}

/** The actor of the current server-component render; cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const db = await getDb();
  const h = await headers();
  const c = await cookies();
  const headerMap = new Headers(h);
  headerMap.set("cookie", c.toString());
  return actorFromRequest(db, { headers: headerMap });
});

export const getRequestMeta = cache(async (): Promise<RequestMeta> => {
  const h = await headers();
  return { ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: h.get("user-agent") };
});

/** Page guard: signed in, or off to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/logowanie");
  return actor;
}

/** Page guard: signed in and holding the permission, or a "no access" page (HTTP 403). */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.roles, permission)) forbidden();
  return actor;
}
