import { describe, expect, it } from "vitest";
import { accommodationLines } from "@/components/interview/consent-screen";
import { hasAccommodations, NO_ACCOMMODATIONS, questionLimits } from "@/server/interview/interview-rules";

describe("questionLimits", () => {
  it("is the question's own limits without accommodations", () => {
    expect(questionLimits({ thinkTimeSec: 30, timeLimitSec: 120, retakes: 1 }, NO_ACCOMMODATIONS)).toEqual({
      thinkTimeSec: 30,
      timeLimitSec: 120,
      takesAllowed: 2,
    });
  });

  it("lengthens the times by the percentages, rounding up, and adds the retakes", () => {
    expect(questionLimits({ thinkTimeSec: 15, timeLimitSec: 45, retakes: 0 }, { extraThinkPct: 50, extraAnswerPct: 10, extraRetakes: 2 })).toEqual({
      thinkTimeSec: 23,
      timeLimitSec: 50,
      takesAllowed: 3,
    });
  });
});

describe("the consent screen's accommodation lines", () => {
  it("names each accommodation granted, and none when there are none", () => {
    expect(hasAccommodations(NO_ACCOMMODATIONS)).toBe(false);
    expect(accommodationLines(NO_ACCOMMODATIONS)).toEqual([]);
    expect(accommodationLines({ extraThinkPct: 50, extraAnswerPct: 25, extraRetakes: 1 })).toEqual([
      "50 % more time to think before each recorded answer",
      "25 % more time for each answer",
      "1 extra retake on each recorded question",
    ]);
  });
});
