import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as shareVideo } from "@/app/api/share/[token]/answers/[responseId]/video/route";
import { functions } from "@/inngest/functions";
import { relayOutbox } from "@/inngest/relay";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { setEmailPreference } from "@/server/notifications/email-preferences";
import { getStorage } from "@/server/storage";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { makeInterview } from "../fixtures/interview";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

const db = () => getDb();
const DAY = 86_400_000;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error);
  }
}

/** A completed interview with two submitted answers; the first has a stored recording. */
async function completedInterview(organizationId: string) {
  const made = await makeInterview({ organizationId, consent: true, status: "COMPLETED" });
  const now = new Date();
  await db().invitation.update({ where: { id: made.invitation.id }, data: { completedAt: now, startedAt: now } });
  await db().response.updateMany({
    where: { invitationId: made.invitation.id },
    data: { submittedAt: now, status: "ANALYZED", textAnswer: "I wrote the runbook." },
  });
  const recording = Buffer.from("webm bytes of the first answer, for the share link's video route");
  const stored = await getStorage().put(`recordings/${made.responses[0]!.id}/take-1.webm`, Readable.from([recording]), { contentType: "video/webm" });
  await db().mediaAsset.create({
    data: {
      organizationId,
      responseId: made.responses[0]!.id,
      kind: "RECORDING",
      storageDriver: getStorage().driver,
      storageKey: stored.key,
      contentType: "video/webm",
      sizeBytes: BigInt(recording.length),
    },
  });
  return { ...made, recording };
}

async function anonymous(ip: string) {
  return createCaller(await createContext({ headers: new Headers({ "x-forwarded-for": ip }) }));
}

async function named(user: { id: string }, name: string) {
  return db().user.update({ where: { id: user.id }, data: { name } });
}

let runner: InProcessRunner;
let org: { id: string };
let owner: { id: string };
let member: { id: string };
let admin: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  runner = new InProcessRunner({ db: db(), functions, backoffBaseMs: 5, backoffMaxMs: 20, log: () => {} });
  org = await makeOrg("Team review");
  owner = await named(await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" }), "Olivia Owner");
  member = await named(await makeUser({ role: "HR", orgId: org.id }), "Mika Member");
  admin = await named(await makeUser({ role: "ADMIN", orgId: org.id, membershipRole: "ADMIN" }), "Ada Admin");
  const other = await makeOrg("Elsewhere");
  outsider = await named(await makeUser({ role: "HR", orgId: other.id, orgRole: "OWNER" }), "Otto Outsider");
});

afterAll(async () => {
  await runner.stop();
});

describe("team ratings", () => {
  it("hide the others' ratings from every reviewer, owners and admins included, until that reviewer has submitted", async () => {
    const { invitation, responses } = await completedInterview(org.id);
    const [first, second] = responses.map((r) => r.id);
    const asMember = await callerFor(member.id);
    const asOwner = await callerFor(owner.id);
    const asAdmin = await callerFor(admin.id);

    expect(await codeOf(asMember.review.submitRatings({ invitationId: invitation.id }))).toBe(
      "BAD_REQUEST: Rate every answer before you submit: 2 are not rated yet.",
    );
    expect(await codeOf(asMember.review.rate({ responseId: first!, score: 6 }))).toMatch(/^BAD_REQUEST: .*Choose a rating from 1 to 5/s);
    await asMember.review.rate({ responseId: first!, score: 4, note: "Concrete numbers." });
    await asMember.review.rate({ responseId: second!, score: 2 });
    const submitted = await asMember.review.submitRatings({ invitationId: invitation.id });
    expect(submitted.others).toEqual([]);
    expect(await codeOf(asMember.review.rate({ responseId: first!, score: 5 }))).toBe(
      "CONFLICT: You have submitted your ratings for this interview: they are final.",
    );

    // The owner and the admin have not rated: they learn only that one reviewer submitted.
    for (const caller of [asOwner, asAdmin]) {
      const view = await caller.review.ratings({ invitationId: invitation.id });
      expect(view).toMatchObject({ submittedAt: null, mine: [], othersSubmitted: 1, others: null });
      expect(JSON.stringify(view)).not.toContain("Concrete numbers.");
    }
    await asOwner.review.rate({ responseId: first!, score: 3, note: "Good but short." });
    expect((await asOwner.review.ratings({ invitationId: invitation.id })).others).toBeNull();
    await asOwner.review.rate({ responseId: second!, score: 3 });
    const ownerView = await asOwner.review.submitRatings({ invitationId: invitation.id });
    expect(ownerView.others).toEqual([
      {
        reviewer: { id: member.id, name: "Mika Member" },
        submittedAt: expect.any(Date),
        ratings: expect.arrayContaining([expect.objectContaining({ responseId: first, score: 4, note: "Concrete numbers." })]),
      },
    ]);
    // Submitting marked it reviewed, and wrote the audit log.
    expect((await asOwner.review.state({ invitationId: invitation.id })).reviewedAt).toBeInstanceOf(Date);
    expect(await db().auditLog.count({ where: { targetId: invitation.id, action: "review.ratings-submitted" } })).toBe(2);
    // Another organization reaches none of it.
    const asOutsider = await callerFor(outsider.id);
    expect(await codeOf(asOutsider.review.ratings({ invitationId: invitation.id }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(asOutsider.review.rate({ responseId: first!, score: 1 }))).toMatch(/^NOT_FOUND/);
  });

  it("refuse an interview the candidate has not completed", async () => {
    const { invitation, responses } = await makeInterview({ organizationId: org.id, status: "IN_PROGRESS" });
    const asMember = await callerFor(member.id);
    expect(await codeOf(asMember.review.rate({ responseId: responses[0]!.id, score: 3 }))).toMatch(/^BAD_REQUEST: Rate the answers once/);
    expect(await codeOf(asMember.review.markReviewed({ invitationId: invitation.id }))).toMatch(/^BAD_REQUEST/);
    expect(await db().answerRating.count({ where: { invitationId: invitation.id } })).toBe(0);
  });
});

describe("team comments", () => {
  it("notify the members they still mention, in app and by email once, and respect the email switch", async () => {
    const { invitation } = await completedInterview(org.id);
    const memberEmail = (await db().user.findUniqueOrThrow({ where: { id: member.id } })).email;
    const adminEmail = (await db().user.findUniqueOrThrow({ where: { id: admin.id } })).email;
    await setEmailPreference(db(), adminEmail, "review-mention", false);
    const asOwner = await callerFor(owner.id);

    expect(await codeOf(asOwner.review.comment({ invitationId: invitation.id, body: "   " }))).toMatch(/^BAD_REQUEST: .*Write a comment first/s);
    const posted = await asOwner.review.comment({
      invitationId: invitation.id,
      body: "@Mika Member and @Ada Admin, look at answer 2. @Olivia Owner noted it too.",
      // The outsider is no member here, the owner is the author, and "Otto" is not in the text.
      mentions: [member.id, admin.id, owner.id, outsider.id],
    });
    expect(posted.mentions.map((m) => m.label).sort()).toEqual(["Ada Admin", "Mika Member", "Olivia Owner"]);
    const notes = await db().notification.findMany({ where: { type: "review.mention", link: { startsWith: `/interviews/${invitation.id}` } } });
    expect(notes.map((n) => n.userId).sort()).toEqual([admin.id, member.id].sort());
    expect(notes[0]!.title).toBe("Olivia Owner mentioned you on Casey Candidate's interview");
    expect(await db().outboxEvent.count({ where: { name: "notification.review-mention", organizationId: org.id } })).toBe(2);

    // A picked member whose @name was deleted before posting is not notified.
    await asOwner.review.comment({ invitationId: invitation.id, body: "On second thought, never mind.", mentions: [member.id] });
    expect(await db().notification.count({ where: { type: "review.mention", userId: member.id, link: { startsWith: `/interviews/${invitation.id}` } } })).toBe(
      1,
    );

    for (let i = 0; i < 2; i++) {
      await relayOutbox(db(), {}, new Date(Date.now() + 60 * 60_000));
      await runner.drain();
    }
    expect(await db().emailMessage.count({ where: { to: memberEmail, template: "review-mention" } })).toBe(1);
    expect(await db().emailMessage.count({ where: { to: adminEmail, template: "review-mention" } })).toBe(0);
    expect(await db().notification.count({ where: { userId: admin.id, type: "review.mention" } })).toBeGreaterThan(0);

    const list = await (await callerFor(member.id)).review.comments({ invitationId: invitation.id });
    expect(list.comments.map((c) => c.author)).toEqual(["Olivia Owner", "Olivia Owner"]);
    expect(list.members.map((m) => m.label)).toEqual(expect.arrayContaining(["Ada Admin", "Mika Member", "Olivia Owner"]));
    expect(list.members.map((m) => m.id)).not.toContain(outsider.id);
    expect(await codeOf((await callerFor(outsider.id)).review.comments({ invitationId: invitation.id }))).toMatch(/^NOT_FOUND/);
  });
});

describe("the review inbox", () => {
  it("sorts interviews into ready, in progress, awaiting and failed, and moves one out of 'not reviewed by me' when marked", async () => {
    const inbox = await makeOrg("Inbox");
    const hr = await makeUser({ role: "HR", orgId: inbox.id, orgRole: "OWNER" });
    const colleague = await makeUser({ role: "HR", orgId: inbox.id });
    const ready = await completedInterview(inbox.id);
    await db().analysis.create({
      data: {
        organizationId: inbox.id,
        invitationId: ready.invitation.id,
        status: "COMPLETE",
        engine: "offline",
        model: "m",
        promptVersion: "v1",
        inputHash: `inbox-${ready.invitation.id}`,
        flagged: true,
        overallScore: 3.6,
        recommendation: "yes",
        result: { flags: [{ kind: "injection", detail: "Addressed the evaluator." }] },
      },
    });
    const processing = await completedInterview(inbox.id);
    await db().response.updateMany({ where: { invitationId: processing.invitation.id }, data: { status: "TRANSCRIBING" } });
    const failed = await completedInterview(inbox.id);
    await db().response.update({ where: { id: failed.responses[1]!.id }, data: { status: "FAILED", failureReason: "The recording is empty." } });
    const awaiting = await makeInterview({ organizationId: inbox.id, status: "SENT", expiresAt: new Date(Date.now() + 2 * DAY) });
    const recording = await makeInterview({ organizationId: inbox.id, status: "IN_PROGRESS" });
    await db().invitation.update({ where: { id: recording.invitation.id }, data: { startedAt: new Date() } });
    await makeInterview({ organizationId: inbox.id, status: "SENT", expiresAt: new Date(Date.now() - DAY) });

    const asHr = await callerFor(hr.id);
    const sections = async (filter: "all" | "not-reviewed-by-me" = "all") =>
      Object.fromEntries((await asHr.review.inbox({ filter })).sections.map((s) => [s.kind, s]));
    const all = await sections();
    expect(all.ready!.rows.map((r) => r.invitationId)).toEqual([ready.invitation.id]);
    expect(all.ready!.rows[0]).toMatchObject({ score: 3.6, recommendation: "Yes", flags: 1, reviewedByMe: false, action: { label: "Review" } });
    expect(all["in-progress"]!.rows.map((r) => r.invitationId).sort()).toEqual([processing.invitation.id, recording.invitation.id].sort());
    expect(all.awaiting!.rows.map((r) => r.invitationId)).toEqual([awaiting.invitation.id]);
    expect(all.failed!.rows[0]).toMatchObject({
      invitationId: failed.invitation.id,
      detail: "Question 2: The recording is empty.",
      action: { label: "Process again", href: `/interviews/${failed.invitation.id}?answer=${failed.responses[1]!.id}` },
    });

    await asHr.review.markReviewed({ invitationId: ready.invitation.id });
    expect((await sections()).ready!.rows[0]).toMatchObject({ reviewedByMe: true, reviewedBy: 1 });
    expect((await sections("not-reviewed-by-me")).ready!.count).toBe(0);
    // Per reviewer: the colleague still has it to review.
    const colleagueInbox = await (await callerFor(colleague.id)).review.inbox({ filter: "not-reviewed-by-me" });
    expect(colleagueInbox.sections.find((s) => s.kind === "ready")!.rows[0]).toMatchObject({
      invitationId: ready.invitation.id,
      reviewedByMe: false,
      reviewedBy: 1,
    });
    await asHr.review.markReviewed({ invitationId: ready.invitation.id, reviewed: false });
    expect((await sections("not-reviewed-by-me")).ready!.count).toBe(1);

    // Another organization's inbox holds none of these.
    const elsewhere = await (await callerFor(outsider.id)).review.inbox({ filter: "all" });
    expect(elsewhere.sections.flatMap((s) => s.rows.map((r) => r.invitationId))).not.toContain(ready.invitation.id);
  });
});

describe("share links", () => {
  it("open one interview read-only until revoked or expired, with every step in the audit log and guesses limited", async () => {
    const { invitation, responses, recording } = await completedInterview(org.id);
    await (await callerFor(member.id)).review.comment({ invitationId: invitation.id, body: "Team-only remark." });
    const asMember = await callerFor(member.id);
    expect(await codeOf(asMember.share.create({ invitationId: invitation.id, days: 31 }))).toMatch(/^BAD_REQUEST: .*between 1 and 30 days/s);
    const link = await asMember.share.create({ invitationId: invitation.id, days: 7 });
    const token = link.path.replace("/share/", "");
    const stored = await db().shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const visitor = await anonymous("203.0.113.7");
    const view = await visitor.share.view({ token });
    expect(view.candidateName).toBe("Casey Candidate");
    expect(view.answers[0]!.videoUrl).toBe(`/api/share/${token}/answers/${responses[0]!.id}/video`);
    const text = JSON.stringify(view);
    for (const hidden of ["Team-only remark.", invitation.candidateEmail, "/interviews/", "/api/media/"]) expect(text).not.toContain(hidden);

    const video = await shareVideo(new Request(`http://localhost${view.answers[0]!.videoUrl}`, { headers: { range: "bytes=0-3" } }), {
      params: Promise.resolve({ token, responseId: responses[0]!.id }),
    });
    expect(video.status).toBe(206);
    expect(Buffer.from(await video.arrayBuffer())).toEqual(recording.subarray(0, 4));
    // Another interview's answer through this link: nothing.
    const other = await completedInterview(org.id);
    const foreign = await shareVideo(new Request("http://localhost/x"), { params: Promise.resolve({ token, responseId: other.responses[0]!.id }) });
    expect(foreign.status).toBe(404);

    const listed = await asMember.share.list({ invitationId: invitation.id });
    expect(listed[0]).toMatchObject({ id: link.id, state: "active", viewCount: 1, createdBy: "Mika Member" });
    await asMember.share.revoke({ shareLinkId: link.id });
    expect(await codeOf(visitor.share.view({ token }))).toBe("NOT_FOUND: This share link was revoked by the team that shared it. Ask them for a new one.");
    const gone = await shareVideo(new Request("http://localhost/x"), { params: Promise.resolve({ token, responseId: responses[0]!.id }) });
    expect(gone.status).toBe(410);
    expect((await asMember.share.list({ invitationId: invitation.id }))[0]!.state).toBe("revoked");
    expect(await codeOf((await callerFor(outsider.id)).share.revoke({ shareLinkId: link.id }))).toMatch(/^NOT_FOUND/);

    const expiring = await asMember.share.create({ invitationId: invitation.id, days: 1 });
    await db().shareLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await codeOf(visitor.share.view({ token: expiring.path.replace("/share/", "") }))).toMatch(/^NOT_FOUND: This share link expired on /);

    const actions = await db().auditLog.findMany({ where: { targetId: invitation.id, action: { startsWith: "share." } }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["share.created", "share.viewed", "share.revoked", "share.created"]);
    expect(actions.find((a) => a.action === "share.viewed")!.actorId).toBeNull();

    // Guessing tokens: 20 misses from one address, then that address is refused before any lookup.
    const guesser = await anonymous("198.51.100.9");
    for (let i = 0; i < 20; i++) expect(await codeOf(guesser.share.view({ token: `guess-${i}` }))).toMatch(/^NOT_FOUND: This share link does not exist/);
    expect(await codeOf(guesser.share.view({ token }))).toMatch(/^TOO_MANY_REQUESTS/);
    expect(await codeOf((await anonymous("203.0.113.8")).share.view({ token: "guess-x" }))).toMatch(/^NOT_FOUND/);
  });
});
