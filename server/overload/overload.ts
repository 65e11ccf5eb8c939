import { Prisma } from "../db/client";

/** How long a client told to slow down waits before trying again. */
export const RETRY_AFTER_SECONDS = 2;

export const BUSY_MESSAGE = "The server is busy right now. Your answer is safe on this device and will be sent again in a moment.";

/**
 * Whether an error means the server is saturated rather than broken: Prisma could not start a
 * transaction in time or the transaction outlived its timeout (P2028), or the connection pool had
 * no connection to give. The request did nothing (a transaction that did not start or was rolled
 * back), so the same request later is safe; the client is told so with 503 and Retry-After
 * instead of a 500.
 */
export function isOverloaded(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2028") return true;
    if (cause instanceof Error && /timeout exceeded when trying to connect/i.test(cause.message)) return true;
  }
  return false;
}
