import { cn } from "./cn";

export type ProgressProps = {
  value: number;
  max?: number;
  /** The accessible name, e.g. "Upload progress". */
  label: string;
  /** Read out instead of the bare number, e.g. "3 of 5 questions answered". */
  valueText?: string;
  className?: string;
};

export function Progress({ value, max = 100, label, valueText, className }: ProgressProps) {
  const safeMax = max > 0 ? max : 1;
  const clamped = Math.min(Math.max(Number.isFinite(value) ? value : 0, 0), safeMax);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={safeMax}
      aria-valuenow={Math.round(clamped)}
      aria-valuetext={valueText}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-slate-200", className)}
    >
      <div className="h-full rounded-full bg-brand-600 transition-[width] motion-reduce:transition-none" style={{ width: `${(clamped / safeMax) * 100}%` }} />
    </div>
  );
}
