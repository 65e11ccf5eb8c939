import { createHmac, timingSafeEqual } from "node:crypto";

// Signed media URLs for the local-disk driver: /api/media/<key>?exp=&ct=&disp=&sig=
// The content type and disposition are signed too, so nobody can take a valid link and have the
// app serve a recording as text/html.

export type Disposition = "inline" | "attachment";

export type MediaUrlParams = {
  key: string;
  /** Expiry, in whole seconds since the epoch. */
  exp: number;
  contentType: string;
  disposition: Disposition;
};

export type MediaUrlCheck = { ok: true; params: MediaUrlParams } | { ok: false; reason: "MISSING" | "INVALID" | "EXPIRED"; message: string };

export const MEDIA_ROUTE_PREFIX = "/api/media/";

export function mediaSignature(params: MediaUrlParams, secret: string): string {
  // A JSON array is an unambiguous encoding: no choice of key or type can collide with another.
  const canonical = JSON.stringify(["media-v1", params.key, params.exp, params.contentType, params.disposition]);
  return createHmac("sha256", secret).update(canonical, "utf8").digest("base64url");
}

export function buildMediaUrl(appUrl: string, params: MediaUrlParams, secret: string): string {
  const base = appUrl.replace(/\/+$/, "");
  const path = params.key.split("/").map(encodeURIComponent).join("/");
  const query = new URLSearchParams({
    exp: String(params.exp),
    ct: params.contentType,
    disp: params.disposition,
    sig: mediaSignature(params, secret),
  });
  return `${base}${MEDIA_ROUTE_PREFIX}${path}?${query.toString()}`;
}

export function verifyMediaUrl(key: string, query: URLSearchParams, secret: string, nowMs: number = Date.now()): MediaUrlCheck {
  const exp = query.get("exp");
  const sig = query.get("sig");
  const contentType = query.get("ct");
  const disposition = query.get("disp") ?? "inline";
  if (!exp || !sig || !contentType) {
    return { ok: false, reason: "MISSING", message: "This media link is incomplete: it needs its exp, ct and sig parameters." };
  }
  if (!/^\d{1,12}$/.test(exp) || (disposition !== "inline" && disposition !== "attachment")) {
    return { ok: false, reason: "INVALID", message: "This media link is not valid." };
  }
  const params: MediaUrlParams = { key, exp: Number(exp), contentType, disposition };
  const expected = Buffer.from(mediaSignature(params, secret));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "INVALID", message: "This media link's signature is not valid." };
  }
  if (params.exp * 1000 <= nowMs) {
    return { ok: false, reason: "EXPIRED", message: "This media link has expired. Reload the page for a fresh one." };
  }
  return { ok: true, params };
}
