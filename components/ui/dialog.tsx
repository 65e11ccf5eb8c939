"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
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

/**
 * A modal on the native <dialog>: showModal() gives focus containment, the inert background,
 * Escape and focus return from the browser itself. The parent owns `open`; every way of
 * closing (Escape, the × button, a click on the backdrop) asks through onOpenChange(false)
 * instead of closing the element directly, so the parent can refuse (e.g. while saving).
 */
export function Dialog({ open, onOpenChange, title, description, children, role = "dialog", hideCloseButton = false, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const pressedOnBackdrop = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onOpenChange(false);
      }}
      onClose={() => {
        // A <form method="dialog"> inside closes the element itself; tell the parent.
        if (open) onOpenChange(false);
      }}
      // A text selection dragged out of the panel ends with a click on the backdrop; only a press that started there closes.
      onPointerDown={(e) => {
        pressedOnBackdrop.current = e.target === ref.current;
      }}
      onClick={(e) => {
        if (e.target === ref.current && pressedOnBackdrop.current) onOpenChange(false);
        pressedOnBackdrop.current = false;
      }}
      className={cn(
        // Tailwind's preflight removes the UA's `margin: auto`, which is what centres a modal dialog.
        "m-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-xl bg-white p-0 text-slate-900 shadow-xl",
        "backdrop:bg-slate-900/50 motion-safe:open:animate-dialog-in",
        className,
      )}
    >
      <div className="relative space-y-4 p-5">
        <div className="space-y-1 pr-8">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="text-sm text-slate-600">
              {description}
            </div>
          ) : null}
        </div>
        {children}
        {hideCloseButton ? null : (
          // Last in the DOM so showModal() focuses the first control of the content, not this.
          <button
            type="button"
            aria-label="Close"
            onClick={() => onOpenChange(false)}
            className="absolute right-3 top-3 inline-flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        )}
      </div>
    </dialog>
  );
}
