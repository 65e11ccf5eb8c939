import { z } from "zod";
import { transcriptText } from "./segments";
import type { TranscriptSegment, TranscriptWord } from "./transcript.schema";

const seconds = z.number().transform((n) => Math.max(0, n));

/**
 * What Groq's transcription endpoint answers with `response_format: "verbose_json"` and both
 * timestamp granularities (the OpenAI Whisper shape plus `x_groq`). groq-sdk types the answer as
 * `{ text }` only, so the rest is checked here rather than trusted.
 */
export const groqVerboseTranscriptionSchema = z.object({
  text: z.string(),
  language: z.string().nullish(),
  duration: z.number().optional(),
  segments: z
    .array(
      z.object({
        start: seconds,
        end: seconds,
        text: z.string(),
        avg_logprob: z.number().optional(),
        no_speech_prob: z.number().optional(),
      }),
    )
    .default([]),
  words: z.array(z.object({ word: z.string(), start: seconds, end: seconds })).default([]),
});

export type GroqVerboseTranscription = z.infer<typeof groqVerboseTranscriptionSchema>;

type GroqSegment = GroqVerboseTranscription["segments"][number];

// Whisper's own rule for a segment it made up over silence ("Thank you." on an empty answer):
// it thought there was probably no speech, and is unsure of the words.
function isHallucination(segment: GroqSegment): boolean {
  return (segment.no_speech_prob ?? 0) > 0.6 && (segment.avg_logprob ?? 0) < -1;
}

/** Segments with their own words (a word belongs to the segment its midpoint falls in). */
export function groqSegments(answer: GroqVerboseTranscription): TranscriptSegment[] {
  const kept = answer.segments.filter((s) => !isHallucination(s) && s.text.trim() !== "");
  return kept.map((s) => {
    const words: TranscriptWord[] = answer.words
      .filter((w) => {
        const mid = (w.start + w.end) / 2;
        return mid >= s.start && mid <= s.end;
      })
      .map((w) => ({ word: w.word.trim(), start: w.start, end: Math.max(w.start, w.end) }))
      .filter((w) => w.word !== "");
    const segment: TranscriptSegment = { start: s.start, end: Math.max(s.start, s.end), text: s.text.trim() };
    return words.length > 0 ? { ...segment, words } : segment;
  });
}

/** Parses Groq's answer; throws a ZodError when it is not the verbose_json shape. */
export function parseGroqTranscription(raw: unknown): { language: string | null; text: string; segments: TranscriptSegment[] } {
  const answer = groqVerboseTranscriptionSchema.parse(raw);
  const segments = groqSegments(answer);
  // Without segments (a proxy that drops them) the text is all there is; keep it as one line.
  if (answer.segments.length === 0 && answer.text.trim() !== "") {
    const words = answer.words.map((w) => ({ word: w.word.trim(), start: w.start, end: Math.max(w.start, w.end) }));
    const end = answer.duration ?? words[words.length - 1]?.end ?? 0;
    segments.push({ start: words[0]?.start ?? 0, end, text: answer.text.trim(), ...(words.length > 0 ? { words } : {}) });
  }
  return { language: answer.language ?? null, text: transcriptText(segments), segments };
}
