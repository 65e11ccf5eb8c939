import type { SessionUser } from "@/server/auth/session-user";
import { hrMembership } from "@/server/auth/session-user";

export type NavItem = { href: string; label: string };

export function navItemsFor(user: SessionUser, devTools: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (hrMembership(user) && (user.role === "HR" || user.role === "ADMIN")) {
    items.push(
      { href: "/dashboard", label: "Dashboard" },
      { href: "/templates", label: "Templates" },
      { href: "/invitations", label: "Invitations" },
      { href: "/search", label: "Search" },
      { href: "/audit", label: "Audit log" },
      { href: "/settings/organization", label: "Organization" },
      { href: "/settings/billing", label: "Billing" },
    );
  }
  if (user.role === "CANDIDATE") items.push({ href: "/candidate", label: "My interviews" });
  if (user.role === "ADMIN") items.push({ href: "/admin/users", label: "Users" }, { href: "/admin/billing", label: "Plans" }, { href: "/admin/runs", label: "Background runs" }, { href: "/admin/health", label: "System health" });
  if (devTools) items.push({ href: "/dev/mailbox", label: "Dev mailbox" });
  return items;
}
