"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { TRPC_CLIENT_BATCH } from "@/server/trpc/limits";
import type { AppRouter } from "@/server/trpc/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Authorization and validation failures will not fix themselves on retry.
        retry: (count, error) => {
          const status = error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data?.httpStatus : undefined;
          return !(status && status < 500) && count < 2;
        },
      },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_CLIENT_BATCH })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The tRPC error code of a failed call ("NOT_FOUND", "CONFLICT"…), or null when it was not a tRPC error. */
export function trpcErrorCode(error: unknown): TRPC_ERROR_CODE_KEY | null {
  return error instanceof TRPCClientError ? ((error as TRPCClientError<AppRouter>).data?.code ?? null) : null;
}

/** Field messages from a failed mutation, keyed by the input's path ("name", "organization.name"). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const zod = (error.data as { zod?: { fieldErrors?: Record<string, string[]> } } | undefined)?.zod;
  return Object.fromEntries(Object.entries(zod?.fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""]));
}

/** A message for the person using the app: the server's own for expected errors, a generic one otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (data?.zod) return "Please correct the highlighted fields.";
    if (data?.code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Please try again.";
    return error.message;
  }
  return "Something went wrong. Check your connection and try again.";
}
