import { NEAR_CREDIT, wordMatch } from "../analysis/offline/coverage";
import { contentWords, type ContentWord } from "../analysis/offline/read-answer";
import { stem } from "../analysis/text";
import { vectorOf } from "../language/meaning";
import { readTokens } from "../language/nlp";

/**
 * Whether a text says at least one of the query's words, or a word close to one: the same word,
 * lemma or stem, or a word whose vector is as similar as only 1 pair of random common words in 1000
 * (the `same` level of similarityScale, measured on the word vectors, never on answers or queries).
 *
 * The meaning ranking needs this because an embedding is an average: every passage has some cosine
 * to every query, and the cosine of unrelated texts spreads too wide (random 2-5 word queries against
 * answer passages: p95 0.17, p99 0.23 under aivi-glove-sif-384-v1) for any floor on it to leave out
 * nonsense without also leaving out real paraphrases (0.17 and below). A paraphrase keeps words near
 * the ones it replaces ("bloodstream infection" and "sepsis"); nonsense has none.
 */
export function queryWords(query: string): ContentWord[] {
  return contentWords(readTokens(query));
}

/**
 * The text's words, read without the language model: the check runs on every candidate answer of
 * every search, where tagging 30 answers would cost ~100 ms. A stem match covers inflections, and a
 * word that only looks related is still judged by its vector. Negation is not read: an answer that
 * says "I did not apologise" is about apologising, which is what search is asked.
 */
function plainWords(text: string): ContentWord[] {
  const words = new Set(text.toLowerCase().match(/\p{L}[\p{L}'-]*\p{L}/gu) ?? []);
  return [...words].map((word) => ({ word, lemma: word, stem: stem(word), vector: vectorOf(word), weight: 1, negated: false, literal: false }));
}

export function sharesAWord(query: readonly ContentWord[], text: string): boolean {
  if (query.length === 0) return false;
  const words = plainWords(text);
  return query.some((q) => words.some((w) => wordMatch(q, w) >= NEAR_CREDIT));
}
