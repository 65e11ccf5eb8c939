import type { Metadata } from "next";
import Link from "next/link";
import { WebhooksManager } from "@/components/webhooks/webhooks-manager";
import { Alert, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { hrMembership } from "@/server/auth/session-user";
import { getDb } from "@/server/db/client";
import { webhooksIncluded } from "@/server/webhooks/plan-gate";

export const metadata: Metadata = { title: "Webhooks" };

const DESCRIPTION = "Send your organization's interview events to your own systems, signed, retried for about a day, with every attempt logged.";

export default async function WebhooksPage() {
  const user = await requireRole("HR", "ADMIN");
  const membership = hrMembership(user);
  if (membership?.orgRole !== "OWNER") {
    return (
      <div className="space-y-6">
        <PageHeader title="Webhooks" description={DESCRIPTION} />
        <Alert tone="info">Only an owner of your organization can manage its webhooks.</Alert>
      </div>
    );
  }
  const included = await webhooksIncluded(getDb(), membership.organizationId);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title="Webhooks" description={DESCRIPTION} />
      {included ? (
        <WebhooksManager />
      ) : (
        <Alert tone="info" title="Part of the Plus and Pro plans">
          Outgoing webhooks are not included in your plan.{" "}
          <Link href="/settings/billing" className="underline underline-offset-2">
            Compare plans
          </Link>
        </Alert>
      )}
    </div>
  );
}
