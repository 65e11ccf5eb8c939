import { describe, expect, it } from "vitest";
import { analyzeInterview, getAnalyzer } from "@/server/analysis/analyze-interview";
import { getDb } from "@/server/db/client";
import { notifyAnalysisReady } from "@/server/notifications/analysis-ready";
import { createFixtureInterview, createFixtureTemplate } from "./analysis-fixture";

const db = () => getDb();
const count = (invitationId: string) => db().analysis.count({ where: { invitationId } });

describe("analyzeInterview", () => {
  it("writes one analysis per answer and one for the interview, marks the answers ANALYZED, and reuses it on a re-run", async () => {
    const template = await createFixtureTemplate(db(), "Idempotence");
    const invitation = await createFixtureInterview(db(), template, "average");

    const first = await analyzeInterview(db(), invitation.id);
    expect(first).toMatchObject({ engine: "offline", recommendation: expect.stringMatching(/^(strong_)?no$/), flagged: false, reused: false });
    const rows = await db().analysis.findMany({ where: { invitationId: invitation.id } });
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.responseId === null).map((r) => r.id)).toEqual([first.analysisId]);
    expect(new Set(rows.map((r) => r.inputHash)).size).toBe(1);
    expect(rows.every((r) => r.status === "COMPLETE" && r.engine === "offline" && r.promptVersion === "offline-2")).toBe(true);
    const responses = await db().response.findMany({ where: { invitationId: invitation.id } });
    expect(responses.map((r) => r.status)).toEqual(["ANALYZED", "ANALYZED", "ANALYZED", "ANALYZED"]);

    const before = await db().analysis.findUniqueOrThrow({ where: { id: first.analysisId } });
    // The pipeline runs again (the same transcripts): the answers go through ANALYZING back to ANALYZED.
    await db().response.updateMany({ where: { invitationId: invitation.id, type: "VIDEO" }, data: { status: "ANALYZING" } });
    const second = await analyzeInterview(db(), invitation.id);
    expect(second).toEqual({ ...first, reused: true });
    expect((await db().response.findMany({ where: { invitationId: invitation.id } })).every((r) => r.status === "ANALYZED")).toBe(true);
    expect(await count(invitation.id)).toBe(5);
    expect((await db().analysis.findUniqueOrThrow({ where: { id: first.analysisId } })).updatedAt).toEqual(before.updatedAt);

    // A changed input (a corrected transcript) is a different analysis, kept beside the first.
    const q1 = responses.find((r) => r.position === 0)!;
    await db().transcript.update({
      where: { responseId: q1.id },
      data: { text: "We restarted the servers.", segments: [{ start: 0, end: 2, text: "We restarted the servers." }] },
    });
    const third = await analyzeInterview(db(), invitation.id);
    expect(third.reused).toBe(false);
    expect(third.analysisId).not.toBe(first.analysisId);
    expect(await count(invitation.id)).toBe(10);
  });

  it("lets only one of two concurrent runs write", async () => {
    const template = await createFixtureTemplate(db(), "Concurrent");
    const invitation = await createFixtureInterview(db(), template, "strong");
    const runs = await Promise.all([analyzeInterview(db(), invitation.id), analyzeInterview(db(), invitation.id)]);
    expect(runs.map((r) => r.reused).sort()).toEqual([false, true]);
    expect(runs[0].analysisId).toBe(runs[1].analysisId);
    expect(await count(invitation.id)).toBe(5);
  });

  it("records a failed run on the interview's row and completes that same row on retry", async () => {
    const template = await createFixtureTemplate(db(), "Failure");
    const invitation = await createFixtureInterview(db(), template, "weak");
    const real = getAnalyzer();
    const broken = { ...real, analyze: () => Promise.reject(new Error("the engine fell over")) };
    await expect(analyzeInterview(db(), invitation.id, { engine: broken })).rejects.toThrow("the engine fell over");
    const failed = await db().analysis.findMany({ where: { invitationId: invitation.id } });
    expect(failed).toMatchObject([{ responseId: null, status: "FAILED", error: "the engine fell over" }]);
    expect((await db().response.findMany({ where: { invitationId: invitation.id } })).some((r) => r.status === "ANALYZED")).toBe(false);

    const retried = await analyzeInterview(db(), invitation.id, { engine: real });
    expect(retried).toMatchObject({ analysisId: failed[0]!.id, reused: false, recommendation: "strong_no" });
    expect(await db().analysis.findUniqueOrThrow({ where: { id: failed[0]!.id } })).toMatchObject({ status: "COMPLETE", error: null });
    expect(await count(invitation.id)).toBe(5);
  });

  it("says on each answer read from a rough offline transcript that it may miss words, without flagging the interview", async () => {
    const template = await createFixtureTemplate(db(), "Rough");
    const invitation = await createFixtureInterview(db(), template, "strong");
    await db().transcript.updateMany({ where: { response: { invitationId: invitation.id } }, data: { engine: "pocketsphinx" } });
    const run = await analyzeInterview(db(), invitation.id);
    expect(run.flagged).toBe(false);
    const rows = await db().analysis.findMany({ where: { invitationId: invitation.id }, include: { response: { select: { type: true } } } });
    const kinds = (result: unknown) => (result as { flags: { kind: string }[] }).flags.map((f) => f.kind);
    for (const row of rows.filter((r) => r.response)) expect(kinds(row.result)).toEqual(row.response!.type === "VIDEO" ? ["low_transcript_quality"] : []);
    expect(kinds(rows.find((r) => !r.response)!.result)).toEqual(["low_transcript_quality", "low_transcript_quality", "low_transcript_quality"]);
  });
});

describe("notifyAnalysisReady", () => {
  it("notifies the invitation's sender in the app, with its email event in the same transaction, once", async () => {
    const template = await createFixtureTemplate(db(), "Notify");
    const invitation = await createFixtureInterview(db(), template, "strong");
    const { analysisId } = await analyzeInterview(db(), invitation.id);

    expect(await notifyAnalysisReady(db(), analysisId)).toEqual({ notified: 1 });
    const link = `/interviews/${invitation.id}`;
    const notes = await db().notification.findMany({ where: { link } });
    expect(notes).toMatchObject([
      { userId: template.hr.id, organizationId: template.org.id, type: "analysis.ready", title: "Ada Moreno's interview is ready for review", readAt: null },
    ]);
    const events = await db().outboxEvent.findMany({ where: { name: "notification.analysis-ready", organizationId: template.org.id } });
    expect(events.map((e) => e.payload)).toEqual([
      { notificationId: (await db().notification.findFirstOrThrow({ where: { link } })).id, invitationId: invitation.id },
    ]);
    // The email leaves from the background function (tests/integration/notification-email.test.ts), never from here.
    expect(await db().emailMessage.count({ where: { to: template.hr.email } })).toBe(0);

    expect(await notifyAnalysisReady(db(), analysisId)).toEqual({ notified: 0 });
    expect(await db().notification.count({ where: { link } })).toBe(1);
    expect(await db().outboxEvent.count({ where: { name: "notification.analysis-ready", organizationId: template.org.id } })).toBe(1);
  });

  it("without a sender, notifies every active HR member and admin of the organization", async () => {
    const template = await createFixtureTemplate(db(), "NoSender");
    const admin = await db().user.create({
      data: { email: `admin-${template.org.slug}@example.com`, role: "ADMIN", memberships: { create: { organizationId: template.org.id, role: "ADMIN" } } },
    });
    const suspended = await db().user.create({
      data: {
        email: `gone-${template.org.slug}@example.com`,
        role: "HR",
        status: "SUSPENDED",
        memberships: { create: { organizationId: template.org.id, role: "HR" } },
      },
    });
    const outsider = await createFixtureTemplate(db(), "Elsewhere");
    const invitation = await createFixtureInterview(db(), template, "weak", { createdById: null });
    const { analysisId } = await analyzeInterview(db(), invitation.id);

    expect(await notifyAnalysisReady(db(), analysisId)).toEqual({ notified: 2 });
    const userIds = (await db().notification.findMany({ where: { link: `/interviews/${invitation.id}` } })).map((n) => n.userId).sort();
    expect(userIds).toEqual([admin.id, template.hr.id].sort());
    expect(userIds).not.toContain(suspended.id);
    expect(userIds).not.toContain(outsider.hr.id);
    expect(await notifyAnalysisReady(db(), analysisId)).toEqual({ notified: 0 });
  });
});
