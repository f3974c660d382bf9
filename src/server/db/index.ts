/**
 * The application's database: opened lazily on first use, migrated automatically, and seeded with
 * the demo office when empty (SEED_DEMO). One instance per process, kept across dev hot reloads.
 */
import "server-only";
import type { Prisma, PrismaClient } from "@prisma/client";
import { env } from "@/env";
import { applyMigrations, readMigrations } from "./migrate";
import { configuredTarget, openDatabase, type OpenDatabase } from "./open";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { obiegDb?: Promise<OpenDatabase> };

async function start(): Promise<OpenDatabase> {
  const database = await openDatabase(configuredTarget());
  await applyMigrations(database.runner, await readMigrations());
  await database.runner.withLock(async () => (await import("@prisma-seed/jrwa")).seedJrwaIfEmpty(database.prisma));
  await database.runner.withLock(async () => (await import("@/modules/bip/bip.menu-seed")).ensureBipMenu(database.prisma));
  if (env.SEED_DEMO) {
    const { seedDemoIfEmpty } = await import("@prisma-seed/demo");
    await database.runner.withLock(() => seedDemoIfEmpty(database.prisma));
  }
  return database;
}

/** The open database with its plumbing (LISTEN/NOTIFY for the outbox worker). */
export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.obiegDb ??= start().catch((error: unknown) => {
    globalForDb.obiegDb = undefined;
    throw error;
  });
  return globalForDb.obiegDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).prisma;
}
