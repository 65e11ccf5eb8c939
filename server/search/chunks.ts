import { randomUUID } from "node:crypto";
import { Prisma } from "../db/client";
import { toVector } from "./embedder";

export type ChunkSource = "TRANSCRIPT" | "RUBRIC" | "JOB";

export type ChunkRow = {
  organizationId: string;
  source: ChunkSource;
  sourceId: string;
  templateId: string | null;
  invitationId: string | null;
  responseId: string | null;
  ordinal: number;
  content: string;
  startMs: number | null;
  endMs: number | null;
  model: string;
  embedding: readonly number[];
};

type RawTx = Pick<Prisma.TransactionClient, "$executeRaw">;

// Rows per INSERT: 13 parameters each stays far below Postgres' 65 535 bind parameters.
const BATCH = 500;

/**
 * Writes chunks, replacing a row with the same (source, sourceId, ordinal, model) in place, so a
 * re-run or two concurrent runs never leave duplicates (the unique index decides, not a prior read).
 */
export async function upsertChunks(tx: RawTx, rows: readonly ChunkRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows
      .slice(i, i + BATCH)
      .map(
        (r) =>
          Prisma.sql`(${randomUUID()}, ${r.organizationId}, ${r.source}::"EmbeddingSource", ${r.sourceId}, ${r.templateId}, ${r.invitationId}, ${r.responseId}, ${r.ordinal}, ${r.content}, ${r.startMs}::int, ${r.endMs}::int, ${r.model}, ${toVector(r.embedding)}::vector)`,
      );
    await tx.$executeRaw`
      INSERT INTO embedding_chunks (id, "organizationId", source, "sourceId", "templateId", "invitationId", "responseId", ordinal, content, "startMs", "endMs", model, embedding)
      VALUES ${Prisma.join(values)}
      ON CONFLICT (source, "sourceId", ordinal, model) DO UPDATE SET
        "organizationId" = EXCLUDED."organizationId", "templateId" = EXCLUDED."templateId", "invitationId" = EXCLUDED."invitationId",
        "responseId" = EXCLUDED."responseId", content = EXCLUDED.content, "startMs" = EXCLUDED."startMs", "endMs" = EXCLUDED."endMs",
        embedding = EXCLUDED.embedding, "createdAt" = CURRENT_TIMESTAMP`;
  }
}
