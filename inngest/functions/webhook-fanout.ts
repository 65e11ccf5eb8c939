import { db } from "@/server/db/client";
import { isWebhookEventType } from "@/server/webhooks/catalog";
import { fanOutEvent } from "@/server/webhooks/fan-out";
import { inngest } from "../client";
import { webhookFanout } from "../events";

/**
 * Turns a domain event a webhook carries into one delivery per subscribed endpoint (each delivery
 * then has a run of webhook-deliver of its own). `webhook.fanout` is written beside the domain
 * event only when an endpoint of the organization is subscribed to it (server/events/outbox.ts).
 */
export const webhookFanOutFn = inngest.createFunction(
  { id: "webhook-fanout", name: "Queue webhook deliveries for a domain event", triggers: [webhookFanout], retries: 8 },
  async ({ event, step }) => {
    const { eventId, name, data, at } = event.data;
    if (!isWebhookEventType(name)) return { deliveries: 0 };
    return step.run("queue-deliveries", () => fanOutEvent(db, { id: eventId, name, data, ts: Date.parse(at) }));
  },
);
