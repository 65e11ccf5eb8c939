import { env } from "../config/env";
import type { Db, Prisma } from "../db/client";
import { enqueueEvent, type EventPayload } from "../events/outbox";
import { webhookPayload, type WebhookData, type WebhookEventType } from "./catalog";
import { webhooksIncluded } from "./plan-gate";

export type DomainEvent = { id: string; name: WebhookEventType; data: Record<string, unknown>; ts?: number };

/** Ids and a link: what a receiver needs to fetch the rest through the app, and nothing personal. */
async function payloadData(db: Db, event: DomainEvent): Promise<WebhookData | null> {
  if (event.name === "candidate.deleted") {
    const d = event.data as EventPayload<"candidate.deleted">;
    return { organizationId: d.organizationId, invitationId: d.invitationId, templateId: d.templateId, reason: d.reason };
  }
  const invitationId = String(event.data.invitationId);
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { organizationId: true, templateId: true } });
  // Deleted since: its own candidate.deleted event follows, and nothing is left to link to.
  if (!invitation) return null;
  const data: WebhookData = {
    organizationId: invitation.organizationId,
    invitationId,
    templateId: invitation.templateId,
    url: `${env().APP_URL}/interviews/${invitationId}`,
  };
  if (event.name === "analysis.completed" || event.name === "analysis.overridden") data.analysisId = String(event.data.analysisId);
  if (event.name === "analysis.overridden") data.field = String(event.data.field);
  return data;
}

/**
 * One delivery per active endpoint of the organization subscribed to the event, each written with
 * its `webhook.delivery-requested` event in one transaction. The (endpoint, event) key makes a
 * re-run of this step write nothing new.
 */
export async function fanOutEvent(db: Db, event: DomainEvent): Promise<{ deliveries: number }> {
  const data = await payloadData(db, event);
  if (!data || !(await webhooksIncluded(db, data.organizationId))) return { deliveries: 0 };
  const endpoints = await db.webhookEndpoint.findMany({
    where: { organizationId: data.organizationId, active: true, events: { has: event.name } },
    select: { id: true },
  });
  if (!endpoints.length) return { deliveries: 0 };
  const payload = webhookPayload(event.name, new Date(event.ts ?? Date.now()), data) as unknown as Prisma.InputJsonValue;
  return db.$transaction(async (tx) => {
    let created = 0;
    for (const endpoint of endpoints) {
      const existing = await tx.webhookDelivery.findUnique({
        where: { endpointId_eventId: { endpointId: endpoint.id, eventId: event.id } },
        select: { id: true },
      });
      if (existing) continue;
      const delivery = await tx.webhookDelivery.create({
        data: { endpointId: endpoint.id, eventId: event.id, eventType: event.name, payload },
        select: { id: true },
      });
      await enqueueEvent(tx, "webhook.delivery-requested", { deliveryId: delivery.id }, data.organizationId);
      created++;
    }
    return { deliveries: created };
  });
}
