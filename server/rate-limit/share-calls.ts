import { hashShareToken } from "../share/token";
import { ShareUnavailableError } from "../share/view";
import { assertNotBlocked, clientIp, consume } from "./rate-limit";
import type { RateLimitName } from "./limits";

/**
 * Limits on share links, which anyone holding one may open: per link (its hash, so no token is
 * kept in memory), and tokens that match nothing per network address, which stops a search for
 * valid links: over that, the address is refused before any lookup.
 */
export async function limitShareRequest(headers: Headers, token: unknown, perToken: RateLimitName): Promise<void> {
  const ip = clientIp(headers);
  if (ip) await assertNotBlocked("unknownShareTokenPerIp", ip);
  if (typeof token === "string") await consume(perToken, hashShareToken(token));
}

/** Counts a token that matched nothing against the caller's network address. */
export async function countShareRefusal(headers: Headers, error: unknown): Promise<void> {
  const ip = clientIp(headers);
  if (ip && error instanceof ShareUnavailableError && error.reason === "unknown") await consume("unknownShareTokenPerIp", ip);
}
