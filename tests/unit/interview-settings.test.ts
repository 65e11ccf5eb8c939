import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  effectiveSettings,
  elapsedMs,
  formatTimeLeft,
  pausedMsAfterResume,
  questionOrder,
  timeLeftMs,
} from "@/server/interview/interview-settings";

const questions = Array.from({ length: 10 }, (_, i) => ({ id: `q${i}`, position: i }));
const ids = (qs: { id: string }[]) => qs.map((q) => q.id);
const MIN = 60_000;
const consentAt = new Date("2026-05-01T10:00:00Z");
const at = (min: number) => new Date(consentAt.getTime() + min * MIN);

describe("question order", () => {
  it("is the template's order unless random order is on", () => {
    expect(ids(questionOrder([...questions].reverse(), "inv1", false))).toEqual(ids(questions));
  });

  it("is the same for the same invitation whatever order the questions arrive in", () => {
    const once = questionOrder(questions, "inv1", true);
    expect(ids(questionOrder([...questions].reverse(), "inv1", true))).toEqual(ids(once));
    expect([...ids(once)].sort()).toEqual([...ids(questions)].sort());
  });

  it("differs between candidates", () => {
    const orders = new Set(["inv1", "inv2", "inv3", "inv4"].map((id) => ids(questionOrder(questions, id, true)).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("settings precedence", () => {
  it("takes the invitation's keys over the template's, and the defaults for the rest", () => {
    expect(effectiveSettings(null, null)).toEqual(DEFAULT_SETTINGS);
    expect(effectiveSettings({ randomOrder: true, timeLimitMin: 30 }, { timeLimitMin: null, showTimer: false })).toEqual({
      randomOrder: true,
      timeLimitMin: null,
      allowPause: true,
      showTimer: false,
    });
  });
});

describe("overall time limit", () => {
  it("runs from consent and not before it", () => {
    expect(elapsedMs({ consentAt: null, pausedAt: null, pausedMs: 0 }, at(5))).toBe(0);
    expect(timeLeftMs(20, { consentAt, pausedAt: null, pausedMs: 0 }, at(5))).toBe(15 * MIN);
    expect(timeLeftMs(null, { consentAt, pausedAt: null, pausedMs: 0 }, at(5))).toBeNull();
  });

  it("never goes below zero", () => {
    expect(timeLeftMs(20, { consentAt, pausedAt: null, pausedMs: 0 }, at(90))).toBe(0);
  });

  it("stands still during a pause and leaves ended pauses out", () => {
    const paused = { consentAt, pausedAt: at(5), pausedMs: 0 };
    expect(timeLeftMs(20, paused, at(60))).toBe(15 * MIN);
    const resumed = { consentAt, pausedAt: null, pausedMs: pausedMsAfterResume(paused, at(60)) };
    expect(resumed.pausedMs).toBe(55 * MIN);
    expect(timeLeftMs(20, resumed, at(62))).toBe(13 * MIN);
  });

  it("reads as the page shows it", () => {
    expect(formatTimeLeft(75 * MIN)).toBe("1 h 15 min");
    expect(formatTimeLeft(12 * MIN + 5000)).toBe("12 min 05 s");
    expect(formatTimeLeft(44_200)).toBe("45 s");
  });
});
