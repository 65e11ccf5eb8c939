import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import { notFound } from "../errors";
import { checkEndpointUrl } from "./address-guard";
import { requireWebhooksPlan } from "./plan-gate";
import { newSigningSecret, PREVIOUS_SECRET_VALID_MS } from "./signing";
import type { CreateEndpointInput, EndpointIdInput, UpdateEndpointInput } from "./webhooks.schema";

/**
 * An organization's webhook endpoints: registered, listed, their secret rotated, re-enabled after
 * an automatic disable, edited, deleted. Callers are the organization's owners (the tRPC router, and the
 * REST API); the secret leaves this module only in the answer to create and rotate.
 */

export const endpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  active: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretExpiresAt: true,
  createdAt: true,
} as const satisfies Prisma.WebhookEndpointSelect;

export type EndpointView = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

type Actor = { id: string };

export async function listEndpoints(db: Db, organizationId: string): Promise<EndpointView[]> {
  return db.webhookEndpoint.findMany({ where: { organizationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: endpointSelect });
}

async function ownEndpoint(tx: Pick<Prisma.TransactionClient, "webhookEndpoint">, organizationId: string, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId }, select: { id: true, url: true } });
  if (!endpoint) throw notFound("The webhook endpoint");
  return endpoint;
}

/** Registers an endpoint after the plan and address checks. The answer carries the signing secret, which is never shown again. */
export async function createEndpoint(
  db: Db,
  actor: Actor,
  organizationId: string,
  input: CreateEndpointInput,
): Promise<{ endpoint: EndpointView; secret: string }> {
  await requireWebhooksPlan(db, organizationId);
  const url = await checkEndpointUrl(input.url);
  const secret = newSigningSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { organizationId, url: url.toString(), description: input.description, events: input.events, secret },
      select: endpointSelect,
    });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "webhook.endpoint_created",
      targetType: "webhook_endpoint",
      targetId: created.id,
      data: { url: created.url, events: created.events },
    });
    return created;
  });
  return { endpoint, secret };
}

/**
 * Points an endpoint at a new URL or event list; its secret stays, so the receiver needs no change
 * when only the events do. The new URL passes the same address checks as at registration. Runs
 * already retrying read the endpoint's URL at each attempt, so they follow the move.
 */
export async function updateEndpoint(db: Db, actor: Actor, organizationId: string, input: UpdateEndpointInput): Promise<EndpointView> {
  await ownEndpoint(db, organizationId, input.endpointId);
  await requireWebhooksPlan(db, organizationId);
  const url = (await checkEndpointUrl(input.url)).toString();
  return db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findFirst({
      where: { id: input.endpointId, organizationId },
      select: { url: true, description: true, events: true },
    });
    if (!before) throw notFound("The webhook endpoint");
    const updated = await tx.webhookEndpoint.update({
      where: { id: input.endpointId },
      data: { url, description: input.description, events: input.events },
      select: endpointSelect,
    });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "webhook.endpoint_updated",
      targetType: "webhook_endpoint",
      targetId: input.endpointId,
      data: { before, after: { url: updated.url, description: updated.description, events: updated.events } },
    });
    return updated;
  });
}

/** A new secret signs from now on; the old one also signs for 24 hours, so receivers switch without losing a message. */
export async function rotateEndpointSecret(db: Db, actor: Actor, organizationId: string, input: EndpointIdInput, now: Date = new Date()) {
  const secret = newSigningSecret();
  const previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS);
  const endpoint = await db.$transaction(async (tx) => {
    await ownEndpoint(tx, organizationId, input.endpointId);
    await tx.$queryRaw`SELECT id FROM webhook_endpoints WHERE id = ${input.endpointId} FOR UPDATE`;
    const current = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: input.endpointId }, select: { secret: true } });
    const updated = await tx.webhookEndpoint.update({
      where: { id: input.endpointId },
      data: { secret, previousSecret: current.secret, previousSecretExpiresAt },
      select: endpointSelect,
    });
    await audit(tx, { organizationId, actorId: actor.id, action: "webhook.secret_rotated", targetType: "webhook_endpoint", targetId: input.endpointId });
    return updated;
  });
  return { endpoint, secret };
}

/** Turns an endpoint that was disabled (after days of failures) back on; its failure streak starts afresh. */
export async function enableEndpoint(db: Db, actor: Actor, organizationId: string, input: EndpointIdInput): Promise<EndpointView> {
  const { url } = await ownEndpoint(db, organizationId, input.endpointId);
  await requireWebhooksPlan(db, organizationId);
  await checkEndpointUrl(url);
  return db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: input.endpointId },
      data: { active: true, disabledAt: null, disabledReason: null, failingSince: null },
      select: endpointSelect,
    });
    await audit(tx, { organizationId, actorId: actor.id, action: "webhook.endpoint_enabled", targetType: "webhook_endpoint", targetId: input.endpointId });
    return updated;
  });
}

/** Deletes the endpoint with its delivery log; runs still retrying find it gone and stop. */
export async function deleteEndpoint(db: Db, actor: Actor, organizationId: string, input: EndpointIdInput): Promise<{ deleted: true }> {
  await db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, organizationId, input.endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "webhook.endpoint_deleted",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      data: { url: endpoint.url },
    });
  });
  return { deleted: true };
}
