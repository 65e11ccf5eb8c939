import type { TranscriptSegment } from "../transcription/transcript.schema";

export type Passage = { ordinal: number; content: string; startMs: number | null; endMs: number | null };

// Small enough that a hit points at one moment of an answer, large enough to carry a thought.
export const MAX_PASSAGE_WORDS = 60;
export const MAX_PASSAGE_SENTENCES = 3;

type Sentence = { text: string; words: number; start: number | null; end: number | null };

const SENTENCE_END = /(?<=[.!?…])\s+/u;

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

// A "sentence" longer than a passage (offline transcripts have no punctuation at all) is cut into
// equal runs of words, each timed by its share of the words.
function splitLong(s: Sentence): Sentence[] {
  if (s.words <= MAX_PASSAGE_WORDS) return [s];
  const ws = s.text.split(/\s+/).filter(Boolean);
  const parts = Math.ceil(ws.length / MAX_PASSAGE_WORDS);
  const size = Math.ceil(ws.length / parts);
  const out: Sentence[] = [];
  for (let i = 0; i < ws.length; i += size) {
    const slice = ws.slice(i, i + size);
    const at = (k: number) => (s.start === null || s.end === null ? null : s.start + ((s.end - s.start) * k) / ws.length);
    out.push({ text: slice.join(" "), words: slice.length, start: at(i), end: at(i + slice.length) });
  }
  return out;
}

/** A segment's sentences, timed from its words when it has them, else by their share of its words. */
function segmentSentences(seg: TranscriptSegment): Sentence[] {
  const texts = seg.text
    .trim()
    .split(SENTENCE_END)
    .map((t) => t.trim())
    .filter(Boolean);
  const total = texts.reduce((n, t) => n + countWords(t), 0);
  const out: Sentence[] = [];
  let before = 0;
  for (const text of texts) {
    const n = countWords(text);
    const timedWords = seg.words && seg.words.length === total ? seg.words.slice(before, before + n) : null;
    const start = timedWords?.[0]?.start ?? seg.start + ((seg.end - seg.start) * before) / Math.max(total, 1);
    const end = timedWords?.[timedWords.length - 1]?.end ?? seg.start + ((seg.end - seg.start) * (before + n)) / Math.max(total, 1);
    out.push(...splitLong({ text, words: n, start, end }));
    before += n;
  }
  return out;
}

function group(sentences: Sentence[]): Passage[] {
  const out: Passage[] = [];
  let current: Sentence[] = [];
  let words = 0;
  const flush = () => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    out.push({
      ordinal: out.length,
      content: current.map((s) => s.text).join(" "),
      startMs: first.start === null ? null : Math.round(first.start * 1000),
      endMs: last.end === null ? null : Math.round(last.end * 1000),
    });
    current = [];
    words = 0;
  };
  for (const s of sentences) {
    if (current.length >= MAX_PASSAGE_SENTENCES || words + s.words > MAX_PASSAGE_WORDS) flush();
    current.push(s);
    words += s.words;
  }
  flush();
  return out;
}

/** A transcript cut into passages of 1-3 sentences and at most 60 words, with where each starts and ends (ms). */
export function transcriptPassages(segments: readonly TranscriptSegment[]): Passage[] {
  return group(segments.flatMap(segmentSentences));
}

/** Written text (a text answer, a job description) cut into passages the same way, without times. */
export function textPassages(text: string): Passage[] {
  const sentences = text
    .split(/\n\s*\n|(?<=[.!?…])\s+/u)
    .map((t) => t.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .flatMap((t) => splitLong({ text: t, words: countWords(t), start: null, end: null }));
  return group(sentences);
}
