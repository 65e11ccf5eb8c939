import type { LabelHTMLAttributes, Ref } from "react";
import { cn } from "./cn";

export type LabelProps = LabelHTMLAttributes<HTMLLabelElement> & {
  /** Adds a visual asterisk; the control itself must carry `required` for assistive technology. */
  required?: boolean;
  ref?: Ref<HTMLLabelElement>;
};

export function Label({ className, required, children, ...rest }: LabelProps) {
  return (
    <label className={cn("block text-sm font-medium text-slate-800", className)} {...rest}>
      {children}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-red-600">
          *
        </span>
      ) : null}
    </label>
  );
}
