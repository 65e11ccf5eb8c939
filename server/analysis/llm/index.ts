import { generateText, Output, type LanguageModel } from "ai";
import { embedTexts } from "../../search/embedder";
import type { TemplateSnapshot } from "../../templates/versions";
import { aggregateInterview } from "../aggregate";
import type { AnswerAnalysisResult, Claim, Flag } from "../analysis.schema";
import { cachedEmbedder, splitCriteria, type Analyzer, type AnswerInput, type EmbedFn } from "../analyzer";
import { findManipulation, manipulationFlag, withoutManipulation } from "../injection";
import { speakingMetrics } from "../metrics";
import { contentStems } from "../text";
import { indexAnswer, verifyQuotes, type AnswerIndex } from "../verify-quotes";
import { matchCriteria } from "./criteria";
import { describeCallError, InvalidModelOutputError } from "./errors";
import { groqOutputOptions } from "./model";
import { llmAnswerSchema, type LlmAnswer } from "./output.schema";
import { buildAnswerPrompt, PROMPT_VERSION, SYSTEM_PROMPT } from "./prompt";
import { readFailedReply } from "./reply";
import { metrics } from "../../metrics/registry";
import { withSpan } from "../../tracing/tracing";
import { SpanKind } from "@opentelemetry/api";

export { InvalidModelOutputError, ModelCallError } from "./errors";

/** One call plus this many more when the model's reply is not a usable analysis. */
export const OUTPUT_RETRIES = 2;
/**
 * A reply is a few hundred tokens; a model stuck repeating itself (a known JSON-mode failure) is
 * cut off here instead of running to the model's limit, and the call is made again.
 */
export const MAX_OUTPUT_TOKENS = 4096;

export type LlmAnalyzerOptions = { model: LanguageModel; modelId: string; embed?: EmbedFn };

async function askModel(options: LlmAnalyzerOptions, prompt: string): Promise<LlmAnswer> {
  let lastProblem = "";
  for (let attempt = 1; attempt <= 1 + OUTPUT_RETRIES; attempt++) {
    const started = performance.now();
    const took = (result: string) => metrics().llmDuration.observe({ model: options.modelId, result }, (performance.now() - started) / 1000);
    try {
      // One span per call to the model (OpenTelemetry's gen_ai conventions), under the analysis step's.
      const result = await withSpan(
        `chat ${options.modelId}`,
        { kind: SpanKind.CLIENT, attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": options.modelId, "gen_ai.request.attempt": attempt } },
        async (span) => {
          const reply = await generateText({
            model: options.model,
            system: SYSTEM_PROMPT,
            prompt,
            temperature: 0,
            maxOutputTokens: MAX_OUTPUT_TOKENS,
            output: Output.object({ schema: llmAnswerSchema, name: "answer_analysis" }),
            providerOptions: { groq: groqOutputOptions(options.modelId) },
          });
          span.setAttributes({ "gen_ai.usage.input_tokens": reply.usage.inputTokens ?? 0, "gen_ai.usage.output_tokens": reply.usage.outputTokens ?? 0 });
          return reply;
        },
      );
      took("ok");
      metrics().llmTokens.inc({ model: options.modelId, direction: "input" }, result.usage.inputTokens ?? 0);
      metrics().llmTokens.inc({ model: options.modelId, direction: "output" }, result.usage.outputTokens ?? 0);
      return result.output;
    } catch (error) {
      // The SDK has already retried transport failures; a reply that is no analysis is worth asking again.
      const reading = readFailedReply(error);
      took(reading ? "unusable reply" : "error");
      if (!reading) throw describeCallError(error, options.modelId);
      if (reading.ok) return reading.answer;
      lastProblem = reading.problem;
    }
  }
  throw new InvalidModelOutputError(options.modelId, 1 + OUTPUT_RETRIES, lastProblem);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function claims(index: AnswerIndex, items: { text: string; quotes: string[] }[], flags: Flag[]): Claim[] {
  return items.map((item) => {
    const { evidence, flags: dropped } = verifyQuotes(index, item.quotes);
    flags.push(...dropped);
    return { text: item.text, evidence };
  });
}

/** The model's read of one answer, with its quotes checked and the server's own guards applied. */
async function analyzeAnswerWithModel(options: LlmAnalyzerOptions, snapshot: TemplateSnapshot, input: AnswerInput): Promise<AnswerAnalysisResult> {
  const index = indexAnswer(input.answer);
  const raw = await askModel(options, buildAnswerPrompt(snapshot, input, index.display));
  const flags: Flag[] = [];

  const listed = splitCriteria(input.question.criteria);
  const said = matchCriteria(listed, raw.criteria);
  const criteria = listed.map((criterion, i) => {
    const { evidence, flags: dropped } = verifyQuotes(index, said[i]?.quotes ?? []);
    flags.push(...dropped);
    return { criterion, coverage: said[i]?.coverage ?? 0, evidence };
  });
  const strengths = claims(index, raw.strengths, flags);
  const concerns = claims(index, raw.concerns, flags);

  const findings = findManipulation(index.display);
  const detected = manipulationFlag(index, findings);
  if (detected) flags.push(detected);
  else if (raw.manipulation.attempted) {
    const { evidence } = verifyQuotes(index, raw.manipulation.quotes);
    if (evidence.length > 0) {
      flags.push({
        kind: "manipulation",
        detail: "The model found an attempt to steer the evaluation; it was given no credit.",
        responseId: index.responseId,
        evidence,
      });
    }
  }

  // Only an empty answer is "no answer"; a short or vague one keeps the model's low score and its
  // reason. An answer that tries to steer the evaluation scores 1 whatever else it says, as offline:
  // gaming the read must never pay, and the flag sends it to a person.
  const empty = index.tokens.length === 0;
  if (empty) {
    const detail = input.question.type === "TEXT" ? "The written answer is empty." : "No speech was recognised in the recording.";
    flags.push({ kind: "no_answer", detail, responseId: index.responseId, evidence: [] });
  }
  const manipulated = flags.some((f) => f.kind === "manipulation");
  const onlyInstructions = detected !== null && contentStems(withoutManipulation(index.display, findings)).length === 0;
  const nothing = empty || onlyInstructions;

  return {
    kind: "answer",
    responseId: input.answer.responseId,
    questionId: input.question.id,
    score: empty || manipulated ? 1 : round1(raw.score),
    criteria: nothing ? criteria.map((c) => ({ ...c, coverage: 0 })) : criteria,
    completeness: nothing ? 0 : raw.completeness,
    summary: empty
      ? (flags.at(-1)?.detail ?? "")
      : onlyInstructions
        ? "The answer only addresses the evaluation; nothing in it answers the question, so it earns no credit."
        : manipulated
          ? `${raw.summary} The answer also tries to steer the evaluation, so it is scored 1.0 whatever else it says; a reviewer should read it.`
          : raw.summary,
    strengths: nothing ? [] : strengths,
    concerns,
    metrics: input.answer.segments && input.answer.segments.length > 0 ? speakingMetrics(input.answer.segments) : null,
    flags,
  };
}

/** The Groq (or any ai SDK model) analysis: one structured call per answer, aggregated like the offline engine. */
export function createLlmAnalyzer(options: LlmAnalyzerOptions): Analyzer {
  return {
    engine: "groq-llm",
    model: options.modelId,
    promptVersion: PROMPT_VERSION,
    async analyze(input) {
      const answers: AnswerAnalysisResult[] = [];
      for (const a of input.answers) answers.push(await analyzeAnswerWithModel(options, input.snapshot, a));
      return { answers, interview: await aggregateInterview(input, answers, cachedEmbedder(options.embed ?? embedTexts)) };
    },
  };
}
