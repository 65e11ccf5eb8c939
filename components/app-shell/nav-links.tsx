"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn, Tooltip } from "@/components/ui";
import { NAV_ICONS } from "./nav-icons";
import type { NavItem } from "./nav-items";

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main navigation as a vertical list. Collapsed, it shows only the icons, each with its
 * label as a tooltip and as its accessible name; `onNavigate` lets the phone menu close itself.
 */
export function NavLinks({ items, collapsed = false, onNavigate }: { items: NavItem[]; collapsed?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="space-y-1">
        {items.map((item) => {
          const active = isActive(pathname, item.href);
          const Icon = NAV_ICONS[item.icon];
          return (
            <li key={item.href}>
              <Tooltip content={item.label} side="right" disabled={!collapsed}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  aria-label={collapsed ? item.label : undefined}
                  onClick={onNavigate}
                  className={cn(
                    "flex items-center gap-3 rounded-md px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                    collapsed && "justify-center px-0",
                    active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  <Icon className="size-4 shrink-0" aria-hidden />
                  {collapsed ? null : <span className="truncate">{item.label}</span>}
                </Link>
              </Tooltip>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
