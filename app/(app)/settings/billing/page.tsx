import Link from "next/link";
import type { Metadata } from "next";
import { PastDueBanner } from "@/components/billing/past-due-banner";
import { PendingSwitch } from "@/components/billing/pending-switch";
import { PortalButton, StripeCheckoutForm } from "@/components/billing/stripe-actions";
import { PlansTable } from "@/components/billing/plans-table";
import { UsageMeters } from "@/components/billing/usage-meters";
import { formatDay } from "@/components/format";
import { Alert, Badge, ButtonLink, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { PLAN_NAMES, PLANS } from "@/server/billing/plans";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ switched?: string; checkout?: string }> }) {
  await requireRole("HR", "ADMIN");
  const billing = await (await serverCaller()).billing.overview();
  const { switched, checkout } = await searchParams;
  const pending = PLANS.find((p) => p === switched && p !== billing.subscription.plan);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Billing"
        description={billing.mode === "local" ? "Local billing mode: plans are switched here and nothing is charged." : "Billed by Stripe."}
      />
      {pending && <PendingSwitch planName={PLAN_NAMES[pending]} />}
      {billing.pastDue && (
        <PastDueBanner
          planName={PLAN_NAMES[billing.subscription.plan]}
          graceEndsAt={billing.graceEndsAt}
          canManage={billing.canManage}
          stripe={billing.mode === "stripe"}
        />
      )}
      {checkout === "done" && <Alert tone="success">Thank you: your subscription starts as soon as Stripe confirms the payment.</Alert>}
      <Card>
        <CardHeader>
          <CardTitle>
            {billing.plan.name} plan{" "}
            <Badge tone={billing.subscription.status === "active" ? "success" : "warning"}>{billing.subscription.status.replace("_", " ")}</Badge>
          </CardTitle>
          <CardDescription>
            {billing.subscription.cancelAtPeriodEnd && billing.subscription.currentPeriodEnd
              ? `Cancelled: ends on ${formatDay(billing.subscription.currentPeriodEnd)}.`
              : "Usage this billing period."}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <UsageMeters meters={billing.meters} periodEnd={billing.period.end} />
          <p className="text-sm text-slate-600">
            Interviews are kept {billing.retention.effectiveDays} days after they end (the {billing.plan.name} plan allows up to {billing.retention.planMaxDays}
            ).{" "}
            <Link href="/settings/privacy" className="text-brand-700 underline underline-offset-2">
              Privacy settings
            </Link>
          </p>
          {billing.canManage ? (
            billing.mode === "local" ? (
              <ButtonLink href="/settings/billing/checkout">Switch plan</ButtonLink>
            ) : billing.subscription.stripeCustomerId && billing.subscription.plan !== "FREE" && billing.subscription.status !== "canceled" ? (
              <PortalButton />
            ) : (
              <StripeCheckoutForm plans={billing.plans} />
            )
          ) : (
            <p className="text-sm text-slate-600">Only an owner of your organization can change its plan.</p>
          )}
        </CardContent>
      </Card>
      <section aria-labelledby="plans-heading" className="space-y-3">
        <h2 id="plans-heading" className="text-lg font-semibold">
          Plans
        </h2>
        <PlansTable plans={billing.plans} current={billing.plan.plan} />
      </section>
    </div>
  );
}
