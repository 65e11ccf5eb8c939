import type { z } from "zod";
import type { snapshotQuestionSchema, TemplateSnapshot } from "../templates/versions";
import type { AnalysisEngine, AnswerAnalysisResult, InterviewAnalysisResult } from "./analysis.schema";
import type { AnswerText } from "./verify-quotes";

export type SnapshotQuestion = z.infer<typeof snapshotQuestionSchema>;

/** A passage of the rubric or the job description that retrieval found relevant to a question. */
export type RetrievedContext = { source: "RUBRIC" | "JOB"; sourceId: string; content: string; score: number };

/** L2-normalised embeddings, one per text, in order (server/search/embedder's embedTexts). */
export type EmbedFn = (texts: string[]) => Promise<number[][]>;

export type AnswerInput = {
  question: SnapshotQuestion;
  answer: AnswerText;
  /** Retrieved for this question (its prompt and criteria). */
  context: RetrievedContext[];
};

export type InterviewInput = {
  snapshot: TemplateSnapshot;
  answers: AnswerInput[];
  /** Questions of the snapshot with no answer to analyse. */
  unanswered: SnapshotQuestion[];
};

export type InterviewAnalysis = { answers: AnswerAnalysisResult[]; interview: InterviewAnalysisResult };

/** An analysis engine. engine/model/promptVersion are stored with every result and hashed into its inputs. */
export interface Analyzer {
  readonly engine: AnalysisEngine;
  readonly model: string;
  readonly promptVersion: string;
  analyze(input: InterviewInput): Promise<InterviewAnalysis>;
}

export function splitCriteria(criteria: string): string[] {
  return criteria
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * (b[i] ?? 0);
  return dot;
}

/** Embeds each distinct text once. */
export function cachedEmbedder(embed: EmbedFn) {
  const cache = new Map<string, number[]>();
  return async (texts: string[]): Promise<number[][]> => {
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    if (missing.length > 0) {
      const vectors = await embed(missing);
      if (vectors.length !== missing.length) throw new Error(`The embedder returned ${vectors.length} vectors for ${missing.length} texts`);
      missing.forEach((t, i) => cache.set(t, vectors[i]!));
    }
    return texts.map((t) => cache.get(t)!);
  };
}
