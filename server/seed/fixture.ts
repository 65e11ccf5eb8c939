import { z } from "zod";
import raw from "./fixtures/interviews.json";

// A copy of ../shared/fixtures/interviews.json, so the seed works in a clone without shared/;
// tests/unit/seed-fixture.test.ts keeps the two equal.
const fixtureSchema = z.object({
  templates: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string(),
      rubric: z.array(z.object({ competency: z.string(), weight: z.number(), looks_for: z.string() })),
      questions: z.array(
        z.object({
          key: z.string(),
          prompt: z.string(),
          type: z.enum(["video", "text"]),
          time_limit_s: z.number().int(),
          think_time_s: z.number().int(),
          retakes: z.number().int(),
          criteria: z.string(),
        }),
      ),
    }),
  ),
  candidates: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      email: z.string(),
      answers: z.record(z.string(), z.string()),
      expected: z.string(),
    }),
  ),
});

export type InterviewFixture = z.infer<typeof fixtureSchema>;
export const interviewFixture: InterviewFixture = fixtureSchema.parse(raw);

type FixtureTemplate = InterviewFixture["templates"][number];

/** The fixture template's rubric with the ids the server gives competencies (c1, c2, …). */
export function fixtureRubric(t: FixtureTemplate = interviewFixture.templates[0]!) {
  return t.rubric.map((r, i) => ({ id: `c${i + 1}`, competency: r.competency, weight: r.weight, looksFor: r.looks_for }));
}

/** The fixture template's questions with the settings a Question row takes, each with its fixture key (q1, q2, …). */
export function fixtureQuestions(t: FixtureTemplate = interviewFixture.templates[0]!) {
  return t.questions.map((q, position) => ({
    key: q.key,
    position,
    prompt: q.prompt,
    type: q.type === "video" ? ("VIDEO" as const) : ("TEXT" as const),
    timeLimitSec: q.time_limit_s,
    thinkTimeSec: q.think_time_s,
    retakes: q.retakes,
    maxChars: q.type === "text" ? 2000 : null,
    criteria: q.criteria,
  }));
}
