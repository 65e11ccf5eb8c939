import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { SessionMembership, SessionUser } from "../auth/session-user";
import { DomainError } from "../errors";
import { metrics } from "../metrics/registry";
import { BUSY_MESSAGE, isOverloaded } from "../overload/overload";
import { limitInterviewCall } from "../rate-limit/interview-calls";
import { consume, RateLimitedError } from "../rate-limit/rate-limit";
import { countShareRefusal, limitShareRequest } from "../rate-limit/share-calls";
import type { RateLimitName } from "../rate-limit/limits";
import { decideAccess, type Access } from "./access";
import type { Context } from "./context";
import { internalErrorMessage, internalErrorReference } from "./internal-error";
import { SpanKind } from "@opentelemetry/api";
import { recordFailure, requestParent, withSpan } from "../tracing/tracing";

export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        message: error.code === "INTERNAL_SERVER_ERROR" ? internalErrorMessage(internalErrorReference(error)) : shape.message,
        data: {
          ...shape.data,
          // Field messages for forms: { fieldErrors: { "questions.0.prompt": ["..."] } }.
          zod: cause instanceof ZodError ? { fieldErrors: flattenZod(cause) } : null,
          stack: undefined,
        },
      };
    },
  });

function flattenZod(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain errors thrown by server/ modules become tRPC errors with their code and message;
// anything else stays an INTERNAL_SERVER_ERROR whose details are not sent to the client.
// A saturated server (server/overload) answers SERVICE_UNAVAILABLE, which the route sends as 503
// with Retry-After: the client waits and repeats a request that did nothing.
const errorMapping = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    if (cause instanceof RateLimitedError) ctx.resHeaders?.set("retry-after", String(cause.retryAfterSec));
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (!result.ok && isOverloaded(result.error)) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause: result.error });
  }
  return result;
});

const enforceAccess = t.middleware(async ({ ctx, meta, next }) => {
  if (!meta?.access) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Procedure declares no access rule." });
  const decision = decideAccess(meta.access, ctx.user);
  if (!decision.ok) throw new TRPCError({ code: decision.code, message: decision.message });
  return next({ ctx: { ...ctx, membership: decision.membership } });
});

// Outermost, so the time and the code are those the client gets, refusals included.
const timing = t.middleware(async ({ path, type, next }) => {
  const started = performance.now();
  const result = await next();
  metrics().trpcDuration.observe({ procedure: path, type, code: result.ok ? "OK" : result.error.code }, (performance.now() - started) / 1000);
  return result;
});

// A span per call (a child of the request's span, or of the caller's traceparent): what the
// procedure does, its queries and the outbox rows it writes, nest under it (server/tracing).
const traced = t.middleware(({ ctx, path, type, next }) =>
  withSpan(
    `trpc ${path}`,
    { kind: SpanKind.SERVER, attributes: { "rpc.system": "trpc", "rpc.method": path, "trpc.type": type }, parent: requestParent(ctx.headers) },
    async (span) => {
      const result = await next();
      span.setAttribute("trpc.code", result.ok ? "OK" : result.error.code);
      if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") recordFailure(span, result.error);
      return result;
    },
  ),
);

const base = t.procedure.use(timing).use(traced).use(errorMapping).use(enforceAccess);

type WithUser = { user: SessionUser };
type WithOrg = { user: SessionUser; membership: SessionMembership; organizationId: string };

export const publicProcedure = base.meta({ access: { who: "public", tenant: "none" } });
export const tokenProcedure = base.meta({ access: { who: "public", tenant: "token" } }).use(async ({ ctx, getRawInput, next }) => {
  const raw = (await getRawInput()) as { token?: unknown } | undefined;
  return limitInterviewCall(ctx.headers, raw?.token, () => next());
});
// A share link's token opens one interview to anyone holding it (server/share): limited per link and,
// for tokens that match nothing, per network address.
export const shareTokenProcedure = base.meta({ access: { who: "public", tenant: "token" } }).use(async ({ ctx, getRawInput, next }) => {
  const raw = (await getRawInput()) as { token?: unknown } | undefined;
  await limitShareRequest(ctx.headers, raw?.token, "sharePerToken");
  const result = await next();
  if (!result.ok) await countShareRefusal(ctx.headers, result.error.cause);
  return result;
});
export const onboardingProcedure = base
  .meta({ access: { who: "onboarding", tenant: "self" } })
  .use(({ ctx, next }) => next({ ctx: ctx as typeof ctx & WithUser }));
export const signedInProcedure = base.meta({ access: { who: "signedIn", tenant: "self" } }).use(({ ctx, next }) => next({ ctx: ctx as typeof ctx & WithUser }));
export const candidateProcedure = base
  .meta({ access: { who: "candidate", tenant: "self" } })
  .use(({ ctx, next }) => next({ ctx: ctx as typeof ctx & WithUser }));
export const adminProcedure = base.meta({ access: { who: "admin", tenant: "platform" } }).use(({ ctx, next }) => next({ ctx: ctx as typeof ctx & WithUser }));
export const hrProcedure = base.meta({ access: { who: "hr", tenant: "organization" } }).use(({ ctx, next }) => {
  const membership = ctx.membership!;
  return next({ ctx: { ...(ctx as typeof ctx & WithOrg), membership, organizationId: membership.organizationId } });
});
export const ownerProcedure = base.meta({ access: { who: "owner", tenant: "organization" } }).use(({ ctx, next }) => {
  const membership = ctx.membership!;
  return next({ ctx: { ...(ctx as typeof ctx & WithOrg), membership, organizationId: membership.organizationId } });
});

export { z };

/** Counts each call of a signed-in user's procedure against `name`: 429 with Retry-After when over. */
export const perUserLimit = (name: RateLimitName) =>
  t.middleware(async ({ ctx, next }) => {
    if (ctx.user) await consume(name, ctx.user.id);
    return next();
  });
