import type { HTMLAttributes } from "react";
import { tones, type Tone } from "./badge";
import { cn } from "./cn";

/** Danger alerts interrupt screen readers (role=alert); the others are announced politely. */
export function Alert({ tone = "info", title, className, children, ...rest }: HTMLAttributes<HTMLDivElement> & { tone?: Tone; title?: string }) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={cn("rounded-lg px-4 py-3 text-sm ring-1 ring-inset", tones[tone], className)} {...rest}>
      {title ? <p className="font-medium">{title}</p> : null}
      {children}
    </div>
  );
}
