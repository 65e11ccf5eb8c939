import { createReadStream } from "node:fs";
import Groq, { APIConnectionError, APIError, APIUserAbortError, toFile } from "groq-sdk";
import { ZodError } from "zod";
import { env } from "../config/env";
import { audioFileSize } from "./audio-file";
import { abortReason, TranscriptionError } from "./errors";
import { parseGroqTranscription } from "./groq-response";
import type { TranscriptionResult } from "./transcript.schema";

// groq-sdk retries 408, 409, 429 and 5xx itself, with exponential backoff that honours
// retry-after / retry-after-ms; three retries ride out a short rate limit or a blip.
export const GROQ_MAX_RETRIES = 3;
const GROQ_TIMEOUT_MS = 5 * 60_000;

const NOT_RETRIABLE: Record<number, string> = {
  400: "Groq refused the request",
  401: "Groq rejected the API key: check GROQ_API_KEY",
  403: "Groq refused access to the transcription model: check GROQ_API_KEY's project and GROQ_TRANSCRIPTION_MODEL",
  404: "Groq does not know this model or endpoint: check GROQ_TRANSCRIPTION_MODEL and GROQ_BASE_URL",
  413: "The audio is larger than Groq accepts",
  422: "Groq could not process the audio",
};

/** Which failures may pass if the step runs again later, in words an operator can act on. */
function classifyGroqError(error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof APIUserAbortError || signal?.aborted) return abortReason(signal);
  if (error instanceof ZodError) {
    return new TranscriptionError(`Groq answered in an unexpected shape: ${error.issues[0]?.message ?? error.message}`, false, "groq-whisper", {
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new TranscriptionError(`Groq could not be reached: ${error.message}`, true, "groq-whisper", { cause: error });
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const retriable = status === 408 || status === 409 || status === 429 || status >= 500;
    const what = retriable
      ? status === 429
        ? "Groq's rate limit was still exceeded after retrying"
        : "Groq failed after retrying"
      : (NOT_RETRIABLE[status] ?? "Groq refused the request");
    return new TranscriptionError(`${what} (HTTP ${status}): ${error.message}`, retriable, "groq-whisper", { cause: error });
  }
  return error;
}

/**
 * groq-sdk checks the signal only between attempts, so an abort during a retry-after wait would
 * wait it out; this settles at once, and the SDK's own rejection that follows is swallowed.
 */
function settleOnAbort<T>(request: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return request;
  request.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    request.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Groq's hosted Whisper: accurate, with segment and word timings. Needs GROQ_API_KEY. */
export async function transcribeWithGroq(audioPath: string, opts: { signal?: AbortSignal } = {}): Promise<TranscriptionResult> {
  const e = env();
  if (!e.GROQ_API_KEY) throw new TranscriptionError("GROQ_API_KEY is not set.", false, "groq-whisper");
  await audioFileSize(audioPath, "groq-whisper");
  const client = new Groq({ apiKey: e.GROQ_API_KEY, baseURL: e.GROQ_BASE_URL ?? null, maxRetries: GROQ_MAX_RETRIES, timeout: GROQ_TIMEOUT_MS });
  try {
    const request = client.audio.transcriptions.create(
      {
        // Named and typed as WAV whatever the stored key looks like: Groq goes by the file name.
        file: await toFile(createReadStream(audioPath), "answer.wav", { type: "audio/wav" }),
        model: e.GROQ_TRANSCRIPTION_MODEL,
        response_format: "verbose_json",
        timestamp_granularities: ["segment", "word"],
        temperature: 0,
      },
      { signal: opts.signal },
    );
    const parsed = parseGroqTranscription(await settleOnAbort(request, opts.signal));
    return { engine: "groq-whisper", model: e.GROQ_TRANSCRIPTION_MODEL, ...parsed };
  } catch (error) {
    throw classifyGroqError(error, opts.signal);
  }
}
