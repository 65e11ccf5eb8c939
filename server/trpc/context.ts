import { getDb, type Db } from "../db/client";
import { readCookie, sessionCookieName, userFromSessionToken } from "../auth/session";
import { hrMembership, type SessionUser } from "../auth/session-user";
import { noteRequestUser } from "../logging/request-context";

/** resHeaders: the HTTP response's headers (Retry-After on a 429); absent for server-side callers. */
export type Context = { db: Db; user: SessionUser | null; headers: Headers; resHeaders?: Headers };

export async function createContext(opts: { headers: Headers; resHeaders?: Headers }): Promise<Context> {
  const db = getDb();
  const token = readCookie(opts.headers.get("cookie"), sessionCookieName());
  const user = await userFromSessionToken(db, token);
  noteRequestUser(user?.id, hrMembership(user)?.organizationId);
  return { db, user, headers: opts.headers, resHeaders: opts.resHeaders };
}
