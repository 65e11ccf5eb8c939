import { generateText, NoObjectGeneratedError, Output, type LanguageModel } from "ai";
import { embedTexts } from "../../search/embedder";
import type { TemplateSnapshot } from "../../templates/versions";
import { aggregateInterview } from "../aggregate";
import type { AnswerAnalysisResult, Claim, Flag } from "../analysis.schema";
import { cachedEmbedder, splitCriteria, type Analyzer, type AnswerInput, type EmbedFn } from "../analyzer";
import { findManipulation, manipulationFlag, withoutManipulation } from "../injection";
import { speakingMetrics } from "../metrics";
import { contentStems, normalizeWord } from "../text";
import { indexAnswer, verifyQuotes, type AnswerIndex } from "../verify-quotes";
import { groqOutputOptions } from "./model";
import { llmAnswerSchema, type LlmAnswer } from "./output.schema";
import { buildAnswerPrompt, PROMPT_VERSION, SYSTEM_PROMPT } from "./prompt";

/** One call plus this many more when the model's output does not fit the schema. */
export const OUTPUT_RETRIES = 2;

export class InvalidModelOutputError extends Error {
  constructor(
    readonly modelId: string,
    readonly attempts: number,
    reason: string,
  ) {
    super(`The analysis model ${modelId} returned output that does not match the analysis schema ${attempts} times in a row; last problem: ${reason}`);
    this.name = "InvalidModelOutputError";
  }
}

export type LlmAnalyzerOptions = { model: LanguageModel; modelId: string; embed?: EmbedFn };

async function askModel(options: LlmAnalyzerOptions, prompt: string): Promise<LlmAnswer> {
  let lastReason = "";
  for (let attempt = 1; attempt <= 1 + OUTPUT_RETRIES; attempt++) {
    try {
      const { output } = await generateText({
        model: options.model,
        system: SYSTEM_PROMPT,
        prompt,
        temperature: 0,
        output: Output.object({ schema: llmAnswerSchema, name: "answer_analysis" }),
        providerOptions: { groq: groqOutputOptions(options.modelId) },
      });
      return output;
    } catch (error) {
      // Transport failures are already retried by the SDK; only a malformed answer is worth asking again.
      if (!NoObjectGeneratedError.isInstance(error)) throw error;
      lastReason = error.cause instanceof Error ? error.cause.message : error.message;
    }
  }
  throw new InvalidModelOutputError(options.modelId, 1 + OUTPUT_RETRIES, lastReason);
}

function claims(index: AnswerIndex, items: { text: string; quotes: string[] }[], flags: Flag[]): Claim[] {
  return items.map((item) => {
    const { evidence, flags: dropped } = verifyQuotes(index, item.quotes);
    flags.push(...dropped);
    return { text: item.text, evidence };
  });
}

function sameCriterion(a: string, b: string): boolean {
  const norm = (s: string) => s.split(/\s+/).map(normalizeWord).filter(Boolean).join(" ");
  return norm(a) === norm(b);
}

/** The model's read of one answer, with its quotes checked and the server's own guards applied. */
async function analyzeAnswerWithModel(options: LlmAnalyzerOptions, snapshot: TemplateSnapshot, input: AnswerInput): Promise<AnswerAnalysisResult> {
  const index = indexAnswer(input.answer);
  const raw = await askModel(options, buildAnswerPrompt(snapshot, input, index.display));
  const flags: Flag[] = [];

  const criteria = splitCriteria(input.question.criteria).map((criterion) => {
    const said = raw.criteria.find((c) => sameCriterion(c.criterion, criterion));
    const { evidence, flags: dropped } = verifyQuotes(index, said?.quotes ?? []);
    flags.push(...dropped);
    return { criterion, coverage: said?.coverage ?? 0, evidence };
  });
  const strengths = claims(index, raw.strengths, flags);
  const concerns = claims(index, raw.concerns, flags);

  const findings = findManipulation(index.display);
  const detected = manipulationFlag(index, findings);
  if (detected) flags.push(detected);
  else if (raw.manipulation.attempted) {
    const { evidence } = verifyQuotes(index, raw.manipulation.quotes);
    if (evidence.length > 0) {
      flags.push({ kind: "manipulation", detail: "The model found an attempt to steer the evaluation; it was given no credit.", responseId: index.responseId, evidence });
    }
  }

  // Whatever the model did with it, an answer that is nothing but instructions has no merits to score.
  const merits = contentStems(withoutManipulation(index.display, findings));
  const noAnswer = merits.length < (input.question.type === "TEXT" ? 1 : 3);
  if (noAnswer) {
    flags.push({ kind: "no_answer", detail: index.display.trim() ? "The answer has no substance to score." : "The answer is empty.", responseId: index.responseId, evidence: [] });
  }

  return {
    kind: "answer",
    responseId: input.answer.responseId,
    questionId: input.question.id,
    score: noAnswer ? 1 : raw.score,
    criteria: noAnswer ? criteria.map((c) => ({ ...c, coverage: 0 })) : criteria,
    completeness: noAnswer ? 0 : raw.completeness,
    summary: noAnswer ? (detected ? "No answer on the merits: the answer only tries to steer the evaluation." : "No substantive answer.") : raw.summary,
    strengths: noAnswer ? [] : strengths,
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
