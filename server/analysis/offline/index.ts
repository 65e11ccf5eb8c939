import { embedTexts } from "../../search/embedder";
import { aggregateInterview } from "../aggregate";
import { cachedEmbedder, type Analyzer, type EmbedFn } from "../analyzer";
import { analyzeAnswerOffline } from "./analyze-answer";

export const OFFLINE_MODEL = "soft-coverage-v2";
export const OFFLINE_VERSION = "offline-2";

/**
 * The analysis with no model service: deterministic (same inputs, same result) and explainable,
 * every number traceable to criteria, word matches, counts of actions and figures, and quotes.
 */
export function createOfflineAnalyzer(options: { embed?: EmbedFn } = {}): Analyzer {
  return {
    engine: "offline",
    model: OFFLINE_MODEL,
    promptVersion: OFFLINE_VERSION,
    async analyze(input) {
      const embed = cachedEmbedder(options.embed ?? embedTexts);
      const answers = [];
      for (const a of input.answers) answers.push(await analyzeAnswerOffline(a));
      return { answers, interview: await aggregateInterview(input, answers, embed) };
    },
  };
}
