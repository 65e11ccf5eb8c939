import { indexAnswer, locateQuote, type AnswerText } from "../analysis/verify-quotes";

// Straight or curly double quotes around at least two words' worth of text.
const QUOTED = /["“]([^"“”\n]{4,}?)["”]/g;

/** The passages a text presents as the candidate's own words: whatever it puts in double quotes. */
export function quotesIn(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter(Boolean);
}

/**
 * The quotes of a text that are not verbatim spans of any of the candidate's answers (ignoring
 * case, whitespace and punctuation, as the analysis' own quote check does): feedback must never
 * put words in a candidate's mouth.
 */
export function unsaidQuotes(text: string, answers: AnswerText[]): string[] {
  const indexes = answers.map(indexAnswer);
  return quotesIn(text).filter((quote) => !indexes.some((index) => locateQuote(index, quote) !== null));
}
