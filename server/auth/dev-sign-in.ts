import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { DEMO_USERS } from "../seed/seed";
import { createSession } from "./session";
import { loadSessionUser, organizationSuspended } from "./session-user";
import { SIGN_IN_ERRORS } from "./sign-in-errors";

/**
 * One-click sign-in as a seeded demo user, for development only (devToolsEnabled). It creates the
 * same database session a magic link would, for the demo accounts and nobody else.
 */
export async function devSignIn(db: Db, email: string) {
  if (!Object.values(DEMO_USERS).some((u) => u.email === email)) {
    throw new DomainError("FORBIDDEN", "One-click sign-in is only for the seeded demo users.");
  }
  const found = await db.user.findUnique({ where: { email }, select: { id: true } });
  const user = found ? await loadSessionUser(db, found.id) : null;
  if (!user) throw new DomainError("NOT_FOUND", "Run the seed first: the demo user does not exist.");
  if (user.status === "SUSPENDED") throw new DomainError("FORBIDDEN", "This account is suspended.");
  if (organizationSuspended(user)) throw new DomainError("FORBIDDEN", SIGN_IN_ERRORS.OrganizationSuspended!);
  return createSession(db, user.id);
}
