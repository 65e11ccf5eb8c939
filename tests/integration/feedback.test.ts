import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { relayOutbox } from "@/inngest/relay";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { emailFeedback } from "@/server/feedback/feedback";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { makeInterviewAnalysis } from "./authz/analysis.cases";

let runner: InProcessRunner;
beforeAll(() => {
  runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 20, backoffMaxMs: 100, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
});

const db = () => getDb();

async function completedWithAnalysis(organizationId: string) {
  const interview = await makeInterview({ organizationId, consent: true, questions: [{ type: "TEXT" }] });
  const answer = "I listened, apologised and fixed the refund the same day. The next morning I called back to check.";
  await db().response.update({ where: { id: interview.responses[0]!.id }, data: { textAnswer: answer, status: "ANALYZED", submittedAt: new Date() } });
  await db().invitation.update({ where: { id: interview.invitation.id }, data: { status: "COMPLETED", completedAt: new Date() } });
  const quote = { quote: "apologised and fixed the refund the same day", responseId: interview.responses[0]!.id, startMs: null, endMs: null };
  await makeInterviewAnalysis(interview.invitation, {
    scores: [{ competencyId: "c1", competency: "Design", weight: 1, score: 4.2, rationale: "r", evidence: [quote] }],
    overallScore: 4.2,
    recommendation: "yes",
    summary: "Strong ownership.",
    strengths: [{ text: "Q1: Covers apology", evidence: [quote] }],
    concerns: [{ text: "Q1: No mention of prevention", evidence: [] }],
    flags: [],
  });
  return interview;
}

describe("feedback to a candidate", () => {
  it("drafts from the analysis without scores, refuses words the candidate never said, and emails the approved text once, from the background", async () => {
    const org = await makeOrg("Feedback");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const caller = await callerFor(hr.id);
    const interview = await completedWithAnalysis(org.id);
    const invitationId = interview.invitation.id;

    const draft = await caller.feedback.get({ invitationId });
    expect(draft.state).toBe("draft");
    if (draft.state !== "draft") return;
    expect(draft.body).toContain("as when you said “apologised and fixed the refund the same day”");
    expect(draft.body).not.toMatch(/4\.2|score|recommend/i);

    await expect(caller.feedback.send({ invitationId, body: `${draft.body}\nYou also said "I refunded everyone twice".` })).rejects.toThrow(
      /did not say “I refunded everyone twice”/,
    );
    expect(await db().outboxEvent.count({ where: { name: "feedback.approved", payload: { equals: { invitationId } } } })).toBe(0);

    const edited = draft.body.replace("Here is some feedback on your answers.", "We enjoyed your answers.");
    const sent = await caller.feedback.send({ invitationId, body: edited });
    expect(sent).toMatchObject({ state: "sent", body: edited, approvedBy: hr.name });
    // Nothing leaves inside the request: the email waits for the background function.
    expect(await db().emailMessage.count({ where: { to: interview.invitation.candidateEmail } })).toBe(0);
    await expect(caller.feedback.send({ invitationId, body: edited })).rejects.toThrow(/already sent/);

    // The first drain points the client's sends at the in-process queue, as the server's start does.
    await runner.drain();
    await relayOutbox(db());
    await runner.drain({ timeoutMs: 30_000 });
    const emails = await db().emailMessage.findMany({ where: { to: interview.invitation.candidateEmail, template: "candidate-feedback" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain("We enjoyed your answers.");
    expect(emails[0]!.text).not.toMatch(/4\.2/);
    // The step run again (a retry after a crash past the send) sends nothing new.
    await emailFeedback(db(), invitationId);
    expect(await db().emailMessage.count({ where: { to: interview.invitation.candidateEmail, template: "candidate-feedback" } })).toBe(1);
    expect(await db().auditLog.count({ where: { targetId: invitationId, action: "feedback.sent" } })).toBe(1);
  });

  it("is not offered before the candidate has completed the interview", async () => {
    const org = await makeOrg("FeedbackEarly");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const open = await makeInterview({ organizationId: org.id, consent: true });
    const caller = await callerFor(hr.id);
    expect(await caller.feedback.get({ invitationId: open.invitation.id })).toMatchObject({ state: "unavailable" });
    await expect(caller.feedback.send({ invitationId: open.invitation.id, body: "Thank you for your time; here is some feedback." })).rejects.toThrow(
      /once the candidate has completed/,
    );
  });
});
