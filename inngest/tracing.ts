import { context, SpanKind, trace, type Span } from "@opentelemetry/api";
import { contextFromTraceparent, currentTraceparent, recordFailure, tracer, withSpan } from "@/server/tracing/tracing";
import { errorMessage, type Outcome } from "./runner/protocol";

/**
 * The background work's spans. One trace follows an event: the outbox row keeps the traceparent
 * of the span that wrote it; the relay's span for the row is that span's child and hands its own
 * traceparent on with the event; the in-process runner keeps it on the run (job_runs.traceparent)
 * and each claim of the run is a span under it, with a span per request to the function (each
 * runs at most one step) under that. A step that writes an outbox row or sends an event starts
 * the next link. All no-ops while tracing is off (server/tracing).
 */

/** One span per outbox row in a relay pass, each continuing the trace of the code that wrote the row. */
export function relaySpans(rows: { id: string; name: string; traceparent: string | null }[]) {
  const spans = new Map<string, Span>(
    rows.map((row) => [
      row.id,
      tracer().startSpan(
        `outbox.relay ${row.name}`,
        { kind: SpanKind.PRODUCER, attributes: { "messaging.system": "outbox", "messaging.destination.name": row.name, "messaging.message.id": row.id } },
        contextFromTraceparent(row.traceparent),
      ),
    ]),
  );
  return {
    /** The traceparent the event carries to the runner: the relay span's, when tracing is on. */
    traceparentOf(id: string): string | null {
      const span = spans.get(id);
      return span ? currentTraceparent(trace.setSpan(context.active(), span)) : null;
    },
    sent(ids: string[]) {
      for (const id of ids) spans.get(id)?.end();
    },
    failed(id: string, error: unknown) {
      const span = spans.get(id);
      if (!span) return;
      recordFailure(span, error);
      span.end();
    },
  };
}

/** A claim of a run: a span under the event's trace (a new trace for a cron tick or an event sent untraced). */
export function withRunSpan<T>(
  run: { id: string; functionId: string; eventId: string; attempt: number; traceparent: string | null },
  fn: () => Promise<T>,
): Promise<T> {
  const attributes = { "inngest.run.id": run.id, "inngest.function.id": run.functionId, "inngest.event.id": run.eventId, "inngest.attempt": run.attempt };
  return withSpan(`inngest.run ${run.functionId}`, { kind: SpanKind.CONSUMER, attributes, parent: contextFromTraceparent(run.traceparent) }, () => fn());
}

/**
 * One request to the function, in which it runs at most one step: the span is active while the
 * step's code runs (its queries, the analysis, the email), named for the step once the function
 * says which one it was.
 */
export function withStepSpan(functionId: string, attempt: number, request: () => Promise<Outcome>): Promise<Outcome> {
  return withSpan("inngest.request", { attributes: { "inngest.function.id": functionId, "inngest.attempt": attempt } }, async (span) => {
    const outcome = await request();
    const step = "name" in outcome ? outcome.name : null;
    span.updateName(step ? `inngest.step ${step}` : `inngest.function ${outcome.kind}`);
    span.setAttribute("inngest.outcome", outcome.kind);
    if (step) span.setAttribute("inngest.step.name", step);
    if ("error" in outcome) recordFailure(span, new Error(errorMessage(outcome.error)));
    return outcome;
  });
}
