import type { Prisma } from "../db/client";
import { toVector } from "./embedder";

/**
 * Each answer's text and its cosine similarity to the query, for the answers of the meaning
 * ranking's candidates. The answer's vector is the mean of its passages' vectors (pgvector's avg),
 * the way a passage's is the weighted mean of its words'. An answer's passages are found by
 * (source, sourceId), the unique index's prefix: a transcript passage's sourceId is its answer's id.
 *
 * Why the meaning ranking reads a passage in its answer: HR asks about what a candidate told ("who
 * found the cold room warm at opening, threw out the stock and set up an alert?"), and a story is
 * told over several passages, each of which matches one part of the question. Alone, a passage's
 * cosine favours a short generic sentence on the topic over one part of the full story. On the
 * tuned evaluation sets (npm run eval:search) the mean of the passage's and its answer's cosine
 * put the expected answer first for 6 of 12 paraphrase queries instead of 4 (MRR 0.65 from 0.57)
 * on written answers and 3 instead of 2 on recognised speech; keywords and phrases lost one first
 * place between them. Held-out figures: docs/benchmarks.md.
 */
export type AnswerContext = { similarity: number; text: string };

/** Cosine similarity from pgvector's cosine distance. A zero vector (a query with no word the embedder knows) has no direction: pgvector answers NaN. */
export const similarityOf = (distance: number): number => (Number.isFinite(distance) ? 1 - distance : 0);

type RawTx = Pick<Prisma.TransactionClient, "$queryRaw">;

export async function answerContext(
  tx: RawTx,
  args: { organizationId: string; model: string; vector: readonly number[]; responseIds: readonly string[] },
): Promise<Map<string, AnswerContext>> {
  if (args.responseIds.length === 0) return new Map();
  const q = toVector(args.vector);
  const rows = await tx.$queryRaw<{ responseId: string; distance: number; text: string }[]>`
    SELECT "responseId", (avg(embedding) <=> ${q}::vector)::float8 AS distance, string_agg(content, ' ' ORDER BY ordinal) AS text
    FROM embedding_chunks
    WHERE source = 'TRANSCRIPT' AND "sourceId" = ANY(${[...new Set(args.responseIds)]}::text[]) AND model = ${args.model} AND "organizationId" = ${args.organizationId}
    GROUP BY "responseId"`;
  return new Map(rows.map((r) => [r.responseId, { similarity: similarityOf(r.distance), text: r.text }]));
}
