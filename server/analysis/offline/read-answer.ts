import { informativeness, vectorOf } from "../../language/meaning";
import { readText, type NlpToken } from "../../language/nlp";
import { stem } from "../text";

/**
 * An answer's passages as the offline analyzer reads them: the words that carry meaning (with
 * their vectors and informativeness) and the marks of a specific answer: actions (verbs), quantities
 * and times (numbers, dates, durations, amounts), and a told story (verbs in the past tense).
 */
export type ContentWord = {
  word: string;
  lemma: string;
  stem: string;
  vector: Float32Array | undefined;
  weight: number;
  negated: boolean;
  /**
   * A name, an acronym or a command ("EXPLAIN", "HACCP", "SQL"): word vectors know such a word's
   * everyday sense, not the one meant, so it matches only itself.
   */
  literal: boolean;
};

export type ReadPassage = {
  text: string;
  words: number;
  content: ContentWord[];
  /** Distinct verbs of action (not be/have/do and other verbs that only carry grammar or opinion). */
  actions: Set<string>;
  /** Numbers, amounts, dates, times and durations: each entity once. */
  quantities: number;
  /** Verbs in the past tense: the answer tells what happened. */
  pastVerbs: number;
  sentences: number;
};

const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);
/** Verbs that carry grammar, hedging or opinion rather than something the speaker did. */
const LIGHT_VERBS = new Set([
  "be",
  "have",
  "do",
  "get",
  "go",
  "think",
  "know",
  "guess",
  "mean",
  "like",
  "want",
  "need",
  "seem",
  "feel",
  "say",
  "believe",
  "suppose",
  "hope",
  "try",
  "let",
  "would",
  "could",
  "should",
  "can",
  "will",
  "may",
  "might",
  "must",
]);
const QUANTITY_ENTITIES = new Set(["CARDINAL", "PERCENT", "MONEY", "DURATION", "DATE", "TIME", "ORDINAL"]);

function isPast(t: NlpToken): boolean {
  return t.pos === "VERB" && t.word !== t.lemma && !t.word.endsWith("ing") && t.word !== `${t.lemma}s` && t.word !== `${t.lemma}es`;
}

export function contentWords(tokens: NlpToken[]): ContentWord[] {
  return tokens
    .filter((t) => !t.stop && CONTENT_POS.has(t.pos) && /\p{L}/u.test(t.word) && t.word.length > 1)
    .map((t) => ({
      word: t.word,
      lemma: t.lemma,
      stem: stem(t.lemma),
      vector: vectorOf(t.word, t.lemma),
      weight: informativeness(t.word),
      // Only a negated verb says the thing did not happen ("I did not apologise"); "no errors after that" is an outcome.
      negated: t.negated && t.pos === "VERB",
      literal: /^\p{Lu}[\p{Lu}\d]+$/u.test(t.raw) || /[\d_]/.test(t.raw),
    }));
}

export function readPassage(text: string): ReadPassage {
  const sentences = readText(text);
  const tokens = sentences.flatMap((s) => s.tokens);
  let quantities = 0;
  let previousEntity: string | null = null;
  for (const t of tokens) {
    const quantity = (t.entity !== null && QUANTITY_ENTITIES.has(t.entity)) || t.pos === "NUM";
    if (quantity && (t.entity === null || t.entity !== previousEntity)) quantities++;
    previousEntity = quantity ? t.entity : null;
  }
  return {
    text,
    words: tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.word)).length,
    content: contentWords(tokens),
    actions: new Set(tokens.filter((t) => t.pos === "VERB" && !t.negated && !LIGHT_VERBS.has(t.lemma)).map((t) => t.lemma)),
    quantities,
    pastVerbs: tokens.filter(isPast).length,
    sentences: sentences.length,
  };
}

/** A criterion's words that carry meaning; a criterion of function words only is read as its words. */
export function criterionWords(criterion: string): ContentWord[] {
  const tokens = readText(criterion).flatMap((s) => s.tokens);
  const content = contentWords(tokens);
  return content.length > 0 ? content : contentWords(tokens.map((t) => ({ ...t, stop: false, pos: "NOUN" })));
}
