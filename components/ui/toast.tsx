"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { tones, type Tone } from "./badge";
import { cn } from "./cn";

export type ToastOptions = {
  title: string;
  description?: string;
  tone?: Tone;
  /** Milliseconds before it goes away on its own; 0 keeps it until dismissed. */
  duration?: number;
};

type Toast = ToastOptions & { id: number };

export type ToastApi = {
  /** Shows a toast and returns its id, for dismiss(). */
  toast: (t: ToastOptions) => number;
  dismiss: (id: number) => void;
};

const DEFAULT_DURATION = 5000;
// Failures usually need reading twice (and maybe copying), so they stay longer.
const DANGER_DURATION = 10000;

// Outside a provider (e.g. a component rendered on its own in a test) toasts are simply dropped.
const ToastContext = createContext<ToastApi>({ toast: () => 0, dismiss: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

// A neutral toast floats over arbitrary content, so it gets a white card rather than the grey badge fill.
const toastTones: Record<Tone, string> = { ...tones, neutral: "bg-white text-slate-900 ring-slate-200" };

let nextId = 0;

/**
 * Toasts live in one polite live region that is always in the DOM, so screen readers announce
 * each new toast without stealing focus (a region inserted together with its text is often
 * not announced). Put the provider once, near the root.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const toast = useCallback((t: ToastOptions) => {
    const id = ++nextId;
    setToasts((all) => [...all, { ...t, id }]);
    return id;
  }, []);
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="polite"
        aria-label="Notifications"
        role="region"
        className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 sm:left-auto sm:w-80"
      >
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} dismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** The timer pauses while the pointer or focus is on the toast, so nobody loses a message mid-read (WCAG 2.2.1). */
function ToastItem({ toast: t, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(t.duration ?? (t.tone === "danger" ? DANGER_DURATION : DEFAULT_DURATION));
  const { id } = t;

  useEffect(() => {
    if (paused || remaining.current <= 0) return;
    const started = Date.now();
    const timer = setTimeout(() => dismiss(id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1, remaining.current - (Date.now() - started));
    };
  }, [paused, id, dismiss]);

  return (
    <div
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn("pointer-events-auto flex items-start gap-3 rounded-lg bg-white px-4 py-3 text-sm shadow-lg ring-1 ring-inset motion-safe:animate-toast-in", toastTones[t.tone ?? "neutral"])}
    >
      <div className="min-w-0 flex-1">
        <p className="font-medium">{t.title}</p>
        {t.description ? <p className="mt-0.5 break-words opacity-90">{t.description}</p> : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss notification"
        onClick={() => dismiss(id)}
        className="-mr-1 inline-flex size-6 shrink-0 items-center justify-center rounded opacity-70 hover:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
