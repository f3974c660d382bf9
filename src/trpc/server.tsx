/**
 * tRPC in server components: `trpc` gives query options for prefetching, `HydrateClient` hands the
 * prefetched data to client components, `api()` calls procedures directly.
 */
import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
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
