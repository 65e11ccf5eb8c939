import { Prisma, type Db } from "../db/client";
import { embedTexts, getEmbedder, toVector } from "./embedder";
import { indexTemplateVersion, rubricSourcePrefix } from "./index-template";

export type ContextPassage = { source: "RUBRIC" | "JOB"; sourceId: string; content: string; score: number };

/**
 * The rubric entries and job description passages of one template version that fit an answer
 * best, by cosine similarity (score = 1 - cosine distance), best first. For a RUBRIC passage
 * sourceId is the rubric entry's id (the competency id the analysis scores); for a JOB passage it
 * is the template version's id. Indexes the version first when it has not been.
 */
export async function retrieveContext(
  db: Db,
  args: { organizationId: string; templateVersionId: string; text: string; k?: number },
): Promise<ContextPassage[]> {
  const k = Math.min(Math.max(args.k ?? 5, 1), 50);
  await indexTemplateVersion(db, args.templateVersionId);
  const [vector] = await embedTexts([args.text]);
  const { modelName } = getEmbedder();
  const prefix = rubricSourcePrefix(args.templateVersionId);
  // MATERIALIZED: a version has a handful of chunks, so they are picked first and scored exactly;
  // left to itself the planner could walk the HNSW index over the whole table and filter them away.
  const rows = await db.$queryRaw<{ source: "RUBRIC" | "JOB"; sourceId: string; content: string; score: number }[]>(Prisma.sql`
    WITH version_chunks AS MATERIALIZED (
      SELECT source, "sourceId", ordinal, content, embedding FROM embedding_chunks
      WHERE "organizationId" = ${args.organizationId} AND model = ${modelName}
        AND ((source = 'RUBRIC' AND starts_with("sourceId", ${prefix})) OR (source = 'JOB' AND "sourceId" = ${args.templateVersionId}))
    )
    SELECT source::text AS source, "sourceId", content, (1 - (embedding <=> ${toVector(vector!)}::vector))::float8 AS score
    FROM version_chunks
    ORDER BY embedding <=> ${toVector(vector!)}::vector, source, ordinal
    LIMIT ${k}`);
  return rows.map((r) => ({
    source: r.source,
    sourceId: r.source === "RUBRIC" ? r.sourceId.slice(prefix.length) : r.sourceId,
    content: r.content,
    // A zero vector (a text with no words) has no direction: pgvector answers NaN.
    score: Number.isFinite(r.score) ? r.score : 0,
  }));
}
