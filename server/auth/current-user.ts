import { cookies } from "next/headers";
import { getDb } from "../db/client";
import { sessionCookieName, userFromSessionToken } from "./session";
import type { SessionUser } from "./session-user";

/** For server components and route handlers. */
export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return userFromSessionToken(getDb(), jar.get(sessionCookieName())?.value ?? null);
}
