"use client";

import { Popover as PopoverPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type PopoverProps = {
  /** A single focusable element (a button) that opens the popover. */
  trigger: ReactNode;
  children: ReactNode;
  /** Names the panel for screen readers. */
  label: string;
  align?: "start" | "center" | "end";
  className?: string;
};

/** Non-modal floating content next to its trigger; Escape or a press outside closes it and focus returns to the trigger. */
export function Popover({ trigger, children, label, align = "center", className }: PopoverProps) {
  return (
    <PopoverPrimitive.Root>
      <PopoverPrimitive.Trigger asChild>{trigger}</PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          aria-label={label}
          align={align}
          sideOffset={6}
          collisionPadding={8}
          className={cn(
            "z-50 w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700 shadow-lg focus-visible:outline-none",
            "motion-safe:data-[state=open]:animate-pop-in",
            className,
          )}
        >
          {children}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
