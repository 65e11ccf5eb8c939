import { getDb } from "@/server/db/client";
import { emailFeedback } from "@/server/feedback/feedback";
import { inngest } from "../client";
import { feedbackApproved } from "../events";

/** The feedback HR approved reaches the candidate from here, never from inside HR's request. */
export const sendCandidateFeedbackFn = inngest.createFunction(
  { id: "send-candidate-feedback", name: "Email a candidate the feedback HR approved", triggers: [feedbackApproved], retries: 5 },
  async ({ event, step }) => step.run("email", () => emailFeedback(getDb(), event.data.invitationId)),
);
