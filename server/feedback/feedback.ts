import { createElement } from "react";
import CandidateFeedbackEmail, { subject as feedbackSubject } from "@/emails/candidate-feedback";
import { interviewAnalysisResultSchema } from "../analysis/analysis.schema";
import type { AnswerText } from "../analysis/verify-quotes";
import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { sendEmail } from "../mail/send";
import { transcriptSegmentsSchema } from "../transcription/transcript.schema";
import { draftFeedback } from "./draft";
import type { FeedbackInput, SendFeedbackInput } from "./feedback.schema";
import { unsaidQuotes } from "./quotes";

export type FeedbackView =
  | { state: "unavailable"; reason: string }
  | { state: "draft"; body: string; candidateEmail: string }
  | { state: "sent"; body: string; candidateEmail: string; sentAt: Date; approvedBy: string | null };

async function loadInvitation(db: Db, organizationId: string, invitationId: string) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, organizationId },
    select: {
      id: true,
      candidateName: true,
      candidateEmail: true,
      completedAt: true,
      organization: { select: { name: true } },
      templateVersion: { select: { snapshot: true } },
      feedback: { select: { body: true, sentAt: true, approvedBy: { select: { name: true, email: true } } } },
      analyses: { where: { responseId: null, status: "COMPLETE" }, orderBy: { createdAt: "desc" }, take: 1, select: { result: true } },
      responses: { select: { id: true, textAnswer: true, transcript: { select: { text: true, segments: true } } } },
    },
  });
  if (!invitation) throw notFound("The interview");
  return invitation;
}

type LoadedInvitation = Awaited<ReturnType<typeof loadInvitation>>;

/** What the candidate said, as the analysis reads it: written answers and transcripts. */
function answersOf(invitation: LoadedInvitation): AnswerText[] {
  return invitation.responses.flatMap((r): AnswerText[] => {
    if (r.textAnswer !== null) return [{ responseId: r.id, segments: null, text: r.textAnswer }];
    if (!r.transcript) return [];
    const segments = transcriptSegmentsSchema.safeParse(r.transcript.segments);
    return [{ responseId: r.id, segments: segments.success ? segments.data : [], text: r.transcript.text }];
  });
}

/** The feedback sent to a candidate, or a fresh draft from the analysis for HR to edit. */
export async function candidateFeedback(
  db: Db,
  user: { name: string | null; email: string },
  organizationId: string,
  input: FeedbackInput,
): Promise<FeedbackView> {
  const invitation = await loadInvitation(db, organizationId, input.invitationId);
  const sent = invitation.feedback;
  if (sent) {
    return {
      state: "sent",
      body: sent.body,
      candidateEmail: invitation.candidateEmail,
      sentAt: sent.sentAt,
      approvedBy: sent.approvedBy ? (sent.approvedBy.name ?? sent.approvedBy.email) : null,
    };
  }
  if (!invitation.completedAt) return { state: "unavailable", reason: "Feedback can be written once the candidate has completed the interview." };
  const analysis = interviewAnalysisResultSchema.safeParse(invitation.analyses[0]?.result);
  const title = (invitation.templateVersion.snapshot as { title?: string }).title ?? "interview";
  return {
    state: "draft",
    candidateEmail: invitation.candidateEmail,
    body: draftFeedback({
      candidateName: invitation.candidateName,
      organizationName: invitation.organization.name,
      title,
      analysis: analysis.success ? analysis.data : null,
      signedBy: user.name ?? invitation.organization.name,
    }),
  };
}

/**
 * HR approves the feedback as edited and it is sent, once. Every quotation in it must be the
 * candidate's own words; the email leaves from a background function on `feedback.approved`,
 * written in the same transaction as the feedback, so a crash never loses or doubles it.
 */
export async function sendFeedback(db: Db, actor: { id: string; name: string | null; email: string }, organizationId: string, input: SendFeedbackInput) {
  const invitation = await loadInvitation(db, organizationId, input.invitationId);
  if (!invitation.completedAt) throw new DomainError("BAD_REQUEST", "Feedback can be sent once the candidate has completed the interview.");
  const unsaid = unsaidQuotes(input.body, answersOf(invitation));
  if (unsaid.length) {
    throw new DomainError("BAD_REQUEST", `The candidate did not say “${unsaid[0]}”: quote only their own words, or take the quotation marks away.`);
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.candidateFeedback.createMany({
      data: [{ invitationId: invitation.id, organizationId, body: input.body, approvedById: actor.id }],
      skipDuplicates: true,
    });
    if (!count) throw new DomainError("CONFLICT", "Feedback was already sent to this candidate.");
    await audit(tx, { organizationId, actorId: actor.id, action: "feedback.sent", targetType: "invitation", targetId: invitation.id });
    await enqueueEvent(tx, "feedback.approved", { invitationId: invitation.id }, organizationId);
  });
  return candidateFeedback(db, actor, organizationId, { invitationId: invitation.id });
}

/** Emails the approved feedback to the candidate: the step of the `feedback.approved` function. */
export async function emailFeedback(db: Db, invitationId: string): Promise<{ emailed: boolean }> {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: {
      candidateEmail: true,
      organization: { select: { name: true } },
      templateVersion: { select: { snapshot: true } },
      feedback: { select: { body: true } },
    },
  });
  if (!invitation?.feedback) return { emailed: false };
  const props = {
    organizationName: invitation.organization.name,
    title: (invitation.templateVersion.snapshot as { title?: string }).title ?? "interview",
    body: invitation.feedback.body,
  };
  await sendEmail({
    to: invitation.candidateEmail,
    subject: feedbackSubject(props),
    template: "candidate-feedback",
    react: createElement(CandidateFeedbackEmail, props),
    // Feedback is approved once per invitation, so a step that runs again finds this and sends nothing.
    idempotencyKey: `feedback:${invitationId}`,
  });
  return { emailed: true };
}
