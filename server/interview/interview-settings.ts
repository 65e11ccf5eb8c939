// Interview settings as the candidate's page and the interview procedures apply them. No zod here,
// like interview-rules.ts: this module ships to the candidate's browser.
import { seededShuffle } from "./choices";

export type InterviewSettings = {
  /** Questions in an order drawn per candidate instead of the template's. */
  randomOrder: boolean;
  /** Minutes for the whole interview from consent, beside each question's own limits; null = none. */
  timeLimitMin: number | null;
  /** Whether the candidate may stop the overall clock and come back later, before the link expires. */
  allowPause: boolean;
  /** Whether the candidate sees the overall time left (the limit holds either way). */
  showTimer: boolean;
};

export const DEFAULT_SETTINGS: InterviewSettings = { randomOrder: false, timeLimitMin: null, allowPause: true, showTimer: true };

/** The template version's settings, then what HR changed for this one candidate: the invitation wins, key by key. */
export function effectiveSettings(
  template: Partial<InterviewSettings> | null | undefined,
  override: Partial<InterviewSettings> | null | undefined,
): InterviewSettings {
  return { ...DEFAULT_SETTINGS, ...template, ...override };
}

/** The seed of one candidate's question order: the same on every load, device and session. */
export function orderSeed(invitationId: string): string {
  return `${invitationId}:questions`;
}

/** Questions in the order this candidate answers them: the template's, or one drawn from their invitation. */
export function questionOrder<T extends { position: number }>(questions: readonly T[], invitationId: string, randomOrder: boolean): T[] {
  const byPosition = [...questions].sort((a, b) => a.position - b.position);
  return randomOrder ? seededShuffle(byPosition, orderSeed(invitationId)) : byPosition;
}

/** Where the overall clock stands: it starts at consent and stands still while the interview is paused. */
export type InterviewClock = { consentAt: Date | null; pausedAt: Date | null; pausedMs: number };

/** Milliseconds the clock has run: from consent to now (or to the pause under way), less the pauses that ended. */
export function elapsedMs(clock: InterviewClock, now: Date): number {
  if (!clock.consentAt) return 0;
  const until = clock.pausedAt ?? now;
  return Math.max(0, until.getTime() - clock.consentAt.getTime() - clock.pausedMs);
}

/** Milliseconds left of the overall limit, never below 0; null when there is no limit. */
export function timeLeftMs(timeLimitMin: number | null, clock: InterviewClock, now: Date): number | null {
  if (timeLimitMin == null) return null;
  return Math.max(0, timeLimitMin * 60_000 - elapsedMs(clock, now));
}

/** A pause that ends now adds its length to the pauses that ended before it. */
export function pausedMsAfterResume(clock: InterviewClock, now: Date): number {
  if (!clock.pausedAt) return clock.pausedMs;
  return clock.pausedMs + Math.max(0, now.getTime() - clock.pausedAt.getTime());
}

/** "1 h 05 min", "12 min", "45 s": the overall time left as the page shows it. */
export function formatTimeLeft(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m) return `${m} min ${String(s).padStart(2, "0")} s`;
  return `${s} s`;
}
