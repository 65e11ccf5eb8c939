import type { ReadPassage } from "./read-answer";

/**
 * How specific an answer is, whatever it is about: what the speaker did (distinct verbs of action),
 * how much (numbers, amounts, dates, times, durations), a story told (verbs in the past tense), and
 * enough of it (words against what the question's time allows). Each part saturates at a level a
 * full, concrete spoken answer reaches; the levels are round numbers about spoken answers in general
 * (a two-minute answer is ~250 words at 2.5 words a second, a good one uses a third of it or more).
 */
const FULL_ACTIONS = 6;
const FULL_QUANTITIES = 3;
const FULL_PAST_VERBS = 4;
const WORDS_PER_SEC = 2.5;
const EXPECTED_SHARE_OF_LIMIT = 0.25;
const MIN_EXPECTED_WORDS = 40;
const MAX_EXPECTED_WORDS = 120;
const PARTS = { actions: 0.35, quantities: 0.25, story: 0.2, length: 0.2 };

export type Substance = { score: number; actions: number; quantities: number; pastVerbs: number; words: number; expectedWords: number };

export function expectedWords(timeLimitSec: number): number {
  return Math.min(MAX_EXPECTED_WORDS, Math.max(MIN_EXPECTED_WORDS, timeLimitSec * WORDS_PER_SEC * EXPECTED_SHARE_OF_LIMIT));
}

export function substance(passages: ReadPassage[], timeLimitSec: number): Substance {
  const actions = new Set(passages.flatMap((p) => [...p.actions])).size;
  const quantities = passages.reduce((n, p) => n + p.quantities, 0);
  const pastVerbs = passages.reduce((n, p) => n + p.pastVerbs, 0);
  const words = passages.reduce((n, p) => n + p.words, 0);
  const expected = expectedWords(timeLimitSec);
  const score =
    PARTS.actions * Math.min(1, actions / FULL_ACTIONS) +
    PARTS.quantities * Math.min(1, quantities / FULL_QUANTITIES) +
    PARTS.story * Math.min(1, pastVerbs / FULL_PAST_VERBS) +
    PARTS.length * Math.min(1, words / expected);
  return { score, actions, quantities, pastVerbs, words, expectedWords: expected };
}
