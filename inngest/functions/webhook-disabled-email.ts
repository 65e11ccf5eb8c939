import { db } from "@/server/db/client";
import { emailEndpointDisabled } from "@/server/webhooks/disabled-email";
import { inngest } from "../client";
import { webhookEndpointDisabled } from "../events";

/** Tells the organization's owners that an endpoint failing for 3 days was disabled. */
export const webhookDisabledEmailFn = inngest.createFunction(
  { id: "webhook-disabled-email", name: "Email owners that a webhook endpoint was disabled", triggers: [webhookEndpointDisabled], retries: 8 },
  async ({ event, step }) => step.run("send-email", () => emailEndpointDisabled(db, event.data)),
);
