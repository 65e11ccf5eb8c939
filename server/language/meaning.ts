import { VECTOR_DIMENSIONS, wordVectors } from "./word-vectors";

/**
 * How much a word tells about what a text means, from its frequency alone (smooth inverse frequency,
 * Arora et al. 2017: a / (a + p(w)) with a = 1e-4). p(w) is estimated from the word's rank in the
 * vectors' frequency-ordered vocabulary by Zipf's law, p(r) ≈ 1 / (r · H_N); a word outside the
 * vocabulary is rarer than all of it and weighs ~1. So "the" weighs ~0.001 and "apology" ~0.9.
 */
const SIF_A = 1e-4;

export function informativeness(word: string): number {
  const wv = wordVectors();
  const rank = wv.rank(word) ?? wv.sourceSize;
  const harmonic = Math.log(wv.sourceSize) + 0.5772;
  const p = 1 / (rank * harmonic);
  return SIF_A / (SIF_A + p);
}

/** A word's vector: the word as said, else its lemma. */
export function vectorOf(word: string, lemma?: string): Float32Array | undefined {
  const wv = wordVectors();
  return wv.vector(word) ?? (lemma ? wv.vector(lemma) : undefined) ?? (word.includes("-") ? meanOf(word.split("-")) : undefined);
}

function meanOf(parts: string[]): Float32Array | undefined {
  return textVector(parts.filter(Boolean));
}

/** The informativeness-weighted mean of the words' vectors, unit length; undefined when no word is known. */
export function textVector(words: string[]): Float32Array | undefined {
  const wv = wordVectors();
  const out = new Float32Array(VECTOR_DIMENSIONS);
  let any = false;
  for (const w of words) {
    const v = wv.vector(w);
    if (!v) continue;
    const weight = informativeness(w);
    for (let i = 0; i < VECTOR_DIMENSIONS; i++) out[i]! += weight * v[i]!;
    any = true;
  }
  if (!any) return undefined;
  const norm = Math.hypot(...out);
  if (norm === 0) return undefined;
  for (let i = 0; i < VECTOR_DIMENSIONS; i++) out[i]! /= norm;
  return out;
}
