import { inngest } from "../client";
import { interviewCompleted } from "../events";
import { startAnalysisIfReady } from "./start-analysis";

/**
 * A completed interview whose answers are all processed already (its last answer was written, or
 * a recording that could not be decoded) has no answer step left to start the analysis; this does.
 * When answers are still in the pipeline, the last of them starts it instead.
 */
export const interviewCompletedFn = inngest.createFunction(
  { id: "interview-completed", name: "Start the analysis of a completed interview", triggers: [interviewCompleted], retries: 3 },
  async ({ event, step }) => ({ analysisStarted: await startAnalysisIfReady(step, event.data.invitationId) }),
);
