/** The statuses a server uses to ask a client to slow down rather than to report a failure. */
export function asksToSlowDown(status: number | undefined): boolean {
  return status === 429 || status === 503;
}

// A client that has waited this long without the server catching up keeps trying, just no slower.
const LONGEST_WAIT_MS = 60_000;

/**
 * Retry-After in milliseconds: delay-seconds or an HTTP date (RFC 9110, 10.2.3), capped so a
 * strange value cannot park the candidate's answer for hours; null when absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, LONGEST_WAIT_MS);
  // An HTTP date names its weekday and month; anything else (a negative number) is not one.
  const at = /^[a-z]{3}, /i.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), LONGEST_WAIT_MS);
}
