import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger } from "pino";
import { activeSpanIds } from "../tracing/tracing";
import { currentRequestContext } from "./request-context";

/**
 * Fields never written to a log, at the top level or one level down: secrets (tokens, keys,
 * cookies, passwords) and what candidates wrote or said (answers, transcripts, names, emails).
 */
const REDACTED_KEYS = [
  "token",
  "password",
  "secret",
  "apiKey",
  "authorization",
  "cookie",
  "signature",
  "email",
  "to",
  "candidateName",
  "candidateEmail",
  "textAnswer",
  "text",
  "transcript",
  "body",
];
export const REDACTED_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

// pino-pretty as an in-process stream (no worker thread, which bundlers break), in development only,
// and only when it is installed: production installs without dev dependencies log plain JSON.
function prettyStream(): DestinationStream | undefined {
  if (process.env.NODE_ENV !== "development" || process.env.LOG_PRETTY === "off") return undefined;
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (opts: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

/**
 * One JSON object per line (pino), each carrying the request id, user id, organization id and
 * trace id of the request it was written in (see request-context.ts) and the active span's ids,
 * with REDACTED_PATHS replaced.
 */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: "ai-video-interview" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    // err is serialized with its message and stack, and a cause chain.
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    // Inside a span (tracing on: server/tracing) a line also carries its trace_id and span_id, the
    // OpenTelemetry names log backends join traces on, and the request's traceId is the span's.
    mixin() {
      const c = currentRequestContext();
      const span = activeSpanIds();
      const request = c ? { requestId: c.requestId, traceId: span?.trace_id ?? c.traceId, userId: c.userId, organizationId: c.organizationId } : {};
      return span ? { ...request, ...span } : request;
    },
  };
  // Through process.stdout rather than pino's own file descriptor writer: one writer for the process's output, in order.
  return pino(options, destination ?? prettyStream() ?? process.stdout);
}

/** The server's logger. Server code logs through it, never through console.*. */
export const logger = createLogger();
