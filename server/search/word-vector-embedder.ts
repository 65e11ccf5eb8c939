import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { textVector } from "../language/meaning";
import { VECTOR_DIMENSIONS } from "../language/word-vectors";
import { hashEmbed } from "./hash-embedder";
import { words } from "./text";

export const OFFLINE_DIMENSIONS = 384;
export const OFFLINE_MODEL_NAME = "aivi-glove-sif-384-v1";
export const OFFLINE_MODEL_LABEL = "Offline word-vector embedder (GloVe 100-d, frequency-weighted, with hashed words; 384 dimensions)";

/**
 * The share of the cosine that meaning carries: the vector is [MEANING · semantic(100), LEXICAL ·
 * hashed words(284)] with MEANING² + LEXICAL² = 1, so cosine(a, b) = MEANING² · cos_meaning +
 * LEXICAL² · cos_words. Meaning lets "she was upset about the late delivery" find "the customer
 * complained that the order came late"; the hashed words keep names, codes and words the vectors
 * do not know (product names, "pgvector") findable, and tell apart two texts on one topic.
 */
const MEANING = Math.sqrt(0.7);
const LEXICAL = Math.sqrt(0.3);

/**
 * A deterministic embedding with no service: the informativeness-weighted mean of the text's word
 * vectors (server/language), then signed feature hashing of its words into the remaining
 * dimensions. Text with no known word has only the hashed part; text without letters or digits
 * gives the zero vector.
 */
export function offlineEmbed(text: string): number[] {
  const semantic = textVector(words(text));
  const lexical = hashEmbed(text, OFFLINE_DIMENSIONS - VECTOR_DIMENSIONS);
  const hasLexical = lexical.some((x) => x !== 0);
  const a = semantic ? (hasLexical ? MEANING : 1) : 0;
  const b = hasLexical ? (semantic ? LEXICAL : 1) : 0;
  const out = new Array<number>(OFFLINE_DIMENSIONS);
  for (let i = 0; i < VECTOR_DIMENSIONS; i++) out[i] = semantic ? a * semantic[i]! : 0;
  for (let i = 0; i < lexical.length; i++) out[VECTOR_DIMENSIONS + i] = b * lexical[i]!;
  return out;
}

/** The offline embedder behind the ai SDK's embedding model interface, so `embedMany` drives it like any provider. */
export function offlineEmbeddingModel(): EmbeddingModelV4 {
  return {
    specificationVersion: "v4",
    provider: "aivi.offline",
    modelId: OFFLINE_MODEL_NAME,
    maxEmbeddingsPerCall: 2048,
    supportsParallelCalls: false,
    async doEmbed({ values, dimensions }) {
      if (dimensions !== undefined && dimensions !== OFFLINE_DIMENSIONS) {
        throw new Error(`${OFFLINE_MODEL_NAME} makes ${OFFLINE_DIMENSIONS}-dimensional embeddings, not ${dimensions}.`);
      }
      return { embeddings: values.map(offlineEmbed), warnings: [] };
    },
  };
}
