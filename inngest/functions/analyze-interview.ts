import { db } from "@/server/db/client";
import { analyzeInterview } from "@/server/analysis/analyze-interview";
import { aiAnalysisAllowed } from "@/server/privacy/human-review";
import { notifyAnalysisReady } from "@/server/notifications/analysis-ready";
import { markAnalyzing, revertAnalyzing } from "@/server/pipeline/status";
import { inngest } from "../client";
import { interviewReadyForAnalysis } from "../events";

/**
 * The AI's first read of a whole interview, then HR's notification. The analysis is keyed by a
 * hash of its inputs, so a replayed step finds the analysis it already wrote; the notification
 * checks for its own row, so HR is told once.
 */
export const analyzeInterviewFn = inngest.createFunction(
  {
    id: "analyze-interview",
    name: "Analyse a completed interview",
    triggers: [interviewReadyForAnalysis],
    retries: 2,
    concurrency: { limit: 1 },
  },
  async ({ event, step }) => {
    const { invitationId } = event.data;
    // The candidate asked for people only to review their answers: the AI never reads them.
    const allowed = await step.run("check-ai-allowed", () => aiAnalysisAllowed(db, invitationId));
    if (!allowed) return { skipped: "human-review-requested" as const };
    try {
      await step.run("mark-analyzing", () => markAnalyzing(db, invitationId));
      const analysis = await step.run("analyze", () => analyzeInterview(db, invitationId));
      const notified = await step.run("notify-hr", () => notifyAnalysisReady(db, analysis.analysisId));
      return { ...analysis, ...notified };
    } catch (error) {
      // The answers themselves are fine: they go back to TRANSCRIBED and the run shows the error.
      await step.run("revert-status", () => revertAnalyzing(db, invitationId));
      throw error;
    }
  },
);
