import type { Db, QuestionType } from "../db/client";
import { notFound } from "../errors";
import { transcriptSegmentsSchema } from "../transcription/transcript.schema";
import { upsertChunks } from "./chunks";
import { embedTexts, getEmbedder } from "./embedder";
import { ensureOrganizationIndex } from "./org-index";
import { textPassages, transcriptPassages, type Passage } from "./passages";

function passagesOf(response: { type: QuestionType; textAnswer: string | null; transcript: { text: string; segments: unknown } | null }): Passage[] {
  // Every answer but a recording is its words: the written text, or the options chosen.
  if (response.type !== "VIDEO") return textPassages(response.textAnswer ?? "");
  if (!response.transcript) return [];
  const segments = transcriptSegmentsSchema.safeParse(response.transcript.segments);
  // A transcript whose segments cannot be read is still searchable, only without moments.
  if (!segments.success || segments.data.length === 0) return textPassages(response.transcript.text);
  return transcriptPassages(segments.data);
}

/**
 * Embeds one answer (a video's transcript, or a written answer) into TRANSCRIPT chunks with
 * sourceId = responseId, replacing that answer's previous chunks of the current model in one
 * transaction. Idempotent; embedding happens before the transaction, which stays short.
 */
export async function indexResponse(db: Db, responseId: string): Promise<{ chunks: number }> {
  const response = await db.response.findUnique({
    where: { id: responseId },
    select: {
      id: true,
      type: true,
      textAnswer: true,
      transcript: { select: { text: true, segments: true } },
      invitation: { select: { id: true, organizationId: true, templateId: true } },
    },
  });
  if (!response) throw notFound("The answer");
  const passages = passagesOf(response).filter((p) => p.content.trim() !== "");
  const { modelName } = getEmbedder();
  const vectors = await embedTexts(passages.map((p) => p.content));
  const { invitation } = response;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM embedding_chunks WHERE source = 'TRANSCRIPT' AND "sourceId" = ${responseId} AND model = ${modelName} AND ordinal >= ${passages.length}`;
    await upsertChunks(
      tx,
      passages.map((p, i) => ({
        organizationId: invitation.organizationId,
        source: "TRANSCRIPT",
        sourceId: responseId,
        templateId: invitation.templateId,
        invitationId: invitation.id,
        responseId,
        ordinal: i,
        content: p.content,
        startMs: p.startMs,
        endMs: p.endMs,
        model: modelName,
        embedding: vectors[i]!,
      })),
    );
    // A growing organization gets its own search index once it is large enough (see org-index.ts).
    await ensureOrganizationIndex(tx, invitation.organizationId);
  });
  return { chunks: passages.length };
}
