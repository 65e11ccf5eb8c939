import type { HTMLAttributes } from "react";
import { cn } from "./cn";

/** Hidden from assistive technology: announce loading once on the container (aria-busy) or with a labelled Spinner. */
export function Skeleton({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none", className)} {...rest} />;
}
