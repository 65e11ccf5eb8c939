import type { Db, OrgRole, Role } from "../db/client";

export type SessionMembership = {
  organizationId: string;
  role: Role;
  orgRole: OrgRole;
  organization: { id: string; name: string; slug: string; suspendedAt: Date | null };
};

/** The signed-in user as every request sees it: loaded fresh from the database, never from a token. */
export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  role: Role | null;
  status: "ACTIVE" | "SUSPENDED";
  memberships: SessionMembership[];
};

export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      image: true,
      role: true,
      status: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { organizationId: true, role: true, orgRole: true, organization: { select: { id: true, name: true, slug: true, suspendedAt: true } } },
      },
    },
  });
  return user;
}

/**
 * An HR user of a suspended organization may not work in the app: like a suspended user, they are
 * signed out. Platform admins keep their access, so an operator can always lift a suspension.
 */
export function organizationSuspended(user: Pick<SessionUser, "role" | "memberships">): boolean {
  if (user.role === "ADMIN") return false;
  return user.memberships.some((m) => (m.role === "HR" || m.role === "ADMIN") && m.organization.suspendedAt !== null);
}

/** The organization an HR user works in: their first HR or admin membership. */
export function hrMembership(user: SessionUser | null): SessionMembership | null {
  return user?.memberships.find((m) => m.role === "HR" || m.role === "ADMIN") ?? null;
}
