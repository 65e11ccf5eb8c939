import { NEAR_CREDIT, wordMatch } from "../analysis/offline/coverage";
import { criterionWords, readPassage, type ContentWord } from "../analysis/offline/read-answer";

/**
 * Whether a passage says at least one of the query's words, or a word close to one: the same word,
 * lemma or stem, or a word whose vector is as similar as only 1 pair of random common words in 1000
 * (the `same` level of similarityScale, measured on the word vectors, never on answers or queries).
 *
 * The meaning ranking needs this because a passage's embedding is an average: every passage has
 * some cosine to every query, and the cosine of unrelated texts spreads too wide (random 2-5 word
 * queries against answer passages: p95 0.17, p99 0.23 under aivi-glove-sif-384-v1) for any floor on
 * it to leave out nonsense without also leaving out real paraphrases (0.17 and below). A paraphrase
 * keeps words near the ones it replaces ("bloodstream infection" and "sepsis"); nonsense has none.
 */
export function queryWords(query: string): ContentWord[] {
  return criterionWords(query);
}

export function sharesAWord(query: readonly ContentWord[], passage: string): boolean {
  const words = readPassage(passage).content;
  return query.some((q) => words.some((w) => wordMatch(q, w) >= NEAR_CREDIT));
}
