import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LocalCheckoutForm } from "@/components/billing/local-checkout-form";
import { Card, CardContent, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Switch plan" };

export default async function LocalCheckoutPage() {
  await requireRole("HR", "ADMIN");
  const billing = await (await serverCaller()).billing.overview();
  // Stripe's own checkout replaces this page when Stripe is on; only owners change the plan.
  if (billing.mode !== "local" || !billing.canManage) redirect("/settings/billing");
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="Switch plan" description={`Your organization is on ${billing.plan.name}.`} />
      <Card>
        <CardHeader>
          <CardTitle>Choose a plan</CardTitle>
        </CardHeader>
        <CardContent>
          <LocalCheckoutForm plans={billing.plans} initial={billing.plan.plan} />
        </CardContent>
      </Card>
    </div>
  );
}
