import { z } from "zod";

/**
 * What an analysis stores in Analysis.result, whichever engine produced it. Every claim carries
 * evidence: quotes that the server has checked are verbatim spans of a transcript (or of a written
 * answer), with the moment they were said. Scores are 1.0-5.0 with one decimal; overall is the
 * rubric-weighted mean.
 */
export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export const recommendationSchema = z.enum(RECOMMENDATIONS);
export type Recommendation = z.infer<typeof recommendationSchema>;

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

export const evidenceSchema = z.object({
  quote: z.string(),
  responseId: z.string(),
  /** Where the quote starts and ends in the answer's recording; null for a written answer. */
  startMs: z.number().int().nonnegative().nullable(),
  endMs: z.number().int().nonnegative().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const claimSchema = z.object({ text: z.string(), evidence: z.array(evidenceSchema) });
export type Claim = z.infer<typeof claimSchema>;

export const flagSchema = z.object({
  kind: z.enum(["manipulation", "unverified_quote", "no_answer", "low_transcript_quality"]),
  detail: z.string(),
  responseId: z.string().nullable(),
  evidence: z.array(evidenceSchema),
});
export type Flag = z.infer<typeof flagSchema>;

export const speakingMetricsSchema = z.object({
  wordCount: z.number().int().nonnegative(),
  durationSec: z.number().nonnegative(),
  wordsPerMinute: z.number().nonnegative(),
  pauseCount: z.number().int().nonnegative(),
  longestPauseSec: z.number().nonnegative(),
  fillerWords: z.number().int().nonnegative(),
  /** Filler words per word spoken (0..1). */
  fillerRate: z.number().nonnegative(),
});
export type SpeakingMetrics = z.infer<typeof speakingMetricsSchema>;

/** 1.0-5.0, one decimal; an older analysis's whole numbers still fit. */
const oneDecimalScore = z
  .number()
  .min(1)
  .max(5)
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, "A score has at most one decimal");

export const criterionResultSchema = z.object({
  criterion: z.string(),
  /** 0..1: how well the answer covers this criterion. */
  coverage: z.number().min(0).max(1),
  evidence: z.array(evidenceSchema),
});

/** One answer's analysis (Analysis row with responseId set). */
export const answerAnalysisResultSchema = z.object({
  kind: z.literal("answer"),
  responseId: z.string(),
  questionId: z.string(),
  score: oneDecimalScore,
  criteria: z.array(criterionResultSchema),
  completeness: z.number().min(0).max(1),
  summary: z.string(),
  strengths: z.array(claimSchema),
  concerns: z.array(claimSchema),
  metrics: speakingMetricsSchema.nullable(),
  flags: z.array(flagSchema),
});
export type AnswerAnalysisResult = z.infer<typeof answerAnalysisResultSchema>;

export const competencyScoreSchema = z.object({
  competencyId: z.string(),
  competency: z.string(),
  weight: z.number(),
  score: oneDecimalScore,
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
});
export type CompetencyScore = z.infer<typeof competencyScoreSchema>;

/** The whole interview's analysis (Analysis row with responseId null). */
export const interviewAnalysisResultSchema = z.object({
  kind: z.literal("interview"),
  scores: z.array(competencyScoreSchema),
  overallScore: oneDecimalScore,
  recommendation: recommendationSchema,
  summary: z.string(),
  strengths: z.array(claimSchema),
  concerns: z.array(claimSchema),
  flags: z.array(flagSchema),
  /** Mean criterion coverage of the recorded answers (0..1): breaks ties between equal overall scores. Absent in analyses stored before it existed. */
  coverage: z.number().min(0).max(1).optional(),
});
export type InterviewAnalysisResult = z.infer<typeof interviewAnalysisResultSchema>;

/** Which engine made an analysis; stored in Analysis.engine and shown beside it. */
export const ANALYSIS_ENGINES = {
  "groq-llm": { label: "Groq Llama 3.3 70B" },
  offline: { label: "Offline analyzer (deterministic)" },
} as const;
export type AnalysisEngine = keyof typeof ANALYSIS_ENGINES;
