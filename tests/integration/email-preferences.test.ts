import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/unsubscribe/route";
import { getDb } from "@/server/db/client";
import { emailEnabled } from "@/server/notifications/email-preferences";
import { unsubscribeUrl } from "@/server/notifications/unsubscribe";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

const db = () => getDb();

function post(url: string, body: string) {
  return POST(new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
}

describe("one-click unsubscribe (RFC 8058)", () => {
  it("switches the kind off for the address on a mail client's One-Click POST, and only that kind", async () => {
    const url = unsubscribeUrl("Cand@Example.com", "interview-reminder");
    const res = await post(url, "List-Unsubscribe=One-Click");
    expect(res.status).toBe(200);
    expect(await emailEnabled(db(), "cand@example.com", "interview-reminder")).toBe(false);
    expect(await emailEnabled(db(), "cand@example.com", "interview-received")).toBe(true);
  });

  it("shows a confirmation page on GET without unsubscribing, and its form's POST leads back to it, done", async () => {
    const url = unsubscribeUrl("page@example.com", "analysis-ready");
    const opened = GET(new Request(url));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toMatch(/^\/unsubscribe\?email=page%40example\.com&kind=analysis-ready&sig=/);
    expect(await emailEnabled(db(), "page@example.com", "analysis-ready")).toBe(true);

    const confirmed = await post(url, "");
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toMatch(/^\/unsubscribe\?.*&done=1$/);
    expect(await emailEnabled(db(), "page@example.com", "analysis-ready")).toBe(false);
  });

  it("refuses a link whose address, kind or signature was changed, and writes nothing", async () => {
    const url = new URL(unsubscribeUrl("victim@example.com", "daily-digest"));
    for (const [key, value] of [
      ["email", "someone@example.com"],
      ["kind", "analysis-ready"],
      ["sig", "A".repeat(43)],
      ["kind", "invitation"],
    ]) {
      const forged = new URL(url);
      forged.searchParams.set(key!, value!);
      expect((await post(forged.toString(), "List-Unsubscribe=One-Click")).status).toBe(400);
    }
    expect(await db().emailPreference.count({ where: { email: { in: ["victim@example.com", "someone@example.com"] } } })).toBe(0);
  });
});

describe("notification settings", () => {
  it("lists every kind with its default, and saves the caller's own choice", async () => {
    const org = await makeOrg("Prefs");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const caller = await callerFor(hr.id);
    expect(await caller.notifications.emailPreferences()).toEqual([
      { kind: "analysis-ready", label: expect.any(String), audience: "hr", enabled: true },
      { kind: "review-mention", label: expect.any(String), audience: "hr", enabled: true },
      { kind: "daily-digest", label: expect.any(String), audience: "hr", enabled: false },
      { kind: "interview-reminder", label: expect.any(String), audience: "candidate", enabled: true },
      { kind: "interview-received", label: expect.any(String), audience: "candidate", enabled: true },
    ]);
    await caller.notifications.setEmailPreference({ kind: "daily-digest", enabled: true });
    await caller.notifications.setEmailPreference({ kind: "analysis-ready", enabled: false });
    expect(await emailEnabled(db(), hr.email, "daily-digest")).toBe(true);
    expect(await emailEnabled(db(), hr.email, "analysis-ready")).toBe(false);

    const error = await caller.notifications.setEmailPreference({ kind: "invitation" as never, enabled: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("Choose a kind of email");
  });
});
