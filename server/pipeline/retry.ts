import type { Db } from "../db/client";
import { audit } from "../audit/log";
import { DomainError, notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import type { RetryResponseInput } from "./pipeline.schema";

/**
 * HR's retry button on a failed answer: the answer goes back to UPLOADED and a new
 * `response.submitted` event (a new outbox row, so a new run) is written in the same transaction.
 */
export async function retryResponse(db: Db, actor: { id: string }, organizationId: string, input: RetryResponseInput): Promise<{ responseId: string }> {
  return db.$transaction(async (tx) => {
    const response = await tx.response.findFirst({
      where: { id: input.responseId, invitation: { organizationId } },
      select: { id: true, status: true, submittedAt: true, invitationId: true },
    });
    if (!response) throw notFound("The answer");
    if (response.status !== "FAILED" || !response.submittedAt) {
      throw new DomainError("PRECONDITION_FAILED", "Only an answer whose processing failed can be processed again.");
    }
    await tx.response.update({ where: { id: response.id }, data: { status: "UPLOADED", failureReason: null } });
    await enqueueEvent(tx, "response.submitted", { responseId: response.id, invitationId: response.invitationId }, organizationId);
    await audit(tx, { organizationId, actorId: actor.id, action: "response.retry", targetType: "response", targetId: response.id });
    return { responseId: response.id };
  });
}
