import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { embedMany } from "ai";
import { env } from "../config/env";
import { OFFLINE_DIMENSIONS, OFFLINE_MODEL_LABEL, OFFLINE_MODEL_NAME, offlineEmbeddingModel } from "./word-vector-embedder";

/** The size of EmbeddingChunk.embedding (vector(384) in the pgvector migration). */
export const EMBEDDING_DIMENSIONS = OFFLINE_DIMENSIONS;

export type Embedder = { model: EmbeddingModelV4; modelName: string; label: string; dimensions: typeof EMBEDDING_DIMENSIONS };

let cached: { key: string; embedder: Embedder } | undefined;

/**
 * The configured embedding model: an OpenAI-compatible endpoint when EMBEDDINGS_BASE_URL and
 * EMBEDDINGS_MODEL are set (asked for 384 dimensions), the offline word-vector embedder otherwise.
 * `modelName` is stored on every chunk, so vectors of different models are never compared.
 */
export function getEmbedder(): Embedder {
  const e = env();
  const key = `${e.EMBEDDINGS_BASE_URL ?? ""}|${e.EMBEDDINGS_MODEL ?? ""}|${e.EMBEDDINGS_API_KEY ?? ""}`;
  if (cached?.key === key) return cached.embedder;
  let embedder: Embedder;
  if (e.EMBEDDINGS_BASE_URL && e.EMBEDDINGS_MODEL) {
    const provider = createOpenAICompatible({ name: "embeddings", baseURL: e.EMBEDDINGS_BASE_URL, apiKey: e.EMBEDDINGS_API_KEY });
    embedder = {
      model: provider.embeddingModel(e.EMBEDDINGS_MODEL),
      modelName: e.EMBEDDINGS_MODEL,
      label: `${e.EMBEDDINGS_MODEL} (OpenAI-compatible embeddings)`,
      dimensions: EMBEDDING_DIMENSIONS,
    };
  } else {
    embedder = { model: offlineEmbeddingModel(), modelName: OFFLINE_MODEL_NAME, label: OFFLINE_MODEL_LABEL, dimensions: EMBEDDING_DIMENSIONS };
  }
  cached = { key, embedder };
  return embedder;
}

/** Embeddings of `texts`, in order; embedMany splits them into the model's batch size. */
export async function embedTexts(texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  const { model, modelName } = getEmbedder();
  const { embeddings } = await embedMany({ model, values: texts, dimensions: EMBEDDING_DIMENSIONS, maxParallelCalls: 2 });
  for (const v of embeddings) {
    if (v.length !== EMBEDDING_DIMENSIONS) {
      throw new Error(`The embeddings model ${modelName} returned ${v.length} dimensions; the database stores ${EMBEDDING_DIMENSIONS}.`);
    }
  }
  return embeddings;
}

/** pgvector's text form of a vector, for `${toVector(v)}::vector` in raw SQL. */
export function toVector(v: readonly number[]): string {
  return `[${v.map((x) => (Number.isFinite(x) ? Number(x.toPrecision(7)) : 0)).join(",")}]`;
}
