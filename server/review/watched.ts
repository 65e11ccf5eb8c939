import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { AnswerWatchInput, MarkWatchedInput } from "./watched.schema";

/**
 * Records that `userId` watched an answer of their organization to 90 %. Idempotent: the first
 * time stands, a second full watch changes nothing. An answer of another organization is "not found".
 */
export async function markWatched(db: Db, userId: string, organizationId: string, input: MarkWatchedInput): Promise<{ responseId: string; watchedAt: Date }> {
  const response = await db.response.findFirst({ where: { id: input.responseId, invitation: { organizationId } }, select: { id: true } });
  if (!response) throw notFound("The answer");
  return db.answerWatch.upsert({
    where: { responseId_userId: { responseId: response.id, userId } },
    create: { responseId: response.id, userId, organizationId },
    update: {},
    select: { responseId: true, watchedAt: true },
  });
}

/** When `userId` watched one answer of their organization to 90 %, or null while they have not. */
export async function answerWatch(db: Db, userId: string, organizationId: string, input: AnswerWatchInput): Promise<{ watchedAt: Date | null }> {
  const response = await db.response.findFirst({ where: { id: input.responseId, invitation: { organizationId } }, select: { id: true } });
  if (!response) throw notFound("The answer");
  const row = await db.answerWatch.findUnique({ where: { responseId_userId: { responseId: response.id, userId } }, select: { watchedAt: true } });
  return { watchedAt: row?.watchedAt ?? null };
}
