import type { SessionUser } from "@/server/auth/session-user";
import { hrMembership } from "@/server/auth/session-user";

/** Names of icons in nav-icons.tsx; a name, not a component, so items can come from a server component. */
export type NavIcon =
  | "dashboard"
  | "templates"
  | "invitations"
  | "search"
  | "audit"
  | "organization"
  | "candidate"
  | "users"
  | "runs"
  | "health"
  | "mailbox"
  | "billing"
  | "plans"
  | "fairness"
  | "privacy"
  | "apiKeys"
  | "webhooks"
  | "analytics"
  | "organizations";

export type NavItem = { href: string; label: string; icon: NavIcon };

export function isHr(user: SessionUser): boolean {
  return hrMembership(user) !== null && (user.role === "HR" || user.role === "ADMIN");
}

export function navItemsFor(user: SessionUser, devTools: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (isHr(user)) {
    items.push(
      { href: "/dashboard", label: "Dashboard", icon: "dashboard" },
      { href: "/templates", label: "Templates", icon: "templates" },
      { href: "/invitations", label: "Invitations", icon: "invitations" },
      { href: "/search", label: "Search", icon: "search" },
      { href: "/analytics", label: "Analytics", icon: "analytics" },
      { href: "/audit", label: "Audit log", icon: "audit" },
      { href: "/settings/organization", label: "Organization", icon: "organization" },
      { href: "/settings/billing", label: "Billing", icon: "billing" },
      { href: "/settings/privacy", label: "Privacy", icon: "privacy" },
    );
    if (hrMembership(user)?.orgRole === "OWNER") {
      items.push(
        { href: "/settings/api-keys", label: "API keys", icon: "apiKeys" },
        { href: "/settings/webhooks", label: "Webhooks", icon: "webhooks" },
        { href: "/reports/fairness", label: "Fairness report", icon: "fairness" },
      );
    }
  }
  if (user.role === "CANDIDATE") items.push({ href: "/candidate", label: "My interviews", icon: "candidate" });
  if (user.role === "ADMIN") {
    items.push(
      { href: "/admin/users", label: "Users", icon: "users" },
      { href: "/admin/organizations", label: "Organizations", icon: "organizations" },
      { href: "/admin/billing", label: "Plans", icon: "plans" },
      { href: "/admin/runs", label: "Background runs", icon: "runs" },
      { href: "/admin/health", label: "System health", icon: "health" },
    );
  }
  if (devTools) items.push({ href: "/dev/mailbox", label: "Dev mailbox", icon: "mailbox" });
  return items;
}
