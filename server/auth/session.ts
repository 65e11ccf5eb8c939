import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { env } from "../config/env";
import { loadSessionUser, organizationSuspended, type SessionUser } from "./session-user";

export const SESSION_MAX_AGE_SEC = 30 * 24 * 60 * 60;

// The names next-auth v4 uses for its database-session cookie; our own sign-in paths set the same one.
export function sessionCookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/**
 * Resolves a session token to its user. A suspended user gets null and loses every session, so
 * suspension signs them out everywhere on their next request even if a session row was missed. The
 * same holds for HR members of a suspended organization.
 */
export async function userFromSessionToken(db: Db, token: string | null): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.session.findUnique({ where: { sessionToken: token }, select: { userId: true, expires: true } });
  if (!session || session.expires < new Date()) return null;
  const user = await loadSessionUser(db, session.userId);
  if (!user) return null;
  if (user.status === "SUSPENDED" || organizationSuspended(user)) {
    await db.session.deleteMany({ where: { userId: user.id } });
    return null;
  }
  return user;
}

export async function createSession(db: Db, userId: string): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SEC * 1000);
  await db.session.create({ data: { sessionToken: token, userId, expires } });
  return { token, expires };
}
