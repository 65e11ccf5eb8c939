import { open, stat } from "node:fs/promises";
import { z } from "zod";
import { measureDuration } from "./measure-duration";
import { MediaProcessingError } from "./errors";
import { failedOnTheMedia, runTool } from "./run-tool";

/** What a recording holds, as stored on its RECORDING MediaAsset's `metadata`. */
export const mediaProbeSchema = z.object({
  /** "webm", "matroska", "mp4", "mov", "m4a", "avi", "ogg", "wav", … (ffprobe's demuxer, refined for Matroska and ISO files). */
  container: z.string(),
  durationMs: z.number().int().nonnegative(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  /** As displayed: a phone recording rotated by 90° reports its upright width and height. */
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** The video's pixel format (yuv420p …): browsers decode H.264 only in 4:2:0, 8 bits. */
  pixelFormat: z.string().nullable(),
  hasAudio: z.boolean(),
  hasVideo: z.boolean(),
  sizeBytes: z.number().int().nonnegative(),
});

export type MediaProbe = z.infer<typeof mediaProbeSchema>;

/** What ffprobe's header reading gives, before the duration is settled and the file's size added. */
export type ParsedProbe = Omit<MediaProbe, "durationMs" | "sizeBytes"> & { headerDurationMs: number | null };

const numeric = z.union([z.string(), z.number()]).transform((v) => Number(v));

// Only the fields read below; ffprobe prints many more, which are dropped.
const ffprobeStreamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  pix_fmt: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(z.object({ rotation: numeric.optional() })).optional(),
});

const ffprobeOutputSchema = z.object({
  streams: z.array(ffprobeStreamSchema).default([]),
  format: z
    .object({
      format_name: z.string(),
      duration: numeric.optional(),
      tags: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

type FfprobeStream = z.infer<typeof ffprobeStreamSchema>;

/**
 * Reads ffprobe's `-print_format json -show_format -show_streams` output. `head` is the file's
 * first bytes: ffprobe names WebM and Matroska alike ("matroska,webm") and only the EBML DocType
 * tells them apart, which matters because browsers are promised WebM, not Matroska.
 */
export function parseFfprobeOutput(stdout: string, head: Uint8Array = new Uint8Array()): ParsedProbe {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`ffprobe printed something other than JSON: ${stdout.slice(0, 200)}`, { cause: error });
  }
  const parsed = ffprobeOutputSchema.safeParse(json);
  if (!parsed.success) throw new Error(`ffprobe's JSON is not in the expected shape: ${z.prettifyError(parsed.error)}`);
  const { streams, format } = parsed.data;
  if (!format) throw new MediaProcessingError("UNREADABLE", "The recording could not be read as audio or video.");

  // Cover art in an audio file is a "video" stream of one picture; it is not a video.
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === "audio");
  const quarterTurn = video ? Math.abs(rotationOf(video)) % 180 === 90 : false;
  const width = positive(quarterTurn ? video?.height : video?.width);
  const height = positive(quarterTurn ? video?.width : video?.height);
  const headerDuration = format.duration;

  return {
    container: containerName(format.format_name, format.tags?.major_brand, matroskaDocType(head)),
    headerDurationMs: headerDuration !== undefined && Number.isFinite(headerDuration) && headerDuration > 0 ? Math.round(headerDuration * 1000) : null,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    width,
    height,
    pixelFormat: video?.pix_fmt ?? null,
    hasAudio: Boolean(audio),
    hasVideo: Boolean(video),
  };
}

function positive(n: number | undefined): number | null {
  return n !== undefined && n > 0 ? n : null;
}

function rotationOf(stream: FfprobeStream): number {
  const fromSideData = stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  if (fromSideData !== undefined && Number.isFinite(fromSideData)) return fromSideData;
  const fromTag = Number(stream.tags?.rotate ?? 0);
  return Number.isFinite(fromTag) ? fromTag : 0;
}

function containerName(formatName: string, majorBrand: string | undefined, docType: string | null): string {
  const names = formatName.split(",");
  if (names.includes("matroska")) return docType === "webm" ? "webm" : "matroska";
  if (names.includes("mp4")) {
    const brand = (majorBrand ?? "").trim().toLowerCase();
    if (brand === "qt") return "mov";
    if (brand.startsWith("3g")) return "3gp";
    if (brand === "m4a") return "m4a";
    return "mp4";
  }
  return names[0] ?? formatName;
}

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const DOCTYPE_ID = [0x42, 0x82];

/** The DocType of an EBML header ("webm" or "matroska"), or null when `head` is not one. */
export function matroskaDocType(head: Uint8Array): string | null {
  if (!EBML_MAGIC.every((b, i) => head[i] === b)) return null;
  for (let i = 4; i + 2 < head.length; i++) {
    if (head[i] !== DOCTYPE_ID[0] || head[i + 1] !== DOCTYPE_ID[1]) continue;
    const sizeByte = head[i + 2]!;
    // DocType is a few characters, so its size is a one-byte EBML varint (marker bit 0x80).
    if ((sizeByte & 0x80) === 0) return null;
    const size = sizeByte & 0x7f;
    const start = i + 3;
    if (start + size > head.length) return null;
    return new TextDecoder().decode(head.subarray(start, start + size)).replace(/\0+$/, "");
  }
  return null;
}

const HEAD_BYTES = 64;

// ISO files (MP4, MOV) keep their duration in the index the demuxer needs to read any sample, so
// it is exact. Other containers write it at the end by seeking back: a streamed file (MediaRecorder's
// WebM, an AVI written to a pipe) has none or a wrong one, a file cut short keeps the full length's.
const HEADER_DURATION_TRUSTED = new Set(["mp4", "mov", "m4a", "3gp"]);
const PROBE_TIMEOUT_MS = 30_000;
// Decoding runs at 50-100x real time on VGA; the header's claim, when there is one, widens the allowance.
const MEASURE_TIMEOUT_MS = 120_000;

// measureDuration's verdicts on the file itself; any other failure (ffmpeg missing, a timeout)
// stays retriable, since retrying a bad file costs a few attempts and failing a good one loses an answer.
const DECODE_VERDICT = /^The recording (could not be decoded|holds no audio or video)/;

/**
 * Probes a media file with ffprobe. The duration is an MP4/MOV header's, else measured by decoding
 * the whole file (measureDuration): MediaRecorder's WebM carries none, and other headers can lie.
 * Throws MediaProcessingError when the file is empty, unreadable or holds neither sound nor picture.
 */
export async function probeMedia(path: string, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<MediaProbe> {
  const { size } = await stat(path);
  if (size === 0) throw new MediaProcessingError("EMPTY", "The recording is empty: none of it reached the server.");

  let stdout: string;
  try {
    ({ stdout } = await runTool("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], {
      timeoutMs: opts.timeoutMs ?? PROBE_TIMEOUT_MS,
      signal: opts.signal,
    }));
  } catch (error) {
    if (failedOnTheMedia(error)) throw unreadable(error);
    throw error;
  }
  const parsed = parseFfprobeOutput(stdout, await readHead(path));
  if (!parsed.hasAudio && !parsed.hasVideo) throw new MediaProcessingError("NO_MEDIA", "The recording holds neither sound nor picture.");

  let durationMs = HEADER_DURATION_TRUSTED.has(parsed.container) ? parsed.headerDurationMs : null;
  if (durationMs === null) {
    const measured = await measureDuration(path, { timeoutMs: MEASURE_TIMEOUT_MS + (parsed.headerDurationMs ?? 0) });
    if (!measured.ok) {
      if (DECODE_VERDICT.test(measured.reason)) throw new MediaProcessingError("UNREADABLE", measured.reason.replace(/\.?$/, "."));
      throw new Error(measured.reason);
    }
    durationMs = measured.durationMs;
  }
  const { headerDurationMs: _header, ...fields } = parsed;
  return { ...fields, durationMs, sizeBytes: size };
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function unreadable(error: { stderr: string; message: string }): MediaProcessingError {
  const detail = error.stderr.includes("Invalid data found") ? "it is damaged or not a video file" : "its format is not one that can be read";
  return new MediaProcessingError("UNREADABLE", `The recording could not be read as audio or video: ${detail}.`, { cause: error });
}
