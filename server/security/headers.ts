// The security headers every response carries, set by proxy.ts. Plain functions of their inputs,
// so the proxy, the tests and the README describe one policy.

/**
 * The Content-Security-Policy of one response. Scripts run only with this request's nonce (Next.js
 * puts it on its own scripts; the app has no other inline script) and whatever they load
 * ('strict-dynamic'). Styles allow inline because the UI kit positions popovers with style
 * attributes. Images and media also come from https: when a hosted storage driver serves them.
 * Development adds 'unsafe-eval', which React needs there only.
 */
export function contentSecurityPolicy(nonce: string, opts: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Only the pages that record may ask for the camera and the microphone: the candidate's interview
 * page, and a template's page, where HR may record the intro video.
 */
export function permissionsPolicy(pathname: string): string {
  const recording = pathname.startsWith("/i/") || /^\/templates\/(?!new\/?$)[^/]+\/?$/.test(pathname) ? "(self)" : "()";
  return `camera=${recording}, microphone=${recording}, geolocation=(), payment=(), usb=(), display-capture=()`;
}

/** Every header but the CSP. HSTS only in production, where the app is served over HTTPS. */
export function securityHeaders(pathname: string, opts: { production: boolean }): Record<string, string> {
  return {
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": permissionsPolicy(pathname),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    ...(opts.production ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
