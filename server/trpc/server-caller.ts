import { cookies, headers } from "next/headers";
import { getDb } from "../db/client";
import { sessionCookieName, userFromSessionToken } from "../auth/session";
import { createCaller } from "./root";

/** tRPC procedures called from server components, with the same access rules as over HTTP. */
export async function serverCaller() {
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  const db = getDb();
  const user = await userFromSessionToken(db, jar.get(sessionCookieName())?.value ?? null);
  return createCaller({ db, user, headers: new Headers(hdrs) });
}
