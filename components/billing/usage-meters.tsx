import type { QuotaName } from "@/server/billing/plans";
import type { Meter } from "@/server/billing/usage";
import { formatDay } from "@/components/format";
import { UsageMeter } from "./usage-meter";

export const METER_LABELS: Record<QuotaName, string> = {
  completedInterviewsPerMonth: "Interviews this billing month (completed or awaiting answers)",
  activeTemplates: "Templates (not archived)",
  hrSeats: "HR seats",
};

export function UsageMeters({ meters, periodEnd }: { meters: Record<QuotaName, Meter>; periodEnd: Date }) {
  return (
    <div className="space-y-3">
      {(Object.keys(METER_LABELS) as QuotaName[]).map((name) => (
        <UsageMeter key={name} label={METER_LABELS[name]} meter={meters[name]} />
      ))}
      <p className="text-xs text-slate-500">The interview count starts again on {formatDay(periodEnd)}.</p>
    </div>
  );
}
