/**
 * Every date, number and duration the UI shows is formatted here, so one page never says
 * "3 Mar 2026" where another says "03/03/2026". British English, as the rest of the copy.
 */

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const integer = new Intl.NumberFormat("en");

/** 3 Mar 2026 */
export const formatDate = (d: Date) => date.format(d);

/** 3 Mar 2026, 14:05 */
export const formatDateTime = (d: Date) => dateTime.format(d);

/** A billing period's day, stored as a UTC instant: read in UTC so no time zone shifts it a day. "3 March 2026" */
export const formatDay = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A plan's limit; null is no limit. */
export const formatLimit = (limit: number | null) => (limit === null ? "Unlimited" : String(limit));

/** 1234 → "1,234" */
export const formatCount = (n: number) => integer.format(n);

/** Scores are shown with one decimal, as they are compared; "–" when there is none. */
export const formatScore = (n: number | null) => (n === null ? "–" : n.toFixed(1));

/** A search relevance score, two decimals so close hits can be told apart. */
export const formatRelevance = (n: number) => n.toFixed(2);

/** Seconds with one decimal: 1.25 → "1.3 s" */
export const formatSeconds = (seconds: number) => `${seconds.toFixed(1)} s`;

/** A place in a recording, rounded down: 83 400 ms → "1:23". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** A recording's length, rounded to the nearest second: 74 600 ms → "1:15". */
export function formatDuration(ms: number): string {
  return formatClock(Math.round(ms / 1000) * 1000);
}

/** 90 → "1 min 30 s", 120 → "2 min", 45 → "45 s" */
export function formatSpokenDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (!m) return `${s} s`;
  return s ? `${m} min ${s} s` : `${m} min`;
}

const DAY_MS = 86_400_000;

/** How long ago, coarsely: "just now", "2 min ago", "3 h ago", "4 days ago". */
export function formatTimeAgo(then: Date, now: Date = new Date()): string {
  const minutes = Math.floor(Math.max(0, now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

/** "in under a day", "tomorrow", "in 3 days" for a deadline; "expired" once it has passed. */
export function formatDaysLeft(until: Date, now: Date = new Date()): string {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return "expired";
  const days = Math.floor(ms / DAY_MS);
  if (days === 0) return "in under a day";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

/** Stored bytes in binary units with one decimal: 1 572 864 → "1.5 MiB", 0 → "0 B". */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
