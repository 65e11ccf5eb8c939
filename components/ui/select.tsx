import type { Ref, SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> };

/**
 * A native <select>: the platform picker is the most usable one on phones and with screen
 * readers. Only the closed box is restyled; `select-chevron` (globals.css) draws the arrow.
 */
export function Select({ className, multiple, ...rest }: SelectProps) {
  return <select multiple={multiple} className={cn(controlClasses, multiple ? "py-1" : "select-chevron h-10 appearance-none pr-9", className)} {...rest} />;
}
