/**
 * One error type across layers. Services throw AppError with a generic code and a Polish message
 * for the user; the tRPC formatter and the pages show `userMessage` and nothing internal.
 */
export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  /** Field-level messages for forms, keyed by input path. */
  readonly fieldErrors?: Record<string, string>;

  constructor(code: AppErrorCode, userMessage: string, options?: { cause?: unknown; fieldErrors?: Record<string, string> }) {
    super(userMessage, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.fieldErrors = options?.fieldErrors;
  }
}

export const notFound = (what = "Nie znaleziono takiego rekordu albo nie masz do niego dostępu.") =>
  new AppError("NOT_FOUND", what);
export const forbidden = (what = "Nie masz uprawnień do tej czynności.") => new AppError("FORBIDDEN", what);
export const conflict = (what: string, fieldErrors?: Record<string, string>) => new AppError("CONFLICT", what, { fieldErrors });
export const badRequest = (what: string, fieldErrors?: Record<string, string>) =>
  new AppError("BAD_REQUEST", what, { fieldErrors });

/**
 * Unique-constraint violation, e.g. two departments with one symbol: Prisma's P2002 (PostgreSQL
 * server through @prisma/adapter-pg), or the raw SQLSTATE 23505 that pglite-prisma-adapter passes
 * through as a DriverAdapterError with `cause: { kind: "postgres", code: "23505" }`.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ("code" in error && (error as { code: unknown }).code === "P2002") return true;
  const cause = (error as { cause?: { kind?: unknown; code?: unknown } }).cause;
  return (error as { name?: unknown }).name === "DriverAdapterError" && cause?.kind === "postgres" && cause.code === "23505";
}
