"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { tones, type Tone } from "./badge";
import { cn } from "./cn";

type Toast = { id: number; title: string; description?: string; tone?: Tone };
type ToastApi = { toast: (t: Omit<Toast, "id">) => void };

const ToastContext = createContext<ToastApi>({ toast: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

let nextId = 0;

/** Toasts live in one polite live region, so screen readers announce them without stealing focus. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const toast = useCallback((t: Omit<Toast, "id">) => {
    const id = ++nextId;
    setToasts((all) => [...all, { ...t, id }]);
    setTimeout(() => setToasts((all) => all.filter((x) => x.id !== id)), 5000);
  }, []);
  const api = useMemo(() => ({ toast }), [toast]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2">
        {toasts.map((t) => (
          <div key={t.id} className={cn("pointer-events-auto rounded-lg px-4 py-3 text-sm shadow-lg ring-1 ring-inset", tones[t.tone ?? "neutral"], "bg-white")}>
            <p className="font-medium">{t.title}</p>
            {t.description ? <p className="mt-0.5 opacity-90">{t.description}</p> : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
