import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatCount,
  formatDate,
  formatDateTime,
  formatDay,
  formatDaysLeft,
  formatDuration,
  formatLimit,
  formatRelevance,
  formatScore,
  formatTimeAgo,
  formatSeconds,
  formatSpokenDuration,
} from "@/components/format";

describe("components/format", () => {
  it("says how long ago coarsely, for HR's last seen", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const ago = (ms: number) => formatTimeAgo(new Date(now.getTime() - ms), now);
    expect([ago(-5_000), ago(59_000), ago(120_000), ago(59 * 60_000), ago(3 * 3600_000), ago(26 * 3600_000), ago(4 * 86_400_000)]).toEqual([
      "just now",
      "just now",
      "2 min ago",
      "59 min ago",
      "3 h ago",
      "1 day ago",
      "4 days ago",
    ]);
  });
  it("keeps one decimal for scores and a dash for none", () => {
    expect(formatScore(4)).toBe("4.0");
    expect(formatScore(3.46)).toBe("3.5");
    expect(formatScore(null)).toBe("–");
  });

  it("formats dates the same way everywhere (British English)", () => {
    const d = new Date(2026, 2, 3, 14, 5);
    expect(formatDate(d)).toBe("3 Mar 2026");
    expect(formatDateTime(d)).toBe("3 Mar 2026, 14:05");
  });

  it("formats a moment as m:ss rounding down, and a length rounding to the nearest second", () => {
    expect(formatClock(83_400)).toBe("1:23");
    expect(formatClock(5_000)).toBe("0:05");
    expect(formatClock(-10)).toBe("0:00");
    expect(formatDuration(74_600)).toBe("1:15");
    expect(formatDuration(59_400)).toBe("0:59");
  });

  it("spells out time limits", () => {
    expect(formatSpokenDuration(90)).toBe("1 min 30 s");
    expect(formatSpokenDuration(120)).toBe("2 min");
    expect(formatSpokenDuration(45)).toBe("45 s");
  });

  it("formats counts, seconds and relevance", () => {
    expect(formatCount(12345)).toBe("12,345");
    expect(formatSeconds(1.25)).toBe("1.3 s");
    expect(formatRelevance(0.8567)).toBe("0.86");
  });

  it("says how long is left before a deadline", () => {
    const now = new Date("2026-03-03T12:00:00Z");
    expect(formatDaysLeft(new Date("2026-03-03T11:00:00Z"), now)).toBe("expired");
    expect(formatDaysLeft(new Date("2026-03-03T20:00:00Z"), now)).toBe("in under a day");
    expect(formatDaysLeft(new Date("2026-03-04T13:00:00Z"), now)).toBe("tomorrow");
    expect(formatDaysLeft(new Date("2026-03-06T13:00:00Z"), now)).toBe("in 3 days");
  });

  it("reads a billing day in UTC and spells out no limit", () => {
    expect(formatDay(new Date("2026-03-01T00:00:00Z"))).toBe("1 March 2026");
    expect(formatLimit(5)).toBe("5");
    expect(formatLimit(null)).toBe("Unlimited");
  });
});
