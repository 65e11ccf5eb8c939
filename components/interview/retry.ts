import { TRPCClientError } from "@trpc/client";
import { asksToSlowDown, retryAfterMs } from "./retry-after";
import { defaultBackoff } from "./upload-queue";

/** The request never got an answer (offline, connection dropped): trying again later can work. */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TRPCClientError) return !error.data;
  return error instanceof TypeError;
}

/** The server already has this answer: a reply lost on the way back, or another tab sent it. */
export function isAlreadySubmitted(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "CONFLICT" && /already been submitted/.test(error.message);
}

function serverTrouble(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return typeof status === "number" && status >= 500;
}

const SERVER_ATTEMPTS = 3;

/**
 * When the server asked to slow down (429 or 503, from tRPC or from a proxy or rate limiter in
 * front of it), how long to wait: its Retry-After, else the usual backoff. Null for any other error.
 */
function slowDownWait(error: unknown, attempt: number): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const response = (error.meta as { response?: Response } | undefined)?.response;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus ?? response?.status;
  if (!asksToSlowDown(status)) return null;
  return retryAfterMs(response?.headers.get("retry-after")) ?? defaultBackoff(attempt);
}

/** Resolves after `ms`, or as soon as the browser reports it is back online. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener("online", done);
  });
}

/**
 * Runs `fn` until it gets an answer: a lost connection is waited out (the candidate's answer is safe
 * on the device meanwhile), a server that asks to slow down is waited for as long as it says, as
 * often as it says so, and quietly (the request is safe to repeat: submits are idempotent), a
 * failing server is tried a few times, and any other error is the server's verdict and is thrown at once.
 */
export async function untilAnswered<T>(fn: () => Promise<T>, opts: { onWaiting?: (waiting: boolean) => void; signal?: AbortSignal } = {}): Promise<T> {
  let attempt = 0;
  let serverFailures = 0;
  for (;;) {
    try {
      const result = await fn();
      opts.onWaiting?.(false);
      return result;
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      const wait = slowDownWait(error, attempt);
      if (wait !== null) {
        attempt++;
        await pause(wait);
        continue;
      }
      const network = isNetworkError(error);
      if (!network && !(serverTrouble(error) && ++serverFailures < SERVER_ATTEMPTS)) {
        opts.onWaiting?.(false);
        throw error;
      }
      opts.onWaiting?.(network);
      await pause(defaultBackoff(attempt++));
    }
  }
}
