/**
 * Every tRPC procedure refuses callers without its permission. The test walks the whole router,
 * so a procedure added later is covered the day it is added: it must declare `permission` or
 * `signedIn` in its meta (permissionProcedure / protectedProcedure do), or be listed as public.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/permissions";
import { createActor, TEST_META } from "@/test/factories";
import { createTestDb, type TestDb } from "@/test/db";
import { appRouter, createCaller } from "./root";
import type { ProcedureMeta } from "./trpc";

/** Procedures open to everyone, on purpose. */
const PUBLIC_PROCEDURES: string[] = [];

type AnyProcedure = { _def: { meta?: ProcedureMeta; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

function call(caller: unknown, path: string): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(undefined);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `THREW ${String(error)}`;
  }
}

describe("access to every tRPC procedure", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb("pglite");
  });
  afterAll(async () => db?.destroy());

  it("has procedures, each declaring who may call it", () => {
    expect(procedures.length).toBeGreaterThan(0);
    for (const [path, proc] of procedures) {
      const meta = proc._def.meta ?? {};
      expect(Boolean(meta.permission || meta.signedIn || PUBLIC_PROCEDURES.includes(path)), `${path} declares no access rule`).toBe(true);
    }
  });

  it.each(procedures.filter(([path]) => !PUBLIC_PROCEDURES.includes(path)).map(([path]) => path))("%s refuses an anonymous caller", async (path) => {
    const caller = createCaller({ db: db.prisma, actor: null, meta: TEST_META });
    expect(await codeOf(call(caller, path))).toBe("UNAUTHORIZED");
  });

  it.each(procedures.filter(([, p]) => p._def.meta?.permission).map(([path, p]) => [path, p._def.meta!.permission!] as const))(
    "%s refuses every role without %s",
    async (path, permission) => {
      const lacking = ROLES.filter((r) => !can([r], permission));
      const refusals = await Promise.all(
        [[], ...lacking.map((r) => [r])].map(async (roles) => {
          const ctx = await createActor(db.prisma, roles as never);
          return codeOf(call(createCaller({ ...ctx }), path));
        }),
      );
      expect(refusals.every((c) => c === "FORBIDDEN"), refusals.join(",")).toBe(true);
    },
  );
});
