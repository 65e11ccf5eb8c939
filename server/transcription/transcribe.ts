import { env } from "../config/env";
import { transcribeWithGroq } from "./groq";
import { transcribeWithPocketsphinx } from "./pocketsphinx";
import type { TranscriptionEngine, TranscriptionResult } from "./transcript.schema";

export { TranscriptionError } from "./errors";

/** Groq Whisper when GROQ_API_KEY is set, else PocketSphinx on this machine. */
export function configuredTranscriptionEngine(): TranscriptionEngine {
  return env().GROQ_API_KEY ? "groq-whisper" : "pocketsphinx";
}

/**
 * Speech to text for one answer's audio: a 16 kHz mono PCM WAV, as the media step extracts it.
 * Rejects with TranscriptionError (see `retriable`), or with the signal's reason when aborted.
 */
export async function transcribeAudio(audioPath: string, opts: { signal?: AbortSignal } = {}): Promise<TranscriptionResult> {
  return configuredTranscriptionEngine() === "groq-whisper" ? transcribeWithGroq(audioPath, opts) : transcribeWithPocketsphinx(audioPath, opts);
}
