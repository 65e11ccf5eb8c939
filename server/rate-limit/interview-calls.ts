import { DomainError } from "../errors";
import { hashInvitationToken } from "../invitations/token";
import { assertNotBlocked, clientIp, consume } from "./rate-limit";

/**
 * Limits on the candidate's procedures, which anyone holding a link may call: per link, per
 * network address, and unknown links per network address (a search for valid tokens). Keys are
 * the token's hash, so no token is kept in memory.
 */
export async function limitInterviewCall<R extends { ok: boolean }>(headers: Headers, token: unknown, call: () => Promise<R>): Promise<R> {
  const ip = clientIp(headers);
  if (ip) {
    await assertNotBlocked("unknownTokenPerIp", ip);
    await consume("interviewPerIp", ip);
  }
  if (typeof token === "string") await consume("interviewPerToken", hashInvitationToken(token));
  const result = await call();
  const cause = result.ok ? null : (result as { error?: { cause?: unknown } }).error?.cause;
  if (ip && cause instanceof DomainError && cause.code === "NOT_FOUND") await consume("unknownTokenPerIp", ip);
  return result;
}
