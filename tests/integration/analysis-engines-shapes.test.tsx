import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisSection } from "@/components/analysis/analysis-section";
import type { AnalysedQuestion } from "@/components/analysis/answer-analyses";
import { ComparisonTable } from "@/components/comparison/comparison-table";
import { Providers } from "@/components/providers";
import { analyzeInterview } from "@/server/analysis/analyze-interview";
import { answerAnalysisResultSchema, interviewAnalysisResultSchema } from "@/server/analysis/analysis.schema";
import type { Analyzer } from "@/server/analysis/analyzer";
import { createLlmAnalyzer, InvalidModelOutputError } from "@/server/analysis/llm";
import { groqAnalysisModel } from "@/server/analysis/llm/model";
import { createOfflineAnalyzer } from "@/server/analysis/offline";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import type { InterviewAnalysisView } from "@/server/review/analysis";
import { callerFor } from "../helpers/actors";
import { groqReply, startGroqStandIn, type GroqStandIn } from "../helpers/groq-stand-in";
import { createFixtureInterview, createFixtureTemplate } from "./analysis-fixture";

// The review and comparison pages read both engines' results through the same schemas and
// components. The strong fixture candidate's interview is analysed once by the offline analyzer and
// once by the LLM engine (real @ai-sdk/groq and ai SDK, Groq a stand-in answering with the recorded
// Llama replies), both written by analyzeInterview into the real database, read back through the
// pages' own tRPC procedures and rendered with the pages' components.

const db = () => getDb();
let groq: GroqStandIn;
let template: Awaited<ReturnType<typeof createFixtureTemplate>>;
const saved = { GROQ_API_KEY: process.env.GROQ_API_KEY, GROQ_BASE_URL: process.env.GROQ_BASE_URL };

type Run = { invitationId: string; view: InterviewAnalysisView; html: string };
const runs = {} as Record<"offline" | "llm", Run>;

async function questionsOf(invitationId: string): Promise<AnalysedQuestion[]> {
  const responses = await db().response.findMany({ where: { invitationId }, select: { id: true, questionId: true } });
  return template.snapshot.questions.map((q) => ({
    number: q.position + 1,
    prompt: q.prompt,
    type: q.type,
    responseId: responses.find((r) => r.questionId === q.id)?.id ?? null,
  }));
}

async function reviewPage(invitationId: string): Promise<{ view: InterviewAnalysisView; html: string }> {
  const view = await (await callerFor(template.hr.id)).analysis.interview({ invitationId });
  const html = renderToStaticMarkup(
    <Providers>
      <AnalysisSection invitationId={invitationId} initial={view} questions={await questionsOf(invitationId)} />
    </Providers>,
  );
  return { view, html };
}

async function analyseWith(engine: Analyzer): Promise<Run> {
  const invitation = await createFixtureInterview(db(), template, "strong");
  await analyzeInterview(db(), invitation.id, { engine });
  return { invitationId: invitation.id, ...(await reviewPage(invitation.id)) };
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** What the review section shows, without what the answers say: its headings, rows, criteria and controls. */
function sections(html: string) {
  return {
    headings: [...html.matchAll(/<h([3-5])[^>]*>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${text(m[2]!)}`),
    competencies: [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<span/g)].map((m) => m[1]),
    criteria: [...html.matchAll(/aria-label="Coverage of ([^"]+)"/g)].map((m) => m[1]),
    answerScores: (html.match(/Score \d(\.\d)? of 5/g) ?? []).length,
    overrides: [...html.matchAll(/aria-label="(Override [^"]+)"/g)].map((m) => m[1]),
    labels: ["Overall", "Recommendation", "Rationale and evidence", "Speaking", "Words", "Pace"].filter((label) => html.includes(`>${label}<`)),
  };
}

beforeAll(async () => {
  groq = await startGroqStandIn();
  process.env.GROQ_API_KEY = "gsk_test_key";
  process.env.GROQ_BASE_URL = groq.baseUrl;
  resetEnvForTests();
  template = await createFixtureTemplate(db(), "Engines");

  runs.offline = await analyseWith(createOfflineAnalyzer());
  groq.replies.push(...["strong-q1", "strong-q2", "strong-q3", "strong-q4"].map((name) => groqReply(name)));
  runs.llm = await analyseWith(createLlmAnalyzer(groqAnalysisModel()));
  expect(groq.requests).toHaveLength(4);
}, 120_000);

afterAll(async () => {
  await groq.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
});

describe("one shape for both engines", () => {
  it("stores results that the same zod schemas accept", async () => {
    for (const [engine, run] of Object.entries(runs)) {
      const rows = await db().analysis.findMany({ where: { invitationId: run.invitationId, status: "COMPLETE" } });
      expect(
        rows.map((r) => r.engine),
        engine,
      ).toEqual(Array(5).fill(engine === "llm" ? "groq-llm" : "offline"));
      for (const row of rows) {
        const parsed = row.responseId ? answerAnalysisResultSchema.safeParse(row.result) : interviewAnalysisResultSchema.safeParse(row.result);
        expect(parsed.error, `${engine} ${row.responseId ?? "interview"}`).toBeUndefined();
      }
    }
  });

  it("gives the review page the same view: every competency scored, every answer analysed, the same criteria", () => {
    const shape = (view: InterviewAnalysisView) => ({
      state: view.state,
      competencies: view.analysis?.scores.map((s) => [s.competency, typeof s.ai, typeof s.rationale]),
      answers: Object.values(view.answers).map((a) => [a.questionId, typeof a.score, a.criteria.map((c) => c.criterion), a.metrics === null]),
      keys: [Object.keys(view.analysis ?? {}).sort(), Object.values(view.answers).map((a) => Object.keys(a).sort())],
    });
    expect(shape(runs.llm.view)).toEqual(shape(runs.offline.view));
    expect(runs.llm.view.state).toBe("complete");
    expect(runs.llm.view.analysis!.engineLabel).toBe("Groq Llama 3.3 70B");
    expect(runs.offline.view.analysis!.engineLabel).toBe("Offline analyzer (deterministic)");
  });

  it("renders the same sections of the review page for both", () => {
    const offline = sections(runs.offline.html);
    expect(sections(runs.llm.html)).toEqual(offline);
    expect(offline.competencies).toEqual(["Technical depth", "Ownership", "Collaboration and leadership"]);
    expect(offline.answerScores).toBe(4);
    expect(offline.headings).toEqual(
      expect.arrayContaining([
        "h3 Scores by competency",
        "h3 Strengths",
        "h3 Concerns",
        "h3 Answer by answer",
        "h4 Question 1",
        "h4 Question 4",
        "h5 Criteria coverage",
      ]),
    );
    // Evidence from the LLM's verified quotes plays the moment it was said, like the offline engine's.
    expect(runs.llm.html).toMatch(/Play · Question 1 at 0:\d\d/);
    expect(runs.llm.html).toContain('Analysed by <span class="font-medium text-slate-900">Groq Llama 3.3 70B</span>');
  });

  it("shows both candidates on the comparison page with the same columns filled", async () => {
    const comparison = await (await callerFor(template.hr.id)).analysis.compare({ templateId: template.version.templateId });
    const rows = Object.fromEntries(comparison.rows.map((r) => [r.invitationId, r]));
    const [offline, llm] = [rows[runs.offline.invitationId]!, rows[runs.llm.invitationId]!];
    for (const row of [offline, llm]) {
      expect(row.rank).not.toBeNull();
      expect(Object.keys(row.analysis!.scores).sort()).toEqual(comparison.competencies.map((c) => c.id).sort());
      expect(Object.values(row.analysis!.scores).every((s) => typeof s.effective === "number")).toBe(true);
      expect(typeof row.analysis!.overall).toBe("number");
    }

    const html = renderToStaticMarkup(
      <Providers>
        <ComparisonTable templateId={template.version.templateId} initial={comparison} />
      </Providers>,
    );
    const body = html.slice(html.indexOf("<tbody"));
    const cells = [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => text(c[1]!)));
    expect(cells).toHaveLength(2);
    expect(cells[0]!.length).toBe(cells[1]!.length);
    for (const row of cells) {
      expect(row.some((c) => c === "–" || c === "Not analysed")).toBe(false);
    }
    expect(cells.map((row) => row.at(-1)).sort()).toEqual(["Groq Llama 3.3 70B", "Offline analyzer (deterministic)"]);
  });
});

describe("a model that never gives a usable analysis", () => {
  it("fails the run with a readable reason on the review page and saves nothing half-done", async () => {
    const invitation = await createFixtureInterview(db(), template, "strong");
    // The first answer's reply is fine; the second answer's model keeps refusing.
    groq.reset();
    groq.replies.push(groqReply("strong-q1"), ...Array.from({ length: 3 }, () => groqReply("refusal")));
    const error = await analyzeInterview(db(), invitation.id, { engine: createLlmAnalyzer(groqAnalysisModel()) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidModelOutputError);
    expect(groq.requests).toHaveLength(4);

    const rows = await db().analysis.findMany({ where: { invitationId: invitation.id } });
    expect(rows.map((r) => [r.responseId, r.status])).toEqual([[null, "FAILED"]]);
    expect(rows[0]!.error).toMatch(
      /^The analysis model llama-3\.3-70b-versatile gave no usable analysis in 3 attempts; the last time it replied with text instead of JSON: “I can't help/,
    );

    const { view, html } = await reviewPage(invitation.id);
    expect(view).toMatchObject({ state: "failed", analysis: null, answers: {} });
    expect(html).toContain("The AI analysis failed");
    expect(html).toContain("gave no usable analysis in 3 attempts");
    expect(html).not.toMatch(/\bat \S+ \(|node_modules|Error:/);
  });
});
