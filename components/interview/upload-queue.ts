import type { ChunkStore } from "./chunk-store";
import { UploadError, type UploadApi } from "./upload-api";

export type UploadPhase = "uploading" | "offline" | "done" | "failed" | "cancelled";

export type UploadSnapshot = {
  phase: UploadPhase;
  /** Chunks the server has acknowledged. */
  sent: number;
  /** Chunks recorded so far. */
  recorded: number;
  receivedBytes: number;
  error: string | null;
};

export type TakeUploaderOptions = {
  api: UploadApi;
  store: ChunkStore;
  key: string;
  responseId: string;
  take: number;
  contentType: string;
  /** Chunks already in the store (a resumed take); more are announced with chunkAdded. */
  recorded: number;
  /** The take's upload the server already has open (a resumed take): its status is asked for instead of opening one. */
  uploadId?: string | null;
  onChange?: (snapshot: UploadSnapshot) => void;
  /** Delay before retry number `attempt` (0-based); exponential with jitter by default. */
  backoffMs?: (attempt: number) => number;
};

export function defaultBackoff(attempt: number): number {
  const base = Math.min(500 * 2 ** attempt, 8_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Uploads one take's chunks in order, as they are recorded, from the local store. The server's
 * `nextChunk` is the truth about what arrived: the uploader starts from it (a resumed take skips
 * what is already there), resynchronises with it when the server disagrees, and retries with
 * backoff whenever the network or the server fails, waking at once when the browser comes back
 * online. When recording has stopped and every chunk is acknowledged, it completes the upload.
 */
export class TakeUploader {
  readonly done: Promise<void>;
  private uploadId: string | null = null;
  private next = 0;
  private recorded: number;
  private receivedBytes = 0;
  private stopped = false;
  private durationMs: number | undefined;
  private phase: UploadPhase = "uploading";
  private error: string | null = null;
  private wake: (() => void) | null = null;
  private listener: ((snapshot: UploadSnapshot) => void) | undefined;
  private resolveDone!: () => void;
  private rejectDone!: (error: Error) => void;

  constructor(private readonly opts: TakeUploaderOptions) {
    this.recorded = opts.recorded;
    this.uploadId = opts.uploadId ?? null;
    this.listener = opts.onChange;
    this.done = new Promise<void>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // Callers that only watch onChange must not see an unhandled rejection.
    this.done.catch(() => {});
    if (typeof window !== "undefined") window.addEventListener("online", this.poke);
    void this.run();
  }

  snapshot(): UploadSnapshot {
    return { phase: this.phase, sent: this.next, recorded: this.recorded, receivedBytes: this.receivedBytes, error: this.error };
  }

  /** A new chunk is in the store. */
  chunkAdded(recorded: number) {
    this.recorded = Math.max(this.recorded, recorded);
    this.emit();
    this.poke();
  }

  /** Recording is over: upload what is left, then complete with the recorded length. */
  finish(durationMs: number | undefined) {
    this.stopped = true;
    this.durationMs = durationMs === undefined ? undefined : Math.max(0, Math.round(durationMs));
    this.poke();
  }

  /** Someone else shows the progress from now on (the answer was handed over to be sent in the background). */
  observe(onChange: (snapshot: UploadSnapshot) => void) {
    this.listener = onChange;
    onChange(this.snapshot());
  }

  /** Try now instead of waiting out the backoff (a "retry" button). */
  retryNow() {
    this.poke();
  }

  /** A retake replaced this take: stop without completing. */
  cancel() {
    if (this.phase === "done" || this.phase === "failed") return;
    this.settle("cancelled", null);
  }

  private readonly poke = () => {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  };

  private emit() {
    this.listener?.(this.snapshot());
  }

  private get active() {
    return this.phase === "uploading" || this.phase === "offline";
  }

  private settle(phase: "done" | "failed" | "cancelled", error: string | null) {
    this.phase = phase;
    this.error = error;
    if (typeof window !== "undefined") window.removeEventListener("online", this.poke);
    this.emit();
    this.poke();
    if (phase === "done") this.resolveDone();
    else this.rejectDone(new Error(error ?? "The upload was cancelled."));
  }

  private sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(() => this.poke(), ms);
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
  }

  private apply(progress: { uploadId: string; nextChunk: number; receivedBytes: number; status: string }): boolean {
    this.uploadId = progress.uploadId;
    this.next = progress.nextChunk;
    this.receivedBytes = progress.receivedBytes;
    return progress.status === "COMPLETE";
  }

  private async run() {
    const { api, store, key } = this.opts;
    let attempt = 0;
    let resync = this.uploadId !== null;
    while (this.active) {
      try {
        if (!this.uploadId) {
          if (this.apply(await api.start({ responseId: this.opts.responseId, take: this.opts.take, contentType: this.opts.contentType }))) break;
        } else if (resync) {
          if (this.apply(await api.status(this.uploadId))) break;
        }
        resync = false;
        if (this.phase === "offline") this.phase = "uploading";
        this.emit();

        if (this.next < this.recorded) {
          const blob = await store.getChunk(key, this.next);
          if (!blob) {
            this.settle("failed", "Part of this recording is missing on this device, so it cannot be uploaded. Record the answer again.");
            return;
          }
          this.apply(await api.putChunk(this.uploadId!, this.next, blob));
          attempt = 0;
          continue;
        }
        if (this.stopped) {
          await api.complete(this.uploadId!, this.durationMs);
          break;
        }
        await this.sleep(null);
      } catch (error) {
        if (!this.active) return;
        if (error instanceof UploadError && !error.retryable) {
          // The server disagrees about where the upload stands (a chunk repeated or skipped after
          // a lost reply, staged bytes lost, a completion that already happened): ask it, then
          // carry on from there.
          if ([400, 409, 410, 412].includes(error.status) && this.uploadId && !resync) {
            resync = true;
            continue;
          }
          this.settle("failed", error.message);
          return;
        }
        // A server that asks to slow down is busy, not gone: wait as long as it says, without
        // telling the candidate their connection dropped.
        const slowDown = error instanceof UploadError ? error.retryAfterMs : null;
        if (slowDown === null) {
          this.phase = "offline";
          this.error = error instanceof Error ? error.message : String(error);
          this.emit();
        }
        await this.sleep(slowDown ?? (this.opts.backoffMs ?? defaultBackoff)(attempt++));
        resync = this.uploadId !== null;
      }
    }
    if (!this.active) return;
    await store.updateTake(key, { uploaded: true }).catch(() => {});
    this.next = Math.max(this.next, this.recorded);
    this.settle("done", null);
  }
}
