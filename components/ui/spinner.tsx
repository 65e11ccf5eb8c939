import { LoaderCircle } from "lucide-react";
import { cn } from "./cn";

const sizes = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

/**
 * Decorative by default (inside a busy button the button's aria-busy says it all). With a
 * `label` it becomes a status that screen readers announce on its own.
 */
export function Spinner({ className, label, size = "md" }: { className?: string; label?: string; size?: keyof typeof sizes }) {
  return (
    <span role={label ? "status" : undefined} className={cn("inline-flex items-center gap-2", className)}>
      <LoaderCircle className={cn(sizes[size], "animate-spin")} aria-hidden="true" />
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
