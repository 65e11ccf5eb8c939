import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Context, type Span, type SpanKind } from "@opentelemetry/api";

/**
 * The app's spans, through the OpenTelemetry API only. Until server/tracing/setup.ts registers an
 * SDK (it does when OTEL_EXPORTER_OTLP_ENDPOINT is set), the API's globals are its no-ops: a span
 * is a shared non-recording object, no context is stored and nothing is exported, so code can
 * trace unconditionally at the cost of a few function calls.
 */
export const TRACER_NAME = "ai-video-interview";

export type Env = Record<string, string | undefined>;

/** Whether traces are exported: an OTLP endpoint is configured (the general one or the traces one). */
export function tracingConfigured(source: Env = process.env): boolean {
  return Boolean(source.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || source.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

export function tracer() {
  return trace.getTracer(TRACER_NAME);
}

export type SpanOptions = { kind?: SpanKind; attributes?: Attributes; parent?: Context };

/** Marks the span failed with the error, as a collector shows it (status ERROR and an exception event). */
export function recordFailure(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `fn` in a new active span (a child of `parent`, or of the active span), ended when `fn`
 * settles; a throw marks it failed and is rethrown.
 */
export function withSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  const { parent, ...spanOptions } = options;
  return tracer().startActiveSpan(name, spanOptions, parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The W3C traceparent of the active span, or null when no span is recording (tracing off). */
export function currentTraceparent(ctx: Context = context.active()): string | null {
  if (!trace.getSpan(ctx)?.isRecording()) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ?? null;
}

/** The context a stored traceparent continues; the root context (a new trace) when there is none. */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/**
 * The context of a request's caller: its traceparent header continues the caller's trace. Used
 * only when no span is active, since a server that traces requests (Next.js's own spans) has
 * already done so and the request's span is the parent.
 */
export function requestParent(headers: Headers): Context {
  const active = context.active();
  if (trace.getSpan(active)) return active;
  const traceparent = headers.get("traceparent");
  return traceparent ? propagation.extract(active, { traceparent, tracestate: headers.get("tracestate") ?? undefined }) : active;
}

/** The active span's ids for a log line, when a span is recording. */
export function activeSpanIds(): { trace_id: string; span_id: string; trace_flags: string } | null {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return null;
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}`.slice(-2) };
}
