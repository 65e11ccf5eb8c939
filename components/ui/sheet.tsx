"use client";

import { X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { closeButtonClasses, overlayClasses } from "./dialog";

export type SheetProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Names the panel; hide it visually with `hideTitle` when the content already says it. */
  title: ReactNode;
  hideTitle?: boolean;
  /** Which edge the panel slides in from. */
  side?: "left" | "right";
  children: ReactNode;
  className?: string;
};

/** A dialog that is a full-height side panel, e.g. the navigation on a phone. */
export function Sheet({ open, onOpenChange, title, hideTitle = false, side = "left", children, className }: SheetProps) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlayClasses} />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className={cn(
            "fixed inset-y-0 z-50 flex w-[min(20rem,calc(100vw-3rem))] flex-col overflow-y-auto bg-white text-slate-900 shadow-xl focus-visible:outline-none",
            side === "left" ? "left-0 motion-safe:data-[state=open]:animate-sheet-in-left" : "right-0 motion-safe:data-[state=open]:animate-sheet-in-right",
            className,
          )}
        >
          <DialogPrimitive.Title className={hideTitle ? "sr-only" : "px-4 pb-2 pt-4 pr-12 text-lg font-semibold"}>{title}</DialogPrimitive.Title>
          {children}
          <DialogPrimitive.Close aria-label="Close" className={closeButtonClasses}>
            <X className="size-4" aria-hidden="true" />
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
