/**
 * next-auth (v4, stable) configuration: e-mail + password through the Credentials provider,
 * JWT sessions with an idle expiry (SESSION_IDLE_HOURS), and the absolute limit and revocation
 * checked on every request in session.ts.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/env";
import { recordAudit } from "../audit/audit";
import { getDb } from "../db";
import { authenticate } from "./auth.service";
import { getAuthSecret } from "./secret";

const ZCredentials = z.object({ email: z.string().trim().max(254), password: z.string().max(256) });

function header(req: { headers?: Record<string, unknown> } | undefined, name: string): string | null {
  const v = req?.headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : null;
}

export const authOptions: NextAuthOptions = {
  // Read lazily: `next build` imports this module and must not create the secret file.
  get secret() {
    return getAuthSecret();
  },
  session: { strategy: "jwt", maxAge: env.SESSION_IDLE_HOURS * 3600, updateAge: 15 * 60 },
  pages: { signIn: "/logowanie", error: "/logowanie" },
  providers: [
    CredentialsProvider({
      name: "E-mail i hasło",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new Error("invalid");
        const meta = {
          ip: header(req, "x-forwarded-for")?.split(",")[0]?.trim() ?? header(req, "x-real-ip"),
          userAgent: header(req, "user-agent"),
        };
        const result = await authenticate(await getDb(), parsed.data, meta);
        if (result.ok) return { id: result.userId, sv: result.sessionVersion };
        // The sign-in form turns these codes into Polish messages.
        throw new Error(result.reason === "locked" ? `locked:${result.until.toISOString()}` : result.reason);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv;
        token.authTime = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      const uid = typeof token?.uid === "string" ? token.uid : null;
      if (!uid) return;
      const db = await getDb();
      const user = await db.user.findUnique({ where: { id: uid }, select: { id: true, firstName: true, lastName: true, position: { select: { name: true } } } });
      if (!user) return;
      await recordAudit(
        db,
        { actor: { ...user, positionName: user.position?.name ?? null }, meta: { ip: null, userAgent: null } },
        { action: "auth.signed-out", entityType: "user", entityId: uid, data: {} },
      );
    },
  },
};
