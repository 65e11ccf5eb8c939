import { describe, expect, it } from "vitest";
import { evalSetSchema, interviewInput, loadSets, readTranscripts, staleTranscripts } from "@/scripts/eval/sets";

// The evaluation sets' shape and data, never their figures (tests/eval/README.md).
describe("the evaluation sets", () => {
  const all = loadSets("all");

  it("are two tuned and two held-out sets, and only the tuned ones load by default", () => {
    expect(all.filter((s) => s.heldOut)).toHaveLength(2);
    expect(loadSets("tuned").map((s) => s.id)).toEqual(all.filter((s) => !s.heldOut).map((s) => s.id));
    expect(loadSets("held-out").every((s) => s.heldOut)).toBe(true);
  });

  it("have a committed transcript of every answer as it is written now", () => {
    for (const set of all) expect(staleTranscripts(set, readTranscripts(set.id)), set.id).toEqual([]);
  });

  it("make analyzer input the pipeline's way: one recorded answer per question, with timed words", () => {
    const [set] = loadSets("tuned");
    for (const source of ["text", "speech"] as const) {
      const input = interviewInput(set!, set!.candidates[0]!, source, readTranscripts(set!.id));
      expect(input.answers.map((a) => a.question.id)).toEqual(set!.questions.map((q) => q.key));
      expect(input.unanswered).toEqual([]);
      for (const { answer } of input.answers) {
        expect(answer.segments!.length).toBeGreaterThan(0);
        expect(answer.text).toBe(answer.segments!.map((s) => s.text).join(" "));
      }
    }
  });

  it("refuses a set whose weights do not add up or whose order leaves a candidate out", () => {
    const [set] = loadSets("tuned");
    const bad = { ...set!, rubric: set!.rubric.map((r) => ({ ...r, weight: 0.5 })), expectedOrder: [["strong"], ["average"]] };
    const issues = evalSetSchema.safeParse(bad).error?.issues.map((i) => i.path[0]);
    expect(issues).toEqual(expect.arrayContaining(["rubric", "expectedOrder"]));
  });
});
