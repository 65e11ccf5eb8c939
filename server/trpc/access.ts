import { hrMembership, type SessionMembership, type SessionUser } from "../auth/session-user";

/**
 * Who may call a procedure, and on whose data. Every procedure declares one of these in its meta;
 * one middleware enforces it and tests/integration/authorization.test.ts walks every procedure
 * with every role against it.
 *  - public: anyone (a token in the input may scope the data: tenant "token").
 *  - onboarding: any signed-in active user, even before choosing a role; their own data.
 *  - signedIn: a signed-in active user who has chosen a role; their own data.
 *  - hr: a member (HR or admin) of an organization; only that organization's data.
 *  - owner: an owner of that organization (billing, members); only that organization's data.
 *  - candidate: a user with the candidate role; only invitations addressed to them.
 *  - admin: the platform's operators; every organization's users.
 */
export type Access =
  | { who: "public"; tenant: "none" | "token" }
  | { who: "onboarding"; tenant: "self" }
  | { who: "signedIn"; tenant: "self" }
  | { who: "hr"; tenant: "organization" }
  | { who: "owner"; tenant: "organization" }
  | { who: "candidate"; tenant: "self" }
  | { who: "admin"; tenant: "platform" };

export type Who = Access["who"];

export type AccessDecision = { ok: true; membership: SessionMembership | null } | { ok: false; code: "UNAUTHORIZED" | "FORBIDDEN"; message: string };

export function decideAccess(access: Access, user: SessionUser | null): AccessDecision {
  if (access.who === "public") return { ok: true, membership: null };
  if (!user) return { ok: false, code: "UNAUTHORIZED", message: "Sign in to continue." };
  if (user.status !== "ACTIVE") return { ok: false, code: "UNAUTHORIZED", message: "This account is suspended." };
  switch (access.who) {
    case "onboarding":
      return { ok: true, membership: null };
    case "signedIn":
      return user.role ? { ok: true, membership: null } : { ok: false, code: "FORBIDDEN", message: "Choose your role first." };
    case "hr": {
      const membership = hrMembership(user);
      return membership && (user.role === "HR" || user.role === "ADMIN")
        ? { ok: true, membership }
        : { ok: false, code: "FORBIDDEN", message: "Only HR members of an organization can do this." };
    }
    case "owner": {
      const membership = hrMembership(user);
      if (!membership || (user.role !== "HR" && user.role !== "ADMIN"))
        return { ok: false, code: "FORBIDDEN", message: "Only HR members of an organization can do this." };
      return membership.orgRole === "OWNER"
        ? { ok: true, membership }
        : { ok: false, code: "FORBIDDEN", message: "Only an owner of your organization can do this: ask one of them." };
    }
    case "candidate":
      return user.role === "CANDIDATE" ? { ok: true, membership: null } : { ok: false, code: "FORBIDDEN", message: "Only candidates can do this." };
    case "admin":
      return user.role === "ADMIN" ? { ok: true, membership: null } : { ok: false, code: "FORBIDDEN", message: "Only administrators can do this." };
  }
}
