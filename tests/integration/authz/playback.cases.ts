import { getDb } from "@/server/db/client";
import type { Cases } from "./fixture";
import { byInvitation } from "./fairness.cases";

async function answerOf(fx: Parameters<typeof byInvitation>[0]) {
  const { invitationId } = await byInvitation(fx);
  const response = await getDb().response.findFirstOrThrow({ where: { invitationId }, select: { id: true } });
  return { responseId: response.id, playedFraction: 0.95 };
}

export const playbackCases: Cases = {
  "playback.watched": { input: answerOf, crossTenant: answerOf },
  "playback.markWatched": { input: answerOf, crossTenant: answerOf },
};
