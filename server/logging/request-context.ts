import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID } from "node:crypto";

/** Who and what a log line belongs to; filled in as the request learns it (the user once the session is read). */
export type RequestContext = { requestId: string; traceId: string; userId?: string; organizationId?: string };

const storage = new AsyncLocalStorage<RequestContext>();

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/**
 * The request's ids: X-Request-Id when a proxy set one (kept short), else a new UUID; the trace id
 * of a W3C traceparent header when the caller sent one, else a new one, so every line of one
 * request shares a trace id that a tracing system upstream can match.
 */
export function requestIds(headers: Headers): Pick<RequestContext, "requestId" | "traceId"> {
  const given = headers.get("x-request-id")?.trim();
  const traceparent = TRACEPARENT.exec(headers.get("traceparent")?.trim().toLowerCase() ?? "");
  return {
    requestId: given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID(),
    traceId: traceparent?.[1] && !/^0+$/.test(traceparent[1]) ? traceparent[1] : randomBytes(16).toString("hex"),
  };
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records the signed-in user (and their organization) on the current request's context, if there is one. */
export function noteRequestUser(userId: string | undefined, organizationId: string | undefined): void {
  const context = storage.getStore();
  if (!context) return;
  context.userId = userId;
  context.organizationId = organizationId;
}
