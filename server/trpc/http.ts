import type { AnyRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { RETRY_AFTER_SECONDS } from "../overload/overload";
import { readBodyLimited } from "../security/body";
import { CROSS_SITE_MESSAGE, isCrossSiteWrite } from "../security/same-origin";
import { createContext } from "./context";
import { internalErrorReference } from "./internal-error";
import { TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from "./limits";
import { appRouter } from "./root";
import { logger } from "../logging/logger";
import { requestIds, runWithRequestContext } from "../logging/request-context";

/**
 * A refusal made before tRPC reads the request, in tRPC's own error envelope (one per call of a
 * batch), so the client shows its message like any other error.
 */
function refusal(req: Request, status: number, code: TRPC_ERROR_CODE_KEY, message: string): Response {
  const url = new URL(req.url);
  const error = { error: superjson.serialize({ message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus: status, zod: null } }) };
  const calls = url.searchParams.get("batch") === "1" ? url.pathname.replace(/^.*\/api\/trpc\//, "").split(",").length : 0;
  return Response.json(calls > 0 ? Array.from({ length: Math.min(calls, TRPC_MAX_BATCH) }, () => error) : error, {
    status,
    headers: { "cache-control": "no-store" },
  });
}

function isJson(req: Request): boolean {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/** The app's tRPC endpoint: every request to /api/trpc goes through here. */
export async function handleTrpcRequest(req: Request, router: AnyRouter = appRouter): Promise<Response> {
  return runWithRequestContext(requestIds(req.headers), () => serveTrpc(req, router));
}

async function serveTrpc(req: Request, router: AnyRouter): Promise<Response> {
  if (isCrossSiteWrite(req)) return refusal(req, 403, "FORBIDDEN", CROSS_SITE_MESSAGE);
  let request = req;
  if (req.method === "POST") {
    // Forms can post multipart and urlencoded bodies across sites without a preflight; JSON cannot.
    if (!isJson(req)) return refusal(req, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as JSON.");
    const body = await readBodyLimited(req, TRPC_MAX_BODY_BYTES);
    if (!body) return refusal(req, 413, "PAYLOAD_TOO_LARGE", "The request is too large.");
    request = new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router,
    maxBatchSize: TRPC_MAX_BATCH,
    // The candidate's client sends queries as POSTs so that interview tokens stay out of URLs.
    allowMethodOverride: true,
    createContext: ({ resHeaders }) => createContext({ headers: request.headers, resHeaders }),
    // A saturated server's SERVICE_UNAVAILABLE (server/overload) tells the client when to try again.
    responseMeta({ errors }) {
      return errors.some((e) => e.code === "SERVICE_UNAVAILABLE") ? { headers: { "retry-after": String(RETRY_AFTER_SECONDS) } } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        logger.error({ err: error.cause ?? error, procedure: path ?? "?", reference: internalErrorReference(error) }, "tRPC procedure failed");
    },
  });
}
