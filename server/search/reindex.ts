import type { Db } from "../db/client";
import { getEmbedder } from "./embedder";
import { indexResponse } from "./index-response";
import { logger } from "@/server/logging/logger";

const BATCH = 50;

/**
 * Embeds every answer that has text but no passages of the current embedding model: after the
 * embedder changes (a new offline model, or EMBEDDINGS_* set), answers indexed before are found by
 * search again. Chunks of other models are left alone (search filters on the model). Answers are
 * taken a batch at a time and one at a time within it, so a large backlog never holds the database.
 */
export async function reindexStaleAnswers(db: Db, opts: { shouldStop?: () => boolean } = {}): Promise<{ indexed: number; failed: number }> {
  const { modelName } = getEmbedder();
  let indexed = 0;
  let failed = 0;
  const skipped = new Set<string>();
  for (;;) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM responses r
      WHERE (r."textAnswer" IS NOT NULL OR EXISTS (SELECT 1 FROM transcripts t WHERE t."responseId" = r.id))
        AND NOT EXISTS (SELECT 1 FROM embedding_chunks c WHERE c.source = 'TRANSCRIPT' AND c."sourceId" = r.id AND c.model = ${modelName})
      ORDER BY r.id
      LIMIT ${BATCH + skipped.size}`;
    const todo = rows.map((r) => r.id).filter((id) => !skipped.has(id));
    if (todo.length === 0) return { indexed, failed };
    for (const id of todo) {
      if (opts.shouldStop?.()) return { indexed, failed };
      try {
        const { chunks } = await indexResponse(db, id);
        indexed++;
        // An answer with nothing to embed stays without chunks; it must not be taken again.
        if (chunks === 0) skipped.add(id);
      } catch (error) {
        failed++;
        skipped.add(id);
        logger.error({ err: error, responseId: id }, "search: could not re-index an answer");
      }
    }
  }
}
