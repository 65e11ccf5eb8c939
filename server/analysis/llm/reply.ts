import { APICallError, NoObjectGeneratedError, NoOutputGeneratedError } from "ai";
import type { z } from "zod";
import { llmAnswerSchema, type LlmAnswer } from "./output.schema";

/** One reply read as the analysis, or why it cannot be used, in words for the review page. */
export type ReplyReading = { ok: true; answer: LlmAnswer } | { ok: false; problem: string };

const EXCERPT_CHARS = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "the reply"}: ${issue.message}`)
    .join("; ");
}

/**
 * Reads a reply's text as the analysis. Llama sometimes wraps the object in a markdown code fence
 * or a sentence; the object inside is what it answered, so it is read and held to the same schema.
 */
export function readReply(text: string): ReplyReading {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) {
    return { ok: false, problem: text.trim() ? `it replied with text instead of JSON: “${excerpt(text)}”` : "the reply was empty" };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    return { ok: false, problem: `the reply is not valid JSON: “${excerpt(text)}”` };
  }
  const parsed = llmAnswerSchema.safeParse(value);
  return parsed.success
    ? { ok: true, answer: parsed.data }
    : { ok: false, problem: `its JSON does not match the analysis schema (${describeIssues(parsed.error)})` };
}

/** What Groq's JSON mode generated and refused to return (HTTP 400 json_validate_failed), or null. */
function jsonModeRejection(error: unknown): string | null {
  if (!APICallError.isInstance(error) || error.statusCode !== 400 || !error.responseBody) return null;
  try {
    const body = JSON.parse(error.responseBody) as { error?: { code?: unknown; failed_generation?: unknown } };
    if (body.error?.code !== "json_validate_failed") return null;
    return typeof body.error.failed_generation === "string" ? body.error.failed_generation : "";
  } catch {
    return null;
  }
}

/**
 * The reading of a call that failed because of the reply itself: malformed or wrapped JSON, a reply
 * cut off at the token limit, a refusal in prose, or text Groq's JSON mode rejected. Such a call is
 * worth making again (or its wrapped JSON is used as it is). Null when the failure is not the
 * reply's (the network, the key, a rate limit): the caller reports those.
 */
export function readFailedReply(error: unknown): ReplyReading | null {
  if (NoObjectGeneratedError.isInstance(error)) {
    if (error.finishReason === "length") return { ok: false, problem: "the reply was cut off at the output token limit before its JSON was complete" };
    return readReply(error.text ?? "");
  }
  if (NoOutputGeneratedError.isInstance(error)) return { ok: false, problem: "the reply was empty" };
  const rejected = jsonModeRejection(error);
  if (rejected === null) return null;
  const reading = readReply(rejected);
  return reading.ok ? reading : { ok: false, problem: `Groq's JSON mode rejected the reply (json_validate_failed): ${reading.problem}` };
}
