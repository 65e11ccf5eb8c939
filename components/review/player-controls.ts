/**
 * The review player's pure parts: which key does what, how much of a recording has been played,
 * and the speeds offered. Kept apart from the component so they are unit-tested.
 */

export const PLAYBACK_RATES = [1, 1.25, 1.5, 1.75, 2] as const;

/** Seconds J and L move back and forward. */
export const SKIP_SEC = 10;

export type PlayerCommand = { kind: "toggle" } | { kind: "skip"; seconds: number } | { kind: "answer"; step: 1 | -1 };

/**
 * The command a key press on the player stands for, or null to leave the key alone: Space and K
 * play or pause, J and L skip back and forward 10 s, N and Shift+N (or P) go to the next and
 * previous answer. Keys with Ctrl, Alt or Meta are the browser's.
 */
export function playerCommand(event: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): PlayerCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key.toLowerCase()) {
    case " ":
    case "k":
      return { kind: "toggle" };
    case "j":
      return { kind: "skip", seconds: -SKIP_SEC };
    case "l":
      return { kind: "skip", seconds: SKIP_SEC };
    case "n":
      return { kind: "answer", step: event.shiftKey ? -1 : 1 };
    case "p":
      return { kind: "answer", step: -1 };
    default:
      return null;
  }
}

/**
 * Share of `durationSec` covered by the played ranges (a video's `played` TimeRanges, merged by
 * the browser): watching the same minute twice counts once, and seeking past a part skips it.
 */
export function playedFraction(ranges: { length: number; start(i: number): number; end(i: number): number }, durationSec: number): number {
  if (!Number.isFinite(durationSec) || durationSec <= 0) return 0;
  let played = 0;
  for (let i = 0; i < ranges.length; i++) played += Math.max(0, ranges.end(i) - ranges.start(i));
  return Math.min(1, played / durationSec);
}
