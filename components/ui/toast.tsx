"use client";

import { toast as sonner, Toaster } from "sonner";
import { tones, type Tone } from "./badge";
import { cn } from "./cn";

export type ToastOptions = {
  title: string;
  description?: string;
  tone?: Tone;
  /** Milliseconds before it goes away on its own; 0 keeps it until dismissed. */
  duration?: number;
};

export type ToastApi = {
  /** Shows a toast and returns its id, for dismiss(). */
  toast: (t: ToastOptions) => string | number;
  dismiss: (id: string | number) => void;
};

const DEFAULT_DURATION = 5000;
// Failures usually need reading twice (and maybe copying), so they stay longer.
const DANGER_DURATION = 10000;

const show: Record<Tone, typeof sonner.message> = {
  neutral: sonner.message,
  info: sonner.info,
  success: sonner.success,
  warning: sonner.warning,
  danger: sonner.error,
};

const api: ToastApi = {
  toast: ({ title, description, tone = "neutral", duration }) =>
    show[tone](title, {
      description,
      duration: duration === 0 ? Number.POSITIVE_INFINITY : (duration ?? (tone === "danger" ? DANGER_DURATION : DEFAULT_DURATION)),
    }),
  dismiss: (id) => sonner.dismiss(id),
};

/** Toasts are a module-level queue (sonner), so this works anywhere, even outside the provider. */
export function useToast(): ToastApi {
  return api;
}

/** The header's height plus a gap: toasts sit under the header, clear of the template editor's sticky Save bar at the bottom. */
export const TOAST_OFFSET = { top: 72, right: 16 };

/**
 * One polite live region (sonner's <section aria-live>) that is always in the page, so screen
 * readers announce each toast without it taking focus; the timer pauses while the pointer is on
 * a toast, so nobody loses a message mid-read (WCAG 2.2.1).
 */
export function Toasts() {
  const tone = (t: Tone) => cn(tones[t], t === "neutral" && "bg-white text-slate-900");
  return (
    <Toaster
      position="top-right"
      offset={TOAST_OFFSET}
      mobileOffset={{ top: 64, left: 16, right: 16 }}
      closeButton
      containerAriaLabel="Notifications"
      toastOptions={{
        unstyled: true,
        closeButtonAriaLabel: "Dismiss notification",
        classNames: {
          toast: "flex w-full items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ring-1 ring-inset sm:w-80",
          title: "font-medium",
          description: "mt-0.5 break-words opacity-90",
          icon: "mt-0.5 shrink-0",
          closeButton:
            "order-last -mr-1 inline-flex size-6 shrink-0 items-center justify-center rounded opacity-70 hover:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
          default: tone("neutral"),
          info: tone("info"),
          success: tone("success"),
          warning: tone("warning"),
          error: tone("danger"),
        },
      }}
    />
  );
}
