import { cn } from "./cn";

const sizes = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

/**
 * Decorative by default (inside a busy button the button's aria-busy says it all). With a
 * `label` it becomes a status that screen readers announce on its own.
 */
export function Spinner({ className, label, size = "md" }: { className?: string; label?: string; size?: keyof typeof sizes }) {
  return (
    <span role={label ? "status" : undefined} className={cn("inline-flex items-center gap-2", className)}>
      <svg className={cn(sizes[size], "animate-spin")} viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
