/**
 * Why a recording cannot be processed, when the recording itself is at fault. Retrying will not
 * help, so the pipeline records the message on the answer (HR reads it) and stops.
 */
export type MediaFailureCode = "NO_RECORDING" | "EMPTY" | "UNREADABLE" | "NO_MEDIA" | "NO_AUDIO" | "TOO_SHORT";

export class MediaProcessingError extends Error {
  constructor(
    readonly code: MediaFailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MediaProcessingError";
  }
}

/**
 * True when the media itself is at fault (corrupt, empty, no audio track), false for everything
 * else (storage unreachable, ffmpeg missing or killed, a full disk): those are worth retrying.
 * Also recognises the error by name, because a background runner may hand back a serialized
 * copy of what a step threw rather than the instance.
 */
export function isPermanentMediaError(e: unknown): boolean {
  if (e instanceof MediaProcessingError) return true;
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "MediaProcessingError";
}
