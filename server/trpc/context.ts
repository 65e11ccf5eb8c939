import { getDb, type Db } from "../db/client";
import { readCookie, sessionCookieName, userFromSessionToken } from "../auth/session";
import type { SessionUser } from "../auth/session-user";

export type Context = { db: Db; user: SessionUser | null; headers: Headers };

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const db = getDb();
  const token = readCookie(opts.headers.get("cookie"), sessionCookieName());
  return { db, user: await userFromSessionToken(db, token), headers: opts.headers };
}
