import type { GetStepTools } from "inngest";
import { db } from "@/server/db/client";
import { interviewReadiness } from "@/server/pipeline/readiness";
import type { inngest } from "../client";
import { interviewReadyForAnalysis, pipelineEventId } from "../events";

/**
 * Sends `interview.ready-for-analysis` when every answer of the interview is through the pipeline.
 * The event id names the answers' state, so the answers finishing at once send it once.
 */
export async function startAnalysisIfReady(step: GetStepTools<typeof inngest>, invitationId: string): Promise<boolean> {
  const readiness = await step.run("check-interview", () => interviewReadiness(db, invitationId));
  if (!readiness.ready) return false;
  await step.sendEvent("start-analysis", {
    id: pipelineEventId("analysis", invitationId, readiness.key),
    name: interviewReadyForAnalysis.name,
    data: { invitationId },
  });
  return true;
}
