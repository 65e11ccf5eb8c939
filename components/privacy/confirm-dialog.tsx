"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

type Props = {
  trigger: (open: () => void) => ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  /** Extra content, such as a field to type a confirmation into; confirm stays disabled until `ready`. */
  children?: ReactNode;
  ready?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/** A confirmation that needs an answer (alertdialog) before something that cannot be undone. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  tone = "danger",
  pending,
  error,
  onConfirm,
  children,
  ready = true,
  onOpenChange,
}: Props) {
  const [open, setOpen] = useState(false);
  const change = (next: boolean) => {
    if (pending) return;
    setOpen(next);
    onOpenChange?.(next);
  };
  return (
    <>
      {trigger(() => change(true))}
      <Dialog open={open} onOpenChange={change} role="alertdialog" title={title} description={description}>
        {children}
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => change(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant={tone === "danger" ? "destructive" : "primary"} loading={pending} disabled={!ready} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
