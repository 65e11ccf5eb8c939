import Link from "next/link";
import type { Meter } from "@/server/billing/usage";
import { formatDay } from "@/components/format";
import { UsageMeter } from "./usage-meter";

export function DashboardPlanMeter({ planName, meter, periodEnd }: { planName: string; meter: Meter; periodEnd: Date }) {
  return (
    <section aria-label="Plan usage" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <UsageMeter label={`${planName} plan: interviews this billing month`} meter={meter} />
      <p className="text-xs text-slate-500">
        Counts again from {formatDay(periodEnd)}.{" "}
        <Link href="/settings/billing" className="underline">
          Billing and plans
        </Link>
      </p>
    </section>
  );
}
