import { afterAll, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { relayOutbox } from "@/inngest/relay";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { enqueueEvent } from "@/server/events/outbox";
import { createInvitations } from "@/server/invitations/create";
import { createInvitationsInput } from "@/server/invitations/invitations.schema";
import { cancelInvitation, resendInvitation } from "@/server/invitations/manage";
import { hashInvitationToken } from "@/server/invitations/token";
import { setEmailPreference } from "@/server/notifications/email-preferences";
import { makeOrg, makeUser } from "../helpers/actors";
import { makeTemplate } from "./authz/invitations.cases";

/**
 * The candidate and HR notifications as the app's Inngest functions run them in-process: the
 * reminder planned 48 hours before expiry and cancelled by completion, cancellation or resend; the
 * received email; the scheduled expiry; the daily digest. Waiting is replaced by moving a sleeping
 * run's wake-up time, never by a timer.
 */

const db = () => getDb();
const runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 5, backoffMaxMs: 20, log: () => {} });
afterAll(() => runner.stop());
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function deliver() {
  for (let i = 0; i < 20; i++) {
    await relayOutbox(db(), {}, new Date(Date.now() + HOUR));
    await runner.drain();
    const due = await db().jobRun.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
    if (!due && !(await db().outboxEvent.count({ where: { sentAt: null } }))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("background work did not settle");
}

async function setup(name: string) {
  const org = await makeOrg(name);
  const hr = await makeUser({ role: "HR", orgId: org.id });
  const template = await makeTemplate(org.id, { title: "Site Foreman" });
  const invite = async (email: string, expiresInDays = 7) => {
    const input = createInvitationsInput.parse({ templateId: template.id, candidates: { mode: "one", name: "Rita Reyes", email }, expiresInDays });
    return (await createInvitations(db(), hr, org.id, input)).created[0]!.id;
  };
  return { org, hr, invite };
}

const reminderRuns = (invitationId: string) =>
  db().jobRun.findMany({
    where: { functionId: { endsWith: "invitation-reminder" }, event: { path: ["data", "invitationId"], equals: invitationId } },
    orderBy: { createdAt: "asc" },
  });

/** Wakes the sleeping reminder now instead of in five days. */
async function wakeReminders(invitationId: string) {
  for (const run of await reminderRuns(invitationId)) {
    if (run.status === "SLEEPING") await db().jobRun.update({ where: { id: run.id }, data: { runAfter: new Date() } });
  }
  await deliver();
}

const mails = (to: string, template: string) => db().emailMessage.findMany({ where: { to, template }, orderBy: { createdAt: "asc" } });

describe("the candidate's reminder", () => {
  it("sleeps until 48 hours before expiry, then emails the working link with a one-click unsubscribe", async () => {
    const { invite } = await setup("Remind");
    const id = await invite("rita@example.com");
    await deliver();
    const inv = await db().invitation.findUniqueOrThrow({ where: { id } });
    const [run] = await reminderRuns(id);
    expect(run).toMatchObject({ status: "SLEEPING", runAfter: new Date(inv.expiresAt.getTime() - 48 * HOUR) });
    expect(await mails("rita@example.com", "invitation-reminder")).toHaveLength(0);

    await wakeReminders(id);
    const [reminder] = await mails("rita@example.com", "invitation-reminder");
    expect(reminder!.subject).toBe("Reminder: your video interview for Site Foreman closes soon");
    const token = /\/i\/([A-Za-z0-9_-]{43})/.exec(reminder!.html)![1]!;
    expect(hashInvitationToken(token)).toBe((await db().invitation.findUniqueOrThrow({ where: { id } })).tokenHash);
    // The invitation's first link still works: the reminder carries the same one.
    const [first] = await mails("rita@example.com", "invitation");
    expect(first!.html).toContain(`/i/${token}`);
    expect(reminder!.headers).toMatchObject({
      "List-Unsubscribe": expect.stringMatching(/^<http:\/\/localhost:3000\/api\/unsubscribe\?.*kind=interview-reminder.*>$/),
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect((await reminderRuns(id))[0]!.status).toBe("COMPLETED");
  });

  it("is not planned when the link expires within 48 hours, nor sent to a candidate who turned reminders off", async () => {
    const { invite } = await setup("NoRemind");
    const soon = await invite("soon@example.com", 1);
    await deliver();
    expect((await reminderRuns(soon))[0]).toMatchObject({ status: "COMPLETED", output: { skipped: expect.stringContaining("48 hours") } });

    await setEmailPreference(db(), "quiet@example.com", "interview-reminder", false);
    const quiet = await invite("quiet@example.com");
    await deliver();
    await wakeReminders(quiet);
    expect(await mails("quiet@example.com", "invitation-reminder")).toHaveLength(0);
    expect(await mails("quiet@example.com", "invitation")).toHaveLength(1);
  });

  it("is cancelled by cancelling the invitation, and replaced by a resend with the new expiry", async () => {
    const { org, hr, invite } = await setup("Cancel");
    const cancelled = await invite("gone@example.com");
    await deliver();
    await cancelInvitation(db(), hr, org.id, cancelled);
    await deliver();
    expect((await reminderRuns(cancelled)).map((r) => r.status)).toEqual(["CANCELLED"]);

    const resent = await invite("again@example.com");
    await deliver();
    const extended = await resendInvitation(db(), hr, org.id, { invitationId: resent, expiresInDays: 20 });
    await deliver();
    const runs = await reminderRuns(resent);
    expect(runs.map((r) => r.status)).toEqual(["CANCELLED", "SLEEPING"]);
    expect(runs[1]!.runAfter).toEqual(new Date(extended.expiresAt.getTime() - 48 * HOUR));
    await wakeReminders(resent);
    expect(await mails("again@example.com", "invitation-reminder")).toHaveLength(1);
  });

  it("is cancelled when the interview is completed, and the candidate gets the received email once", async () => {
    const { org, invite } = await setup("Done");
    const id = await invite("done@example.com");
    await deliver();
    const complete = () =>
      db().$transaction(async (tx) => {
        await tx.invitation.update({ where: { id }, data: { status: "COMPLETED", completedAt: new Date() } });
        await enqueueEvent(tx, "interview.completed", { invitationId: id }, org.id);
      });
    await complete();
    await deliver();
    expect((await reminderRuns(id)).map((r) => r.status)).toEqual(["CANCELLED"]);
    const received = await mails("done@example.com", "interview-received");
    expect(received.map((m) => m.subject)).toEqual([`${org.name} received your interview: Site Foreman`]);
    expect(received[0]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

    // The event delivered again (a relay resend after a crash) sends nothing new.
    await db().outboxEvent.updateMany({ where: { name: "interview.completed", organizationId: org.id }, data: { sentAt: null } });
    await db().jobRun.deleteMany({ where: { functionId: { endsWith: "interview-received" } } });
    await deliver();
    expect(await mails("done@example.com", "interview-received")).toHaveLength(1);
  });
});

describe("scheduled functions", () => {
  it("expires invitations past their deadline on schedule, emitting invitation.expired", async () => {
    const { org, invite } = await setup("Expire");
    const id = await invite("late@example.com");
    await db().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await runner.scheduleCrons(new Date(Date.now() - DAY));
    await deliver();
    const run = await db().jobRun.findFirstOrThrow({ where: { functionId: { endsWith: "expire-invitations" } } });
    expect(run.status).toBe("COMPLETED");
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    expect((await db().outboxEvent.findMany({ where: { name: "invitation.expired", organizationId: org.id } })).map((e) => e.payload)).toEqual([
      { invitationId: id },
    ]);
    expect(await mails("late@example.com", "invitation-reminder")).toHaveLength(0);
  });

  it("emails the daily digest at 07:00 UTC to HR who chose it, once, and nothing to the others", async () => {
    const { org, hr, invite } = await setup("Digest");
    const other = await makeUser({ role: "HR", orgId: org.id });
    await setEmailPreference(db(), hr.email, "daily-digest", true);
    const id = await invite("digest@example.com");
    // A day earlier than the expiry test's schedule, so this tick is a run of its own (a runner
    // schedules only ahead of the tick it last queued, hence a fresh one).
    await new InProcessRunner({ db: db(), functions, log: () => {} }).scheduleCrons(new Date(Date.now() - 2 * DAY));
    const run = await db().jobRun.findFirstOrThrow({ where: { functionId: { endsWith: "daily-digest" }, status: "QUEUED" } });
    expect(run.runAfter.toISOString()).toMatch(/T07:00:00\.000Z$/);
    // The invitation went out in the 24 hours before that tick.
    await db().invitation.update({ where: { id }, data: { sentAt: new Date(run.runAfter.getTime() - HOUR) } });
    await deliver();
    const digests = await mails(hr.email, "daily-digest");
    expect(digests.map((d) => d.subject)).toEqual([`${org.name}: 0 interviews completed (${run.runAfter.toISOString().slice(0, 10)})`]);
    expect(digests[0]!.text).toContain("1 invitation sent");
    expect(await mails(other.email, "daily-digest")).toHaveLength(0);
  });
});
