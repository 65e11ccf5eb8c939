import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/server/logging/logger";
import { runWithRequestContext } from "@/server/logging/request-context";
import { startTracing, type Tracing } from "@/server/tracing/setup";
import { withSpan } from "@/server/tracing/tracing";

let tracing: Tracing;
beforeAll(() => {
  tracing = startTracing({ processor: new SimpleSpanProcessor({ exporter: new InMemorySpanExporter() }) })!;
});
afterAll(() => tracing.shutdown());

function collector() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }) };
}

describe("log lines inside a span", () => {
  it("carry the active span's trace_id and span_id, and the request's traceId becomes the span's", async () => {
    const { lines, log } = collector();
    let ids = { traceId: "", spanId: "" };
    await runWithRequestContext({ requestId: "req-7", traceId: "0af7651916cd43dd8448eb211c80319c" }, () =>
      withSpan("step", {}, async (span) => {
        ids = span.spanContext();
        log.warn("inside");
      }),
    );
    log.warn("outside");

    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req-7", traceId: ids.traceId, trace_id: ids.traceId, span_id: ids.spanId, trace_flags: "01" });
    expect(ids.traceId).toMatch(/^[\da-f]{32}$/);
    expect(lines[1]).toMatchObject({ msg: "outside" });
    expect(lines[1]).not.toHaveProperty("trace_id");
    expect(lines[1]).not.toHaveProperty("span_id");
  });
});
