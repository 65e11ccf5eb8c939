import type { TimelineEvent } from "@/server/review/timeline";
import { formatDateTime } from "@/components/format";

const DOT: Record<TimelineEvent["kind"], string> = {
  sent: "bg-slate-400",
  resent: "bg-slate-400",
  opened: "bg-brand-500",
  consent: "bg-brand-500",
  started: "bg-brand-500",
  answered: "bg-brand-600",
  completed: "bg-green-600",
  cancelled: "bg-red-600",
  expired: "bg-amber-500",
};

export function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {events.map((e, i) => (
        <li key={`${e.kind}-${i}`} className="relative">
          <span aria-hidden className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white ${DOT[e.kind]}`} />
          <p className="text-sm font-medium text-slate-900">{e.label}</p>
          <p className="text-xs text-slate-500">
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
