"use client";

import { Check, ChevronDown } from "lucide-react";
import { Select as SelectPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control";

export type SelectMenuOption<T extends string> = { value: T; label: ReactNode; description?: ReactNode };

export type SelectMenuProps<T extends string> = {
  /** "" while nothing is chosen yet; the trigger then shows `placeholder`. */
  value: T | "";
  placeholder?: string;
  onValueChange: (value: T) => void;
  options: readonly SelectMenuOption<T>[];
  id?: string;
  /** Names the trigger when no <label htmlFor> points at `id`. */
  "aria-label"?: string;
  "aria-describedby"?: string;
  disabled?: boolean;
  className?: string;
};

/**
 * A Radix Select, for choices whose options need more than plain text (a description under
 * each). For a plain list of strings prefer the native `Select`: the platform picker is the
 * better one on phones.
 */
export function SelectMenu<T extends string>({ value, placeholder, onValueChange, options, id, disabled, className, ...aria }: SelectMenuProps<T>) {
  return (
    <SelectPrimitive.Root value={value} onValueChange={(v) => onValueChange(v as T)} disabled={disabled}>
      <SelectPrimitive.Trigger id={id} {...aria} className={cn(controlClasses, "flex h-10 items-center justify-between gap-2 text-left", className)}>
        <SelectPrimitive.Value placeholder={placeholder} />
        <SelectPrimitive.Icon>
          <ChevronDown className="size-4 text-slate-500" aria-hidden="true" />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 max-h-[var(--radix-select-content-available-height)] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <SelectPrimitive.Viewport className="p-1">
            {options.map((o) => (
              <SelectPrimitive.Item
                key={o.value}
                value={o.value}
                className="relative flex cursor-default select-none flex-col rounded py-2 pl-8 pr-3 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[disabled]:opacity-50"
              >
                <SelectPrimitive.ItemIndicator className="absolute left-2 top-2.5">
                  <Check className="size-4 text-brand-600" aria-hidden="true" />
                </SelectPrimitive.ItemIndicator>
                <SelectPrimitive.ItemText>{o.label}</SelectPrimitive.ItemText>
                {o.description ? <span className="text-xs text-slate-500">{o.description}</span> : null}
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}
