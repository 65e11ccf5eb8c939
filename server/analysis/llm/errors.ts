import { APICallError, RetryError } from "ai";

/** The model answered every attempt, but never with a usable analysis. */
export class InvalidModelOutputError extends Error {
  constructor(
    readonly modelId: string,
    readonly attempts: number,
    reason: string,
  ) {
    super(`The analysis model ${modelId} gave no usable analysis in ${attempts} attempts; the last time ${reason}.`);
    this.name = "InvalidModelOutputError";
  }
}

/** The model could not be called: Groq (or the network) refused, after the SDK's own retries where they apply. */
export class ModelCallError extends Error {
  constructor(
    readonly modelId: string,
    readonly status: number | null,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "ModelCallError";
  }
}

const REFUSED: Record<number, string> = {
  400: "Groq refused the request",
  401: "Groq rejected the API key: check GROQ_API_KEY",
  403: "Groq refused access to the model: check GROQ_API_KEY's project and GROQ_ANALYSIS_MODEL",
  404: "Groq does not know this model or address: check GROQ_ANALYSIS_MODEL and GROQ_BASE_URL",
  413: "The prompt is larger than Groq accepts",
};

/**
 * A failed call in words an operator can act on. The ai SDK has already retried what may pass
 * (429 after its retry-after, 5xx, a dropped connection); what reaches here is final for this run.
 */
export function describeCallError(error: unknown, modelId: string): unknown {
  const retried = RetryError.isInstance(error);
  const last = retried ? error.lastError : error;
  if (!APICallError.isInstance(last)) return error;
  const status = last.statusCode ?? null;
  const what =
    status === null
      ? "Groq could not be reached"
      : (REFUSED[status] ?? (status === 429 ? "Groq's rate limit was still exceeded" : status >= 500 ? "Groq failed" : "Groq refused the request"));
  const attempts = retried ? ` after ${error.errors.length} attempts` : "";
  const detail = status === null ? last.message : `HTTP ${status}: ${last.message}`;
  return new ModelCallError(modelId, status, `The analysis model ${modelId} could not be called: ${what}${attempts} (${detail}).`, { cause: error });
}
