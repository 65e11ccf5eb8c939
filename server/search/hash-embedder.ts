import { STOP_WORDS, stem, words } from "./text";

export const HASH_DIMENSIONS = 384;

// What each kind of feature is worth before term frequency. Word stems carry the meaning; bigrams
// keep a little word order ("composite index" vs "index composite"); character trigrams let
// related forms the stemmer misses meet ("concurrency", "concurrently") and survive typos. Stop
// words stay, faintly. Tuned on the fixture: heavier trigrams or bigrams drown the shared words
// in hashing noise (two unrelated 384-dimensional hashed vectors have a cosine of about ±0.05).
const WORD = 1;
const STOP_WORD = 0.1;
const BIGRAM = 0.3;
// Each word's trigrams together weigh this much, whatever the word's length.
const TRIGRAMS_PER_WORD = 0.3;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Murmur3's finaliser: spreads FNV's bits so both the bucket and the sign look random.
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

type Feature = { count: number; weight: number };

function features(text: string): Map<string, Feature> {
  const out = new Map<string, Feature>();
  const add = (key: string, weight: number) => {
    const f = out.get(key);
    if (f) {
      f.count += 1;
      f.weight = Math.max(f.weight, weight);
    } else out.set(key, { count: 1, weight });
  };
  const raw = words(text);
  const stems = raw.map(stem);
  for (let i = 0; i < raw.length; i += 1) {
    const w = raw[i]!;
    const stop = STOP_WORDS.has(w);
    add(`w:${stems[i]}`, stop ? STOP_WORD : WORD);
    const next = raw[i + 1];
    if (next !== undefined && !(stop && STOP_WORDS.has(next))) add(`b:${stems[i]} ${stems[i + 1]}`, BIGRAM);
    if (!stop && w.length >= 3) {
      const padded = `#${w}#`;
      const n = padded.length - 2;
      for (let j = 0; j < n; j += 1) add(`c:${padded.slice(j, j + 3)}`, TRIGRAMS_PER_WORD / Math.sqrt(n));
    }
  }
  return out;
}

/**
 * A deterministic, explainable embedding: every feature (word stem, stem bigram, character trigram) is hashed
 * to one of `dimensions` buckets with a hashed sign (signed feature hashing), valued weight × (1 + ln tf),
 * and the vector is L2-normalised, so cosine similarity measures weighted lexical overlap. It needs
 * no model download; it does not know synonyms. Text without letters or digits gives the zero vector.
 */
export function hashEmbed(text: string, dimensions: number = HASH_DIMENSIONS): number[] {
  const v = new Float64Array(dimensions);
  for (const [key, f] of features(text)) {
    const h = mix(fnv1a(key));
    const sign = h & 0x80000000 ? -1 : 1;
    v[h % dimensions]! += sign * f.weight * (1 + Math.log(f.count));
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return Array.from(v, (x) => (norm > 0 ? x / norm : 0));
}
