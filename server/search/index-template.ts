import type { Db } from "../db/client";
import { notFound } from "../errors";
import { templateSnapshotSchema } from "../templates/versions";
import { upsertChunks, type ChunkRow } from "./chunks";
import { embedTexts, getEmbedder } from "./embedder";
import { textPassages } from "./passages";

/**
 * How a template version's context chunks are named. The unique key is (source, sourceId,
 * ordinal, model) across the whole table, and rubric ids repeat from one version to the next, so
 * a rubric entry's sourceId carries its version: "<templateVersionId>:<rubric entry id>". The job
 * description's passages share sourceId = templateVersionId, numbered by ordinal.
 */
export const rubricSourceId = (templateVersionId: string, rubricId: string) => `${templateVersionId}:${rubricId}`;
export const rubricSourcePrefix = (templateVersionId: string) => `${templateVersionId}:`;

/** The text embedded for a rubric entry: what a good answer shows for this competency. */
export const rubricContent = (item: { competency: string; looksFor: string }) => `${item.competency}: ${item.looksFor}`;

/**
 * Embeds a template version's rubric entries (RUBRIC) and job description passages (JOB) with the
 * current model. A version is immutable, so once any of its chunks exists for this model (they are
 * written in one transaction) there is nothing to do.
 */
export async function indexTemplateVersion(db: Db, templateVersionId: string): Promise<{ chunks: number }> {
  const { modelName } = getEmbedder();
  const existing = await db.embeddingChunk.count({
    where: {
      model: modelName,
      OR: [
        { source: "JOB", sourceId: templateVersionId },
        { source: "RUBRIC", sourceId: { startsWith: rubricSourcePrefix(templateVersionId) } },
      ],
    },
  });
  if (existing > 0) return { chunks: existing };
  const version = await db.templateVersion.findUnique({
    where: { id: templateVersionId },
    select: { snapshot: true, template: { select: { id: true, organizationId: true } } },
  });
  if (!version) throw notFound("The interview template version");
  const snapshot = templateSnapshotSchema.parse(version.snapshot);
  const { id: templateId, organizationId } = version.template;
  const base = { organizationId, templateId, invitationId: null, responseId: null, startMs: null, endMs: null, model: modelName };
  const rubric = snapshot.rubric.map((item, i) => ({
    source: "RUBRIC" as const,
    sourceId: rubricSourceId(templateVersionId, item.id),
    ordinal: i,
    content: rubricContent(item),
  }));
  const job = textPassages(snapshot.description).map((p) => ({ source: "JOB" as const, sourceId: templateVersionId, ordinal: p.ordinal, content: p.content }));
  const items = [...rubric, ...job];
  const vectors = await embedTexts(items.map((it) => it.content));
  const rows: ChunkRow[] = items.map((it, i) => ({ ...base, ...it, embedding: vectors[i]! }));
  await db.$transaction((tx) => upsertChunks(tx, rows));
  return { chunks: rows.length };
}
