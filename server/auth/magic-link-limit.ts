import { env } from "../config/env";
import { clientIp, consume, RateLimitedError, tooManyRequests } from "../rate-limit/rate-limit";

/**
 * Limits on sign-in emails, per address and per network address, checked before next-auth sends
 * one (POST /api/auth/signin/email). A refusal is a 429 with Retry-After whose body is what
 * next-auth's client reads: a URL carrying the error code the sign-in form turns into a sentence.
 */
export async function magicLinkLimitResponse(req: Request, route: string[]): Promise<Response | null> {
  if (req.method !== "POST" || route[0] !== "signin" || route[1] !== "email") return null;
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const field = form?.get("email");
  const email = typeof field === "string" ? field.trim().toLowerCase() : "";
  const ip = clientIp(req.headers);
  try {
    if (ip) await consume("magicLinkPerIp", ip);
    if (email) await consume("magicLinkPerEmail", email);
  } catch (error) {
    if (error instanceof RateLimitedError) return tooManyRequests(error, { url: `${env().APP_URL}/sign-in?error=RateLimited` });
    throw error;
  }
  return null;
}
