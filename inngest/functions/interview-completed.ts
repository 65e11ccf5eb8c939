import { db } from "@/server/db/client";
import { interviewReadiness } from "@/server/pipeline/readiness";
import { inngest } from "../client";
import { interviewCompleted, interviewReadyForAnalysis, pipelineEventId } from "../events";

/**
 * A completed interview whose answers are all processed already (its last answer was written, or
 * a recording that could not be decoded) has no answer step left to start the analysis; this does.
 * When answers are still in the pipeline, the last of them starts it instead.
 */
export const interviewCompletedFn = inngest.createFunction(
  { id: "interview-completed", name: "Start the analysis of a completed interview", triggers: [interviewCompleted], retries: 3 },
  async ({ event, step }) => {
    const { invitationId } = event.data;
    const readiness = await step.run("check-interview", () => interviewReadiness(db, invitationId));
    if (readiness.ready) {
      await step.sendEvent("start-analysis", {
        id: pipelineEventId("analysis", invitationId, readiness.key),
        name: interviewReadyForAnalysis.name,
        data: { invitationId },
      });
    }
    return { analysisStarted: readiness.ready };
  },
);
