import type { Db } from "../db/client";
import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import { DomainError } from "../errors";
import { newJoinCode } from "../organizations/join-code";
import { requestToJoin, withdrawPendingRequests } from "../organizations/join-requests";
import { assertNotBlocked, consume } from "../rate-limit/rate-limit";
import type { SelectRoleInput } from "./users.schema";

export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

/** Whether the user still has to choose a role (or, as HR, an organization) before using the app. */
export function needsOnboarding(user: Pick<SessionUser, "role" | "memberships">): boolean {
  return !user.role || (user.role === "HR" && user.memberships.length === 0);
}

/** A new user's one-time choice: candidate, HR of a new organization, or a request to join an existing one. */
export async function selectRole(db: Db, user: SessionUser, input: SelectRoleInput) {
  if (!needsOnboarding(user)) throw new DomainError("CONFLICT", "You have already chosen your role.");
  if (user.role === "HR" && input.role === "CANDIDATE") {
    throw new DomainError("BAD_REQUEST", "An administrator made you HR: join or create an organization.");
  }
  const joining = input.role === "HR" && input.organization.mode === "join";
  if (!joining) return chooseRole(db, user, input);
  await assertNotBlocked("wrongJoinCodePerUser", user.id);
  try {
    return await chooseRole(db, user, input);
  } catch (error) {
    // Only a wrong code is NOT_FOUND here; counting it stops a search through join codes.
    if (error instanceof DomainError && error.code === "NOT_FOUND") await consume("wrongJoinCodePerUser", user.id);
    throw error;
  }
}

function chooseRole(db: Db, user: SessionUser, input: SelectRoleInput) {
  return db.$transaction(async (tx) => {
    // Checked again inside the transaction: a double-submitted form must not create two organizations.
    const fresh = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true, memberships: { select: { id: true } } } });
    if (!needsOnboarding({ role: fresh.role, memberships: fresh.memberships as never })) {
      throw new DomainError("CONFLICT", "You have already chosen your role.");
    }
    if (input.role === "CANDIDATE" || input.organization.mode === "create") await withdrawPendingRequests(tx, user.id);
    if (input.role === "CANDIDATE") {
      await tx.user.update({ where: { id: user.id }, data: { role: "CANDIDATE" } });
      // Invitations sent to this address before the account existed become theirs.
      await tx.invitation.updateMany({ where: { candidateEmail: user.email, candidateUserId: null }, data: { candidateUserId: user.id } });
      await audit(tx, { actorId: user.id, action: "user.role_selected", targetType: "user", targetId: user.id, data: { role: "CANDIDATE" } });
      return { role: "CANDIDATE" as const, organizationId: null, pendingOrganization: null };
    }
    if (input.organization.mode === "join") {
      const org = await tx.organization.findUnique({ where: { joinCode: input.organization.joinCode }, select: { id: true, name: true } });
      if (!org) throw new DomainError("NOT_FOUND", "No organization has that join code. Check it with your colleague.");
      return requestToJoin(tx, user, org);
    }
    const base = slugify(input.organization.name);
    const taken = await tx.organization.count({ where: { slug: { startsWith: base } } });
    const org = await tx.organization.create({
      data: { name: input.organization.name, slug: taken ? `${base}-${taken + 1}` : base, joinCode: newJoinCode(), subscription: { create: {} } },
    });
    await tx.user.update({ where: { id: user.id }, data: { role: "HR" } });
    await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: "HR", orgRole: "OWNER" } });
    await audit(tx, { organizationId: org.id, actorId: user.id, action: "organization.created", targetType: "organization", targetId: org.id });
    return { role: "HR" as const, organizationId: org.id, pendingOrganization: null };
  });
}
