import { db } from "@/server/db/client";
import { attemptDelivery, RETRY_WAITS, waitMs } from "@/server/webhooks/deliver";
import { inngest } from "../client";
import { webhookDeliveryRequested } from "../events";

/**
 * One webhook delivery: an attempt (10 s timeout), and after each failure a durable sleep from
 * RETRY_WAITS before the next, ten attempts over about a day. The HTTP outcome is data, not an
 * error, so the runner's own retries are kept for the step itself crashing. A resend of the same
 * delivery cancels a run still waiting and starts afresh.
 */
export const webhookDeliverFn = inngest.createFunction(
  {
    id: "webhook-deliver",
    name: "Deliver a webhook",
    triggers: [webhookDeliveryRequested],
    cancelOn: [{ event: webhookDeliveryRequested, match: "data.deliveryId" }],
    retries: 3,
  },
  async ({ event, step }) => {
    const { deliveryId } = event.data;
    for (let i = 0; i <= RETRY_WAITS.length; i++) {
      if (i > 0) await step.sleep(`wait-before-attempt-${i + 1}`, RETRY_WAITS[i - 1]!);
      const next = RETRY_WAITS[i];
      const outcome = await step.run(`attempt-${i + 1}`, () => attemptDelivery(db, deliveryId, next ? waitMs(next) : null));
      if (outcome.done) return outcome;
    }
    return { done: true, ok: false };
  },
);
