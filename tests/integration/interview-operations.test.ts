import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { HEARTBEAT_WRITE_EVERY_MS } from "@/server/interview/interview-rules";
import { recordHeartbeat } from "@/server/interview/heartbeat";
import { listInvitations } from "@/server/invitations/list";
import { listInvitationsInput } from "@/server/invitations/invitations.schema";
import { interviewReadiness } from "@/server/pipeline/readiness";
import { getInterviewReview } from "@/server/review/interview";
import { templateSnapshotSchema } from "@/server/templates/versions";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { invite, makeTemplate } from "./authz/invitations.cases";

/** The explicit operations of issue 17: one question at a time, starting and completing an interview, and the heartbeat. */

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

async function hr() {
  const org = await makeOrg("Ops");
  const user = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
  return { org, user, api: await callerFor(user.id) };
}

const prompts = (t: { questions: { prompt: string }[] }) => t.questions.map((q) => q.prompt);

describe("one question at a time", () => {
  it("adds, updates, removes and reorders a question, keeping positions dense and the required flag", async () => {
    const { org, api } = await hr();
    const template = await makeTemplate(org.id, { status: "DRAFT" });
    let t = await api.templates.questions.add({ templateId: template.id, question: { prompt: "Which queue?", type: "TEXT", required: false }, position: 1 });
    expect(prompts(t)).toEqual(["Tell us about a system you designed.", "Which queue?", "How do you review code?"]);
    expect(t.questions.map((q) => q.position)).toEqual([0, 1, 2]);
    expect(t.questions.map((q) => q.required)).toEqual([true, false, true]);
    const added = t.questions[1]!.id;

    t = await api.templates.questions.update({
      templateId: template.id,
      questionId: added,
      question: { prompt: "Which broker?", type: "TEXT", required: true },
    });
    expect(t.questions[1]).toMatchObject({ id: added, prompt: "Which broker?", required: true });

    const [a, b, c] = t.questions.map((q) => q.id);
    t = await api.templates.questions.reorder({ templateId: template.id, questionIds: [c!, a!, b!] });
    expect(t.questions.map((q) => q.id)).toEqual([c, a, b]);

    t = await api.templates.questions.remove({ templateId: template.id, questionId: a! });
    expect(t.questions.map((q) => q.id)).toEqual([c, b]);
    expect(t.questions.map((q) => q.position)).toEqual([0, 1]);
  });

  it("refuses a reorder with a missing, unknown or repeated id, and changes nothing", async () => {
    const { org, api } = await hr();
    const template = await makeTemplate(org.id, { status: "DRAFT" });
    const ids = (await getDb().question.findMany({ where: { templateId: template.id }, orderBy: { position: "asc" } })).map((q) => q.id);
    expect(await messageOf(api.templates.questions.reorder({ templateId: template.id, questionIds: [ids[1]!] }))).toBe(
      `BAD_REQUEST: The new order leaves out ${ids[0]}: list every question of the template once.`,
    );
    expect(await messageOf(api.templates.questions.reorder({ templateId: template.id, questionIds: [ids[1]!, ids[0]!, "q-elsewhere"] }))).toBe(
      "BAD_REQUEST: Not questions of this template: q-elsewhere. List only the template's own question ids.",
    );
    expect(await messageOf(api.templates.questions.reorder({ templateId: template.id, questionIds: [ids[0]!, ids[0]!, ids[1]!] }))).toContain(
      `Question ${ids[0]} is listed more than once`,
    );
    const after = (await getDb().question.findMany({ where: { templateId: template.id }, orderBy: { position: "asc" } })).map((q) => q.id);
    expect(after).toEqual(ids);
  });

  it("refuses another template's question, removing a published template's last question, and editing an archived template", async () => {
    const { org, api } = await hr();
    const one = await makeTemplate(org.id, { questions: [{ prompt: "Only one?", type: "TEXT" }] });
    const other = await makeTemplate(org.id, { status: "DRAFT" });
    const [mine] = await getDb().question.findMany({ where: { templateId: one.id } });
    expect(await messageOf(api.templates.questions.remove({ templateId: other.id, questionId: mine!.id }))).toBe(
      "NOT_FOUND: This question is not part of the template.",
    );
    expect(await messageOf(api.templates.questions.remove({ templateId: one.id, questionId: mine!.id }))).toBe(
      "BAD_REQUEST: A published template must keep at least one question. Unpublish it to remove its last question.",
    );
    const archived = await makeTemplate(org.id, { status: "ARCHIVED" });
    expect(await messageOf(api.templates.questions.add({ templateId: archived.id, question: { prompt: "More?", type: "TEXT" } }))).toBe(
      "CONFLICT: This template is archived: unarchive it before editing.",
    );
    expect(await messageOf(api.templates.questions.add({ templateId: other.id, question: { prompt: "", type: "TEXT" } }))).toContain("Write the question");
  });

  it("an edit of a published template reaches only invitations sent after it, as a new version", async () => {
    const { org, user, api } = await hr();
    const template = await makeTemplate(org.id);
    const before = await invite(user.id, org.id, template.id, "before@example.com");
    await api.templates.questions.add({ templateId: template.id, question: { prompt: "Anything else?", type: "TEXT", required: false } });
    const after = await invite(user.id, org.id, template.id, "after@example.com");
    const versionOf = async (id: string) => {
      const inv = await getDb().invitation.findUniqueOrThrow({ where: { id }, select: { templateVersion: true, responses: true } });
      return { version: inv.templateVersion.version, snapshot: templateSnapshotSchema.parse(inv.templateVersion.snapshot), responses: inv.responses.length };
    };
    const old = await versionOf(before);
    const fresh = await versionOf(after);
    expect([old.version, fresh.version]).toEqual([1, 2]);
    expect([old.responses, fresh.responses]).toEqual([2, 3]);
    expect(fresh.snapshot.questions.at(-1)).toMatchObject({ prompt: "Anything else?", required: false });
    // Required questions keep the snapshot shape older versions were hashed with.
    expect(fresh.snapshot.questions[0]).not.toHaveProperty("required");
  });
});

describe("starting and completing an interview", () => {
  it("starts once consent is given, and starting again changes nothing", async () => {
    const api = await callerFor(null);
    const noConsent = await makeInterview();
    expect(await messageOf(api.interview.start({ token: noConsent.token }))).toBe(
      "PRECONDITION_FAILED: Agree to the recording and data terms before answering.",
    );
    const { token, invitation } = await makeInterview({ consent: true });
    const first = await api.interview.start({ token });
    expect(first).toMatchObject({ id: invitation.id, status: "IN_PROGRESS" });
    const again = await api.interview.start({ token });
    expect(again.startedAt).toEqual(first.startedAt);
  });

  it("refuses to complete while a required question is unanswered, naming it, and writes nothing", async () => {
    const api = await callerFor(null);
    const { token, invitation } = await makeInterview({
      consent: true,
      questions: [
        { type: "TEXT", prompt: "Why us?" },
        { type: "TEXT", prompt: "Anything to add?", required: false },
      ],
    });
    expect(await messageOf(api.interview.complete({ token }))).toBe(
      "PRECONDITION_FAILED: Answer the required question before completing the interview: question 1 (“Why us?”). Only optional questions may be left unanswered.",
    );
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.status).toBe("SENT");
    expect(await getDb().outboxEvent.count({ where: { name: "interview.completed", payload: { equals: { invitationId: invitation.id } } } })).toBe(0);
  });

  it("completes early with only optional questions unanswered, through the same event as the last answer, and the analysis does not wait for them", async () => {
    const api = await callerFor(null);
    const { token, invitation } = await makeInterview({
      consent: true,
      questions: [
        { type: "TEXT", prompt: "Why us?" },
        { type: "TEXT", prompt: "Anything to add?", required: false },
      ],
    });
    const state = await api.interview.state({ token });
    if (state.availability === "UNAVAILABLE") throw new Error("unavailable");
    expect(state.questions.map((q) => q.required)).toEqual([true, false]);
    const submitted = await api.interview.submitText({ token, responseId: state.questions[0]!.responseId, text: "The product." });
    expect(submitted.completed).toBe(false);

    const done = await api.interview.complete({ token });
    expect(done).toMatchObject({ id: invitation.id, status: "COMPLETED" });
    expect(done.completedAt).not.toBeNull();
    expect(await getDb().outboxEvent.count({ where: { name: "interview.completed", payload: { equals: { invitationId: invitation.id } } } })).toBe(1);
    expect(await interviewReadiness(getDb(), invitation.id)).toMatchObject({ ready: true });

    // Completing again answers the same and sends no second event; the skipped question can no longer be answered.
    expect((await api.interview.complete({ token })).completedAt).toEqual(done.completedAt);
    expect(await getDb().outboxEvent.count({ where: { name: "interview.completed", payload: { equals: { invitationId: invitation.id } } } })).toBe(1);
    expect(await messageOf(api.interview.submitText({ token, responseId: state.questions[1]!.responseId, text: "Late." }))).toBe(
      "PRECONDITION_FAILED: You have already completed this interview. Thank you!",
    );
  });
});

describe("the candidate's heartbeat", () => {
  it("records lastSeenAt at most once per interval, and HR sees it on the list and the review while the interview is open", async () => {
    const { org } = await hr();
    const { token, invitation } = await makeInterview({ organizationId: org.id, consent: true, status: "IN_PROGRESS" });
    const api = await callerFor(null);
    expect(await api.interview.heartbeat({ token })).toEqual({ ok: true });
    const seen = (await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).lastSeenAt!;
    expect(Date.now() - seen.getTime()).toBeLessThan(10_000);

    // A second ping within the interval writes nothing; one after it moves lastSeenAt on.
    await recordHeartbeat(getDb(), { token }, new Date(seen.getTime() + HEARTBEAT_WRITE_EVERY_MS - 1000));
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).lastSeenAt).toEqual(seen);
    const later = new Date(seen.getTime() + HEARTBEAT_WRITE_EVERY_MS + 1000);
    await recordHeartbeat(getDb(), { token }, later);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).lastSeenAt).toEqual(later);

    const list = await listInvitations(getDb(), org.id, listInvitationsInput.parse({}));
    expect(list.items.find((i) => i.id === invitation.id)).toMatchObject({ status: "IN_PROGRESS", lastSeenAt: later });
    expect((await getInterviewReview(getDb(), org.id, invitation.id)).invitation.lastSeenAt).toEqual(later);
  });

  it("answers an unknown link the same and records nothing for a closed interview", async () => {
    const api = await callerFor(null);
    expect(await api.interview.heartbeat({ token: "A".repeat(43) })).toEqual({ ok: true });
    const { token, invitation } = await makeInterview({ consent: true, status: "COMPLETED" });
    expect(await api.interview.heartbeat({ token })).toEqual({ ok: true });
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).lastSeenAt).toBeNull();
  });
});
