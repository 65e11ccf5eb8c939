import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { analyzeInterviewFn } from "@/inngest/functions/analyze-interview";
import { interviewCompletedFn } from "@/inngest/functions/interview-completed";
import { processResponse } from "@/inngest/functions/process-response";

/**
 * Each function's control flow with @inngest/test: its steps are mocked here, so these check the
 * order of steps, what ends a run early and which events it sends. The steps' own work, and the
 * failure paths (which need real retries), are tested with the in-process runner on the real
 * database and real media in tests/integration/pipeline*.test.ts.
 */

const submitted = (data: { responseId: string; invitationId: string }) => [{ name: "response.submitted", data }] as [{ name: string; data: typeof data }];

describe("process-response", () => {
  it("processes, transcribes and indexes a video answer, then starts the analysis when it was the last", async () => {
    const t = new InngestTestEngine({
      function: processResponse,
      events: submitted({ responseId: "r1", invitationId: "i1" }),
      steps: [
        { id: "load-answer", handler: () => ({ type: "VIDEO" }) },
        { id: "process-media", handler: () => ({ ok: true, durationMs: 4200, playback: false }) },
        { id: "transcribe", handler: () => ({ engine: "pocketsphinx", words: 40 }) },
        { id: "index-for-search", handler: () => ({ chunks: 3 }) },
        { id: "check-interview", handler: () => ({ ready: true, key: "abc" }) },
        { id: "start-analysis", handler: () => ({ ids: ["analysis:i1:abc"] }) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ responseId: "r1", analysisStarted: true });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("start-analysis", {
      id: "analysis:i1:abc",
      name: "interview.ready-for-analysis",
      data: { invitationId: "i1" },
    });
  });

  it("skips transcription for a written answer and sends nothing while other answers are still processing", async () => {
    const t = new InngestTestEngine({
      function: processResponse,
      events: submitted({ responseId: "r2", invitationId: "i1" }),
      steps: [
        { id: "load-answer", handler: () => ({ type: "TEXT" }) },
        { id: "index-for-search", handler: () => ({ chunks: 1 }) },
        { id: "check-interview", handler: () => ({ ready: false, waitingFor: 2 }) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ responseId: "r2", analysisStarted: false });
    expect(ctx.step.run).not.toHaveBeenCalledWith("transcribe", expect.anything());
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("ends at the media step when the recording itself is broken, and still lets the analysis start", async () => {
    const t = new InngestTestEngine({
      function: processResponse,
      events: submitted({ responseId: "r3", invitationId: "i1" }),
      steps: [
        { id: "load-answer", handler: () => ({ type: "VIDEO" }) },
        { id: "process-media", handler: () => ({ ok: false, reason: "The recording has no audio track." }) },
        { id: "check-interview", handler: () => ({ ready: true, key: "k3" }) },
        { id: "start-analysis", handler: () => ({ ids: ["analysis:i1:k3"] }) },
      ],
    });
    const { result, ctx } = await t.execute();
    // It was the interview's last answer to finish: the analysis goes ahead without it.
    expect(result).toEqual({ failed: "The recording has no audio track.", analysisStarted: true });
    expect(ctx.step.run).not.toHaveBeenCalledWith("transcribe", expect.anything());
  });

  it("does nothing for an answer that no longer exists", async () => {
    const t = new InngestTestEngine({
      function: processResponse,
      events: submitted({ responseId: "gone", invitationId: "i1" }),
      steps: [{ id: "load-answer", handler: () => null }],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ skipped: "The answer no longer exists or was not submitted." });
  });
});

describe("interview-completed", () => {
  it("starts the analysis of an interview whose answers are all processed", async () => {
    const t = new InngestTestEngine({
      function: interviewCompletedFn,
      events: [{ name: "interview.completed", data: { invitationId: "i9" } }],
      steps: [
        { id: "check-interview", handler: () => ({ ready: true, key: "k9" }) },
        { id: "start-analysis", handler: () => ({ ids: ["analysis:i9:k9"] }) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ analysisStarted: true });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("start-analysis", {
      id: "analysis:i9:k9",
      name: "interview.ready-for-analysis",
      data: { invitationId: "i9" },
    });
  });
});

describe("analyze-interview", () => {
  it("marks the answers, analyses, then notifies HR", async () => {
    const t = new InngestTestEngine({
      function: analyzeInterviewFn,
      events: [{ name: "interview.ready-for-analysis", data: { invitationId: "i5" } }],
      steps: [
        { id: "check-ai-allowed", handler: () => true },
        { id: "mark-analyzing", handler: () => undefined },
        { id: "analyze", handler: () => ({ analysisId: "a1", engine: "offline", overallScore: 4, recommendation: "yes", flagged: false, reused: false }) },
        { id: "notify-hr", handler: () => ({ notified: 1, emailed: 1 }) },
      ],
    });
    const { result } = await t.execute();
    expect(result).toEqual({
      analysisId: "a1",
      engine: "offline",
      overallScore: 4,
      recommendation: "yes",
      flagged: false,
      reused: false,
      notified: 1,
      emailed: 1,
    });
  });

  it("runs nothing when the candidate asked for a human-only review", async () => {
    const analyze = vi.fn();
    const t = new InngestTestEngine({
      function: analyzeInterviewFn,
      events: [{ name: "interview.ready-for-analysis", data: { invitationId: "i6" } }],
      steps: [
        { id: "check-ai-allowed", handler: () => false },
        { id: "analyze", handler: analyze },
      ],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ skipped: "human-review-requested" });
    expect(analyze).not.toHaveBeenCalled();
  });
});
