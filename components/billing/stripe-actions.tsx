"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Field, Select } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { changePlanInput } from "@/server/billing/billing.schema";
import type { PlanCapabilities } from "@/server/billing/plans";

/** Stripe's pages (Checkout, the Customer Portal) are opened by URL; the server makes the session. */
export function PortalButton({ label = "Manage billing in Stripe" }: { label?: string }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | undefined>();
  const portal = useMutation(
    trpc.billing.portal.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  return (
    <div className="space-y-1">
      <Button variant="secondary" loading={portal.isPending} onClick={() => portal.mutate()}>
        {label}
      </Button>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function StripeCheckoutForm({ plans }: { plans: PlanCapabilities[] }) {
  const trpc = useTRPC();
  const paid = plans.filter((p) => p.plan !== "FREE");
  const [plan, setPlan] = useState<string>(paid[0]?.plan ?? "PLUS");
  const [interval, setBillingInterval] = useState<string>("month");
  const [error, setError] = useState<string | undefined>();
  const checkout = useMutation(
    trpc.billing.checkout.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = changePlanInput.safeParse({ plan, interval });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    checkout.mutate(parsed.data);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <Field label="Plan" error={error}>
        {(props) => (
          <Select {...props} value={plan} onChange={(e) => setPlan(e.target.value)}>
            {paid.map((p) => (
              <option key={p.plan} value={p.plan}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Billed">
        {(props) => (
          <Select {...props} value={interval} onChange={(e) => setBillingInterval(e.target.value)}>
            <option value="month">Monthly</option>
            <option value="year">Yearly</option>
          </Select>
        )}
      </Field>
      <Button type="submit" loading={checkout.isPending}>
        Continue to checkout
      </Button>
    </form>
  );
}
