"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, Select } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { changePlanInput } from "@/server/billing/billing.schema";
import type { PlanCapabilities } from "@/server/billing/plans";

/** The local stand-in for Stripe Checkout: the owner picks a plan and it is applied, free of charge. */
export function LocalCheckoutForm({ plans, initial }: { plans: PlanCapabilities[]; initial: PlanCapabilities["plan"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [plan, setPlan] = useState<string>(initial);
  const [error, setError] = useState<string | undefined>();
  const change = useMutation(
    trpc.billing.switchPlanLocally.mutationOptions({
      onSuccess: (result) => router.push(`/settings/billing?switched=${result.plan}`),
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = changePlanInput.safeParse({ plan, interval: "month" });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    change.mutate(parsed.data);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert tone="info" title="No payment is taken">
        Billing runs in local mode (no Stripe key is configured): the plan you choose applies to your organization at once and nothing is charged.
      </Alert>
      <Field label="Plan" error={error}>
        {(props) => (
          <Select {...props} value={plan} onChange={(e) => setPlan(e.target.value)}>
            {plans.map((p) => (
              <option key={p.plan} value={p.plan}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" loading={change.isPending}>
        Switch plan
      </Button>
    </form>
  );
}
