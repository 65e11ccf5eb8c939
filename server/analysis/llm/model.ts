import { createGroq } from "@ai-sdk/groq";
import type { LanguageModel } from "ai";
import { env } from "../../config/env";

/**
 * Groq models that accept `response_format: json_schema` (Groq's structured outputs), and those of
 * them that enforce it strictly. Any other model (llama-3.3-70b-versatile among them) is asked for
 * JSON mode (`json_object`) instead, with the shape spelled out in the prompt and checked by zod.
 */
export const JSON_SCHEMA_MODELS: readonly string[] = [
  "openai/gpt-oss-20b",
  "openai/gpt-oss-120b",
  "openai/gpt-oss-safeguard-20b",
  "moonshotai/kimi-k2-instruct-0905",
  "meta-llama/llama-4-maverick-17b-128e-instruct",
  "meta-llama/llama-4-scout-17b-16e-instruct",
];
export const STRICT_JSON_SCHEMA_MODELS: readonly string[] = ["openai/gpt-oss-20b", "openai/gpt-oss-120b", "openai/gpt-oss-safeguard-20b"];

export type StructuredOutputMode = "json_schema" | "json_object";

export function structuredOutputMode(modelId: string): StructuredOutputMode {
  return JSON_SCHEMA_MODELS.includes(modelId) ? "json_schema" : "json_object";
}

/** The @ai-sdk/groq provider options that select the output mode for this model. */
export function groqOutputOptions(modelId: string): { structuredOutputs: boolean; strictJsonSchema: boolean } {
  const schema = structuredOutputMode(modelId) === "json_schema";
  return { structuredOutputs: schema, strictJsonSchema: schema && STRICT_JSON_SCHEMA_MODELS.includes(modelId) };
}

/**
 * GROQ_BASE_URL is Groq's root (https://api.groq.com), as groq-sdk takes it for transcription;
 * @ai-sdk/groq wants the OpenAI-compatible path under it.
 */
export function groqOpenAiBaseUrl(baseUrl: string | undefined): string | undefined {
  if (!baseUrl) return undefined;
  const root = baseUrl.replace(/\/+$/, "");
  return root.endsWith("/openai/v1") ? root : `${root}/openai/v1`;
}

/** The configured Groq analysis model (GROQ_API_KEY, GROQ_BASE_URL, GROQ_ANALYSIS_MODEL). */
export function groqAnalysisModel(): { model: LanguageModel; modelId: string } {
  const e = env();
  if (!e.GROQ_API_KEY) throw new Error("GROQ_API_KEY is not set: the Groq analysis engine needs it.");
  const groq = createGroq({ apiKey: e.GROQ_API_KEY, baseURL: groqOpenAiBaseUrl(e.GROQ_BASE_URL) });
  return { model: groq(e.GROQ_ANALYSIS_MODEL), modelId: e.GROQ_ANALYSIS_MODEL };
}
