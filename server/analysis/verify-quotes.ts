import type { TranscriptSegment } from "../transcription/transcript.schema";
import type { Evidence, Flag } from "./analysis.schema";
import { normalizeWord, tokenize } from "./text";

/** One answer as the analysis reads it: a transcript's segments, or a written answer. */
export type AnswerText = {
  responseId: string;
  /** Null for a written answer, which has no times. */
  segments: TranscriptSegment[] | null;
  /** The written answer; for a recording, the transcript's text (used only when it has no segments). */
  text: string;
};

type TimedToken = { norm: string; charStart: number; charEnd: number; start: number | null; end: number | null };

export type AnswerIndex = { responseId: string; display: string; tokens: TimedToken[] };

function segmentTokens(segment: TranscriptSegment, text: string, offset: number): TimedToken[] {
  const tokens = tokenize(text);
  const words = (segment.words ?? []).filter((w) => normalizeWord(w.word));
  // Word timings are used one to one when they are the same words; otherwise each word gets an even
  // share of the segment, which is as precise as the segment's own times.
  const aligned = words.length === tokens.length && words.every((w, i) => normalizeWord(w.word) === tokens[i]!.norm);
  const span = Math.max(0, segment.end - segment.start);
  return tokens.map((t, i) => ({
    norm: t.norm,
    charStart: offset + t.start,
    charEnd: offset + t.end,
    start: aligned ? words[i]!.start : segment.start + (span * i) / tokens.length,
    end: aligned ? words[i]!.end : segment.start + (span * (i + 1)) / tokens.length,
  }));
}

/** The answer's words with where each sits in the displayed text and, for a recording, when it was said. */
export function indexAnswer(answer: AnswerText): AnswerIndex {
  if (!answer.segments || answer.segments.length === 0) {
    const timed = answer.segments !== null;
    return {
      responseId: answer.responseId,
      display: answer.text,
      tokens: tokenize(answer.text).map((t) => ({ norm: t.norm, charStart: t.start, charEnd: t.end, start: timed ? 0 : null, end: timed ? 0 : null })),
    };
  }
  let display = "";
  const tokens: TimedToken[] = [];
  for (const segment of answer.segments) {
    const text = segment.text.trim();
    if (!text) continue;
    if (display) display += " ";
    tokens.push(...segmentTokens(segment, text, display.length));
    display += text;
  }
  return { responseId: answer.responseId, display, tokens };
}

/**
 * Where a quote is said in the answer: the quote as the transcript spells it, with its times, or
 * null when the quote is not a verbatim span (ignoring case, whitespace and punctuation).
 */
export function locateQuote(index: AnswerIndex, quote: string): Evidence | null {
  const needle = tokenize(quote).map((t) => t.norm);
  if (needle.length === 0 || needle.length > index.tokens.length) return null;
  outer: for (let i = 0; i + needle.length <= index.tokens.length; i++) {
    for (let j = 0; j < needle.length; j++) if (index.tokens[i + j]!.norm !== needle[j]) continue outer;
    const first = index.tokens[i]!;
    const last = index.tokens[i + needle.length - 1]!;
    return {
      quote: index.display.slice(first.charStart, last.charEnd),
      responseId: index.responseId,
      startMs: first.start === null ? null : Math.round(first.start * 1000),
      endMs: last.end === null ? null : Math.round(last.end * 1000),
    };
  }
  return null;
}

/**
 * Keeps the quotes the candidate really said, as evidence, and drops the rest with an
 * `unverified_quote` flag: a claim is only as good as the words it cites.
 */
export function verifyQuotes(index: AnswerIndex, quotes: string[]): { evidence: Evidence[]; flags: Flag[] } {
  const evidence: Evidence[] = [];
  const flags: Flag[] = [];
  for (const quote of quotes) {
    const found = locateQuote(index, quote);
    if (found) {
      if (!evidence.some((e) => e.startMs === found.startMs && e.quote === found.quote)) evidence.push(found);
    } else if (quote.trim()) {
      flags.push({
        kind: "unverified_quote",
        detail: `The model cited words the candidate did not say; the quote was dropped: “${quote.trim()}”`,
        responseId: index.responseId,
        evidence: [],
      });
    }
  }
  return { evidence, flags };
}
