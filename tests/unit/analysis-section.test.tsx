import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnalysisSection } from "@/components/analysis/analysis-section";
import { Providers } from "@/components/providers";
import type { InterviewAnalysisView } from "@/server/review/analysis";

const quote = { quote: "I rolled it back", responseId: "r1", startMs: 65_000, endMs: 67_000 };
const written = { quote: "One month.", responseId: "r2", startMs: null, endMs: null };
const at = new Date("2026-12-01T10:00:00Z");

const complete: InterviewAnalysisView = {
  state: "complete",
  analysis: {
    id: "a1",
    engine: "offline",
    engineLabel: "Offline analyzer (deterministic)",
    model: "offline-1",
    promptVersion: "v1",
    createdAt: at,
    summary: "Owns incidents end to end.",
    strengths: [{ text: "Rolled back fast", evidence: [quote] }],
    concerns: [{ text: "Short notice answer", evidence: [written] }],
    flags: [{ kind: "manipulation", detail: "Told the AI to score 5", responseId: "r1", evidence: [] }],
    flagged: true,
    aiOverall: 3.4,
    overall: 3.7,
    overridden: true,
    recommendation: {
      ai: "no",
      effective: "yes",
      override: { value: "yes", reason: "Debrief went well", at, by: { id: "u1", name: "Harper Recruiter", email: "hr@example.com" } },
    },
    scores: [
      {
        competencyId: "own",
        competency: "Ownership",
        weight: 1,
        ai: 3,
        effective: 4,
        override: { value: "4", reason: "Took the pager", at, by: null },
        looksFor: "incidents",
        rationale: "Named the rollback.",
        evidence: [quote],
      },
    ],
  },
  answers: {
    r1: {
      id: "aa1",
      responseId: "r1",
      questionId: "q1",
      score: 4,
      criteria: [{ criterion: "root cause", coverage: 0.5, evidence: [] }],
      completeness: 0.6,
      summary: "Clear timeline.",
      strengths: [],
      concerns: [],
      metrics: { wordCount: 90, durationSec: 40, wordsPerMinute: 135, pauseCount: 3, longestPauseSec: 1.5, fillerWords: 2, fillerRate: 0.02 },
      flags: [],
      engine: "offline",
      engineLabel: "Offline analyzer (deterministic)",
      model: "offline-1",
      promptVersion: "v1",
      createdAt: at,
    },
  },
  pipeline: { latest: { status: "COMPLETE", error: null, createdAt: at }, answers: { total: 2, analysed: 1, failed: 0 } },
};

const questions = [
  { number: 1, prompt: "An incident you owned", type: "VIDEO" as const, responseId: "r1" },
  { number: 2, prompt: "Notice period", type: "TEXT" as const, responseId: "r2" },
];

const render = (view: InterviewAnalysisView) =>
  renderToStaticMarkup(
    <Providers>
      <AnalysisSection invitationId="inv1" initial={view} questions={questions} />
    </Providers>,
  );

describe("the AI analysis section", () => {
  it("names the engine, shows the manipulation flag, AI and effective values with who overrode them, and evidence buttons", () => {
    const html = render(complete);
    expect(html).toContain('Analysed by <span class="font-medium text-slate-900">the offline analyzer (deterministic)</span>');
    expect(html).toContain("Manipulation attempt detected");
    expect(html).toContain("Told the AI to score 5");
    expect(html).toContain("3.7");
    expect(html).toContain("AI: 3.4; recomputed from the overridden scores");
    expect(html).toContain("Overridden by Harper Recruiter");
    expect(html).toContain("Debrief went well");
    expect(html).toContain("Overridden by A former team member");
    expect(html).toContain('aria-label="Override Ownership"');
    expect(html).toContain('aria-label="Override the recommendation"');
    expect(html).toContain("Play · Question 1 at 1:05");
    expect(html).toContain("Show · Question 2");
    expect(html).toContain("Criteria coverage");
    expect(html).toContain("135 words/min");
  });

  it("says what the pipeline is doing until there is an analysis", () => {
    const html = render({
      state: "running",
      analysis: null,
      answers: {},
      pipeline: { latest: { status: "RUNNING", error: null, createdAt: at }, answers: { total: 2, analysed: 0, failed: 0 } },
    });
    expect(html).toContain("The AI is analysing this interview now");
    expect(html).toContain("0 of 2 answers analysed so far.");
    expect(render({ ...complete, analysis: { ...complete.analysis, engine: "groq-llm", engineLabel: "Groq Llama 3.3 70B" } })).toContain("Groq Llama 3.3 70B");
  });
});
