import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { functions } from "@/inngest/functions";
import { enqueueLocalEvents } from "@/inngest/runner/local-queue";
import { registerFunctions } from "@/inngest/runner/registry";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { candidateExportResponse } from "@/server/privacy/download";
import { getStorage } from "@/server/storage";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { loadSessionUser } from "@/server/auth/session-user";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";

/**
 * The candidate's rights and the organization's side of them, through the real procedures on the
 * real database: the consent record, retention settings, deletion requests (carried out by HR or
 * by the sweep at their deadline, both sides emailed), the human-only review, the data export, and
 * the organization's own deletion after its grace period.
 */

const run = promisify(execFile);
const DAY = 24 * 3600 * 1000;
let runner: InProcessRunner;

beforeAll(() => {
  runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 10, backoffMaxMs: 20, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
});

async function linkCaller(ip?: string) {
  const headers = new Headers();
  if (ip) headers.set("x-forwarded-for", `${ip}, 10.0.0.1`);
  return createCaller(await createContext({ headers }));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

// Each sweep is the first hourly tick after a moment in the past, a later moment each time, so it is
// due at once and never one already run; the function itself works on the real time.
let hoursBack = 200;
async function sweep() {
  await runner.scheduleCrons(new Date(Date.now() - hoursBack-- * 3600 * 1000));
  await runner.drain({ timeoutMs: 60_000 });
  const last = await getDb().jobRun.findFirstOrThrow({ where: { functionId: { endsWith: "retention-sweep" } }, orderBy: { createdAt: "desc" } });
  expect({ status: last.status, error: last.error }).toEqual({ status: "COMPLETED", error: null });
}

/** An answered interview: a stored recording and a written answer. */
async function answeredInterview(organizationId: string) {
  const made = await makeInterview({ organizationId, consent: true, status: "COMPLETED" });
  const db = getDb();
  const recording = Buffer.from("webm bytes of the candidate's first answer");
  const stored = await getStorage().put(`recordings/${made.responses[0]!.id}/take-1.webm`, Readable.from([recording]), { contentType: "video/webm" });
  await db.mediaAsset.create({
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
  await db.response.update({
    where: { id: made.responses[1]!.id },
    data: { textAnswer: "I would shard the ledger by merchant.", submittedAt: new Date(), status: "TRANSCRIBED" },
  });
  await db.invitation.update({ where: { id: made.invitation.id }, data: { completedAt: new Date() } });
  return { ...made, recording, recordingKey: stored.key };
}

describe("the consent screen and its record", () => {
  it("states the organization's real retention, capped by its plan", async () => {
    const pro = await makeOrg("Consent Pro", "PRO");
    await getDb().organization.update({ where: { id: pro.id }, data: { retentionDays: 90 } });
    const free = await makeOrg("Consent Free", "FREE");
    const api = await linkCaller();
    const a = await api.interview.open({ token: (await makeInterview({ organizationId: pro.id })).token });
    const b = await api.interview.open({ token: (await makeInterview({ organizationId: free.id })).token });
    if (a.availability === "UNAVAILABLE" || b.availability === "UNAVAILABLE") throw new Error("open interviews expected");
    const kept = (s: typeof a) => s.consent.sections.find((x) => x.heading === "How long they are kept")!.body;
    expect(kept(a)).toContain("kept for 90 days after the interview ends");
    // Free keeps at most 30 days, whatever the organization chose (180 by default).
    expect(kept(b)).toContain("kept for 30 days after the interview ends");
    expect(a.consent.sections.map((s) => s.heading)).toEqual([
      "What is recorded",
      "What the automatic analysis looks at",
      "What it never does",
      "Who sees your answers",
      "How long they are kept",
      "Your rights",
    ]);
    expect(a.consent.sections[2]!.body).toMatch(/never analyses your face, your expressions, your emotions or the sound of your voice/);
    expect(a.consent.version).not.toBe(b.consent.version);
  });

  it("records the text version shown, the time and a keyed hash of the address; a stale text is refused", async () => {
    const org = await makeOrg("Consent record");
    const { token, invitation } = await makeInterview({ organizationId: org.id });
    const api = await linkCaller("203.0.113.7");
    const shown = await api.interview.open({ token });
    if (shown.availability === "UNAVAILABLE") throw new Error("open interview expected");

    // The owner shortens retention while the page is open: the old text is no longer what applies.
    await getDb().organization.update({ where: { id: org.id }, data: { retentionDays: 60 } });
    expect(await codeOf(api.interview.consent({ token, accepted: true, textVersion: shown.consent.version }))).toBe("CONFLICT");
    expect(await getDb().consentRecord.count({ where: { invitationId: invitation.id } })).toBe(0);

    const fresh = await api.interview.state({ token });
    if (fresh.availability === "UNAVAILABLE") throw new Error("open interview expected");
    await api.interview.consent({ token, accepted: true, textVersion: fresh.consent.version });
    const record = await getDb().consentRecord.findUniqueOrThrow({ where: { invitationId: invitation.id } });
    expect(record.textVersion).toBe(fresh.consent.version);
    expect(record.retentionDays).toBe(60);
    expect(record.consentedAt).toBeInstanceOf(Date);
    const expected = createHmac("sha256", `consent-ip:${process.env.NEXTAUTH_SECRET}`).update("203.0.113.7").digest("hex");
    expect(record.ipHash).toBe(expected);
    expect(JSON.stringify(record)).not.toContain("203.0.113.7");
  });
});

describe("retention settings", () => {
  it("owners set retention within the plan's maximum; other HR cannot", async () => {
    const org = await makeOrg("Settings", "PLUS");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const member = await makeUser({ role: "HR", orgId: org.id });
    const api = await callerFor(owner.id);
    expect(await codeOf(api.privacy.setRetention({ retentionDays: 0 }))).toBe("BAD_REQUEST");
    const tooLong = await api.privacy.setRetention({ retentionDays: 200 }).catch((e: TRPCError) => e);
    expect(tooLong).toBeInstanceOf(TRPCError);
    expect((tooLong as TRPCError).message).toBe("The Plus plan keeps interviews for at most 180 days; choose 180 or fewer, or change the plan.");
    expect(await api.privacy.setRetention({ retentionDays: 45 })).toMatchObject({ configuredDays: 45, effectiveDays: 45, planMaxDays: 180 });
    expect(await codeOf((await callerFor(member.id)).privacy.setRetention({ retentionDays: 20 }))).toBe("FORBIDDEN");
    expect(await getDb().auditLog.count({ where: { organizationId: org.id, action: "organization.retention_changed" } })).toBe(1);

    // The plan goes down: the smaller retention applies at once.
    await getDb().organization.update({ where: { id: org.id }, data: { retentionDays: 180 } });
    await getDb().subscription.update({ where: { organizationId: org.id }, data: { plan: "FREE" } });
    expect((await api.privacy.overview()).retention).toMatchObject({ configuredDays: 180, planMaxDays: 30, effectiveDays: 30 });
  });

  it("the sweep deletes what ended before the effective retention and keeps the rest", async () => {
    const org = await makeOrg("Sweep", "FREE");
    const old = await answeredInterview(org.id);
    const recent = await answeredInterview(org.id);
    const open = await makeInterview({ organizationId: org.id, expiresAt: new Date(Date.now() + 5 * DAY) });
    await getDb().invitation.update({ where: { id: old.invitation.id }, data: { completedAt: new Date(Date.now() - 31 * DAY) } });
    await getDb().invitation.update({ where: { id: recent.invitation.id }, data: { completedAt: new Date(Date.now() - 29 * DAY) } });
    await sweep();
    const left = await getDb().invitation.findMany({ where: { organizationId: org.id }, select: { id: true } });
    expect(left.map((i) => i.id).sort()).toEqual([recent.invitation.id, open.invitation.id].sort());
    expect(await getStorage().stat(old.recordingKey)).toBeNull();
    expect(await getStorage().stat(recent.recordingKey)).not.toBeNull();
    expect(await getDb().interviewTombstone.findUnique({ where: { invitationId: old.invitation.id } })).toMatchObject({ reason: "retention" });
  });
});

describe("deletion requests", () => {
  it("from the link: recorded with a 30-day deadline, both sides emailed once, listed for HR, and carried out by HR", async () => {
    const db = getDb();
    const org = await makeOrg("Requests");
    const hr = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const i = await answeredInterview(org.id);
    const api = await linkCaller();
    const { dueAt } = await api.interview.requestDeletion({ token: i.token });
    expect(Math.round((dueAt.getTime() - Date.now()) / DAY)).toBe(30);
    await api.interview.requestDeletion({ token: i.token });
    const mails = await db.emailMessage.findMany({ where: { template: { startsWith: "deletion-requested" } } });
    expect(mails.filter((m) => m.to === i.invitation.candidateEmail)).toHaveLength(1);
    expect(mails.filter((m) => m.to === hr.email)).toHaveLength(1);
    const state = await api.interview.state({ token: i.token });
    expect(state.availability !== "UNAVAILABLE" && state.deletionDueAt).toEqual(dueAt);

    const hrApi = await callerFor(hr.id);
    const overview = await hrApi.privacy.overview();
    expect(overview.requests.map((r) => r.invitation.id)).toEqual([i.invitation.id]);
    expect(await codeOf(hrApi.privacy.deleteInterview({ invitationId: i.invitation.id, confirm: "delete" as "DELETE" }))).toBe("BAD_REQUEST");
    const done = await hrApi.privacy.deleteInterview({ invitationId: i.invitation.id, confirm: "DELETE" });
    expect(done).toMatchObject({ filesFailed: 0, candidateEmailed: true });
    expect(await db.invitation.findUnique({ where: { id: i.invitation.id } })).toBeNull();
    expect(await getStorage().stat(i.recordingKey)).toBeNull();
    expect(await db.interviewTombstone.findUnique({ where: { invitationId: i.invitation.id } })).toMatchObject({
      reason: "candidate-request",
      deletedById: hr.id,
    });
    expect(await db.emailMessage.count({ where: { to: i.invitation.candidateEmail, template: "data-deleted" } })).toBe(1);
    // The link no longer opens anything.
    expect(await codeOf(api.interview.state({ token: i.token }))).toBe("NOT_FOUND");
    expect((await hrApi.privacy.overview()).requests).toEqual([]);
  });

  it("is carried out by the sweep at its deadline when HR has not", async () => {
    const db = getDb();
    const org = await makeOrg("Deadline");
    const i = await answeredInterview(org.id);
    const candidate = await makeUser({ role: "CANDIDATE", email: i.invitation.candidateEmail });
    await (await callerFor(candidate.id)).candidate.requestDeletion({ invitationId: i.invitation.id });
    await sweep();
    expect(await db.invitation.findUnique({ where: { id: i.invitation.id } })).not.toBeNull();
    await db.deletionRequest.update({ where: { invitationId: i.invitation.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    await sweep();
    expect(await db.invitation.findUnique({ where: { id: i.invitation.id } })).toBeNull();
    expect(await db.interviewTombstone.findUnique({ where: { invitationId: i.invitation.id } })).toMatchObject({
      reason: "candidate-request",
      deletedById: null,
    });
    expect(await db.emailMessage.count({ where: { to: i.invitation.candidateEmail, template: "data-deleted" } })).toBe(1);
  });

  it("HR of another organization cannot delete an interview, and a candidate cannot ask about someone else's", async () => {
    const org = await makeOrg("Mine");
    const other = await makeOrg("Theirs");
    const outsider = await makeUser({ role: "HR", orgId: other.id, orgRole: "OWNER" });
    const stranger = await makeUser({ role: "CANDIDATE" });
    const i = await answeredInterview(org.id);
    expect(await codeOf((await callerFor(outsider.id)).privacy.deleteInterview({ invitationId: i.invitation.id, confirm: "DELETE" }))).toBe("NOT_FOUND");
    expect(await codeOf((await callerFor(stranger.id)).candidate.requestDeletion({ invitationId: i.invitation.id }))).toBe("NOT_FOUND");
    expect(await getDb().deletionRequest.count({ where: { invitationId: i.invitation.id } })).toBe(0);
    expect(await getDb().invitation.count({ where: { id: i.invitation.id } })).toBe(1);
  });
});

describe("human-only review", () => {
  it("deletes an AI read already made and stops the analysis from running", async () => {
    const db = getDb();
    const org = await makeOrg("Human review");
    const i = await answeredInterview(org.id);
    await db.analysis.create({
      data: {
        organizationId: org.id,
        invitationId: i.invitation.id,
        status: "COMPLETE",
        engine: "offline",
        model: "m",
        promptVersion: "v",
        inputHash: "h",
        recommendation: "yes",
      },
    });
    const api = await linkCaller();
    const { humanReviewRequestedAt } = await api.interview.requestHumanReview({ token: i.token });
    expect(humanReviewRequestedAt).toBeInstanceOf(Date);
    expect(await db.analysis.count({ where: { invitationId: i.invitation.id } })).toBe(0);

    await enqueueLocalEvents(db, registerFunctions(functions), [
      { id: `ready-${i.invitation.id}`, name: "interview.ready-for-analysis", data: { invitationId: i.invitation.id } },
    ]);
    await runner.drain({ timeoutMs: 60_000 });
    const run = await db.jobRun.findFirstOrThrow({ where: { eventId: `ready-${i.invitation.id}` } });
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ skipped: "human-review-requested" });
    expect(await db.analysis.count({ where: { invitationId: i.invitation.id } })).toBe(0);

    const hr = await makeUser({ role: "HR", orgId: org.id });
    const review = await (await callerFor(hr.id)).review.interview({ invitationId: i.invitation.id });
    expect(review.invitation.humanReviewRequestedAt).toEqual(humanReviewRequestedAt);
  });
});

describe("the data export", () => {
  async function unzip(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const dir = await mkdtemp(path.join(os.tmpdir(), "aivi-export-"));
    const file = path.join(dir, "export.zip");
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    await run("unzip", ["-q", file, "-d", path.join(dir, "out")]);
    return path.join(dir, "out");
  }

  it("from the link: the invitation, answers and recordings of that interview", async () => {
    const org = await makeOrg("Export");
    const i = await answeredInterview(org.id);
    const form = new FormData();
    form.set("token", i.token);
    const out = await unzip(await candidateExportResponse(getDb(), null, form));
    const data = JSON.parse(await readFile(path.join(out, "data.json"), "utf8")) as {
      invitations: { invitationId: string; candidateEmail: string; answers: { textAnswer: string | null; recording: string | null }[] }[];
    };
    expect(data.invitations).toHaveLength(1);
    expect(data.invitations[0]!.invitationId).toBe(i.invitation.id);
    expect(data.invitations[0]!.candidateEmail).toBe(i.invitation.candidateEmail);
    expect(data.invitations[0]!.answers[1]!.textAnswer).toBe("I would shard the ledger by merchant.");
    const recording = data.invitations[0]!.answers[0]!.recording!;
    expect((await readFile(path.join(out, recording))).equals(i.recording)).toBe(true);
  });

  it("holds what the hiring team wrote about the candidate, their ratings and comments, without naming colleagues", async () => {
    const org = await makeOrg("Export Notes");
    const i = await answeredInterview(org.id);
    const reviewer = await makeUser({ role: "HR", orgId: org.id });
    await getDb().answerRating.create({
      data: {
        organizationId: org.id,
        invitationId: i.invitation.id,
        responseId: i.responses[1]!.id,
        reviewerId: reviewer.id,
        score: 4,
        note: "Clear on sharding.",
      },
    });
    await getDb().reviewComment.create({
      data: { organizationId: org.id, invitationId: i.invitation.id, authorId: reviewer.id, body: "Worth a second interview.", mentionedIds: [] },
    });
    const form = new FormData();
    form.set("token", i.token);
    const out = await unzip(await candidateExportResponse(getDb(), null, form));
    const text = await readFile(path.join(out, "data.json"), "utf8");
    const [exported] = (JSON.parse(text) as { invitations: { answers: { ratings: unknown[] }[]; reviewComments: unknown[] }[] }).invitations;
    expect(exported!.answers[1]!.ratings).toEqual([{ score: 4, note: "Clear on sharding.", ratedAt: expect.any(String) }]);
    expect(exported!.answers[0]!.ratings).toEqual([]);
    expect(exported!.reviewComments).toEqual([{ body: "Worth a second interview.", writtenAt: expect.any(String) }]);
    for (const identity of [reviewer.id, reviewer.email, reviewer.name!]) expect(text).not.toContain(identity);
  });

  it("signed in at /candidate: every interview addressed to them, nobody else's; no token and no session gets 401", async () => {
    const orgA = await makeOrg("Export A");
    const orgB = await makeOrg("Export B");
    const a = await answeredInterview(orgA.id);
    const b = await answeredInterview(orgB.id);
    await answeredInterview(orgA.id);
    const candidate = await makeUser({ role: "CANDIDATE", email: a.invitation.candidateEmail });
    await getDb().invitation.update({ where: { id: b.invitation.id }, data: { candidateEmail: candidate.email } });
    const user = await loadSessionUser(getDb(), candidate.id);
    const out = await unzip(await candidateExportResponse(getDb(), user, new FormData()));
    const data = JSON.parse(await readFile(path.join(out, "data.json"), "utf8")) as { invitations: { invitationId: string }[] };
    expect(data.invitations.map((x) => x.invitationId).sort()).toEqual([a.invitation.id, b.invitation.id].sort());
    expect((await candidateExportResponse(getDb(), null, new FormData())).status).toBe(401);
    const bad = new FormData();
    bad.set("token", "not-a-real-token-at-all-0000");
    expect((await candidateExportResponse(getDb(), null, bad)).status).toBe(404);
  });
});

describe("deleting the organization", () => {
  it("is scheduled after a 7-day grace period, can be cancelled, and is then done by the sweep with everything in it", async () => {
    const db = getDb();
    const org = await makeOrg("Leaving");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const i = await answeredInterview(org.id);
    const api = await callerFor(owner.id);
    expect(await codeOf(api.privacy.requestOrganizationDeletion({ confirmName: "wrong" }))).toBe("BAD_REQUEST");
    const { deletionDueAt } = await api.privacy.requestOrganizationDeletion({ confirmName: org.name });
    expect(Math.round((deletionDueAt.getTime() - Date.now()) / DAY)).toBe(7);
    expect(await api.privacy.cancelOrganizationDeletion()).toEqual({ cancelled: true });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).deletionDueAt).toBeNull();

    await api.privacy.requestOrganizationDeletion({ confirmName: org.name });
    await sweep();
    expect(await db.organization.count({ where: { id: org.id } })).toBe(1);
    await db.organization.update({ where: { id: org.id }, data: { deletionDueAt: new Date(Date.now() - 1000) } });
    await sweep();
    expect(await db.organization.count({ where: { id: org.id } })).toBe(0);
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.template.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await getStorage().stat(i.recordingKey)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "organization.deleted", targetId: org.id } })).toBe(1);
    // The owner's account stays; only its membership went with the organization.
    expect(await db.user.count({ where: { id: owner.id } })).toBe(1);
  });
});
