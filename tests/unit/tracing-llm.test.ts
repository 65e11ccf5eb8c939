import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { MockLanguageModelV4 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmAnalyzer } from "@/server/analysis/llm";
import { hashEmbed } from "@/server/search/hash-embedder";
import { startTracing, type Tracing } from "@/server/tracing/setup";
import { withSpan } from "@/server/tracing/tracing";
import { fixtureAnswers, fixtureSnapshot } from "../integration/analysis-fixture";

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
beforeAll(() => {
  tracing = startTracing({ processor: new SimpleSpanProcessor({ exporter }) })!;
});
afterAll(() => tracing.shutdown());

const reply: LanguageModelV4GenerateResult = {
  content: [
    {
      type: "text",
      text: JSON.stringify({
        score: 4,
        summary: "Rolled the release back and wrote the follow-up.",
        completeness: 0.8,
        criteria: [],
        strengths: [],
        concerns: [],
        manipulation: { attempted: false, quotes: [] },
      }),
    },
  ],
  finishReason: { unified: "stop", raw: "stop" },
  usage: { inputTokens: { total: 120, noCache: 120, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 40, text: 40, reasoning: 0 } },
  warnings: [],
};

describe("the LLM call's span", () => {
  it("is a client span under the analysis, named for the model, with the tokens used", async () => {
    const snapshot = fixtureSnapshot();
    const [first] = fixtureAnswers("strong", snapshot);
    const model = new MockLanguageModelV4({ modelId: "llama-3.3-70b-versatile", doGenerate: reply });
    const analyzer = createLlmAnalyzer({ model, modelId: "llama-3.3-70b-versatile", embed: async (texts) => texts.map(hashEmbed) });
    await withSpan("analysis.analyze", {}, () => analyzer.analyze({ snapshot, answers: [first!], unanswered: snapshot.questions.slice(1) }));

    const spans = exporter.getFinishedSpans();
    const analysis = spans.find((s) => s.name === "analysis.analyze")!;
    const calls = spans.filter((s) => s.name === "chat llama-3.3-70b-versatile");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.kind).toBe(SpanKind.CLIENT);
    expect(calls[0]!.parentSpanContext?.spanId).toBe(analysis.spanContext().spanId);
    expect(calls[0]!.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "llama-3.3-70b-versatile",
      "gen_ai.usage.input_tokens": 120,
      "gen_ai.usage.output_tokens": 40,
    });
  });
});
