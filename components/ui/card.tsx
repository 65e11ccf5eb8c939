import type { HTMLAttributes } from "react";
import { cn } from "./cn";

type Div = HTMLAttributes<HTMLDivElement>;

export function Card({ className, ...rest }: Div) {
  return <div className={cn("rounded-xl border border-slate-200 bg-white shadow-sm", className)} {...rest} />;
}
export function CardHeader({ className, ...rest }: Div) {
  return <div className={cn("space-y-1 p-4 pb-2 sm:p-5 sm:pb-3", className)} {...rest} />;
}
/** An h2 by default; pass `as="h3"` inside a section that already has an h2, so the outline stays correct. */
export function CardTitle({ className, as: Heading = "h2", ...rest }: HTMLAttributes<HTMLHeadingElement> & { as?: "h1" | "h2" | "h3" | "h4" }) {
  return <Heading className={cn("text-lg font-semibold text-slate-900", className)} {...rest} />;
}
export function CardDescription({ className, ...rest }: HTMLAttributes<HTMLParagraphElement>) {
  return <p className={cn("text-sm text-slate-600", className)} {...rest} />;
}
export function CardContent({ className, ...rest }: Div) {
  return <div className={cn("p-4 pt-2 sm:p-5 sm:pt-2", className)} {...rest} />;
}
export function CardFooter({ className, ...rest }: Div) {
  return <div className={cn("flex flex-wrap items-center gap-3 border-t border-slate-100 p-4 sm:p-5", className)} {...rest} />;
}
