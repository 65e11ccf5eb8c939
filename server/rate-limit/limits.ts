/**
 * Every rate limit of the app: how many requests (points) a key may make in a window (seconds).
 * Chosen for what a person does, with room for retries, never for what a test sends.
 */
export const RATE_LIMITS = {
  /** Sign-in emails to one address: enough for a few retries, not a mailbox flood. */
  magicLinkPerEmail: { points: 5, duration: 15 * 60 },
  /** Sign-in emails asked from one address on the network (an office asks for many). */
  magicLinkPerIp: { points: 30, duration: 15 * 60 },
  /** Wrong join codes one user may try: a typo or two, never a search. */
  wrongJoinCodePerUser: { points: 10, duration: 60 * 60 },
  /** The candidate's page calls per link: a few a minute in use, far fewer than this. */
  interviewPerToken: { points: 120, duration: 60 },
  /** Interview calls from one network address: 100 candidates behind one office NAT fit under it. */
  interviewPerIp: { points: 2000, duration: 60 },
  /** Links that match no invitation, from one network address: a mistyped link, not a search. */
  unknownTokenPerIp: { points: 20, duration: 10 * 60 },
  /** Upload requests per link: one chunk a second while recording, plus retries and resumes. */
  uploadsPerToken: { points: 600, duration: 60 },
  /** Share-page loads per share link: an outside reviewer reloading, not a crawl. */
  sharePerToken: { points: 60, duration: 60 },
  /** Share-link video requests per link: a player's range requests while seeking through answers. */
  shareMediaPerToken: { points: 600, duration: 60 },
  /** Share links that match nothing, from one network address: a mistyped link, not a search. */
  unknownShareTokenPerIp: { points: 20, duration: 10 * 60 },
  /** Searches across interviews per user. */
  searchPerUser: { points: 30, duration: 60 },
  /** REST API requests per API key: an integration syncing a busy organization, with room for retries. */
  apiPerKey: { points: 600, duration: 60 },
} as const satisfies Record<string, { points: number; duration: number }>;

export type RateLimitName = keyof typeof RATE_LIMITS;
