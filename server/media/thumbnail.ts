import { stat } from "node:fs/promises";
import { MediaProcessingError } from "./errors";
import type { MediaProbe } from "./probe";
import { FFMPEG_BASE_ARGS, failedOnTheMedia, runTool } from "./run-tool";

export const THUMBNAIL_WIDTH = 320;
// A candidate's first frame is often them reaching for the mouse; a second in they are settled.
const SEEK_MS = 1_000;
// Seek only when the clip is long enough that the seek still lands on a frame.
const SEEK_MIN_DURATION_MS = 2_000;

type Options = { width?: number; threads?: number; timeoutMs?: number; signal?: AbortSignal };

/**
 * Writes a JPEG thumbnail `width` px wide (never upscaled): the frame about a second in, or the
 * first one for a short clip. A recording without video gets a picture of its waveform, so every
 * answer has a thumbnail to show.
 */
export async function makeThumbnail(
  inputPath: string,
  outputPath: string,
  probe: Pick<MediaProbe, "hasVideo" | "hasAudio" | "durationMs">,
  opts: Options = {},
): Promise<{ sizeBytes: number }> {
  const width = opts.width ?? THUMBNAIL_WIDTH;
  if (probe.hasVideo) {
    const seekMs = probe.durationMs >= SEEK_MIN_DURATION_MS ? SEEK_MS : 0;
    const made = (await frameAt(inputPath, outputPath, seekMs, width, opts)) ?? (seekMs > 0 ? await frameAt(inputPath, outputPath, 0, width, opts) : null);
    if (made === null) throw new MediaProcessingError("UNREADABLE", "No picture could be taken from the recording's video: it holds no decodable frame.");
    return { sizeBytes: made };
  }
  if (!probe.hasAudio) throw new MediaProcessingError("NO_MEDIA", "The recording holds neither sound nor picture.");
  const height = Math.round((width * 9) / 16);
  const graph =
    `[0:a:0]aformat=channel_layouts=mono,showwavespic=s=${width}x${height}:colors=0x4f46e5:scale=sqrt[w];` +
    `color=c=0xf4f4f5:s=${width}x${height}:d=1[bg];[bg][w]overlay=format=auto,format=yuvj420p[out]`;
  // The waveform spans the whole recording, so all of its audio is decoded.
  await run(
    [...FFMPEG_BASE_ARGS, "-threads", "1", "-i", inputPath, "-filter_complex", graph, "-map", "[out]", ...jpegOutput(outputPath)],
    60_000 + probe.durationMs,
    opts,
  );
  const size = await sizeOf(outputPath);
  if (!size) throw new MediaProcessingError("UNREADABLE", "The recording's sound could not be decoded to draw its waveform.");
  return { sizeBytes: size };
}

/** The frame at `seekMs` as a JPEG, or null when there is no frame there. */
async function frameAt(inputPath: string, outputPath: string, seekMs: number, width: number, opts: Options): Promise<number | null> {
  const args = [
    ...FFMPEG_BASE_ARGS,
    "-threads",
    String(opts.threads ?? 1),
    // Before -i: a fast seek to the keyframe before, then decoding up to the moment.
    ...(seekMs > 0 ? ["-ss", (seekMs / 1000).toFixed(3)] : []),
    "-i",
    inputPath,
    // V, not v: cover art attached to a file is not its video.
    "-map",
    "0:V:0",
    "-an",
    "-sn",
    "-dn",
    "-vf",
    `scale='min(${width},iw)':-2,format=yuvj420p`,
    ...jpegOutput(outputPath),
  ];
  await run(args, 60_000, opts);
  return sizeOf(outputPath);
}

function jpegOutput(outputPath: string): string[] {
  return ["-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", "-f", "image2", "-update", "1", "-y", outputPath];
}

async function run(args: string[], timeoutMs: number, opts: Options): Promise<void> {
  try {
    await runTool("ffmpeg", args, { timeoutMs: opts.timeoutMs ?? timeoutMs, signal: opts.signal });
  } catch (error) {
    if (failedOnTheMedia(error))
      throw new MediaProcessingError("UNREADABLE", "No picture could be taken from the recording: the file is damaged.", { cause: error });
    throw error;
  }
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const { size } = await stat(path);
    return size > 0 ? size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
