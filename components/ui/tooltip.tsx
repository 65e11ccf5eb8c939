"use client";

import { Tooltip as TooltipPrimitive } from "radix-ui";
import type { ReactNode } from "react";

export type TooltipProps = {
  /** A single focusable element; the tooltip shows on hover and on keyboard focus. */
  children: ReactNode;
  content: ReactNode;
  side?: "top" | "right" | "bottom" | "left";
  /** Lets a parent hide the tooltip when its text is already on screen (e.g. an expanded sidebar). */
  disabled?: boolean;
};

/**
 * A supplementary label. It is not the accessible name: give the trigger its own (aria-label or
 * text), since touch screens never show a tooltip.
 */
export function Tooltip({ children, content, side = "top", disabled = false }: TooltipProps) {
  if (disabled) return <>{children}</>;
  return (
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          side={side}
          sideOffset={6}
          className="z-50 rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow motion-safe:data-[state=delayed-open]:animate-pop-in"
        >
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}

/** One provider near the root, so moving between tooltips skips the open delay. */
export const TooltipProvider = TooltipPrimitive.Provider;
