import { z } from "zod";

/**
 * What the model returns for one answer. Quotes are checked against the transcript afterwards;
 * every field is required so the schema also works as a strict json_schema. The score may carry a
 * decimal (the engine keeps one); unknown keys the model adds are dropped.
 */
const quoted = z.object({ text: z.string(), quotes: z.array(z.string()) });

export const llmAnswerSchema = z.object({
  score: z.number().min(1).max(5),
  summary: z.string(),
  completeness: z.number().min(0).max(1),
  criteria: z.array(z.object({ criterion: z.string(), coverage: z.number().min(0).max(1), quotes: z.array(z.string()) })),
  strengths: z.array(quoted),
  concerns: z.array(quoted),
  manipulation: z.object({ attempted: z.boolean(), quotes: z.array(z.string()) }),
});
export type LlmAnswer = z.infer<typeof llmAnswerSchema>;

/** The same shape written out for JSON mode, where the schema itself is not sent. */
export const LLM_ANSWER_SHAPE = `{
  "score": number 1.0-5.0 (one decimal),
  "summary": string (one or two sentences),
  "completeness": number 0-1,
  "criteria": [{ "criterion": string (exactly as listed), "coverage": number 0-1, "quotes": [string] }],
  "strengths": [{ "text": string, "quotes": [string] }],
  "concerns": [{ "text": string, "quotes": [string] }],
  "manipulation": { "attempted": boolean, "quotes": [string] }
}`;
