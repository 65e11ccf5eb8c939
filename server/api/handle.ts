import { randomBytes } from "node:crypto";
import { z, ZodError } from "zod";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { isOverloaded, RETRY_AFTER_SECONDS } from "../overload/overload";
import { consumeWithState, RateLimitedError, type LimitState } from "../rate-limit/rate-limit";
import { RATE_LIMITS } from "../rate-limit/limits";
import { authenticate, type ApiCaller } from "./authenticate";
import { claimIdempotencyKey, completeIdempotencyKey, fingerprint, IDEMPOTENCY_KEY, releaseIdempotencyKey } from "./idempotency";
import { DOMAIN_PROBLEMS, problem, problemResponse, type Problem } from "./problem";
import { matchPath, pathParams, type ApiRoute } from "./route";
import { API_ROUTES } from "./routes";
import { logger } from "../logging/logger";
import { noteRequestUser, requestIds, runWithRequestContext } from "../logging/request-context";

/** The per-key policy, named in the RateLimit headers (IETF draft "RateLimit header fields for HTTP"). */
export const RATE_LIMIT_POLICY = "per-key";

function rateLimitHeaders(state: LimitState): Record<string, string> {
  const { points, duration } = RATE_LIMITS.apiPerKey;
  return {
    "ratelimit-policy": `"${RATE_LIMIT_POLICY}";q=${points};w=${duration}`,
    ratelimit: `"${RATE_LIMIT_POLICY}";r=${state.remaining};t=${state.resetSec}`,
  };
}

class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

function zodProblem(error: ZodError): Problem {
  const errors = error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
  return problem("invalid-request", errors.map((e) => `${e.path}: ${e.message}`).join("; "), { errors });
}

// Query strings carry text only: a parameter the schema types as a number or a boolean is read as one.
const queryTypes = new WeakMap<ApiRoute, Record<string, string>>();
function typesOf(route: ApiRoute): Record<string, string> {
  let types = queryTypes.get(route);
  if (!types) {
    const schema = z.toJSONSchema(route.input, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { type?: string }> };
    types = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, p]) => [name, p.type ?? "string"]));
    queryTypes.set(route, types);
  }
  return types;
}

function queryInput(route: ApiRoute, url: URL): Record<string, unknown> {
  const types = typesOf(route);
  const out: Record<string, unknown> = {};
  for (const [name, value] of url.searchParams) {
    const type = types[name];
    if (type === "integer" || type === "number") out[name] = value.trim() === "" ? value : Number(value);
    else if (type === "boolean") out[name] = value === "true" ? true : value === "false" ? false : value;
    else out[name] = value;
  }
  return out;
}

async function bodyInput(request: Request): Promise<Record<string, unknown>> {
  const raw = await request.text();
  if (!raw.trim()) return {};
  if (!/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ProblemError(problem("invalid-request", "Send the body as JSON with `Content-Type: application/json`."));
  }
  try {
    const body: unknown = JSON.parse(raw);
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Answered below, like any body that is not a JSON object.
  }
  throw new ProblemError(problem("invalid-request", "The body is not a JSON object."));
}

function findRoute(method: string, segments: string[]): { route: ApiRoute; params: Record<string, string> } | { allowed: string[] } {
  const allowed: string[] = [];
  for (const route of API_ROUTES) {
    const params = matchPath(route.path, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return { allowed };
}

function success(route: ApiRoute, status: number, body: unknown, headers: Record<string, string>): Response {
  if (route.produces === "text/vtt") {
    return new Response(body as string, { status, headers: { "content-type": "text/vtt; charset=utf-8", "cache-control": "private, no-cache", ...headers } });
  }
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

function failure(error: unknown, headers: Record<string, string>): Response {
  if (error instanceof ProblemError) return problemResponse(error.problem, headers);
  if (error instanceof ZodError) return problemResponse(zodProblem(error), headers);
  if (error instanceof DomainError) {
    const extra: Record<string, string> = error instanceof RateLimitedError ? { "retry-after": String(error.retryAfterSec) } : {};
    return problemResponse(problem(DOMAIN_PROBLEMS[error.code], error.message), { ...headers, ...extra });
  }
  if (isOverloaded(error)) {
    return problemResponse(problem("unavailable", "The server is busy. Nothing was done: send the same request again."), {
      ...headers,
      "retry-after": String(RETRY_AFTER_SECONDS),
    });
  }
  const reference = randomBytes(5).toString("hex");
  logger.error({ err: error, reference }, "REST API request failed");
  return problemResponse(problem("internal-error", `Something went wrong on our side. If it happens again, give us this reference: ${reference}.`), headers);
}

async function run(db: Db, route: ApiRoute, caller: ApiCaller, input: unknown): Promise<{ status: number; body: unknown }> {
  const parsed = route.input.parse(input);
  const result = await route.handler({ db, organizationId: caller.organizationId, actor: caller.actor }, parsed);
  // What travels is JSON: dates become ISO strings before the output schema checks the answer.
  const wire: unknown = route.produces === "text/vtt" ? result : JSON.parse(JSON.stringify(result));
  const out = route.output.safeParse(wire);
  if (!out.success) throw new Error(`${route.operationId} answered outside its output schema: ${out.error.message}`);
  return { status: route.status, body: out.data };
}

/**
 * Serves one REST request: finds the route, authenticates the key, checks its scope, counts it
 * against the key's rate limit, validates the input with the route's schema, replays or records an
 * Idempotency-Key, runs the domain function and answers JSON (errors as RFC 9457 problem details).
 */
export async function handleApiRequest(db: Db, request: Request, segments: string[]): Promise<Response> {
  return runWithRequestContext(requestIds(request.headers), () => serveApiRequest(db, request, segments));
}

async function serveApiRequest(db: Db, request: Request, segments: string[]): Promise<Response> {
  const match = findRoute(request.method, segments);
  if ("allowed" in match) {
    if (!match.allowed.length) return problemResponse(problem("not-found", "No such API route. The reference is at /docs/api."));
    return problemResponse(problem("method-not-allowed", `This route answers ${match.allowed.join(", ")}.`), { allow: match.allowed.join(", ") });
  }
  const { route, params } = match;

  const auth = await authenticate(db, request.headers);
  if (!auth.ok) return problemResponse(auth.problem, auth.problem.status === 401 ? { "www-authenticate": 'Bearer realm="api"' } : {});
  const { caller } = auth;
  noteRequestUser(caller.actor.id, caller.organizationId);
  if (!caller.scopes.includes(route.scope)) {
    return problemResponse(problem("insufficient-scope", `This needs an API key with the "${route.scope}" scope.`));
  }

  let headers: Record<string, string>;
  try {
    headers = rateLimitHeaders(await consumeWithState("apiPerKey", caller.apiKeyId));
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    const { points, duration } = RATE_LIMITS.apiPerKey;
    return failure(error, {
      "ratelimit-policy": `"${RATE_LIMIT_POLICY}";q=${points};w=${duration}`,
      ratelimit: `"${RATE_LIMIT_POLICY}";r=0;t=${error.retryAfterSec}`,
    });
  }

  try {
    const pathInput = Object.fromEntries(pathParams(route.path).map((name) => [name, decodeURIComponent(params[name]!)]));
    const url = new URL(request.url);
    if (route.method !== "POST")
      return await run(db, route, caller, { ...queryInput(route, url), ...pathInput }).then((r) => success(route, r.status, r.body, headers));

    const body = await bodyInput(request);
    const input = { ...body, ...pathInput };
    const key = request.headers.get("idempotency-key");
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      return problemResponse(
        problem(
          "invalid-request",
          "Send an `Idempotency-Key` header (1–255 visible characters, e.g. a UUID) with every POST, and the same one when you retry.",
        ),
        headers,
      );
    }
    route.input.parse(input);
    const claim = await claimIdempotencyKey(db, caller.apiKeyId, key, fingerprint(route.method, url.pathname, body));
    if (claim.kind === "replay") return success(route, claim.status, claim.body, { ...headers, "idempotent-replayed": "true" });
    if (claim.kind === "mismatch")
      return problemResponse(
        problem("idempotency-key-reused", "This Idempotency-Key was sent with another request. Use a new key for a new request."),
        headers,
      );
    if (claim.kind === "in-progress") {
      return problemResponse(problem("conflict", "A request with this Idempotency-Key is still running. Retry it in a moment."), {
        ...headers,
        "retry-after": "1",
      });
    }
    try {
      const result = await run(db, route, caller, input);
      await completeIdempotencyKey(db, caller.apiKeyId, key, result.status, result.body);
      return success(route, result.status, result.body, headers);
    } catch (error) {
      await releaseIdempotencyKey(db, caller.apiKeyId, key);
      throw error;
    }
  } catch (error) {
    return failure(error, headers);
  }
}
