// MediaRecorder, set up for answers that survive a crash: small timed chunks handed over in order.

const PREFERRED_TYPES = [
  "video/webm;codecs=vp8,opus",
  "video/webm;codecs=vp9,opus",
  "video/webm;codecs=vp8",
  "video/webm",
  "video/mp4;codecs=avc1,mp4a",
  "video/mp4",
];

/** Chunks of about a second: at most a second of an answer is ever only in memory. */
export const TIMESLICE_MS = 1000;

/** The first container and codecs this browser records, or "" to let it choose. */
export function pickRecordingType(): string {
  if (typeof MediaRecorder === "undefined") return "";
  return PREFERRED_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
}

export function recordingSupported(): boolean {
  return typeof MediaRecorder !== "undefined" && typeof navigator !== "undefined" && !!navigator.mediaDevices?.getUserMedia;
}

export type RecordingResult = { durationMs: number; chunks: number; contentType: string };

export type Recording = {
  readonly contentType: string;
  /** Milliseconds since recording began. */
  elapsedMs(): number;
  /** Stops and resolves once the last chunk has been handled by onChunk. */
  stop(): Promise<RecordingResult>;
};

/**
 * Records `stream`, calling `onChunk` for each non-empty chunk with consecutive indexes. Calls are
 * serialised: chunk n+1 is handed over only after onChunk(n) settled, so a store that writes them
 * in order never has a gap.
 */
export function startRecording(
  stream: MediaStream,
  opts: {
    onChunk: (blob: Blob, index: number, elapsedMs: number) => Promise<void>;
    onError: (error: Error) => void;
    timesliceMs?: number;
  },
): Promise<Recording> {
  const mimeType = pickRecordingType();
  const recorder = new MediaRecorder(stream, {
    ...(mimeType ? { mimeType } : {}),
    videoBitsPerSecond: 1_000_000,
    audioBitsPerSecond: 64_000,
  });
  const contentType = (recorder.mimeType || mimeType || "video/webm").split(";")[0]!.trim() || "video/webm";
  let index = 0;
  let startedAt = 0;
  let stoppedAt: number | null = null;
  let chain: Promise<void> = Promise.resolve();
  const elapsed = () => (startedAt === 0 ? 0 : (stoppedAt ?? performance.now()) - startedAt);

  recorder.ondataavailable = (event: BlobEvent) => {
    if (!event.data || event.data.size === 0) return;
    const blob = event.data;
    const at = Math.round(elapsed());
    const i = index++;
    chain = chain.then(() => opts.onChunk(blob, i, at)).catch((error: unknown) => opts.onError(error instanceof Error ? error : new Error(String(error))));
  };
  recorder.onerror = (event: Event) => {
    const error = (event as Event & { error?: DOMException }).error;
    opts.onError(new Error(error?.message || "The recorder stopped unexpectedly."));
  };

  const stopped = new Promise<void>((resolve) => {
    recorder.addEventListener("stop", () => {
      stoppedAt ??= performance.now();
      resolve();
    });
  });

  return new Promise<Recording>((resolve, reject) => {
    recorder.onstart = () => {
      startedAt = performance.now();
      resolve({
        contentType,
        elapsedMs: elapsed,
        async stop() {
          if (recorder.state !== "inactive") {
            stoppedAt = performance.now();
            recorder.stop();
          }
          await stopped;
          await chain;
          return { durationMs: Math.round(elapsed()), chunks: index, contentType };
        },
      });
    };
    try {
      recorder.start(opts.timesliceMs ?? TIMESLICE_MS);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
