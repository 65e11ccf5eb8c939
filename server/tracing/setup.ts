import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, ParentBasedSampler, SamplingDecision, TracerProvider, type Sampler, type SpanProcessor } from "@opentelemetry/sdk-trace";
import { PrismaInstrumentation, registerInstrumentations } from "@prisma/instrumentation";
import { TRACER_NAME, tracingConfigured, type Env } from "./tracing";

export type Tracing = {
  provider: TracerProvider;
  /** Exports what is buffered (the batch processor exports every few seconds otherwise). */
  flush: () => Promise<void>;
  /** Exports what is left, then puts the API's no-op globals back. */
  shutdown: () => Promise<void>;
};

/** Where spans go: the traces endpoint as given, or /v1/traces under the general endpoint (the OTLP spec's rule). */
export function tracesUrl(source: Env): string {
  const traces = source.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  return `${source.OTEL_EXPORTER_OTLP_ENDPOINT!.trim().replace(/\/+$/, "")}/v1/traces`;
}

/**
 * A query with no span around it is the background work polling (the relay, the runner's claims,
 * heartbeats every second): a trace of its own each time would bury the traces worth reading, so
 * Prisma's spans are kept only inside traced work. Everything else starts a trace, and a child
 * follows its parent's decision (ParentBasedSampler), including a caller's traceparent flags.
 */
const untracedQueriesDropped: Sampler = {
  shouldSample: (_context, _traceId, spanName) => ({
    decision: spanName.startsWith("prisma:") ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED,
  }),
  toString: () => "UntracedQueriesDropped",
};

/**
 * Starts tracing for this process: an SDK tracer provider, the AsyncLocalStorage context manager
 * (a span stays active across awaits), W3C trace context propagation (the outbox keeps a
 * traceparent per row) and Prisma's instrumentation (a span per query). Spans go to OTLP over
 * HTTP (JSON) at tracesUrl(), in batches; the exporter reads the other OTEL_EXPORTER_OTLP_*
 * variables (headers, timeout, compression) itself. Without an endpoint nothing is
 * started and null is returned: the API stays a no-op. Tests pass their own span processor.
 */
export function startTracing(opts: { env?: Env; processor?: SpanProcessor } = {}): Tracing | null {
  const source = opts.env ?? process.env;
  if (!opts.processor && !tracingConfigured(source)) return null;
  const processor = opts.processor ?? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: tracesUrl(source) }) });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      "service.name": source.OTEL_SERVICE_NAME?.trim() || TRACER_NAME,
      "deployment.environment.name": source.NODE_ENV ?? "development",
    }),
    spanProcessors: [processor],
    sampler: new ParentBasedSampler({ root: untracedQueriesDropped }),
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  trace.setGlobalTracerProvider(provider);
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  return {
    provider,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      unregister();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
