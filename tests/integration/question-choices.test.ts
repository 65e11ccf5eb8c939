import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/[...path]/route";
import { createApiKey } from "@/server/api-keys/keys";
import { createApiKeyInput } from "@/server/api-keys/api-keys.schema";
import { compareCandidates } from "@/server/comparison/compare";
import { toCsv } from "@/server/comparison/csv";
import { getDb } from "@/server/db/client";
import { interviewReadiness } from "@/server/pipeline/readiness";
import { getInterviewReview } from "@/server/review/interview";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";

/** Multiple-choice answers through the candidate's procedures: the shuffled options, the key's points and the refusals. */

const options = [
  { id: "o1", text: "GET", correct: true },
  { id: "o2", text: "FETCH", correct: false },
  { id: "o3", text: "POST", correct: true },
  { id: "o4", text: "SEND", correct: false },
];

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

describe("a multiple-choice question", () => {
  it("shows this candidate's own option order without the key, the same on every load", async () => {
    const { token } = await makeInterview({ consent: true, questions: [{ type: "MULTIPLE_CHOICE", options, scoreByKey: true }] });
    const api = await callerFor(null);
    const first = await api.interview.state({ token });
    const again = await api.interview.state({ token });
    if (first.availability === "UNAVAILABLE" || again.availability === "UNAVAILABLE") throw new Error("unavailable");
    const q = first.questions[0]!;
    expect(q.multiple).toBe(true);
    expect(q.options?.map((o) => o.id).sort()).toEqual(["o1", "o2", "o3", "o4"]);
    expect(q.options?.every((o) => !("correct" in o))).toBe(true);
    expect(again.questions[0]!.options).toEqual(q.options);
  });

  it("stores the choices, their words and the key's points, and completes the interview", async () => {
    const { token, invitation, responses } = await makeInterview({ consent: true, questions: [{ type: "MULTIPLE_CHOICE", options, scoreByKey: true }] });
    const api = await callerFor(null);
    const result = await api.interview.submitChoices({ token, responseId: responses[0]!.id, choices: ["o3", "o1", "o4"] });
    expect(result).toMatchObject({ status: "UPLOADED", completed: true });
    const stored = await getDb().response.findUniqueOrThrow({ where: { id: responses[0]!.id } });
    expect(stored).toMatchObject({ choices: ["o3", "o1", "o4"], keyScore: 0.5, textAnswer: "GET\nPOST\nSEND" });
    expect(stored.submittedAt).not.toBeNull();
    // The same choices again are the retry of a submit whose reply was lost; other choices are refused.
    expect(await api.interview.submitChoices({ token, responseId: responses[0]!.id, choices: ["o3", "o1", "o4"] })).toMatchObject({ completed: true });
    expect(await messageOf(api.interview.submitChoices({ token, responseId: responses[0]!.id, choices: ["o1"] }))).toMatch(/^CONFLICT/);
    const events = await getDb().outboxEvent.findMany({ where: { name: { in: ["response.submitted", "interview.completed"] } } });
    expect(events.filter((e) => (e.payload as { invitationId: string }).invitationId === invitation.id).map((e) => e.name)).toEqual([
      "response.submitted",
      "interview.completed",
    ]);
  });

  it("keeps no points when the question is not scored by key", async () => {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "MULTIPLE_CHOICE", options }] });
    await (await callerFor(null)).interview.submitChoices({ token, responseId: responses[0]!.id, choices: ["o1"] });
    expect(await getDb().response.findUniqueOrThrow({ where: { id: responses[0]!.id } })).toMatchObject({ choices: ["o1"], keyScore: null });
  });

  it("refuses unknown options, several options for a one-answer question, an empty choice and another type's answer", async () => {
    const single = options.map((o) => ({ ...o, correct: o.id === "o1" }));
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "MULTIPLE_CHOICE", options: single }, { type: "TEXT" }] });
    const api = await callerFor(null);
    const responseId = responses[0]!.id;
    expect(await messageOf(api.interview.submitChoices({ token, responseId, choices: ["o9"] }))).toBe(
      "BAD_REQUEST: One of the chosen options is not part of this question. Reload the page.",
    );
    expect(await messageOf(api.interview.submitChoices({ token, responseId, choices: ["o1", "o2"] }))).toBe(
      "BAD_REQUEST: Choose one option for this question.",
    );
    expect(await messageOf(api.interview.submitChoices({ token, responseId, choices: [] }))).toMatch(/^BAD_REQUEST/);
    expect(await messageOf(api.interview.submitChoices({ token, responseId, choices: ["o1", "o1"] }))).toMatch(/^BAD_REQUEST/);
    expect(await messageOf(api.interview.submitChoices({ token, responseId: responses[1]!.id, choices: ["o1"] }))).toBe(
      "BAD_REQUEST: This question does not take a choice of options.",
    );
    expect(await messageOf(api.interview.submitText({ token, responseId, text: "GET" }))).toMatch(/^BAD_REQUEST/);
    expect(await getDb().response.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ submittedAt: null, choices: [] });
  });

  it("is not analysed by the AI: an interview of choices alone has nothing to analyse, and with a written answer it is ready", async () => {
    const only = await makeInterview({ consent: true, questions: [{ type: "MULTIPLE_CHOICE", options, scoreByKey: true }] });
    const api = await callerFor(null);
    await api.interview.submitChoices({ token: only.token, responseId: only.responses[0]!.id, choices: ["o1", "o3"] });
    expect(await interviewReadiness(getDb(), only.invitation.id)).toEqual({ ready: false, waitingFor: 0 });

    const mixed = await makeInterview({ consent: true, questions: [{ type: "MULTIPLE_CHOICE", options, scoreByKey: true }, { type: "TEXT" }] });
    await api.interview.submitChoices({ token: mixed.token, responseId: mixed.responses[0]!.id, choices: ["o1"] });
    expect(await interviewReadiness(getDb(), mixed.invitation.id)).toEqual({ ready: false, waitingFor: -1 });
    await api.interview.submitText({ token: mixed.token, responseId: mixed.responses[1]!.id, text: "I would use idempotency keys." });
    expect(await interviewReadiness(getDb(), mixed.invitation.id)).toMatchObject({ ready: true });
  });
});

describe("HR's view of multiple-choice answers", () => {
  it("shows the options, the choices and the key's points on the review, the comparison, the CSV and the REST API", async () => {
    const org = await makeOrg("Choices");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const { token, invitation, responses } = await makeInterview({
      organizationId: org.id,
      consent: true,
      questions: [{ type: "MULTIPLE_CHOICE", options, scoreByKey: true }, { type: "MULTIPLE_CHOICE", options: options.slice(0, 2) }, { type: "TEXT" }],
    });
    const api = await callerFor(null);
    await api.interview.submitChoices({ token, responseId: responses[0]!.id, choices: ["o1"] });
    await api.interview.submitChoices({ token, responseId: responses[1]!.id, choices: ["o2"] });

    const review = await getInterviewReview(getDb(), org.id, invitation.id);
    expect(review.answers[0]).toMatchObject({ question: { type: "MULTIPLE_CHOICE", options, scoreByKey: true }, response: { choices: ["o1"], keyScore: 0.5 } });
    expect(review.answers[1]).toMatchObject({ response: { choices: ["o2"], keyScore: null, textAnswer: "FETCH" } });

    const comparison = await compareCandidates(getDb(), org.id, { templateId: invitation.templateId, sort: "overall" });
    expect(comparison.rows[0]!.keyPoints).toEqual({ earned: 0.5, of: 1 });
    expect(toCsv(comparison.rows, comparison.competencies).split("\r\n")[1]).toMatch(/"0\.50","1"$/);

    const { secret } = await createApiKey(getDb(), { id: hr.id }, org.id, createApiKeyInput.parse({ name: "read", scopes: ["read"] }));
    const url = new URL(`http://localhost:3000/api/v1/interviews/${invitation.id}/answers`);
    const res = await GET(new Request(url, { headers: { authorization: `Bearer ${secret}` } }), {
      params: Promise.resolve({ path: ["interviews", invitation.id, "answers"] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answers: { question: { options?: unknown }; response: { choices: string[]; keyScore: number | null } | null }[] };
    expect(body.answers[0]).toMatchObject({ question: { options }, response: { choices: ["o1"], keyScore: 0.5 } });
    expect(body.answers[2]!.response).toMatchObject({ choices: [], keyScore: null });
  });
});
