import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AnyRouter } from "@trpc/server";
import { createContext } from "./context";
import { internalErrorReference } from "./internal-error";
import { appRouter } from "./root";

/** The app's tRPC endpoint: every request to /api/trpc goes through here. */
export function handleTrpcRequest(req: Request, router: AnyRouter = appRouter): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router,
    createContext: () => createContext({ headers: req.headers }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed (reference ${internalErrorReference(error)}):`, error.cause ?? error);
    },
  });
}
