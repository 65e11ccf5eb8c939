import type { InputHTMLAttributes, Ref } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control";

export { controlClasses };

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export function Input({ className, type, ...rest }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        // File inputs keep the native picker button, which is taller than a line of text.
        type === "file" ? "h-auto" : "h-10",
        "file:mr-3 file:rounded file:bg-slate-100 file:px-2 file:py-1 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200",
        className,
      )}
      {...rest}
    />
  );
}

// Kept here as well so imports written against the first version of the kit still resolve.
export { Textarea } from "./textarea";
export { Select } from "./select";
