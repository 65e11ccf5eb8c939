/**
 * The events an organization can subscribe a webhook endpoint to, and the version of their
 * payloads. A payload names records by id and links to them; it never carries a recording, a
 * transcript, or the candidate's name or address. README ("Webhooks") documents each one.
 */
export const WEBHOOK_EVENT_TYPES = [
  "invitation.sent",
  "invitation.opened",
  "invitation.expired",
  "invitation.cancelled",
  "interview.completed",
  "analysis.completed",
  "analysis.overridden",
  "candidate.deleted",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(name: string): name is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name);
}

/** Sent only by "Send test event", to the one endpoint it was asked for; never subscribed to. */
export const TEST_EVENT_TYPE = "webhook.test";

/** Bumped when a payload's shape changes in a way a receiver could trip on; carried in every payload. */
export const PAYLOAD_VERSION = 1;

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "invitation.sent": "Invitation sent",
  "invitation.opened": "Invitation link opened",
  "invitation.expired": "Invitation expired",
  "invitation.cancelled": "Invitation cancelled",
  "interview.completed": "Interview completed",
  "analysis.completed": "AI analysis completed",
  "analysis.overridden": "AI analysis overridden by HR",
  "candidate.deleted": "Candidate's interview data deleted",
};

export type WebhookData = {
  organizationId: string;
  invitationId?: string;
  templateId?: string | null;
  analysisId?: string;
  field?: string;
  reason?: string;
  endpointId?: string;
  /** Where a signed-in HR member sees the record; absent once the record is gone. */
  url?: string;
};

export type WebhookPayload = { type: string; version: number; timestamp: string; data: WebhookData };

export function webhookPayload(type: string, at: Date, data: WebhookData): WebhookPayload {
  return { type, version: PAYLOAD_VERSION, timestamp: at.toISOString(), data };
}
