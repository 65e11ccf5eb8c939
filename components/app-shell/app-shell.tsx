import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationsBell } from "@/components/notifications/notifications-bell";
import { hrMembership, type SessionUser } from "@/server/auth/session-user";
import { CommandPalette } from "./command-palette";
import { MobileNav } from "./mobile-nav";
import { isHr, navItemsFor } from "./nav-items";
import { Sidebar } from "./sidebar";
import { UserMenu } from "./user-menu";

/**
 * The signed-in pages: a one-row header (menu button on phones, product, organization, jump-to,
 * notifications, account) over a collapsible sidebar from 768 px, or a sheet menu below it.
 */
export function AppShell({ user, devTools, children }: { user: SessionUser; devTools: boolean; children: ReactNode }) {
  const items = navItemsFor(user, devTools);
  const hr = isHr(user);
  const org = (hrMembership(user) ?? user.memberships[0])?.organization.name ?? null;
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header data-testid="app-header" className="sticky top-0 z-40 h-14 border-b border-slate-200 bg-white">
        <div className="flex h-full flex-nowrap items-center gap-2 px-2 sm:gap-3 sm:px-4">
          <MobileNav items={items} organization={org} />
          <Link href="/" className="shrink-0 truncate font-semibold text-slate-900">
            AI Video Interview
          </Link>
          {org ? (
            <span data-testid="organization-name" className="hidden min-w-0 truncate border-l border-slate-200 pl-3 text-sm text-slate-600 md:inline">
              {org}
            </span>
          ) : null}
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
            {hr ? <CommandPalette items={items} /> : null}
            <NotificationsBell />
            <UserMenu name={user.name ?? user.email} email={user.email} role={user.role} />
          </div>
        </div>
      </header>
      <div className="flex">
        <Sidebar items={items} />
        <main id="main" className="mx-auto w-full min-w-0 max-w-6xl px-4 py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
