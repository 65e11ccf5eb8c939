import { Progress } from "@/components/ui";
import type { Meter } from "@/server/billing/usage";
import { formatLimit } from "@/components/format";

/** One limit: used against the plan's limit, or just the count when the plan has none. */
export function UsageMeter({ label, meter }: { label: string; meter: Meter }) {
  const text = meter.limit === null ? `${meter.used} (no limit)` : `${meter.used} of ${formatLimit(meter.limit)}`;
  const full = meter.limit !== null && meter.used >= meter.limit;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className={full ? "font-medium text-red-700" : "text-slate-600"}>{text}</span>
      </div>
      {meter.limit !== null && <Progress value={meter.used} max={meter.limit} label={label} valueText={text} />}
    </div>
  );
}
