import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { relayOutbox } from "@/inngest/relay";
import { InProcessRunner } from "@/inngest/runner/runner";
import { analyzeInterview } from "@/server/analysis/analyze-interview";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { emailAnalysisReady, notifyAnalysisReady } from "@/server/notifications/analysis-ready";
import { setEmailPreference } from "@/server/notifications/email-preferences";
import { startResendStandIn } from "../helpers/resend-stand-in";
import { createFixtureInterview, createFixtureTemplate } from "./analysis-fixture";

/**
 * HR's "ready for review" email leaves from a background function fed by an outbox event written
 * with the in-app notification, through the real `resend` SDK pointed at a local stand-in.
 */

const db = () => getDb();
let resend: Awaited<ReturnType<typeof startResendStandIn>>;
let runner: InProcessRunner;

beforeAll(async () => {
  resend = await startResendStandIn();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resend.url;
  resetEnvForTests();
  runner = new InProcessRunner({ db: db(), functions, backoffBaseMs: 5, backoffMaxMs: 20, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
  await resend.close();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvForTests();
});
beforeEach(() => {
  resend.requests.length = 0;
});

/** What the app's relay and runner do after a restart: hand over pending events and run them. */
async function restartBackgroundWork() {
  for (let i = 0; i < 20; i++) {
    await relayOutbox(db(), {}, new Date(Date.now() + 60 * 60_000));
    await runner.drain();
    const open = await db().jobRun.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
    const pending = await db().outboxEvent.count({ where: { sentAt: null } });
    if (!open && !pending) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error("background work did not settle");
}

async function analysedInterview(name: string) {
  const template = await createFixtureTemplate(db(), name);
  const invitation = await createFixtureInterview(db(), template, "strong");
  const { analysisId } = await analyzeInterview(db(), invitation.id);
  return { template, invitation, analysisId };
}

const emailsTo = (to: string) => resend.requests.filter((r) => (r.body.to as string[] | string).toString() === to);

describe("the ready-for-review email", () => {
  it("a crash between notification and email re-sends the email once", async () => {
    const { template, invitation, analysisId } = await analysedInterview("Crash");
    // The notification commits, then the process dies before anything else runs.
    expect(await notifyAnalysisReady(db(), analysisId)).toEqual({ notified: 1 });
    expect(emailsTo(template.hr.email)).toHaveLength(0);

    await restartBackgroundWork();
    const sent = emailsTo(template.hr.email);
    expect(sent).toHaveLength(1);
    const note = await db().notification.findFirstOrThrow({ where: { userId: template.hr.id, link: `/interviews/${invitation.id}` } });
    expect(sent[0]!.headers["idempotency-key"]).toBe(`notification:${note.id}`);
    expect(sent[0]!.body.subject).toBe("Ready for review: Ada Moreno, Senior Backend Engineer");
    expect(sent[0]!.body.html).toContain(`http://localhost:3000/interviews/${invitation.id}`);

    // Everything runs again (the relay resends the event, the step re-runs): nothing new leaves.
    await db().outboxEvent.updateMany({ where: { name: "notification.analysis-ready" }, data: { sentAt: null } });
    await db().jobRun.deleteMany({ where: { functionId: { endsWith: "notification-email" } } });
    await restartBackgroundWork();
    expect(emailsTo(template.hr.email)).toHaveLength(1);
    expect(await db().emailMessage.count({ where: { to: template.hr.email } })).toBe(1);
  });

  it("sends once when the step ran to the send and died before its result was kept", async () => {
    const { template, analysisId } = await analysedInterview("Midway");
    await notifyAnalysisReady(db(), analysisId);
    const event = await db().outboxEvent.findFirstOrThrow({ where: { name: "notification.analysis-ready", organizationId: template.org.id } });
    await emailAnalysisReady(db(), event.payload as { notificationId: string; invitationId: string });
    await restartBackgroundWork();
    expect(emailsTo(template.hr.email)).toHaveLength(1);
    expect(await db().emailMessage.findMany({ where: { to: template.hr.email }, select: { status: true, providerId: true } })).toEqual([
      { status: "sent", providerId: expect.stringMatching(/^re_msg_/) },
    ]);
  });

  it("retries when Resend refuses at first, with the same key, and records the delivery", async () => {
    const { template, analysisId } = await analysedInterview("Outage");
    resend.failNext(500, "internal error");
    await notifyAnalysisReady(db(), analysisId);
    await restartBackgroundWork();
    const attempts = emailsTo(template.hr.email);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers["idempotency-key"]).toBe(attempts[1]!.headers["idempotency-key"]);
    expect(await db().emailMessage.findMany({ where: { to: template.hr.email }, select: { status: true, error: true } })).toEqual([
      { status: "sent", error: null },
    ]);
  });

  it("carries a signed one-click unsubscribe link, and is not sent to HR who switched it off (the in-app notice stays)", async () => {
    const { template, analysisId } = await analysedInterview("Prefs");
    await notifyAnalysisReady(db(), analysisId);
    await restartBackgroundWork();
    const [mail] = emailsTo(template.hr.email);
    const headers = mail!.body.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?email=.+&kind=analysis-ready&sig=[\w-]{43}>$/);
    expect(mail!.body.html).toContain("Unsubscribe from these emails");

    const other = await createFixtureInterview(db(), template, "weak");
    const second = await analyzeInterview(db(), other.id);
    await setEmailPreference(db(), template.hr.email, "analysis-ready", false);
    expect(await notifyAnalysisReady(db(), second.analysisId)).toEqual({ notified: 1 });
    await restartBackgroundWork();
    expect(emailsTo(template.hr.email)).toHaveLength(1);
    expect(await db().notification.count({ where: { userId: template.hr.id } })).toBe(2);
  });
});
