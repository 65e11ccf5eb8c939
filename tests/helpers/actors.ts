import { getDb, type OrgRole, type Plan, type Role } from "@/server/db/client";
import { createSession, sessionCookieName } from "@/server/auth/session";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

let seq = 0;

// Pro by default: tests of other features must never meet a plan limit; billing tests pass theirs.
export async function makeOrg(name = "Org", plan: Plan = "PRO") {
  seq += 1;
  return getDb().organization.create({
    data: { name: `${name} ${seq}`, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${seq}`, subscription: { create: { plan } } },
  });
}

export async function makeUser(opts: {
  role: Role | null;
  orgId?: string;
  membershipRole?: Role;
  orgRole?: OrgRole;
  email?: string;
  status?: "ACTIVE" | "SUSPENDED";
}) {
  seq += 1;
  const db = getDb();
  const user = await db.user.create({
    data: { email: opts.email ?? `user${seq}-${Date.now()}@example.com`, name: `User ${seq}`, role: opts.role, status: opts.status ?? "ACTIVE" },
  });
  if (opts.orgId) {
    await db.membership.create({
      data: { userId: user.id, organizationId: opts.orgId, role: opts.membershipRole ?? opts.role ?? "HR", orgRole: opts.orgRole ?? "MEMBER" },
    });
  }
  return user;
}

/** A caller that goes through the real context: a session row, its cookie, and the session lookup. */
export async function callerFor(userId: string | null) {
  const headers = new Headers();
  if (userId) {
    const { token } = await createSession(getDb(), userId);
    headers.set("cookie", `${sessionCookieName()}=${token}`);
  }
  return createCaller(await createContext({ headers }));
}

export async function cookieFor(userId: string) {
  const { token } = await createSession(getDb(), userId);
  return `${sessionCookieName()}=${token}`;
}
