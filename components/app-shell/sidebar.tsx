"use client";

import { PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { useEffect, useState } from "react";
import { cn, Tooltip } from "@/components/ui";
import type { NavItem } from "./nav-items";
import { NavLinks } from "./nav-links";

const STORAGE_KEY = "aivi.sidebar-collapsed";

/** The desktop navigation (768 px and wider); the choice to collapse it is remembered on this device. */
export function Sidebar({ items }: { items: NavItem[] }) {
  const [collapsed, setCollapsed] = useState(false);
  // The toggle waits for the stored choice, so a click before hydration cannot be lost or undone by it.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // Read after hydration: the server cannot know it, and a mismatch would re-render the whole shell.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCollapsed(window.localStorage.getItem(STORAGE_KEY) === "1");
    setReady(true);
  }, []);
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    window.localStorage.setItem(STORAGE_KEY, next ? "1" : "0");
  };
  const label = collapsed ? "Expand the sidebar" : "Collapse the sidebar";
  return (
    <aside
      data-testid="sidebar"
      data-collapsed={collapsed || undefined}
      className={cn("sticky top-14 hidden h-[calc(100dvh-3.5rem)] shrink-0 flex-col border-r border-slate-200 bg-white md:flex", collapsed ? "w-16" : "w-56")}
    >
      <div className="flex-1 overflow-y-auto p-2">
        <NavLinks items={items} collapsed={collapsed} />
      </div>
      <div className={cn("border-t border-slate-200 p-2", collapsed && "flex justify-center")}>
        <Tooltip content={label} side="right" disabled={!collapsed}>
          <button
            type="button"
            onClick={toggle}
            disabled={!ready}
            aria-label={label}
            aria-expanded={!collapsed}
            className="inline-flex h-9 items-center gap-2 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            {collapsed ? <PanelLeftOpen className="size-4" aria-hidden="true" /> : <PanelLeftClose className="size-4" aria-hidden="true" />}
            {collapsed ? null : <span>Collapse</span>}
          </button>
        </Tooltip>
      </div>
    </aside>
  );
}
