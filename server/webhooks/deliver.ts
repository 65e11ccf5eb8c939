import type { Db } from "../db/client";
import { enqueueEvent } from "../events/outbox";
import { metrics } from "../metrics/registry";
import { postWebhook } from "./post";
import { signatureHeaders } from "./signing";

/**
 * The waits between a delivery's attempts: exponential from 30 seconds, capped at 8 hours, ten
 * attempts over 23 h 42 min. The delivery function sleeps these as durable steps, so the schedule
 * is the same on Inngest and in the in-process runner, and survives restarts.
 */
export const RETRY_WAITS = ["30s", "2m", "10m", "30m", "1h", "2h", "4h", "8h", "8h"] as const;

/** An endpoint whose every attempt has failed for this long (no success in between) is disabled, and its owners are emailed. */
export const DISABLE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

export function waitMs(wait: string): number {
  const n = Number.parseInt(wait, 10);
  return n * (wait.endsWith("h") ? 3_600_000 : wait.endsWith("m") ? 60_000 : 1000);
}

export type AttemptOutcome = { done: boolean; attempt: number | null; ok: boolean; reason?: string };

/**
 * One HTTP attempt of a delivery, logged with its status, duration and the first 2 KB of the
 * answer. `retryInMs` is when the next attempt comes if this one fails (null: this was the last).
 * A delivery whose endpoint was deleted or disabled meanwhile is not sent.
 */
export async function attemptDelivery(db: Db, deliveryId: string, retryInMs: number | null, now: () => Date = () => new Date()): Promise<AttemptOutcome> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      payload: true,
      endpoint: { select: { id: true, organizationId: true, url: true, active: true, secret: true, previousSecret: true, previousSecretExpiresAt: true } },
    },
  });
  if (!delivery) return { done: true, attempt: null, ok: false, reason: "The delivery was deleted with its endpoint." };
  const { endpoint } = delivery;
  if (!endpoint.active) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", nextAttemptAt: null } });
    return { done: true, attempt: null, ok: false, reason: "The endpoint is disabled." };
  }

  const startedAt = now();
  const body = JSON.stringify(delivery.payload);
  const result = await postWebhook(endpoint.url, body, signatureHeaders(endpoint, delivery.id, body, startedAt));
  const finishedAt = now();
  metrics().webhookAttempts.inc({ result: result.ok ? "delivered" : "failed" });

  return db.$transaction(async (tx) => {
    const counted = await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { attemptCount: { increment: 1 } }, select: { attemptCount: true } });
    await tx.webhookAttempt.create({
      data: {
        deliveryId,
        number: counted.attemptCount,
        startedAt,
        durationMs: result.durationMs,
        ok: result.ok,
        responseStatus: result.status,
        responseBody: result.body,
        error: result.error,
      },
    });
    if (result.ok) {
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: { status: "DELIVERED", responseStatus: result.status, deliveredAt: finishedAt, nextAttemptAt: null },
      });
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: null } });
      return { done: true, attempt: counted.attemptCount, ok: true };
    }
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data:
        retryInMs === null
          ? { status: "FAILED", responseStatus: result.status, nextAttemptAt: null }
          : { status: "PENDING", responseStatus: result.status, nextAttemptAt: new Date(finishedAt.getTime() + retryInMs) },
    });
    await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: startedAt } });
    const { failingSince } = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { failingSince: true } });
    if (failingSince && finishedAt.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS) {
      const { count } = await tx.webhookEndpoint.updateMany({
        where: { id: endpoint.id, active: true },
        data: { active: false, disabledAt: finishedAt, disabledReason: `Every delivery failed from ${failingSince.toISOString()} for 3 days.` },
      });
      if (count) {
        await enqueueEvent(tx, "webhook.endpoint-disabled", { endpointId: endpoint.id, disabledAt: finishedAt.toISOString() }, endpoint.organizationId);
        await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", nextAttemptAt: null } });
        return { done: true, attempt: counted.attemptCount, ok: false, reason: "The endpoint was disabled after 3 days of failures." };
      }
    }
    return { done: retryInMs === null, attempt: counted.attemptCount, ok: false };
  });
}
