import { analyzeInterviewFn } from "./analyze-interview";
import { interviewCompletedFn } from "./interview-completed";
import { processResponse } from "./process-response";
import { retentionSweepFn } from "./retention-sweep";
import { stripeEventFns } from "./stripe-events";
import { subscriptionChangedFn } from "./subscription-changed";

/** Every background function; served at /api/inngest and run by the in-process runner alike. */
export const functions = [processResponse, interviewCompletedFn, analyzeInterviewFn, subscriptionChangedFn, retentionSweepFn, ...stripeEventFns];
