// Plain values and functions the candidate's page shares with the interview procedures. No zod
// here: this module ships to the candidate's browser, where every kilobyte is on a phone's link.

/** The candidate's page pings this often while it is visible (server/interview/heartbeat.ts). */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** The server records a ping at most this often per invitation, whatever the page sends. */
export const HEARTBEAT_WRITE_EVERY_MS = 20_000;

/** Used when a text question was saved without a limit of its own. */
const DEFAULT_TEXT_MAX_CHARS = 5000;
/** The most any text answer can hold, whatever a question says: the schema's hard ceiling. */
export const TEXT_MAX_CHARS_CEILING = 20_000;

/** The per-question limit, checked by the textarea and again by submitText. */
export function textLimit(maxChars: number | null | undefined): number {
  return Math.min(maxChars && maxChars > 0 ? maxChars : DEFAULT_TEXT_MAX_CHARS, TEXT_MAX_CHARS_CEILING);
}

/** How many recordings a question allows: the first one plus its retakes. */
export function takesAllowed(retakes: number): number {
  return Math.max(0, retakes) + 1;
}

/** What HR granted one candidate (Invitation.extraThinkPct, extraAnswerPct, extraRetakes); all zero by default. */
export type Accommodations = { extraThinkPct: number; extraAnswerPct: number; extraRetakes: number };

export const NO_ACCOMMODATIONS: Accommodations = { extraThinkPct: 0, extraAnswerPct: 0, extraRetakes: 0 };

export function hasAccommodations(a: Accommodations): boolean {
  return a.extraThinkPct > 0 || a.extraAnswerPct > 0 || a.extraRetakes > 0;
}

/** `sec` lengthened by `pct` percent, rounded up to a whole second so the candidate never gets less. */
function extended(sec: number, pct: number): number {
  return Math.ceil((sec * (100 + Math.max(0, pct))) / 100);
}

/**
 * One question's limits for one candidate: the question's think time, answer time and retakes with
 * the candidate's accommodations applied. The interview state, startTake and the recorder all use
 * these, so the server hands out exactly the takes and times the candidate is told about.
 */
export function questionLimits(
  question: { thinkTimeSec: number; timeLimitSec: number; retakes: number },
  a: Accommodations,
): { thinkTimeSec: number; timeLimitSec: number; takesAllowed: number } {
  return {
    thinkTimeSec: extended(question.thinkTimeSec, a.extraThinkPct),
    timeLimitSec: extended(question.timeLimitSec, a.extraAnswerPct),
    takesAllowed: takesAllowed(question.retakes + Math.max(0, a.extraRetakes)),
  };
}
