import type { HTMLAttributes, ReactNode, Ref } from "react";
import { tones, type Tone } from "./badge";
import { cn } from "./cn";

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone?: Tone;
  title?: ReactNode;
  ref?: Ref<HTMLDivElement>;
};

/**
 * Danger alerts interrupt screen readers (role=alert); the others are announced politely
 * (role=status). Either way the live role only announces alerts that appear after the page
 * has loaded, which is when they matter.
 */
export function Alert({ tone = "info", title, className, children, role, ...rest }: AlertProps) {
  return (
    <div
      role={role ?? (tone === "danger" ? "alert" : "status")}
      className={cn("rounded-lg px-4 py-3 text-sm ring-1 ring-inset", tones[tone], className)}
      {...rest}
    >
      {title ? <p className="font-medium">{title}</p> : null}
      {title && children ? <div className="mt-1">{children}</div> : children}
    </div>
  );
}
