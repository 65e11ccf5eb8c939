import type { TranscriptSegment } from "../transcription/transcript.schema";
import type { SpeakingMetrics } from "./analysis.schema";
import { normalizeWord, tokenize } from "./text";

/** A silence at least this long between words (or segments, without word times) counts as a pause. */
export const PAUSE_SEC = 1.5;

const SINGLE_FILLERS = new Set(["um", "umm", "uh", "uhh", "er", "erm", "ah", "hmm", "mm", "eh"]);
/** After these, "you know" / "I mean" are real verbs ("you know what it does", "I mean that"). */
const VERB_OBJECTS = new Set(["that", "what", "how", "why", "where", "when", "who", "it", "the", "a", "an", "him", "her", "them", "to", "this", "about", "if"]);
/** "like" after these is a verb or a comparison ("would like", "looks like"), not a filler. */
const LIKE_NOT_FILLER_BEFORE = new Set([
  "would",
  "i",
  "we",
  "they",
  "you",
  "looks",
  "look",
  "looked",
  "feel",
  "feels",
  "felt",
  "seems",
  "seem",
  "sounds",
  "something",
  "just",
  "dont",
  "didnt",
  "do",
  "did",
  "more",
  "much",
  "things",
  "stuff",
  "exactly",
]);

type Word = { norm: string; raw: string; start: number; end: number };

function timedWords(segments: TranscriptSegment[]): Word[] {
  const out: Word[] = [];
  for (const s of segments) {
    const withTimes = (s.words ?? []).filter((w) => normalizeWord(w.word));
    if (withTimes.length > 0) {
      for (const w of withTimes) out.push({ norm: normalizeWord(w.word), raw: w.word, start: w.start, end: w.end });
      continue;
    }
    const tokens = tokenize(s.text);
    const span = Math.max(0, s.end - s.start);
    tokens.forEach((t, i) =>
      out.push({
        norm: t.norm,
        raw: s.text.slice(t.start, t.end + 1),
        start: s.start + (span * i) / tokens.length,
        end: s.start + (span * (i + 1)) / tokens.length,
      }),
    );
  }
  return out;
}

/**
 * Counts filler words. "like", "you know" and "I mean" are fillers only where they do no work in the
 * sentence: set off by a comma, starting a phrase, or not followed by their object.
 */
export function countFillers(ws: { norm: string; raw: string }[]): number {
  let count = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!.norm;
    const prev = ws[i - 1];
    const next = ws[i + 1];
    if (SINGLE_FILLERS.has(w)) count++;
    else if (w === "like") {
      const setOff = /,$/.test(ws[i]!.raw) || (prev !== undefined && /[,.!?]$/.test(prev.raw));
      const afterFiller = prev !== undefined && SINGLE_FILLERS.has(prev.norm);
      const repeated = next?.norm === "like";
      const doesWork = prev !== undefined && LIKE_NOT_FILLER_BEFORE.has(prev.norm);
      if ((setOff || afterFiller || repeated) && !doesWork) count++;
    } else if ((w === "you" && next?.norm === "know") || (w === "i" && next?.norm === "mean")) {
      const after = ws[i + 2];
      if (!after || /,$/.test(next.raw) || !VERB_OBJECTS.has(after.norm)) {
        count++;
        i++;
      }
    }
  }
  return count;
}

/**
 * How the candidate spoke, from the transcript's times: pace over the time they were speaking
 * (first word to last), silences of PAUSE_SEC or more (longestPauseSec is the longest silence of
 * any length), and filler words. fillerRate is fillers per word (0..1).
 */
export function speakingMetrics(segments: TranscriptSegment[]): SpeakingMetrics {
  const ws = timedWords(segments);
  if (ws.length === 0) return { wordCount: 0, durationSec: 0, wordsPerMinute: 0, pauseCount: 0, longestPauseSec: 0, fillerWords: 0, fillerRate: 0 };
  const hasWordTimes = segments.some((s) => (s.words ?? []).length > 0);
  const gaps: number[] = [];
  if (hasWordTimes) {
    for (let i = 1; i < ws.length; i++) gaps.push(ws[i]!.start - ws[i - 1]!.end);
  } else {
    const spoken = segments.filter((s) => s.text.trim());
    for (let i = 1; i < spoken.length; i++) gaps.push(spoken[i]!.start - spoken[i - 1]!.end);
  }
  const pauses = gaps.filter((g) => g >= PAUSE_SEC);
  const durationSec = Math.max(0, ws[ws.length - 1]!.end - ws[0]!.start);
  const fillerWords = countFillers(ws);
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  return {
    wordCount: ws.length,
    durationSec: round(durationSec, 2),
    wordsPerMinute: durationSec > 0 ? round((ws.length / durationSec) * 60, 1) : 0,
    pauseCount: pauses.length,
    longestPauseSec: round(Math.max(0, ...gaps), 2),
    fillerWords,
    fillerRate: round(fillerWords / ws.length, 4),
  };
}
