import { createElement } from "react";
import WebhookDisabledEmail, { subject } from "../../emails/webhook-disabled";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { sendEmail } from "../mail/send";

export const WEBHOOKS_PATH = "/settings/webhooks";

/**
 * Emails every active owner of the organization that an endpoint was disabled. Each message's
 * idempotency key names the endpoint, the disabling and the owner, so a retried step sends none twice.
 */
export async function emailEndpointDisabled(db: Db, input: { endpointId: string; disabledAt: string }): Promise<{ sent: number }> {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: input.endpointId },
    select: {
      url: true,
      failingSince: true,
      organization: {
        select: { name: true, memberships: { where: { orgRole: "OWNER", user: { status: "ACTIVE" } }, select: { user: { select: { email: true } } } } },
      },
    },
  });
  if (!endpoint) return { sent: 0 };
  const props = {
    organizationName: endpoint.organization.name,
    endpointUrl: endpoint.url,
    failingSince: (endpoint.failingSince ?? new Date(input.disabledAt)).toISOString().replace("T", " ").slice(0, 16) + " UTC",
    url: `${env().APP_URL}${WEBHOOKS_PATH}?endpoint=${input.endpointId}`,
  };
  for (const { user } of endpoint.organization.memberships) {
    await sendEmail({
      to: user.email,
      subject: subject(props),
      template: "webhook-disabled",
      react: createElement(WebhookDisabledEmail, props),
      idempotencyKey: `webhook-disabled:${input.endpointId}:${input.disabledAt}:${user.email}`,
    });
  }
  return { sent: endpoint.organization.memberships.length };
}
