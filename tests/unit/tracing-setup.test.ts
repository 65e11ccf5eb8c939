import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { startTracing, tracesUrl, type Tracing } from "@/server/tracing/setup";
import { currentTraceparent, tracer, tracingConfigured, withSpan } from "@/server/tracing/tracing";

let tracing: Tracing | null = null;
afterEach(async () => {
  await tracing?.shutdown();
  tracing = null;
});

type Received = { method: string; url: string; contentType: string; body: string };

/** A local OTLP/HTTP receiver, as a collector (Jaeger, Tempo, the OpenTelemetry Collector) listens on :4318. */
async function collector() {
  const received: Received[] = [];
  let arrived: () => void = () => {};
  const first = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", contentType: req.headers["content-type"] ?? "", body: Buffer.concat(chunks).toString() });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      arrived();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, first, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("tracing setup", () => {
  it("creates no provider and no exporter without OTEL_EXPORTER_OTLP_ENDPOINT: spans are the API's no-ops", async () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " })).toBe(false);
    tracing = startTracing({ env: {} });
    expect(tracing).toBeNull();
    const span = tracer().startSpan("probe");
    expect(span.isRecording()).toBe(false);
    span.end();
    await withSpan("outer", {}, async () => {
      expect(trace.getActiveSpan()?.isRecording() ?? false).toBe(false);
      expect(currentTraceparent()).toBeNull();
    });
  });

  it("sends spans over OTLP/HTTP to the configured endpoint's /v1/traces", async () => {
    const server = await collector();
    try {
      expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: `${server.url}/` })).toBe(`${server.url}/v1/traces`);
      expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: server.url, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${server.url}/custom` })).toBe(`${server.url}/custom`);
      tracing = startTracing({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: server.url, OTEL_SERVICE_NAME: "aivi-test" } });
      expect(tracing).not.toBeNull();
      let traceId = "";
      let traceparent: string | null = null;
      await withSpan("answer.submit", { attributes: { "test.kind": "otlp" } }, async (span) => {
        traceId = span.spanContext().traceId;
        traceparent = currentTraceparent();
      });
      expect(traceparent).toMatch(new RegExp(`^00-${traceId}-[\\da-f]{16}-01$`));
      await tracing!.flush();
      await server.first;

      const [request] = server.received;
      expect(request).toMatchObject({ method: "POST", url: "/v1/traces", contentType: "application/json" });
      const body = JSON.parse(request!.body) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: { name: string; traceId: string }[] }[];
        }[];
      };
      const spans = body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
      expect(spans).toEqual([expect.objectContaining({ name: "answer.submit", traceId })]);
      expect(body.resourceSpans[0]!.resource.attributes).toContainEqual({ key: "service.name", value: { stringValue: "aivi-test" } });
    } finally {
      await tracing?.shutdown();
      tracing = null;
      await server.close();
    }
  });
});
