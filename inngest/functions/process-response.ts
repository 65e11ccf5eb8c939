import { NonRetriableError, type GetStepTools } from "inngest";
import { db } from "@/server/db/client";
import { isPermanentMediaError } from "@/server/media/errors";
import { processResponseMedia } from "@/server/media/process-response";
import { advanceResponse, failResponse } from "@/server/pipeline/status";
import { indexResponse } from "@/server/search/index-response";
import { TranscriptionError } from "@/server/transcription/errors";
import { transcribeResponse } from "@/server/transcription/transcribe-response";
import { inngest } from "../client";
import { responseSubmitted } from "../events";
import { pipelineConcurrency } from "./concurrency";
import { startAnalysisIfReady } from "./start-analysis";
import { logger } from "@/server/logging/logger";

const RETRIES = 3;

/**
 * ffmpeg, then speech to text, for a recorded answer. Returns why it failed, or null. A failure of
 * the recording itself, a step out of attempts, or one refused for good ends the answer in FAILED
 * with the reason, which HR reads next to the Process again button.
 */
async function processRecording(step: GetStepTools<typeof inngest>, responseId: string): Promise<string | null> {
  try {
    const media = await step.run("process-media", async () => {
      await advanceResponse(db, responseId, "PROCESSING");
      try {
        const result = await processResponseMedia(db, responseId);
        return { ok: true as const, durationMs: result.probe.durationMs, playback: result.playbackKey !== null };
      } catch (error) {
        if (!isPermanentMediaError(error)) throw error;
        const reason = (error as Error).message;
        await failResponse(db, responseId, reason);
        return { ok: false as const, reason };
      }
    });
    if (!media.ok) return media.reason;

    await step.run("transcribe", async () => {
      await advanceResponse(db, responseId, "TRANSCRIBING");
      try {
        const t = await transcribeResponse(db, responseId);
        await advanceResponse(db, responseId, "TRANSCRIBED");
        return { engine: t.engine, words: t.wordCount };
      } catch (error) {
        if (error instanceof TranscriptionError && !error.retriable) throw new NonRetriableError(error.message, { cause: error });
        throw error;
      }
    });
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await step.run("record-failure", () => failResponse(db, responseId, `Processing stopped: ${reason}`));
    return reason;
  }
}

/**
 * One submitted answer: ffmpeg (probe, 16 kHz audio, thumbnail, playback copy when needed), then
 * speech to text, then embeddings for search, then, when it was the interview's last answer to
 * finish, the event that starts the analysis. Each step is idempotent (rows upserted by answer,
 * files at fixed keys), so a retried or replayed step never duplicates anything.
 */
export const processResponse = inngest.createFunction(
  {
    id: "process-response",
    name: "Process a submitted answer",
    triggers: [responseSubmitted],
    retries: RETRIES,
    // ffmpeg and the offline recogniser are CPU-bound: on 2 cores, one answer at a time by default.
    concurrency: { limit: pipelineConcurrency() },
  },
  async ({ event, step }) => {
    const { responseId, invitationId } = event.data;
    const answer = await step.run("load-answer", async () => {
      const r = await db.response.findUnique({ where: { id: responseId }, select: { type: true, submittedAt: true } });
      return r?.submittedAt ? { type: r.type } : null;
    });
    if (!answer) return { skipped: "The answer no longer exists or was not submitted." };

    if (answer.type === "VIDEO") {
      const failed = await processRecording(step, responseId);
      // A failed answer is through the pipeline too: when it was the last, the analysis starts without it.
      if (failed) return { failed, analysisStarted: await startAnalysisIfReady(step, invitationId) };
    }

    try {
      await step.run("index-for-search", () => indexResponse(db, responseId));
    } catch (error) {
      // Search is a convenience: an answer that could not be indexed is still analysed and reviewed.
      logger.error({ err: error, responseId }, "an answer could not be indexed for search");
    }

    return { responseId, analysisStarted: await startAnalysisIfReady(step, invitationId) };
  },
);
