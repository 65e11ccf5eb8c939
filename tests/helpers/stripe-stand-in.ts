import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";
import Stripe from "stripe";

/**
 * A stand-in for Stripe's API on 127.0.0.1, answering the calls the app makes (customers,
 * Checkout and portal sessions, subscription reads) from state a test sets, so the real `stripe`
 * SDK runs its whole request path (host/port/protocol options). Point STRIPE_API_BASE_URL at it.
 */
export type StripeStandIn = {
  baseUrl: string;
  /** Subscriptions as Stripe has them now, by id: what GET /v1/subscriptions/:id answers. */
  subscriptions: Map<string, Record<string, unknown>>;
  /** Every request: method, path and its form-encoded parameters. */
  requests: { method: string; path: string; params: URLSearchParams; idempotencyKey: string | undefined }[];
  close(): Promise<void>;
};

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const subscriptions = new Map<string, Record<string, unknown>>();
  const requests: StripeStandIn["requests"] = [];
  const customersByKey = new Map<string, Record<string, unknown>>();
  let seq = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const params = new URLSearchParams((await buffer(req)).toString("utf8"));
    const url = new URL(req.url ?? "/", "http://stand-in");
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
    requests.push({ method: req.method ?? "GET", path: url.pathname, params, idempotencyKey });
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": `req_${++seq}` });
      res.end(JSON.stringify(body));
    };
    if (req.method === "POST" && url.pathname === "/v1/customers") {
      const existing = idempotencyKey ? customersByKey.get(idempotencyKey) : undefined;
      const customer = existing ?? {
        id: `cus_${++seq}`,
        object: "customer",
        name: params.get("name"),
        metadata: { organizationId: params.get("metadata[organizationId]") },
      };
      if (idempotencyKey) customersByKey.set(idempotencyKey, customer);
      return reply(200, customer);
    }
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const id = `cs_test_${++seq}`;
      return reply(200, { id, object: "checkout.session", mode: params.get("mode"), url: `https://checkout.stripe.test/${id}` });
    }
    if (req.method === "POST" && url.pathname === "/v1/billing_portal/sessions") {
      const id = `bps_${++seq}`;
      return reply(200, { id, object: "billing_portal.session", url: `https://billing.stripe.test/${id}` });
    }
    const sub = /^\/v1\/subscriptions\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && sub) {
      const found = subscriptions.get(sub[1]!);
      return found ? reply(200, found) : reply(404, { error: { type: "invalid_request_error", message: `No such subscription: '${sub[1]}'` } });
    }
    reply(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    subscriptions,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const STRIPE_TEST_ENV = {
  STRIPE_SECRET_KEY: "sk_test_stand_in",
  STRIPE_WEBHOOK_SECRET: "whsec_test_stand_in",
  STRIPE_PRICE_PLUS_MONTHLY: "price_plus_month",
  STRIPE_PRICE_PLUS_YEARLY: "price_plus_year",
  STRIPE_PRICE_PRO_MONTHLY: "price_pro_month",
  STRIPE_PRICE_PRO_YEARLY: "price_pro_year",
  STRIPE_PORTAL_CONFIGURATION_ID: "bpc_test_stand_in",
};

/** A subscription object as the API version the app pins returns it (periods on the item). */
export function subscriptionObject(opts: {
  id: string;
  customer: string;
  price: string;
  status: string;
  periodStart: number;
  periodEnd: number;
  cancelAtPeriodEnd?: boolean;
  organizationId?: string;
}) {
  return {
    id: opts.id,
    object: "subscription",
    customer: opts.customer,
    status: opts.status,
    cancel_at_period_end: opts.cancelAtPeriodEnd ?? false,
    created: opts.periodStart,
    metadata: opts.organizationId ? { organizationId: opts.organizationId } : {},
    items: {
      object: "list",
      data: [
        {
          id: `si_${opts.id}`,
          object: "subscription_item",
          price: { id: opts.price, object: "price" },
          current_period_start: opts.periodStart,
          current_period_end: opts.periodEnd,
        },
      ],
    },
  };
}

let eventSeq = 0;

/** A webhook call as Stripe makes it: the event's JSON and its Stripe-Signature header. */
export function signedEvent(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
  const event = { id: `evt_${++eventSeq}_${Date.now()}`, object: "event", type, created, api_version: "2026-10-28.endive", data: { object } };
  const payload = JSON.stringify(event);
  const signature = new Stripe(STRIPE_TEST_ENV.STRIPE_SECRET_KEY).webhooks.generateTestHeaderString({ payload, secret: STRIPE_TEST_ENV.STRIPE_WEBHOOK_SECRET });
  return { event, payload, signature };
}
