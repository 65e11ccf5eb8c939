"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { rovingIndex } from "./roving";

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
 * Tabs with a roving tabindex (WAI-ARIA APG, automatic activation): the list is one tab stop,
 * the arrow keys, Home and End select a tab and move focus to it, and Tab goes on into the panel.
 */
export function Tabs<T extends string>({ tabs, value, onValueChange, children, label, className }: TabsProps<T>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const selected = Math.max(
    0,
    tabs.findIndex((t) => t.value === value),
  );
  // Ids use the position, not the value, because values may hold characters that are not valid in an id.
  const tabId = (i: number) => `${base}-tab-${i}`;
  const panelId = `${base}-panel`;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const next = rovingIndex(e.key, selected, tabs.length, "horizontal");
    if (next === null) return;
    e.preventDefault();
    onValueChange(tabs[next]!.value);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  }

  // The list's grey rule is an inset shadow, not a border, so the tabs' own underline can cover it
  // without the negative margin that would be clipped when the list scrolls sideways on a phone.
  return (
    <div className={className}>
      <div ref={list} role="tablist" aria-label={label} aria-orientation="horizontal" onKeyDown={onKeyDown} className="flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-slate-200)]">
        {tabs.map((t, i) => {
          const isSelected = i === selected;
          return (
            <button
              key={t.value}
              role="tab"
              type="button"
              id={tabId(i)}
              aria-selected={isSelected}
              // Only one panel is rendered: the selected tab's.
              aria-controls={isSelected ? panelId : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onValueChange(t.value)}
              className={cn(
                "shrink-0 whitespace-nowrap rounded-t-md border-b-2 px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500",
                isSelected ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} className="pt-4">
        {children}
      </div>
    </div>
  );
}
