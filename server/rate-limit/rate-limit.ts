import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "../errors";
import { RATE_LIMITS, type RateLimitName } from "./limits";

// One in-memory store per process: correct for a single server. Several servers behind a load
// balancer each count on their own, so the README says what such a deployment needs.
const limiters = new Map<RateLimitName, RateLimiterMemory>();

function limiter(name: RateLimitName): RateLimiterMemory {
  let l = limiters.get(name);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: name, ...RATE_LIMITS[name] });
    limiters.set(name, l);
  }
  return l;
}

/** A request over a limit: a DomainError (429 through tRPC) that knows when to come back. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSec: number,
    message: string,
  ) {
    super("TOO_MANY_REQUESTS", message);
    this.name = "RateLimitedError";
  }
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function rateLimitMessage(retryAfterSec: number): string {
  return `Too many requests. Wait ${waitText(retryAfterSec)} and try again.`;
}

/** Counts one request (or `points`) against `name` for `key`; throws RateLimitedError when over. */
export async function consume(name: RateLimitName, key: string, points = 1): Promise<void> {
  try {
    await limiter(name).consume(key, points);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSec = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new RateLimitedError(retryAfterSec, rateLimitMessage(retryAfterSec));
  }
}

export type LimitState = { limit: number; remaining: number; resetSec: number };

/**
 * Counts one request against `name` for `key` and says what is left, for the RateLimit headers;
 * throws RateLimitedError when over.
 */
export async function consumeWithState(name: RateLimitName, key: string): Promise<LimitState> {
  try {
    const res = await limiter(name).consume(key);
    return { limit: RATE_LIMITS[name].points, remaining: res.remainingPoints, resetSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSec = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new RateLimitedError(retryAfterSec, rateLimitMessage(retryAfterSec));
  }
}

/** Refuses at once, counting nothing, when `key` has already used every point of `name`. */
export async function assertNotBlocked(name: RateLimitName, key: string): Promise<void> {
  const state = await limiter(name).get(key);
  if (state && state.consumedPoints >= RATE_LIMITS[name].points) {
    const retryAfterSec = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    throw new RateLimitedError(retryAfterSec, rateLimitMessage(retryAfterSec));
  }
}

/** The 429 a route handler answers with: Retry-After in seconds, the message in JSON. */
export function tooManyRequests(error: RateLimitedError, body: unknown = { error: { code: "TOO_MANY_REQUESTS", message: error.message } }): Response {
  return Response.json(body, { status: 429, headers: { "retry-after": String(error.retryAfterSec), "cache-control": "no-store" } });
}

/**
 * Runs a route handler's limit checks and answers 429 with Retry-After when one is over, so every
 * route reuses the same response.
 */
export async function withRateLimit(checks: () => Promise<void>, handler: () => Promise<Response>): Promise<Response> {
  try {
    await checks();
  } catch (error) {
    if (error instanceof RateLimitedError) return tooManyRequests(error);
    throw error;
  }
  return handler();
}

/**
 * The client's network address: the last X-Forwarded-For entry, the one the nearest proxy (or
 * Next.js itself, which sets the header when absent) wrote. Null for server-side callers.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  return last || headers.get("x-real-ip")?.trim() || null;
}
