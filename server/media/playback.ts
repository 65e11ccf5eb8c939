import { stat } from "node:fs/promises";
import { MediaProcessingError } from "./errors";
import type { MediaProbe } from "./probe";
import { FFMPEG_BASE_ARGS, failedOnTheMedia, ffmpegThreads, runTool } from "./run-tool";

/**
 * How to make a browser-friendly copy of a recording. Each stream is copied when browsers
 * already decode it and re-encoded otherwise, so an H.264 recording in a MOV or Matroska file is
 * only re-wrapped, which takes a fraction of a second instead of a transcode.
 */
export type PlaybackPlan = {
  format: "mp4" | "m4a" | "webm";
  video: "copy" | "h264" | null;
  audio: "copy" | "aac" | null;
  contentType: "video/mp4" | "audio/mp4" | "video/webm";
  extension: "mp4" | "m4a" | "webm";
};

const WEBM_VIDEO = new Set(["vp8", "vp9", "av1"]);
const WEBM_AUDIO = new Set(["opus", "vorbis"]);
// Browsers decode H.264 in 4:2:0 at 8 bits only (High 4:4:4 and 10-bit profiles do not play).
const BROWSER_H264_PIXELS = new Set(["yuv420p", "yuvj420p"]);

type PlaybackInput = Pick<MediaProbe, "container" | "videoCodec" | "audioCodec" | "pixelFormat" | "hasAudio" | "hasVideo">;

function browserH264(probe: PlaybackInput): boolean {
  return probe.videoCodec === "h264" && (probe.pixelFormat === null || BROWSER_H264_PIXELS.has(probe.pixelFormat));
}

/**
 * Null when the upload plays and seeks in every current browser as it is: MP4 with H.264 video
 * and AAC audio. A WebM or Matroska file holding WebM's codecs is remuxed into a WebM (the same
 * streams, copied): MediaRecorder writes its WebM as a live stream, with no duration and no cues,
 * so a browser can neither show its length nor seek in it before it has downloaded the whole
 * file; the remux adds both in well under a second (docs/benchmarks.md, npm run bench:remux).
 * Anything else gets an MP4 (H.264 + AAC), a recording without video an AAC M4A.
 */
export function planPlayback(probe: PlaybackInput): PlaybackPlan | null {
  const audioIs = (codecs: Set<string>) => !probe.hasAudio || (probe.audioCodec !== null && codecs.has(probe.audioCodec));
  if (!probe.hasVideo) {
    if (!probe.hasAudio) return null;
    return { format: "m4a", video: null, audio: probe.audioCodec === "aac" ? "copy" : "aac", contentType: "audio/mp4", extension: "m4a" };
  }
  const webmCodecs = probe.videoCodec !== null && WEBM_VIDEO.has(probe.videoCodec) && audioIs(WEBM_AUDIO);
  if (probe.container === "mp4" && browserH264(probe) && audioIs(new Set(["aac"]))) return null;
  if ((probe.container === "webm" || probe.container === "matroska") && webmCodecs) {
    return { format: "webm", video: "copy", audio: probe.hasAudio ? "copy" : null, contentType: "video/webm", extension: "webm" };
  }
  return {
    format: "mp4",
    video: browserH264(probe) ? "copy" : "h264",
    audio: probe.hasAudio ? (probe.audioCodec === "aac" ? "copy" : "aac") : null,
    contentType: "video/mp4",
    extension: "mp4",
  };
}

/** The ffmpeg arguments that carry out a plan (exported so the decision and its command are tested together). */
export function playbackArgs(inputPath: string, outputPath: string, plan: PlaybackPlan, threads: number): string[] {
  const video =
    plan.video === "copy"
      ? ["-map", "0:V:0", "-c:v", "copy"]
      : plan.video === "h264"
        ? [
            "-map",
            "0:V:0",
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-crf",
            "23",
            // yuv420p at even dimensions is what every browser's H.264 decoder takes.
            "-vf",
            "scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p",
            "-profile:v",
            "high",
          ]
        : ["-vn"];
  const audio = plan.audio === "copy" ? ["-map", "0:a:0", "-c:a", "copy"] : plan.audio === "aac" ? ["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k"] : ["-an"];
  // Cues (the seek index) before the clusters: a browser reads them with the header and can seek
  // to any moment with one range request, before playing and before the file has downloaded.
  const container = plan.format === "webm" ? ["-cues_to_front", "1", "-f", "webm"] : ["-movflags", "+faststart", "-f", "mp4"];
  return [
    ...FFMPEG_BASE_ARGS,
    "-threads",
    String(threads),
    "-i",
    inputPath,
    ...video,
    ...audio,
    "-sn",
    "-dn",
    "-map_metadata",
    "-1",
    ...container,
    "-y",
    outputPath,
  ];
}

/**
 * Produces the playback file a plan describes, with `threads` ffmpeg threads (by default every
 * core; the pipeline passes its share, ffmpegThreads(PIPELINE_CONCURRENCY)).
 */
export async function makePlayback(
  inputPath: string,
  outputPath: string,
  plan: PlaybackPlan,
  opts: { durationMs?: number; threads?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<{ sizeBytes: number }> {
  // veryfast on two cores encodes VGA several times faster than real time; three times the
  // duration leaves room for HD on a loaded machine.
  const timeoutMs = opts.timeoutMs ?? 120_000 + 3 * (opts.durationMs ?? 0);
  try {
    await runTool("ffmpeg", playbackArgs(inputPath, outputPath, plan, opts.threads ?? ffmpegThreads()), { timeoutMs, signal: opts.signal });
  } catch (error) {
    if (failedOnTheMedia(error))
      throw new MediaProcessingError("UNREADABLE", "A playable copy of the recording could not be made: the file is damaged.", { cause: error });
    throw error;
  }
  return { sizeBytes: (await stat(outputPath)).size };
}
