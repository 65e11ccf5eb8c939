"use client";

import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { DropdownMenu as Menu } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";

const itemClasses =
  "flex w-full cursor-default select-none items-center gap-2 rounded px-3 py-2 text-left text-sm outline-none " +
  "data-[highlighted]:bg-slate-100 data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50";

const triggerClasses =
  "inline-flex items-center gap-1 rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 " +
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 data-[state=open]:bg-slate-100";

export type DropdownMenuProps = {
  /** The trigger's content: text, or an icon together with `triggerLabel`. */
  label: ReactNode;
  /** Accessible name for a trigger whose `label` is only an icon. */
  triggerLabel?: string;
  children: ReactNode;
  /** Which edge of the trigger the menu lines up with. */
  align?: "start" | "end";
  triggerClassName?: string;
  className?: string;
  /** Hide the chevron, e.g. for an avatar trigger that is obviously a menu. */
  hideChevron?: boolean;
};

/**
 * A menu button on Radix's DropdownMenu, which implements the WAI-ARIA pattern (typeahead, arrow
 * keys, focus return to the trigger) and renders in a portal so no overflow container clips it.
 * Radix stops Escape there, so an enclosing dialog stays open when only the menu closes.
 */
export function DropdownMenu({ label, triggerLabel, children, align = "end", triggerClassName, className, hideChevron = false }: DropdownMenuProps) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger aria-label={triggerLabel} className={cn(triggerClasses, triggerClassName)}>
        {label}
        {hideChevron ? null : <ChevronDown className="size-3.5 opacity-70" aria-hidden="true" />}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className={cn(
            "z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-48 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-slate-700 shadow-lg",
            "motion-safe:data-[state=open]:animate-pop-in",
            className,
          )}
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

export type DropdownMenuItemProps = {
  /** Makes the item a link; otherwise it calls onSelect. */
  href?: string;
  onSelect?: () => void;
  disabled?: boolean;
  /** "danger" for destructive actions such as Delete. */
  tone?: "default" | "danger";
  /** A decorative icon before the text. */
  icon?: ReactNode;
  children: ReactNode;
};

export function DropdownMenuItem({ href, onSelect, disabled = false, tone = "default", icon, children }: DropdownMenuItemProps) {
  const classes = cn(itemClasses, tone === "danger" ? "text-red-700" : "text-slate-700");
  const content = (
    <>
      {icon ? (
        <span aria-hidden="true" className="flex size-4 items-center justify-center opacity-70">
          {icon}
        </span>
      ) : null}
      {children}
    </>
  );
  if (href && !disabled) {
    return (
      <Menu.Item asChild className={classes} onSelect={onSelect}>
        <Link href={href}>{content}</Link>
      </Menu.Item>
    );
  }
  return (
    <Menu.Item disabled={disabled} className={classes} onSelect={() => onSelect?.()}>
      {content}
    </Menu.Item>
  );
}

/** Non-interactive text inside the menu, such as the signed-in email address. */
export function DropdownMenuLabel({ children, className }: { children: ReactNode; className?: string }) {
  return <Menu.Label className={cn("px-3 py-2 text-xs text-slate-500", className)}>{children}</Menu.Label>;
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="-mx-1 my-1 h-px bg-slate-100" />;
}
