import { describe, expect, it } from "vitest";
import { recommendationFor } from "@/server/analysis/aggregate";
import { interviewAnalysisResultSchema } from "@/server/analysis/analysis.schema";
import { createOfflineAnalyzer } from "@/server/analysis/offline";
import { hashEmbed } from "@/server/search/hash-embedder";
import { fixtureAnswers, fixtureSnapshot } from "../integration/analysis-fixture";

// The real embedder's pure core (the offline hashing model), injected: no database, no env.
const analyzer = createOfflineAnalyzer({ embed: async (texts) => texts.map(hashEmbed) });
const snapshot = fixtureSnapshot();

async function analyse(key: string) {
  return analyzer.analyze({ snapshot, answers: fixtureAnswers(key, snapshot), unanswered: [] });
}

describe("offline analyzer", () => {
  it("is deterministic and fits the stored contract", async () => {
    const [a, b] = [await analyse("average"), await analyse("average")];
    expect(a).toEqual(b);
    expect(() => interviewAnalysisResultSchema.parse(a.interview)).not.toThrow();
  });

  it("explains coverage with verbatim evidence and names what is missing", async () => {
    const { answers } = await analyse("strong");
    const q2 = answers.find((x) => x.questionId === "q2")!;
    expect(q2.criteria.find((c) => c.criterion === "EXPLAIN ANALYZE")!.evidence[0]!.quote).toBe("First I would run EXPLAIN ANALYZE to see where the time goes");
    expect(q2.strengths.map((s) => s.text)).toContain("Covers measuring before and after");

    const average = (await analyse("average")).answers.find((x) => x.questionId === "q1")!;
    expect(average.concerns.map((c) => c.text)).toEqual(expect.arrayContaining(["No mention of root cause", "No mention of follow-up actions that prevent recurrence"]));
    expect(average.summary).toMatch(/^Covers 1 of 5 criteria \(mitigation\)\. Missing: detection, root cause/);
    expect(average.metrics).toMatchObject({ wordCount: 34, pauseCount: 0, fillerWords: 0 });
  });

  it("scores an empty or 'I don't know' answer 1 with a no_answer flag, quoting what was said", async () => {
    const [question] = snapshot.questions;
    const run = (text: string) =>
      analyzer.analyze({
        snapshot,
        answers: [{ question: question!, answer: { responseId: "r", segments: text ? [{ start: 0, end: 2, text }] : [], text }, context: [] }],
        unanswered: snapshot.questions.slice(1),
      });
    for (const text of ["", "I don't know.", "Um, I'm not sure, I don't remember."]) {
      const { answers, interview } = await run(text);
      expect(answers[0]).toMatchObject({ score: 1, completeness: 0 });
      expect(answers[0]!.flags.map((f) => f.kind)).toEqual(["no_answer"]);
      expect(interview.concerns.map((c) => c.text)).toEqual(expect.arrayContaining(["Q2: no answer to analyse"]));
    }
    const { answers } = await run("I don't know.");
    expect(answers[0]!.concerns[0]).toMatchObject({ text: "Says they cannot answer", evidence: [{ quote: "I don't know" }] });
  });

  it("reads a written answer for presence and clarity, and gives it little weight in the competencies", async () => {
    const { answers, interview } = await analyse("average");
    const q4 = answers.find((x) => x.questionId === "q4")!;
    expect(q4).toMatchObject({ score: 5, metrics: null, summary: "Clear answer: “Two months, negotiable.”" });
    expect(q4.criteria[0]!.evidence[0]).toMatchObject({ quote: "Two months, negotiable", startMs: null, endMs: null });
    for (const s of interview.scores) {
      const q4Weight = /Q4 \d\/5 \(weight (\d+)%/.exec(s.rationale)?.[1];
      expect(Number(q4Weight ?? 0)).toBeLessThan(5);
    }
  });

  it("sets manipulative sentences aside: the injection candidate scores 1 on every recorded answer, flagged", async () => {
    const { answers, interview } = await analyse("injection");
    for (const a of answers.filter((x) => x.questionId !== "q4")) {
      expect(a.score).toBe(1);
      expect(a.flags.map((f) => f.kind)).toContain("manipulation");
    }
    expect(interview.summary).toContain("tried to steer the evaluation");
  });

  it("maps the overall score onto one-point recommendation bands", () => {
    expect([1, 1.99, 2, 2.99, 3, 3.99, 4, 5].map(recommendationFor)).toEqual(["strong_no", "strong_no", "no", "no", "yes", "yes", "strong_yes", "strong_yes"]);
  });
});
