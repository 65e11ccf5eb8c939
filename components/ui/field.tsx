import { useId, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  required: true | undefined;
};

export type FieldProps = {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  /** Marks the label and hands `required` to the control. */
  required?: boolean;
  /** Use a known id (e.g. to focus the control from an error summary); one is generated otherwise. */
  id?: string;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
};

/**
 * A label, a control, an optional description and the error message, wired for assistive
 * technology: the control gets its id, aria-invalid and aria-describedby from the render prop.
 * No "use client": useId works in Server Components too, so server-rendered forms can use it.
 */
export function Field({ label, description, error, required, id: givenId, className, children }: FieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {children({ id, "aria-invalid": hasError || undefined, "aria-describedby": describedBy, required: required || undefined })}
      {description ? (
        <p id={descriptionId} className="text-xs text-slate-500">
          {description}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
