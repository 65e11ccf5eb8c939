import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationsBell } from "@/components/notifications/notifications-bell";
import type { SessionUser } from "@/server/auth/session-user";
import { navItemsFor } from "./nav-items";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function AppShell({ user, devTools, children }: { user: SessionUser; devTools: boolean; children: ReactNode }) {
  const items = navItemsFor(user, devTools);
  const org = user.memberships[0]?.organization.name;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold text-slate-900">
            AI Video Interview
          </Link>
          {org ? <span className="hidden text-sm text-slate-500 sm:inline">{org}</span> : null}
          <NavLinks items={items} />
          <div className="ml-auto flex items-center gap-1">
            <NotificationsBell />
            <UserMenu name={user.name ?? user.email} email={user.email} role={user.role} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
