import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/server/security/headers";

/**
 * Runs before every route (pages, route handlers, static files): a fresh nonce per request in the
 * Content-Security-Policy, passed on in the request's own CSP header, where Next.js reads it for
 * its scripts, and the other security headers on the response.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  // The path, for pages that need it where Next.js gives no params (a not-found page); set here, so a client cannot choose it.
  forwarded.set("x-pathname", request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(securityHeaders(request.nextUrl.pathname, { production: process.env.NODE_ENV === "production" }))) {
    response.headers.set(name, value);
  }
  return response;
}
