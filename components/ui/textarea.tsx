import type { Ref, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };

/** The default height comes from `rows`, not a min-height class, so callers can make it shorter or taller with `rows`. */
export function Textarea({ className, rows = 4, ...rest }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses, "resize-y", className)} {...rest} />;
}
