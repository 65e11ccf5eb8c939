import type { Db } from "../db/client";
import { setEmailPreference } from "./email-preferences";
import { verifyUnsubscribe } from "./unsubscribe";

export type UnsubscribeOutcome = { status: 200 | 303 | 400; location?: string; body?: string };

/**
 * The POST to an unsubscribe link: from a mail client's own button (RFC 8058 sends the body
 * `List-Unsubscribe=One-Click` and wants a plain 2xx) or from the confirmation page's form (sent on
 * to the page, which says it is done). A GET never unsubscribes, because link scanners follow links.
 */
export async function handleUnsubscribe(db: Db, url: URL, body: string): Promise<UnsubscribeOutcome> {
  const target = verifyUnsubscribe(url.searchParams);
  if (!target) return { status: 400, body: "This unsubscribe link is not valid." };
  await setEmailPreference(db, target.email, target.kind, false);
  if (new URLSearchParams(body).get("List-Unsubscribe") === "One-Click") return { status: 200, body: "Unsubscribed." };
  const page = new URL("/unsubscribe", url);
  page.search = url.search;
  page.searchParams.set("done", "1");
  return { status: 303, location: `${page.pathname}${page.search}` };
}
