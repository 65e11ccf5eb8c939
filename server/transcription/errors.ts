import type { TranscriptionEngine } from "./transcript.schema";

/**
 * A transcription that did not succeed. `retriable` tells the pipeline whether running the same
 * step again later may work (rate limits, outages, timeouts) or cannot (a bad key, a file the
 * engine refuses, a missing engine), so it does not burn retries on the second kind.
 */
export class TranscriptionError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly engine: TranscriptionEngine | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TranscriptionError";
  }
}

/** What an aborted transcription rejects with: the signal's reason, as fetch and spawn do. */
export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  return new DOMException(typeof reason === "string" ? reason : "The transcription was aborted.", "AbortError");
}
