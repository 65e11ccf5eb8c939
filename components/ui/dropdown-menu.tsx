"use client";

import Link from "next/link";
import { createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { rovingIndex } from "./roving";

const CloseContext = createContext<() => void>(() => {});

const itemClasses =
  "flex w-full items-center gap-2 rounded px-3 py-2 text-left text-sm outline-none " +
  "hover:bg-slate-100 focus:bg-slate-100 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500 " +
  "aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:hover:bg-transparent";

const triggerClasses =
  "inline-flex items-center gap-1 rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 " +
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 aria-expanded:bg-slate-100";

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);
}

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
};

/**
 * A menu button (WAI-ARIA APG): Enter, Space or the arrow keys open it onto an item; arrows,
 * Home and End move; Escape, Tab and a click outside close it. Focus goes back to the trigger
 * when an item is chosen or Escape is pressed, so keyboard users are not dropped on <body>.
 */
export function DropdownMenu({ label, triggerLabel, children, align = "end", triggerClassName, className }: DropdownMenuProps) {
  const [open, setOpen] = useState(false);
  // Which item to focus once the menu has rendered: ArrowUp on the trigger opens onto the last one.
  const [focusOnOpen, setFocusOnOpen] = useState<"first" | "last">("first");
  const menuId = useId();
  const triggerId = useId();
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const items = menuItems(menu.current);
    (focusOnOpen === "last" ? items[items.length - 1] : items[0])?.focus();
    // pointerdown rather than mousedown so a tap outside closes it on touch screens as well.
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, focusOnOpen]);

  function openMenu(at: "first" | "last") {
    setFocusOnOpen(at);
    setOpen(true);
  }

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  function onTriggerKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      openMenu(e.key === "ArrowUp" ? "last" : "first");
    }
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === "Escape") {
      // Only the menu closes: the browser would otherwise also cancel an enclosing modal <dialog>.
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key === "Tab") {
      // Let the browser move focus on from the trigger's position; just fold the menu away.
      setOpen(false);
      return;
    }
    const items = menuItems(menu.current);
    const next = rovingIndex(e.key, items.indexOf(document.activeElement as HTMLElement), items.length, "vertical");
    if (next === null) return;
    e.preventDefault();
    items[next]?.focus();
  }

  return (
    <div ref={root} className={cn("relative inline-block", className)}>
      <button
        ref={trigger}
        id={triggerId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        onClick={() => (open ? setOpen(false) : openMenu("first"))}
        onKeyDown={onTriggerKeyDown}
        className={cn(triggerClasses, triggerClassName)}
      >
        {label}
        <svg viewBox="0 0 16 16" className="size-3.5 opacity-70" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-labelledby={triggerId}
          onKeyDown={onMenuKeyDown}
          className={cn(
            "absolute z-40 mt-1 max-h-[60vh] min-w-48 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-slate-700 shadow-lg",
            align === "end" ? "right-0" : "left-0",
          )}
        >
          <CloseContext.Provider value={close}>{children}</CloseContext.Provider>
        </div>
      ) : null}
    </div>
  );
}

export type DropdownMenuItemProps = {
  /** Makes the item a link; otherwise it is a button that calls onSelect. */
  href?: string;
  onSelect?: () => void;
  disabled?: boolean;
  /** "danger" for destructive actions such as Delete. */
  tone?: "default" | "danger";
  children: ReactNode;
};

export function DropdownMenuItem({ href, onSelect, disabled = false, tone = "default", children }: DropdownMenuItemProps) {
  const close = useContext(CloseContext);
  const classes = cn(itemClasses, tone === "danger" ? "text-red-700" : "text-slate-700");
  // Items are reached with the arrow keys, not Tab, so each one is out of the tab order.
  if (href && !disabled) {
    return (
      <Link role="menuitem" tabIndex={-1} href={href} className={classes} onClick={close}>
        {children}
      </Link>
    );
  }
  return (
    <button
      role="menuitem"
      type="button"
      tabIndex={-1}
      // aria-disabled rather than disabled, so the item is still announced and explains itself.
      aria-disabled={disabled || undefined}
      className={classes}
      onClick={() => {
        if (disabled) return;
        close();
        onSelect?.();
      }}
    >
      {children}
    </button>
  );
}

/** Non-interactive text inside the menu, such as the signed-in email address. */
export function DropdownMenuLabel({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div role="presentation" className={cn("px-3 py-2 text-xs text-slate-500", className)}>
      {children}
    </div>
  );
}

export function DropdownMenuSeparator() {
  return <div role="separator" className="-mx-1 my-1 h-px bg-slate-100" />;
}
