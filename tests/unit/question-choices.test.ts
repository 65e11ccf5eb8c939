import { describe, expect, it } from "vitest";
import { allowsSeveral, choiceText, optionSeed, scoreByKey, seededShuffle, type ChoiceOption } from "@/server/interview/choices";
import { questionInput } from "@/server/templates/templates.schema";

const options = (correct: string[], n = 4): ChoiceOption[] =>
  Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, text: `Option ${i + 1}`, correct: correct.includes(`o${i + 1}`) }));

describe("a multiple-choice question's validation", () => {
  const base = { prompt: "Which are HTTP methods?", type: "MULTIPLE_CHOICE" as const };
  const issues = (input: unknown) => questionInput.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

  it("keeps its options and key, and drops the video and text settings", () => {
    const parsed = questionInput.parse({
      ...base,
      timeLimitSec: 90,
      maxChars: 300,
      scoreByKey: true,
      options: [
        { text: " GET ", correct: true },
        { text: "FETCH", correct: false },
      ],
    });
    expect(parsed).toMatchObject({ type: "MULTIPLE_CHOICE", timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: null, scoreByKey: true });
    expect(parsed.options).toEqual([
      { id: undefined, text: "GET", correct: true },
      { id: undefined, text: "FETCH", correct: false },
    ]);
  });

  it("needs 2 to 10 options", () => {
    expect(issues({ ...base, options: [{ text: "Only", correct: true }] })).toEqual(["options: Give from 2 to 10 options"]);
    expect(issues({ ...base })).toEqual(["options: Give from 2 to 10 options"]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ text: `O${i}`, correct: i === 0 }));
    expect(issues({ ...base, options: eleven })).toEqual(["options: Give from 2 to 10 options"]);
    expect(issues({ ...base, options: eleven.slice(0, 10) })).toEqual([]);
  });

  it("needs at least one correct option, distinct words and no empty option", () => {
    expect(issues({ ...base, options: [{ text: "A" }, { text: "B" }] })).toEqual(["options: Mark at least one option as correct"]);
    expect(
      issues({
        ...base,
        options: [
          { text: "Same", correct: true },
          { text: "same", correct: false },
        ],
      }),
    ).toEqual(["options.1.text: Another option already says this"]);
    expect(issues({ ...base, options: [{ text: " ", correct: true }, { text: "B" }] })).toEqual(["options.0.text: Write the option"]);
  });

  it("ignores blank options left on other types, which the editor keeps while HR switches type", () => {
    expect(
      questionInput.safeParse({ prompt: "Why?", type: "VIDEO", timeLimitSec: 60, thinkTimeSec: 0, retakes: 0, options: [{ text: "" }, { text: "" }] }).success,
    ).toBe(true);
  });

  it("stores no options on other types", () => {
    expect(questionInput.parse({ prompt: "Why?", type: "TEXT", options: [{ text: "A", correct: true }], scoreByKey: true })).toMatchObject({
      options: null,
      scoreByKey: false,
    });
  });
});

describe("scoring by key", () => {
  it("is right or wrong with one correct option", () => {
    expect(scoreByKey(options(["o2"]), ["o2"])).toMatchObject({ score: 1, correct: true });
    expect(scoreByKey(options(["o2"]), ["o1"])).toMatchObject({ score: 0, correct: false });
  });

  it("gives each correct option its share and takes a share back for each wrong one, never below 0", () => {
    const key = options(["o1", "o2", "o3"], 5);
    expect(scoreByKey(key, ["o1", "o2", "o3"])).toMatchObject({ score: 1, correct: true, hits: 3, wrong: 0 });
    expect(scoreByKey(key, ["o1", "o2"])).toMatchObject({ score: 0.667, correct: false });
    expect(scoreByKey(key, ["o1", "o2", "o3", "o4"])).toMatchObject({ score: 0.667, correct: false, wrong: 1 });
    // Choosing everything does not beat knowing the answer.
    expect(scoreByKey(key, ["o1", "o2", "o3", "o4", "o5"]).score).toBeCloseTo(0.333, 3);
    expect(scoreByKey(key, ["o4", "o5"]).score).toBe(0);
  });

  it("lets several options be chosen only when the key has several", () => {
    expect(allowsSeveral(options(["o1"]))).toBe(false);
    expect(allowsSeveral(options(["o1", "o4"]))).toBe(true);
  });

  it("reads the chosen options' words in the question's order", () => {
    expect(choiceText(options(["o1"]), ["o3", "o1"])).toBe("Option 1\nOption 3");
  });
});

describe("the per-candidate option order", () => {
  const ten = options(["o1"], 10);

  it("is the same for the same candidate and question, every time", () => {
    const seed = optionSeed("inv_1", "q_1");
    expect(seededShuffle(ten, seed)).toEqual(seededShuffle(ten, seed));
  });

  it("differs between candidates, and keeps every option once", () => {
    const orders = new Set(
      ["inv_1", "inv_2", "inv_3", "inv_4"].map((inv) =>
        seededShuffle(ten, optionSeed(inv, "q_1"))
          .map((o) => o.id)
          .join(","),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
    for (const order of orders) expect(order.split(",").sort()).toEqual(ten.map((o) => o.id).sort());
  });
});
