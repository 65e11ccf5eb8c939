import type { ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Usually a Button or ButtonLink that creates the first item. */
  action?: ReactNode;
  /** Decorative; it is hidden from screen readers. */
  icon?: ReactNode;
  className?: string;
};

export function EmptyState({ title, description, action, icon, className }: EmptyStateProps) {
  return (
    <div className={cn("rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center sm:px-6", className)}>
      {icon ? (
        <div aria-hidden="true" className="mx-auto mb-3 flex size-10 items-center justify-center rounded-full bg-slate-100 text-slate-500">
          {icon}
        </div>
      ) : null}
      <p className="font-medium text-slate-900">{title}</p>
      {description ? <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">{description}</p> : null}
      {action ? <div className="mt-4 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
