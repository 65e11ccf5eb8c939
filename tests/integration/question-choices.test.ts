import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { interviewReadiness } from "@/server/pipeline/readiness";
import { callerFor } from "../helpers/actors";
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
