"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Select, useToast } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { adminSetPlanInput } from "@/server/billing/billing.schema";
import { PLAN_NAMES, PLANS } from "@/server/billing/plans";

export function AdminPlanSelect({ organizationId, organizationName, plan: initial }: { organizationId: string; organizationName: string; plan: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [plan, setPlan] = useState(initial);
  const save = useMutation(
    trpc.billing.setPlan.mutationOptions({
      onSuccess: (result) => {
        toast({ title: `${organizationName} moves to ${PLAN_NAMES[result.plan]}` });
        router.refresh();
      },
      onError: (e) => {
        setPlan(initial);
        toast({ title: errorMessage(e), tone: "danger" });
      },
    }),
  );
  return (
    <Select
      aria-label={`Plan of ${organizationName}`}
      value={plan}
      disabled={save.isPending}
      onChange={(e) => {
        const parsed = adminSetPlanInput.safeParse({ organizationId, plan: e.target.value });
        if (!parsed.success) return;
        setPlan(parsed.data.plan);
        save.mutate(parsed.data);
      }}
    >
      {PLANS.map((p) => (
        <option key={p} value={p}>
          {PLAN_NAMES[p]}
        </option>
      ))}
    </Select>
  );
}
