import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll } from "vitest";
import { stripeEventFns } from "@/inngest/functions/stripe-events";
import { POST } from "@/app/api/webhooks/stripe/route";
import { STRIPE_EVENT_TYPES } from "@/server/billing/stripe/events";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { makeOrg, makeUser } from "../helpers/actors";
import { signedEvent, startStripeStandIn, STRIPE_TEST_ENV, type StripeStandIn } from "../helpers/stripe-stand-in";

/** Stripe mode against the stand-in for the test file that calls it; returns the stand-in. */
export function setUpStripeStandIn(): { current: StripeStandIn } {
  const ref = {} as { current: StripeStandIn };
  beforeAll(async () => {
    ref.current = await startStripeStandIn();
    Object.assign(process.env, STRIPE_TEST_ENV, { STRIPE_API_BASE_URL: ref.current.baseUrl });
    resetEnvForTests();
  });
  afterAll(async () => {
    for (const key of [...Object.keys(STRIPE_TEST_ENV), "STRIPE_API_BASE_URL"]) delete process.env[key];
    resetEnvForTests();
    await ref.current.close();
  });
  return ref;
}

/** Posts a signed event to the webhook route, as Stripe would. */
export async function postEvent(delivery: ReturnType<typeof signedEvent>, signature: string | null = delivery.signature) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  const res = await POST(new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers, body: delivery.payload }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs the Inngest function of every queued Stripe event, oldest first, as the relay and runner would. */
export async function runQueuedStripeEvents() {
  const rows = await getDb().outboxEvent.findMany({ where: { name: { startsWith: "stripe/" }, sentAt: null }, orderBy: { createdAt: "asc" } });
  const results: unknown[] = [];
  for (const row of rows) {
    const fn = stripeEventFns[STRIPE_EVENT_TYPES.indexOf(row.name.slice("stripe/".length) as never)]!;
    const { result } = await new InngestTestEngine({ function: fn, events: [{ name: row.name, data: row.payload as { stripeEventId: string } }] }).execute();
    results.push(result);
    await getDb().outboxEvent.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  }
  return results;
}

/** An organization with an owner and a Stripe customer, on Free until an event says otherwise. */
export async function stripeOrg(name: string) {
  const org = await makeOrg(name, "FREE");
  const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
  const customer = `cus_${org.id}`;
  await getDb().subscription.update({ where: { organizationId: org.id }, data: { stripeCustomerId: customer } });
  return { org, owner, customer, subscriptionId: `sub_${org.id}` };
}

/** Delivers an event through the webhook and returns its id, ready for a handler. */
export async function stored(type: string, object: Record<string, unknown>) {
  const delivery = signedEvent(type, object);
  const res = await postEvent(delivery);
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  return delivery.event.id;
}

export const subscriptionRow = (organizationId: string) => getDb().subscription.findUniqueOrThrow({ where: { organizationId } });
