import { z } from "zod";

/**
 * A stored transcript's shape (Transcript.segments). Times are seconds from the start of the
 * answer's audio. Every engine produces this; the UI, captions, search and analysis read it.
 */
export const transcriptWordSchema = z.object({
  word: z.string(),
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
});

export const transcriptSegmentSchema = z.object({
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  text: z.string(),
  words: z.array(transcriptWordSchema).optional(),
});

export const transcriptSegmentsSchema = z.array(transcriptSegmentSchema);

export type TranscriptWord = z.infer<typeof transcriptWordSchema>;
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;

/**
 * Which engine made a transcript; stored in Transcript.engine and shown beside it. A rough
 * engine's transcript carries `caution`, said plainly wherever the transcript is shown.
 */
export const TRANSCRIPTION_ENGINES = {
  "groq-whisper": { label: "Groq Whisper", rough: false, caution: null },
  pocketsphinx: {
    label: "PocketSphinx (offline)",
    rough: true,
    caution: "Transcribed offline by PocketSphinx: expect mistakes; check the recording before quoting it.",
  },
} as const;

export function isTranscriptionEngine(value: string): value is TranscriptionEngine {
  return Object.hasOwn(TRANSCRIPTION_ENGINES, value);
}

export type TranscriptionEngine = keyof typeof TRANSCRIPTION_ENGINES;

export type TranscriptionResult = {
  engine: TranscriptionEngine;
  model: string;
  language: string | null;
  text: string;
  segments: TranscriptSegment[];
};
