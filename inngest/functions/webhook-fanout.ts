import { db } from "@/server/db/client";
import { fanOutEvent, isWebhookEventType } from "@/server/webhooks/fan-out";
import { inngest } from "../client";
import {
  analysisCompleted,
  analysisOverridden,
  candidateDeleted,
  interviewCompleted,
  invitationCancelled,
  invitationExpired,
  invitationOpened,
  invitationSent,
} from "../events";

/**
 * Turns each domain event a webhook can carry into one delivery per subscribed endpoint (each
 * delivery then has a run of webhook-deliver of its own).
 */
export const webhookFanOutFn = inngest.createFunction(
  {
    id: "webhook-fanout",
    name: "Queue webhook deliveries for a domain event",
    triggers: [
      invitationSent,
      invitationOpened,
      invitationExpired,
      invitationCancelled,
      interviewCompleted,
      analysisCompleted,
      analysisOverridden,
      candidateDeleted,
    ],
    retries: 8,
  },
  async ({ event, step }) => {
    const name = event.name;
    if (!isWebhookEventType(name) || !event.id) return { deliveries: 0 };
    const id = event.id;
    return step.run("queue-deliveries", () => fanOutEvent(db, { id, name, data: event.data, ts: event.ts }));
  },
);
