import { redirect } from "next/navigation";
import { needsOnboarding } from "../users/onboarding";
import { currentUser } from "./current-user";
import { hrMembership, type SessionUser } from "./session-user";

/** Where a signed-in user belongs: onboarding until they have chosen, then their role's home. */
export function homeFor(user: SessionUser): string {
  if (needsOnboarding(user)) return "/onboarding";
  if (user.role === "CANDIDATE") return "/candidate";
  if (user.role === "ADMIN" && !hrMembership(user)) return "/admin/users";
  return "/dashboard";
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function requireRole(...roles: ("ADMIN" | "HR" | "CANDIDATE")[]): Promise<SessionUser> {
  const user = await requireUser();
  if (needsOnboarding(user)) redirect("/onboarding");
  if (!user.role || !roles.includes(user.role)) redirect(homeFor(user));
  return user;
}
