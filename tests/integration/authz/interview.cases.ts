import { makeInterview } from "../../fixtures/interview";
import type { Cases, Fixture } from "./fixture";

type Interview = Awaited<ReturnType<typeof makeInterview>>;
const interviews = new WeakMap<Fixture, Promise<Interview>>();

// One consented interview of organization A per fixture; the token, not the caller, decides what is
// reached, and tests/integration/interview.test.ts shows a token reaching no other invitation.
function interviewOf(fx: Fixture): Promise<Interview> {
  let i = interviews.get(fx);
  if (!i) {
    i = makeInterview({
      organizationId: fx.orgA.id,
      consent: true,
      questions: [
        { type: "VIDEO" },
        { type: "TEXT" },
        {
          type: "MULTIPLE_CHOICE",
          options: [
            { id: "o1", text: "Yes", correct: true },
            { id: "o2", text: "No", correct: false },
          ],
        },
      ],
    });
    interviews.set(fx, i);
  }
  return i;
}

const withToken = async (fx: Fixture) => ({ token: (await interviewOf(fx)).token });
const videoResponse = async (fx: Fixture) => {
  const i = await interviewOf(fx);
  return { token: i.token, responseId: i.responses[0]!.id };
};
const textResponse = async (fx: Fixture) => {
  const i = await interviewOf(fx);
  return { token: i.token, responseId: i.responses[1]!.id };
};

const choiceResponse = async (fx: Fixture) => {
  const i = await interviewOf(fx);
  return { token: i.token, responseId: i.responses[2]!.id };
};

export const interviewCases: Cases = {
  "interview.state": { input: withToken },
  "interview.open": { input: withToken },
  "interview.consent": { input: async (fx) => ({ ...(await withToken(fx)), accepted: true, textVersion: "any" }) },
  "interview.start": { input: withToken },
  "interview.heartbeat": { input: withToken },
  // The video question is required and unanswered here, so the call is refused by the rule, not by authorization.
  "interview.complete": { input: withToken },
  "interview.startTake": { input: videoResponse },
  "interview.submitVideo": { input: async (fx) => ({ ...(await videoResponse(fx)), take: 1 }) },
  "interview.submitText": { input: async (fx) => ({ ...(await textResponse(fx)), text: "Two weeks." }) },
  "interview.setPaused": { input: async (fx) => ({ ...(await withToken(fx)), paused: true }) },
  "interview.submitChoices": { input: async (fx) => ({ ...(await choiceResponse(fx)), choices: ["o1"] }) },
};
