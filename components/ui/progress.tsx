import { cn } from "./cn";

export function Progress({ value, max = 100, label, className }: { value: number; max?: number; label: string; className?: string }) {
  const clamped = Math.min(Math.max(value, 0), max);
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={Math.round(clamped)} className={cn("h-2 w-full overflow-hidden rounded-full bg-slate-200", className)}>
      <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${(clamped / max) * 100}%` }} />
    </div>
  );
}
