import { z } from "zod";

const MIB = 1024 * 1024;

/** The most one PUT may carry; the browser's chunks (about a second of video) are far smaller. */
export const MAX_CHUNK_BYTES = 8 * MIB;
export const MAX_CHUNKS = 10_000;
export const DEFAULT_MAX_UPLOAD_BYTES = 500 * MIB;
/** Above the longest question time limit (10 minutes) with room to spare; the real length is measured at submission. */
export const DEFAULT_MAX_DURATION_MS = 60 * 60 * 1000;
/** A chunk whose body stops arriving for this long is dropped, so a dead connection cannot hold the upload. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export type UploadLimits = {
  maxChunkBytes: number;
  maxChunks: number;
  maxTotalBytes: number;
  maxDurationMs: number;
  idleTimeoutMs: number;
};

const limitsEnv = z.object({
  UPLOAD_MAX_MB: z.coerce
    .number({ message: "UPLOAD_MAX_MB must be a whole number of MiB" })
    .int("UPLOAD_MAX_MB must be a whole number of MiB")
    .min(1, "UPLOAD_MAX_MB must be at least 1")
    .max(MAX_CHUNKS * (MAX_CHUNK_BYTES / MIB), `UPLOAD_MAX_MB cannot exceed ${MAX_CHUNKS * (MAX_CHUNK_BYTES / MIB)} (${MAX_CHUNKS} chunks of 8 MiB)`)
    .optional(),
});

/** The limits in force: defaults, then UPLOAD_MAX_MB from the environment, then explicit overrides (tests). */
export function uploadLimits(overrides: Partial<UploadLimits> = {}, source: Record<string, string | undefined> = process.env): UploadLimits {
  const parsed = limitsEnv.safeParse({ UPLOAD_MAX_MB: source.UPLOAD_MAX_MB?.trim() || undefined });
  if (!parsed.success) throw new Error(`Invalid upload configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return {
    maxChunkBytes: MAX_CHUNK_BYTES,
    maxChunks: MAX_CHUNKS,
    maxTotalBytes: parsed.data.UPLOAD_MAX_MB ? parsed.data.UPLOAD_MAX_MB * MIB : DEFAULT_MAX_UPLOAD_BYTES,
    maxDurationMs: DEFAULT_MAX_DURATION_MS,
    idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
    ...overrides,
  };
}

export const ACCEPTED_TYPES = ["video/webm", "video/mp4", "audio/webm"] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export type RecordingType = {
  base: AcceptedType;
  /** As stored: the base type plus its codecs, normalised. */
  full: string;
  extension: "webm" | "mp4";
};

/**
 * What MediaRecorder reports (`video/webm;codecs=vp8,opus`), checked against the accepted
 * containers. The codecs parameter is kept; any other parameter is refused, since nothing
 * downstream would know what to do with it.
 */
export function parseRecordingType(value: string): RecordingType | null {
  if (value.length > 200) return null;
  const [rawBase = "", ...params] = value.split(";");
  const base = rawBase.trim().toLowerCase();
  if (!(ACCEPTED_TYPES as readonly string[]).includes(base)) return null;
  let codecs: string | null = null;
  for (const param of params) {
    if (param.trim() === "") continue;
    const match = /^\s*codecs\s*=\s*"?([A-Za-z0-9.,+_ -]*)"?\s*$/i.exec(param);
    if (!match || codecs !== null) return null;
    codecs = match[1]!.replace(/\s+/g, "");
  }
  const accepted = base as AcceptedType;
  return {
    base: accepted,
    full: codecs ? `${accepted};codecs=${codecs}` : accepted,
    extension: accepted === "video/mp4" ? "mp4" : "webm",
  };
}

/** Bytes needed to recognise a container from the start of the file. */
export const SIGNATURE_BYTES = 8;

const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

/**
 * Whether the first bytes of a recording are the container it claims: WebM files open with the
 * EBML magic number, MP4 files with an `ftyp` box. A declared type alone is only the client's word.
 */
export function matchesSignature(base: AcceptedType, head: Buffer): boolean {
  if (base === "video/mp4") return head.length >= 8 && head.subarray(4, 8).toString("latin1") === "ftyp";
  return head.length >= 4 && head.subarray(0, 4).equals(EBML_MAGIC);
}
