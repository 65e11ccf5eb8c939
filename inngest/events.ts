import { eventType } from "inngest";
import { z } from "zod";
import { eventSchemas } from "@/server/events/outbox";

/**
 * Every event a function listens to. Domain events come from the outbox (server/events/outbox.ts)
 * with their row id as the event id; the pipeline's own events carry a deterministic id (see
 * `pipelineEventId`) so that a step re-run, or two answers finishing at once, send one event.
 */
export const invitationSent = eventType("invitation.sent", { schema: eventSchemas["invitation.sent"] });
export const invitationResent = eventType("invitation.resent", { schema: eventSchemas["invitation.resent"] });
export const invitationCancelled = eventType("invitation.cancelled", { schema: eventSchemas["invitation.cancelled"] });
export const responseSubmitted = eventType("response.submitted", { schema: eventSchemas["response.submitted"] });
export const interviewCompleted = eventType("interview.completed", { schema: eventSchemas["interview.completed"] });
export const analysisReadyNotified = eventType("notification.analysis-ready", { schema: eventSchemas["notification.analysis-ready"] });
export const reviewMentionNotified = eventType("notification.review-mention", { schema: eventSchemas["notification.review-mention"] });
export const feedbackApproved = eventType("feedback.approved", { schema: eventSchemas["feedback.approved"] });
export const subscriptionChanged = eventType("subscription.changed", { schema: eventSchemas["subscription.changed"] });
export const invitationExpired = eventType("invitation.expired", { schema: eventSchemas["invitation.expired"] });
export const invitationOpened = eventType("invitation.opened", { schema: eventSchemas["invitation.opened"] });
export const analysisCompleted = eventType("analysis.completed", { schema: eventSchemas["analysis.completed"] });
export const analysisOverridden = eventType("analysis.overridden", { schema: eventSchemas["analysis.overridden"] });
export const candidateDeleted = eventType("candidate.deleted", { schema: eventSchemas["candidate.deleted"] });
export const webhookFanout = eventType("webhook.fanout", { schema: eventSchemas["webhook.fanout"] });
export const webhookDeliveryRequested = eventType("webhook.delivery-requested", { schema: eventSchemas["webhook.delivery-requested"] });
export const webhookEndpointDisabled = eventType("webhook.endpoint-disabled", { schema: eventSchemas["webhook.endpoint-disabled"] });
export const interviewReadyForAnalysis = eventType("interview.ready-for-analysis", {
  schema: z.object({ invitationId: z.string() }),
});

export function pipelineEventId(kind: string, ...parts: string[]): string {
  return [kind, ...parts].join(":");
}
