/**
 * tRPC plumbing: the request context, the one error formatter and the three procedure kinds —
 * `publicProcedure`, `protectedProcedure` (signed in) and `permissionProcedure(p)` (signed in and
 * holding p in the role→permission map). Routers stay thin: permission + input + one service call.
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { can, type Permission } from "@/lib/permissions";
import type { Actor, RequestMeta } from "../context";
import type { Db } from "../db";
import { AppError } from "../errors";

/** Procedure metadata: the permission it requires (read by the access test that walks every procedure). */
export interface ProcedureMeta {
  permission?: Permission;
  /** Any signed-in user may call it (e.g. their own profile). */
  signedIn?: boolean;
}

export interface TRPCContext {
  db: Db;
  actor: Actor | null;
  meta: RequestMeta;
}

const CODE_MAP = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
} as const;

const GENERIC_MESSAGE = "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.";

const t = initTRPC.context<TRPCContext>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appError = cause instanceof AppError ? cause : null;
    const zodError = cause instanceof z.ZodError ? cause : null;
    const fieldErrors = appError?.fieldErrors ?? (zodError ? flattenZod(zodError) : undefined);
    const message = appError
      ? appError.userMessage
      : zodError
        ? "Formularz zawiera błędy. Popraw zaznaczone pola."
        : error.code === "INTERNAL_SERVER_ERROR"
          ? GENERIC_MESSAGE
          : error.message;
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors: fieldErrors ?? null } };
  },
});

function flattenZod(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** AppError thrown by a service becomes the matching tRPC error, keeping its Polish message. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const appError = result.error.cause;
    throw new TRPCError({ code: CODE_MAP[appError.code], message: appError.userMessage, cause: appError });
  }
  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

export const publicProcedure = t.procedure.use(errorMapping);

export const protectedProcedure = publicProcedure.meta({ signedIn: true }).use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sesja wygasła. Zaloguj się ponownie." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export function permissionProcedure(permission: Permission) {
  return protectedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!can(ctx.actor.roles, permission)) throw new TRPCError({ code: "FORBIDDEN", message: "Nie masz uprawnień do tej czynności." });
    return next();
  });
}
