import { randomUUID } from "node:crypto";
import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { TEST_EVENT_TYPE, webhookPayload } from "./catalog";
import { requireWebhooksPlan } from "./plan-gate";
import type { DeliveriesInput, DeliveryIdInput, EndpointIdInput } from "./webhooks.schema";

/** An endpoint's delivery log, test events and resends. Scoped to the caller's organization like the endpoints. */

const deliverySelect = {
  id: true,
  eventType: true,
  status: true,
  attemptCount: true,
  responseStatus: true,
  nextAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
  payload: true,
  attempts: {
    orderBy: [{ number: "desc" }, { startedAt: "desc" }],
    select: { id: true, number: true, startedAt: true, durationMs: true, ok: true, responseStatus: true, responseBody: true, error: true },
  },
} as const satisfies Prisma.WebhookDeliverySelect;

export type DeliveryView = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

async function ownEndpoint(db: Pick<Prisma.TransactionClient, "webhookEndpoint">, organizationId: string, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId }, select: { id: true, url: true, active: true } });
  if (!endpoint) throw notFound("The webhook endpoint");
  return endpoint;
}

function requireActive(endpoint: { active: boolean }) {
  if (!endpoint.active) throw new DomainError("PRECONDITION_FAILED", "This endpoint is disabled: enable it first.");
}

export async function listDeliveries(db: Db, organizationId: string, input: DeliveriesInput) {
  const endpoint = await ownEndpoint(db, organizationId, input.endpointId);
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    select: deliverySelect,
  });
  return { endpoint: { id: endpoint.id, url: endpoint.url }, deliveries };
}

/** Sends a `webhook.test` message to one endpoint, through the same delivery function, signing and log as real events. */
export async function sendTestEvent(db: Db, actor: { id: string }, organizationId: string, input: EndpointIdInput, now: Date = new Date()) {
  await ownEndpoint(db, organizationId, input.endpointId);
  await requireWebhooksPlan(db, organizationId);
  return db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, organizationId, input.endpointId);
    requireActive(endpoint);
    const payload = webhookPayload(TEST_EVENT_TYPE, now, { organizationId, endpointId: endpoint.id }) as unknown as Prisma.InputJsonValue;
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId: endpoint.id, eventId: `test:${randomUUID()}`, eventType: TEST_EVENT_TYPE, payload },
      select: { id: true },
    });
    await enqueueEvent(tx, "webhook.delivery-requested", { deliveryId: delivery.id }, organizationId);
    await audit(tx, { organizationId, actorId: actor.id, action: "webhook.test_sent", targetType: "webhook_endpoint", targetId: endpoint.id });
    return { deliveryId: delivery.id };
  });
}

/**
 * Sends a delivery again, with the same webhook-id (receivers that saw it already can drop it). A
 * delivery still waiting between retries has its schedule replaced by this new run (cancelOn).
 */
export async function resendDelivery(db: Db, actor: { id: string }, organizationId: string, input: DeliveryIdInput) {
  const own = { id: input.deliveryId, endpoint: { organizationId } };
  if (!(await db.webhookDelivery.count({ where: own }))) throw notFound("The delivery");
  await requireWebhooksPlan(db, organizationId);
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({ where: own, select: { id: true, endpoint: { select: { active: true } } } });
    if (!delivery) throw notFound("The delivery");
    requireActive(delivery.endpoint);
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "PENDING", nextAttemptAt: null } });
    await enqueueEvent(tx, "webhook.delivery-requested", { deliveryId: delivery.id }, organizationId);
    await audit(tx, { organizationId, actorId: actor.id, action: "webhook.delivery_resent", targetType: "webhook_delivery", targetId: delivery.id });
    return { deliveryId: delivery.id };
  });
}
