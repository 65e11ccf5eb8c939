import { env } from "../config/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a state-changing request may come from where it says it comes from. A browser names the
 * page that made a request in Sec-Fetch-Site and Origin; only the app's own origin may change
 * anything. "same-site" is refused too: a page on another port of the same host is same-site.
 * A request with neither header is not from a browser, so it carries no one's cookies by surprise.
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return origin !== new URL(request.url).origin && origin !== new URL(env().APP_URL).origin;
}

export const CROSS_SITE_MESSAGE = "This request came from another site and was refused.";

export function crossSiteRefusal(): Response {
  return Response.json({ error: { code: "FORBIDDEN", message: CROSS_SITE_MESSAGE } }, { status: 403, headers: { "cache-control": "no-store" } });
}

/** Wraps a route handler so a cross-site write is refused before it runs. */
export function sameOriginOnly<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return (request: Request, ...rest: A): Promise<Response> => (isCrossSiteWrite(request) ? Promise.resolve(crossSiteRefusal()) : handler(request, ...rest));
}
