import os from "node:os";

/** What a slot of the pool was used for; counted so operators and tests can see what ran. */
export type CpuJobKind = "ffprobe" | "ffmpeg" | "measure-duration" | "transcribe";

/** `peak`: the most jobs that ever ran at once, which never passes `size`. */
export type CpuPoolStats = { size: number; running: number; peak: number; queued: number; completed: Partial<Record<CpuJobKind, number>> };

/** Thrown at a job still waiting for a slot when its signal aborts: it never started. */
export class CpuJobAbortedError extends Error {
  constructor(kind: CpuJobKind) {
    super(`${kind} was not started: the job was cancelled while it waited for a free processor.`);
    this.name = "CpuJobAbortedError";
  }
}

type Waiter = { start: () => void; signal?: AbortSignal; onAbort?: () => void };

/**
 * At most `size` CPU-heavy child processes at once (ffmpeg, ffprobe, the offline recogniser), the
 * rest waiting in order. Without it 60 submits ran 44 ffmpeg at once on 2 cores and starved the
 * web server and the database alike.
 */
export class CpuPool {
  private running = 0;
  private peak = 0;
  private readonly waiting: Waiter[] = [];
  private readonly completed: Partial<Record<CpuJobKind, number>> = {};

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`A CPU pool needs at least one slot, not ${size}.`);
  }

  async run<T>(kind: CpuJobKind, work: () => Promise<T>, opts: { signal?: AbortSignal } = {}): Promise<T> {
    await this.acquire(kind, opts.signal);
    try {
      return await work();
    } finally {
      this.completed[kind] = (this.completed[kind] ?? 0) + 1;
      this.release();
    }
  }

  stats(): CpuPoolStats {
    return { size: this.size, running: this.running, peak: this.peak, queued: this.waiting.length, completed: { ...this.completed } };
  }

  private acquire(kind: CpuJobKind, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new CpuJobAbortedError(kind));
    if (this.running < this.size) {
      this.running++;
      this.peak = Math.max(this.peak, this.running);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { signal, start: resolve };
      if (signal) {
        waiter.onAbort = () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(new CpuJobAbortedError(kind));
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.running--;
      return;
    }
    if (next.onAbort) next.signal?.removeEventListener("abort", next.onAbort);
    // The slot passes straight to the next job, so `running` stays as it is.
    next.start();
  }
}

const globalForPool = globalThis as unknown as { __cpuPool?: CpuPool };

/**
 * The process's one pool, a slot per core. Kept on globalThis because Next bundles route handlers
 * and instrumentation separately: a module-level pool would be one per bundle, not one per process.
 */
export function cpuPool(): CpuPool {
  globalForPool.__cpuPool ??= new CpuPool(os.availableParallelism());
  return globalForPool.__cpuPool;
}
