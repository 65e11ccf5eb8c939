"use client";

import { X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Names the dialog (aria-labelledby). */
  title: ReactNode;
  /** Read out with the title when the dialog opens (aria-describedby). */
  description?: ReactNode;
  children?: ReactNode;
  /** "alertdialog" for confirmations that need an answer, such as deleting something. */
  role?: "dialog" | "alertdialog";
  /** Hide the × button when the content has its own way out (there is always Escape). */
  hideCloseButton?: boolean;
  className?: string;
};

export const overlayClasses = "fixed inset-0 z-50 bg-slate-900/50 motion-safe:data-[state=open]:animate-fade-in";

export const closeButtonClasses =
  "absolute right-3 top-3 inline-flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

/**
 * A modal on Radix Dialog: focus is trapped and returned to the trigger, the rest of the page is
 * hidden from assistive technology and does not scroll. The parent owns `open`; every way of
 * closing (Escape, the × button, a press outside) asks through onOpenChange(false), so the
 * parent can refuse (e.g. while saving).
 */
export function Dialog({ open, onOpenChange, title, description, children, role = "dialog", hideCloseButton = false, className }: DialogProps) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlayClasses} />
        <DialogPrimitive.Content
          role={role}
          // Without a description Radix warns unless aria-describedby is explicitly absent.
          {...(description ? {} : { "aria-describedby": undefined })}
          className={cn(
            "fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white text-slate-900 shadow-xl",
            "focus-visible:outline-none motion-safe:data-[state=open]:animate-dialog-in",
            className,
          )}
        >
          <div className="relative space-y-4 p-5">
            <div className="space-y-1 pr-8">
              <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
              {description ? (
                <DialogPrimitive.Description asChild>
                  <div className="text-sm text-slate-600">{description}</div>
                </DialogPrimitive.Description>
              ) : null}
            </div>
            {children}
            {hideCloseButton ? null : (
              // Last in the DOM so opening focuses the first control of the content, not this.
              <DialogPrimitive.Close aria-label="Close" className={closeButtonClasses}>
                <X className="size-4" aria-hidden="true" />
              </DialogPrimitive.Close>
            )}
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
