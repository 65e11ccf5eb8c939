import { z } from "zod";
import { subscriptionChange } from "../billing/billing.schema";
import { stripeEventReceived } from "../billing/stripe/events";
import type { Prisma } from "../db/client";
import { isWebhookEventType } from "../webhooks/catalog";
import { currentTraceparent, withSpan } from "../tracing/tracing";
import { SpanKind } from "@opentelemetry/api";

/**
 * Domain events for background work. They are written to the outbox in the same transaction as the
 * change they describe, so an event exists exactly when its change committed; the relay
 * (inngest/relay) sends them on with the row id as the event id.
 */
export const eventSchemas = {
  "invitation.sent": z.object({ invitationId: z.string() }),
  "invitation.resent": z.object({ invitationId: z.string() }),
  "invitation.cancelled": z.object({ invitationId: z.string() }),
  "invitation.expired": z.object({ invitationId: z.string() }),
  "invitation.opened": z.object({ invitationId: z.string() }),
  "response.submitted": z.object({ responseId: z.string(), invitationId: z.string() }),
  "interview.completed": z.object({ invitationId: z.string() }),
  // HR's in-app "ready for review" notification, whose email the notification-email function sends.
  "notification.analysis-ready": z.object({ notificationId: z.string(), invitationId: z.string() }),
  // A teammate's @mention in a review comment; the review-mention-email function emails it.
  "notification.review-mention": z.object({ notificationId: z.string() }),
  "feedback.approved": z.object({ invitationId: z.string() }),
  "analysis.completed": z.object({ invitationId: z.string(), analysisId: z.string() }),
  "analysis.overridden": z.object({ invitationId: z.string(), analysisId: z.string(), field: z.string() }),
  // The interview is gone when this is read: it carries all a webhook says about it.
  "candidate.deleted": z.object({ invitationId: z.string(), organizationId: z.string(), templateId: z.string().nullable(), reason: z.string() }),
  // A webhook-carried event (above) of an organization with an endpoint subscribed to it: the one the
  // fan-out turns into deliveries. Written only then, so events nobody listens for cost no run.
  "webhook.fanout": z.object({ eventId: z.string(), name: z.string(), data: z.record(z.string(), z.unknown()), at: z.string() }),
  "webhook.delivery-requested": z.object({ deliveryId: z.string() }),
  "webhook.endpoint-disabled": z.object({ endpointId: z.string(), disabledAt: z.string() }),
  "subscription.changed": subscriptionChange,
  "stripe/checkout.session.completed": stripeEventReceived,
  "stripe/customer.subscription.created": stripeEventReceived,
  "stripe/customer.subscription.updated": stripeEventReceived,
  "stripe/customer.subscription.deleted": stripeEventReceived,
  "stripe/invoice.paid": stripeEventReceived,
  "stripe/invoice.payment_failed": stripeEventReceived,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;

type Tx = Pick<Prisma.TransactionClient, "outboxEvent" | "webhookEndpoint">;

/**
 * Writes the event in the caller's transaction. With tracing on, the row keeps the traceparent of
 * its own producer span (a child of the request or step that wrote it), which the relay continues.
 */
export function enqueueEvent<N extends EventName>(tx: Tx, name: N, payload: EventPayload<N>, organizationId: string | null) {
  return withSpan(
    `outbox.enqueue ${name}`,
    { kind: SpanKind.PRODUCER, attributes: { "messaging.system": "outbox", "messaging.destination.name": name } },
    async (span) => {
      const data = eventSchemas[name].parse(payload);
      const traceparent = currentTraceparent();
      const row = await tx.outboxEvent.create({ data: { name, payload: data as Prisma.InputJsonValue, organizationId, traceparent } });
      span.setAttribute("messaging.message.id", row.id);
      if (organizationId && isWebhookEventType(name) && (await tx.webhookEndpoint.count({ where: { organizationId, active: true, events: { has: name } } }))) {
        const fanout = { eventId: row.id, name, data: data as Record<string, unknown>, at: row.createdAt.toISOString() };
        await tx.outboxEvent.create({
          data: { name: "webhook.fanout", payload: eventSchemas["webhook.fanout"].parse(fanout) as Prisma.InputJsonValue, organizationId, traceparent },
        });
      }
      return row;
    },
  );
}
