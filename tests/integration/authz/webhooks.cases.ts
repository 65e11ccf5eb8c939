import { getDb } from "@/server/db/client";
import type { Cases, Fixture } from "./fixture";

type Records = { endpointId: string; deliveryId: string };
const records = new WeakMap<Fixture, Promise<Records>>();

// Organization A's endpoint with one delivery, written directly: the walk is about who reaches them.
function recordsOf(fx: Fixture): Promise<Records> {
  let r = records.get(fx);
  if (!r) {
    r = (async () => {
      const endpoint = await getDb().webhookEndpoint.create({
        data: { organizationId: fx.orgA.id, url: "https://hooks.example.com/authz", secret: "whsec_YXV0aHotd2Fsay1zZWNyZXQ=", events: ["invitation.sent"] },
      });
      const delivery = await getDb().webhookDelivery.create({
        data: { endpointId: endpoint.id, eventId: "authz-event", eventType: "invitation.sent", payload: { type: "invitation.sent" } },
      });
      return { endpointId: endpoint.id, deliveryId: delivery.id };
    })();
    records.set(fx, r);
  }
  return r;
}

const freshEndpoint = async (fx: Fixture) => {
  const endpoint = await getDb().webhookEndpoint.create({
    data: { organizationId: fx.orgA.id, url: "https://hooks.example.com/delete-me", secret: "whsec_ZGVsZXRlLW1lLXNlY3JldA==", events: ["invitation.sent"] },
  });
  return { endpointId: endpoint.id };
};
const byEndpoint = async (fx: Fixture) => ({ endpointId: (await recordsOf(fx)).endpointId });
const byDelivery = async (fx: Fixture) => ({ deliveryId: (await recordsOf(fx)).deliveryId });

export const webhooksCases: Cases = {
  "webhooks.list": { crossTenant: "Lists the caller's own organization's endpoints; it names none." },
  "webhooks.create": {
    input: () => ({ url: "https://hooks.example.com/new", events: ["invitation.sent"] }),
    crossTenant: "Creates an endpoint in the caller's own organization; it names no record.",
  },
  "webhooks.update": {
    input: async (fx) => ({ ...(await byEndpoint(fx)), url: "https://hooks.example.com/authz", events: ["invitation.sent"] }),
    crossTenant: async (fx) => ({ ...(await byEndpoint(fx)), url: "https://hooks.example.com/authz", events: ["invitation.sent"] }),
  },
  "webhooks.rotateSecret": { input: byEndpoint, crossTenant: byEndpoint },
  "webhooks.enable": { input: byEndpoint, crossTenant: byEndpoint },
  "webhooks.deliveries": { input: byEndpoint, crossTenant: byEndpoint },
  "webhooks.sendTest": { input: byEndpoint, crossTenant: byEndpoint },
  "webhooks.resend": { input: byDelivery, crossTenant: byDelivery },
  // A fresh endpoint per call, so the other cases keep theirs.
  "webhooks.delete": { input: freshEndpoint, crossTenant: freshEndpoint },
};
