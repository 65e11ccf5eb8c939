import type { HTMLAttributes } from "react";
import { cn } from "./cn";

type Div = HTMLAttributes<HTMLDivElement>;

export function Card({ className, ...rest }: Div) {
  return <div className={cn("rounded-xl border border-slate-200 bg-white shadow-sm", className)} {...rest} />;
}
export function CardHeader({ className, ...rest }: Div) {
  return <div className={cn("space-y-1 p-5 pb-3", className)} {...rest} />;
}
export function CardTitle({ className, ...rest }: HTMLAttributes<HTMLHeadingElement>) {
  return <h2 className={cn("text-lg font-semibold text-slate-900", className)} {...rest} />;
}
export function CardDescription({ className, ...rest }: HTMLAttributes<HTMLParagraphElement>) {
  return <p className={cn("text-sm text-slate-600", className)} {...rest} />;
}
export function CardContent({ className, ...rest }: Div) {
  return <div className={cn("p-5 pt-2", className)} {...rest} />;
}
export function CardFooter({ className, ...rest }: Div) {
  return <div className={cn("flex items-center gap-3 border-t border-slate-100 p-5", className)} {...rest} />;
}
