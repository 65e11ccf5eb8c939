"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type TabItem<T extends string> = { value: T; label: ReactNode };

export type TabsProps<T extends string> = {
  tabs: TabItem<T>[];
  value: T;
  onValueChange: (value: T) => void;
  /** The panel for the selected tab; the parent renders whatever belongs to `value`. */
  children: ReactNode;
  /** Accessible name of the tab list, e.g. "How to add candidates". */
  label: string;
  className?: string;
};

/**
 * Radix Tabs (WAI-ARIA APG, automatic activation: the list is one tab stop and the arrow keys,
 * Home and End select). Only the selected panel is rendered, so the parent keeps owning what
 * each tab shows, and a value the list does not know never leaves the tabs without a selection.
 */
export function Tabs<T extends string>({ tabs, value, onValueChange, children, label, className }: TabsProps<T>) {
  const selected = tabs.some((t) => t.value === value) ? value : tabs[0]?.value;
  return (
    <TabsPrimitive.Root value={selected} onValueChange={(v) => onValueChange(v as T)} activationMode="automatic" className={className}>
      {/* The grey rule is an inset shadow, not a border, so the selected tab's underline covers it without a negative margin that would be clipped when the list scrolls sideways on a phone. */}
      <TabsPrimitive.List aria-label={label} className="relative flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-slate-200)]">
        {tabs.map((t) => (
          <TabsPrimitive.Trigger
            key={t.value}
            value={t.value}
            className={cn(
              "shrink-0 whitespace-nowrap rounded-t-md border-b-2 px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500",
              "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              "data-[state=active]:border-brand-600 data-[state=active]:font-medium data-[state=active]:text-brand-700",
            )}
          >
            {t.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {selected === undefined ? null : (
        <TabsPrimitive.Content value={selected} className="pt-4 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
          {children}
        </TabsPrimitive.Content>
      )}
    </TabsPrimitive.Root>
  );
}
