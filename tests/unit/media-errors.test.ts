import { describe, expect, it } from "vitest";
import { isPermanentMediaError, MediaProcessingError } from "@/server/media/errors";
import { failedOnTheMedia, ffmpegThreads, runTool, ToolError } from "@/server/media/run-tool";
import { StorageError } from "@/server/storage";

describe("isPermanentMediaError", () => {
  it("is true for a fault of the recording, also once serialized by a background runner", () => {
    const error = new MediaProcessingError("NO_AUDIO", "The recording has no audio track, so it cannot be transcribed.");
    expect(isPermanentMediaError(error)).toBe(true);
    expect(isPermanentMediaError(JSON.parse(JSON.stringify({ name: error.name, message: error.message })))).toBe(true);
  });

  it("is false for everything worth a retry", () => {
    expect(isPermanentMediaError(new StorageError("NOT_FOUND", "No stored object"))).toBe(false);
    expect(isPermanentMediaError(new ToolError("missing", "ffmpeg could not be started"))).toBe(false);
    expect(isPermanentMediaError(new Error("ECONNRESET"))).toBe(false);
    expect(isPermanentMediaError(null)).toBe(false);
    expect(isPermanentMediaError("MediaProcessingError")).toBe(false);
  });
});

describe("runTool", () => {
  it("kills a tool that runs past its timeout", async () => {
    const started = Date.now();
    await expect(runTool("sleep", ["30"], { timeoutMs: 200 })).rejects.toMatchObject({ name: "ToolError", failure: "timeout" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("kills a tool when its job is cancelled", async () => {
    const controller = new AbortController();
    const run = runTool("sleep", ["30"], { timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(run).rejects.toMatchObject({ failure: "aborted" });
  });

  it("reports a missing binary as retriable, not as the media's fault", async () => {
    const error = await runTool("ffmpeg-that-is-not-installed", [], { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: "missing" });
    expect(failedOnTheMedia(error)).toBe(false);
  });

  it("passes arguments without a shell", async () => {
    const { stdout } = await runTool("echo", ["$(id)", "; rm -rf /"], { timeoutMs: 5_000 });
    expect(stdout).toBe("$(id) ; rm -rf /\n");
  });

  it("blames the machine, not the file, for a full disk", async () => {
    const diskFull = new ToolError("failed", "ffmpeg exited with code 1", "av_interleaved_write_frame(): No space left on device");
    expect(failedOnTheMedia(diskFull)).toBe(false);
    expect(failedOnTheMedia(new ToolError("failed", "ffmpeg exited with code 1", "x.webm: Invalid data found when processing input"))).toBe(true);
  });
});

describe("ffmpegThreads", () => {
  it("shares the cores among the jobs running at once, at least one each", () => {
    expect(ffmpegThreads(1)).toBeGreaterThanOrEqual(1);
    expect(ffmpegThreads(1000)).toBe(1);
    expect(ffmpegThreads(2)).toBeLessThanOrEqual(ffmpegThreads(1));
  });
});
