import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../config/env";
import { EMAIL_KINDS, type EmailKind } from "./email-preferences";

/**
 * One-click unsubscribe (RFC 8058). The link names the address and the kind of email and carries
 * an HMAC of both under the app's secret, so it works without signing in and cannot be forged for
 * someone else's address. It never expires: an old email's link must still work.
 */
function signature(email: string, kind: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`unsubscribe\n${email.trim().toLowerCase()}\n${kind}`).digest("base64url");
}

export type UnsubscribeParams = { email: string; kind: EmailKind };

export function unsubscribeUrl(email: string, kind: EmailKind): string {
  const url = new URL("/api/unsubscribe", env().APP_URL);
  url.searchParams.set("email", email.trim().toLowerCase());
  url.searchParams.set("kind", kind);
  url.searchParams.set("sig", signature(email, kind));
  return url.toString();
}

/** The address and kind a link stands for, or null when it was altered or is not ours. */
export function verifyUnsubscribe(params: URLSearchParams): UnsubscribeParams | null {
  const email = params.get("email");
  const kind = params.get("kind");
  const sig = params.get("sig");
  if (!email || !kind || !sig || !(kind in EMAIL_KINDS)) return null;
  const expected = Buffer.from(signature(email, kind));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { email: email.trim().toLowerCase(), kind: kind as EmailKind };
}

/** The headers that let a mail client offer its own unsubscribe button, which POSTs to the link. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
