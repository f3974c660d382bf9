/**
 * tRPC in server components: `trpc` gives query options for prefetching, `HydrateClient` hands the
 * prefetched data to client components, `api()` calls procedures directly, `orNotFound` turns a
 * record the caller may not see into the 404 page.
 */
import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { notFound } from "next/navigation";
import { cache } from "react";
import { appRouter, type AppRouter } from "@/server/api/root";
import { createCaller } from "@/server/api/root";
import { getActor, getRequestMeta } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { makeQueryClient } from "./query-client";

const createContext = cache(async () => ({ db: await getDb(), actor: await getActor(), meta: await getRequestMeta() }));

export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy<AppRouter>({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

export const api = cache(async () => createCaller(await createContext()));

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): void {
  void getQueryClient().prefetchQuery(queryOptions);
}

/**
 * What a page loads before rendering a record: the result, or the 404 page when the record is not
 * there for this caller (NOT_FOUND — also for records they may not see) or the id is malformed
 * (BAD_REQUEST). Any other error propagates.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
