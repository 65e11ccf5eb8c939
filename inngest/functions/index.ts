import { analyzeInterviewFn } from "./analyze-interview";
import { interviewCompletedFn } from "./interview-completed";
import { processResponse } from "./process-response";
import { sendCandidateFeedbackFn } from "./send-candidate-feedback";
import { stripeEventFns } from "./stripe-events";
import { subscriptionChangedFn } from "./subscription-changed";

/** Every background function; served at /api/inngest and run by the in-process runner alike. */
export const functions = [processResponse, interviewCompletedFn, analyzeInterviewFn, subscriptionChangedFn, sendCandidateFeedbackFn, ...stripeEventFns];
