import { describe, expect, it } from "vitest";
import { pipelineInProgress } from "@/server/pipeline/progress";

const video = (status: Parameters<typeof pipelineInProgress>[0][number]["status"], submitted = true) => ({ type: "VIDEO" as const, status, submitted });

describe("pipelineInProgress", () => {
  it("follows recordings until they are transcribed, and the analysis until it ends", () => {
    expect(pipelineInProgress([video("UPLOADED")], "IN_PROGRESS", null)).toBe(true);
    expect(pipelineInProgress([video("TRANSCRIBING")], "IN_PROGRESS", null)).toBe(true);
    // Transcribed in an interview still under way: the analysis waits for the other answers.
    expect(pipelineInProgress([video("TRANSCRIBED")], "IN_PROGRESS", null)).toBe(false);
    expect(pipelineInProgress([video("TRANSCRIBED")], "COMPLETED", null)).toBe(true);
    expect(pipelineInProgress([video("ANALYZING")], "COMPLETED", "RUNNING")).toBe(true);
    expect(pipelineInProgress([video("ANALYZED")], "COMPLETED", "COMPLETE")).toBe(false);
  });

  it("stops after a failure, and ignores what was never submitted", () => {
    expect(pipelineInProgress([video("FAILED")], "COMPLETED", null)).toBe(false);
    expect(pipelineInProgress([video("TRANSCRIBED")], "COMPLETED", "FAILED")).toBe(false);
    expect(pipelineInProgress([video("UPLOADING", false)], "IN_PROGRESS", null)).toBe(false);
    expect(pipelineInProgress([{ type: "TEXT", status: "UPLOADED", submitted: true }], "COMPLETED", null)).toBe(false);
  });
});
