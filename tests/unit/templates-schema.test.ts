import { describe, expect, it } from "vitest";
import { statusChange } from "@/server/templates/status";
import { publishBlockers, questionInput, templateInput, weightShares } from "@/server/templates/templates.schema";

describe("questionInput", () => {
  it("stores a video question without a character limit", () => {
    expect(questionInput.parse({ prompt: " Why us? ", type: "VIDEO", timeLimitSec: 90, thinkTimeSec: 0, retakes: 0, maxChars: 800 })).toEqual({
      id: undefined,
      prompt: "Why us?",
      type: "VIDEO",
      timeLimitSec: 90,
      thinkTimeSec: 0,
      retakes: 0,
      maxChars: null,
      criteria: "",
      options: null,
      scoreByKey: false,
      required: true,
    });
  });

  it("stores a text question without time settings, at 2000 characters unless told otherwise", () => {
    const q = { prompt: "Why us?", type: "TEXT" as const, timeLimitSec: 9999, thinkTimeSec: -1, retakes: 40 };
    expect(questionInput.parse(q)).toMatchObject({ timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: 2000 });
    expect(questionInput.parse({ ...q, maxChars: 5000 }).maxChars).toBe(5000);
  });

  it("checks each setting against the limits of the question's type", () => {
    const paths = (input: unknown) => questionInput.safeParse(input).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths({ prompt: "P", type: "VIDEO", timeLimitSec: 14, thinkTimeSec: 300, retakes: 5 })).toEqual(["timeLimitSec"]);
    expect(paths({ prompt: "P", type: "VIDEO", timeLimitSec: 600, thinkTimeSec: 301, retakes: 5 })).toEqual(["thinkTimeSec"]);
    expect(paths({ prompt: "P", type: "VIDEO", timeLimitSec: 15, thinkTimeSec: 0, retakes: 2.5 })).toEqual(["retakes"]);
    expect(paths({ prompt: "P", type: "TEXT", maxChars: 49 })).toEqual(["maxChars"]);
    expect(paths({ prompt: "P", type: "TEXT", maxChars: 5001 })).toEqual(["maxChars"]);
    expect(paths({ prompt: "P", type: "AUDIO" })).toEqual(["type"]);
  });
});

describe("templateInput", () => {
  const base = { title: "T", description: "D", rubric: [], questions: [] };

  it("accepts an unfinished draft, which publishBlockers then holds back", () => {
    const draft = templateInput.parse(base);
    expect(publishBlockers(draft)).toEqual({
      questions: "Add at least one question before publishing",
      rubric: "Add at least one competency to the rubric before publishing",
    });
    expect(publishBlockers({ rubric: [{}], questions: [{}] })).toEqual({});
  });

  it("refuses the same question or competency twice", () => {
    const q = { id: "q1", prompt: "P", type: "TEXT" };
    const c = { competency: "Depth", weight: 1, looksFor: "x" };
    const issues = templateInput.safeParse({ ...base, questions: [q, q], rubric: [c, { ...c, competency: "DEPTH" }] }).error?.issues;
    expect(issues?.map((i) => i.path.join("."))).toEqual(["rubric.1.competency", "questions.1.id"]);
  });
});

describe("weightShares", () => {
  it("shows weights as shares of their total, whatever scale HR uses", () => {
    expect(weightShares([0.4, 0.3, 0.3])).toEqual([40, 30, 30]);
    expect(weightShares([2, 1, 1])).toEqual([50, 25, 25]);
    expect(weightShares([1, Number.NaN])).toEqual([100, 0]);
    expect(weightShares([])).toEqual([]);
  });
});

describe("statusChange", () => {
  it("names each allowed move and refuses publishing straight from the archive", () => {
    expect(statusChange("DRAFT", "PUBLISHED")).toBe("published");
    expect(statusChange("PUBLISHED", "DRAFT")).toBe("unpublished");
    expect(statusChange("DRAFT", "ARCHIVED")).toBe("archived");
    expect(statusChange("PUBLISHED", "ARCHIVED")).toBe("archived");
    expect(statusChange("ARCHIVED", "DRAFT")).toBe("unarchived");
    expect(statusChange("PUBLISHED", "PUBLISHED")).toBeNull();
    expect(() => statusChange("ARCHIVED", "PUBLISHED")).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  });
});
