import { decideAccess, type Access } from "../trpc/access";
import type { SessionMembership, SessionUser } from "./session-user";

export type RouteAccess = { ok: true; user: SessionUser; membership: SessionMembership | null } | { ok: false; status: 401 | 403 };

/**
 * The access decision tRPC's middleware makes, for route handlers: one rule for both, so a role
 * change (an HR demoted to candidate keeps their membership row) takes effect everywhere at once.
 */
export function routeAccess(access: Access, user: SessionUser | null): RouteAccess {
  const decision = decideAccess(access, user);
  if (!decision.ok) return { ok: false, status: decision.code === "UNAUTHORIZED" ? 401 : 403 };
  return { ok: true, user: user!, membership: decision.membership };
}

export const HR_ACCESS: Access = { who: "hr", tenant: "organization" };
