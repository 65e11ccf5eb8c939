import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { PLAYBACK_URL_TTL_SEC } from "@/server/review/playback";
import { MEDIA_ROUTE_PREFIX, verifyMediaUrl } from "@/server/storage/signing";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { invite, makeTemplate } from "./authz/invitations.cases";

const db = () => getDb();

describe("reviewing an interview", () => {
  it("shows the questions as sent, each answer with its status, a signed recording URL and the timeline", async () => {
    const org = await makeOrg("Review");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const caller = await callerFor(hr.id);
    const template = await makeTemplate(org.id, {
      questions: [
        { prompt: "Walk us through an outage you handled.", type: "VIDEO" },
        { prompt: "Describe your testing strategy.", type: "TEXT" },
        { prompt: "Why this team?", type: "VIDEO" },
      ],
    });
    const invitationId = await invite(hr.id, org.id, template.id, "wren@example.com");

    // Editing the template afterwards must not change what this candidate was asked.
    await db().question.updateMany({ where: { templateId: template.id, position: 0 }, data: { prompt: "A different question" } });

    const t0 = Date.now() - 60 * 60 * 1000;
    const at = (min: number) => new Date(t0 + min * 60_000);
    await db().invitation.update({
      where: { id: invitationId },
      data: { status: "IN_PROGRESS", sentAt: at(0), openedAt: at(1), consentAt: at(2), startedAt: at(3) },
    });
    const responses = await db().response.findMany({ where: { invitationId }, orderBy: { position: "asc" } });
    const [video, text, unanswered] = responses;
    await db().response.update({ where: { id: video!.id }, data: { status: "UPLOADED", takesUsed: 2, durationMs: 83_000, submittedAt: at(10) } });
    await db().mediaAsset.create({
      data: {
        organizationId: org.id,
        responseId: video!.id,
        kind: "RECORDING",
        storageDriver: "local",
        storageKey: `recordings/${invitationId}/${video!.id}.webm`,
        contentType: "video/webm",
        sizeBytes: 1_234_567n,
        durationMs: 83_000,
      },
    });
    await db().response.update({
      where: { id: text!.id },
      data: { status: "TRANSCRIBED", textAnswer: "Pyramid: many unit tests, fewer end-to-end.", submittedAt: at(12) },
    });

    const before = Date.now();
    const review = await caller.review.interview({ invitationId });

    expect(review.invitation).toMatchObject({ id: invitationId, candidateEmail: "wren@example.com", status: "IN_PROGRESS", canResend: true, canCancel: true });
    expect(review.version.title).toBe("Backend Engineer");
    expect(review.answers.map((a) => [a.number, a.question.prompt, a.question.type, a.response?.status])).toEqual([
      [1, "Walk us through an outage you handled.", "VIDEO", "UPLOADED"],
      [2, "Describe your testing strategy.", "TEXT", "TRANSCRIBED"],
      [3, "Why this team?", "VIDEO", "PENDING"],
    ]);

    const [a1, a2, a3] = review.answers;
    expect(a1!.response).toMatchObject({ id: video!.id, durationMs: 83_000, takesUsed: 2, submittedAt: at(10) });
    expect(a1!.hasRecording).toBe(true);
    expect(a1!.playback).toMatchObject({ contentType: "video/webm", url: expect.any(String) });
    // The local driver's URL, checked the way /api/media checks it: signed, for this key and type, valid for an hour.
    const url = new URL(a1!.playback!.url);
    const key = decodeURIComponent(url.pathname.slice(MEDIA_ROUTE_PREFIX.length));
    expect(key).toBe(`recordings/${invitationId}/${video!.id}.webm`);
    expect(verifyMediaUrl(key, url.searchParams, process.env.NEXTAUTH_SECRET!)).toMatchObject({
      ok: true,
      params: { contentType: "video/webm", disposition: "inline" },
    });
    expect(verifyMediaUrl(key, url.searchParams, process.env.NEXTAUTH_SECRET!, before + (PLAYBACK_URL_TTL_SEC + 5) * 1000)).toMatchObject({
      ok: false,
      reason: "EXPIRED",
    });
    const ttl = a1!.playback!.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(PLAYBACK_URL_TTL_SEC * 1000 - 5_000);
    expect(ttl).toBeLessThanOrEqual(PLAYBACK_URL_TTL_SEC * 1000 + 5_000);
    expect(a2!.response?.textAnswer).toBe("Pyramid: many unit tests, fewer end-to-end.");
    expect(a2!.playback).toBeNull();
    expect(a3).toMatchObject({ hasRecording: false, playback: null });
    expect(a3!.response?.id).toBe(unanswered!.id);
    expect(review.progress).toEqual({ answered: 2, total: 3 });

    expect(review.timeline.map((e) => e.kind)).toEqual(["sent", "opened", "consent", "started", "answered", "answered"]);
    expect(review.timeline.filter((e) => e.kind === "answered").map((e) => [e.label, e.at])).toEqual([
      ["Question 1 answered", at(10)],
      ["Question 2 answered", at(12)],
    ]);
  });

  it("reports a past-due interview as expired, with the expiry on the timeline and only resend and cancel left", async () => {
    const org = await makeOrg("Late");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const template = await makeTemplate(org.id);
    const invitationId = await invite(hr.id, org.id, template.id, "xena@example.com");
    const expiresAt = new Date(Date.now() - 1000);
    await db().invitation.update({ where: { id: invitationId }, data: { sentAt: new Date(Date.now() - 15 * 24 * 60 * 60 * 1000), expiresAt } });

    const review = await (await callerFor(hr.id)).review.interview({ invitationId });
    expect(review.invitation).toMatchObject({ status: "EXPIRED", canResend: true, canCancel: true });
    expect(review.timeline.at(-1)).toMatchObject({ kind: "expired", at: expiresAt });

    await db().invitation.update({ where: { id: invitationId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    const cancelled = await (await callerFor(hr.id)).review.interview({ invitationId });
    expect(cancelled.invitation).toMatchObject({ status: "CANCELLED", canResend: false, canCancel: false });
    expect(cancelled.timeline.map((e) => e.kind)).toEqual(["sent", "cancelled"]);
  });

  it("finds nothing for HR of another organization", async () => {
    const org = await makeOrg("Mine");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const invitationId = await invite(hr.id, org.id, (await makeTemplate(org.id)).id, "yael@example.com");
    const other = await makeUser({ role: "HR", orgId: (await makeOrg("Theirs")).id });
    await expect((await callerFor(other.id)).review.interview({ invitationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
