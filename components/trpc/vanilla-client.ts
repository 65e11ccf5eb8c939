"use client";

import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/trpc/root";

// The candidate's page (and the rights controls it shares with /candidate) calls a handful of
// procedures imperatively and caches nothing, so it uses the plain tRPC client: no React Query, no
// provider, a fraction of the JavaScript on a phone.
// Every call is a POST, queries too, so the link's token travels in the body and never in an
// address that proxies and access logs keep (the server allows the override: server/trpc/http.ts).
const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, methodOverride: "POST" })] });

/** The tRPC client of the candidate's page (the same instance on every call). */
export function useInterviewClient() {
  return client;
}
