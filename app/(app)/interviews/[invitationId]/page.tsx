import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AnalysisSection } from "@/components/analysis/analysis-section";
import { DecisionCard } from "@/components/fairness/decision-card";
import { FeedbackCard } from "@/components/feedback/feedback-card";
import { formatDate, formatDateTime } from "@/components/format";
import { AccommodationsCard } from "@/components/invitations/accommodations-card";
import { InvitationActions } from "@/components/invitations/invitation-actions";
import { LastSeen } from "@/components/invitations/last-seen";
import { InvitationStatusBadge } from "@/components/invitations/status-badge";
import { AnswerCard } from "@/components/review/answer-card";
import { RefreshWhileProcessing, SeekFromLink } from "@/components/review/pipeline-controls";
import { TeamComments } from "@/components/review/team-comments";
import { TeamRatings } from "@/components/review/team-ratings";
import { TeamReviewed } from "@/components/review/team-reviewed";
import { TeamShare } from "@/components/review/team-share";
import { Timeline } from "@/components/review/timeline";
import { DeleteInterviewButton } from "@/components/privacy/delete-interview-button";
import { Alert, Card, CardContent, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Interview" };

async function loadReview(invitationId: string) {
  try {
    const caller = await serverCaller();
    const [review, analysis, decision, feedback] = await Promise.all([
      caller.review.interview({ invitationId }),
      caller.analysis.interview({ invitationId }),
      caller.fairness.decision({ invitationId }),
      caller.feedback.get({ invitationId }),
    ]);
    return { ...review, analysis, decision, feedback };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function InterviewReviewPage({ params }: { params: Promise<{ invitationId: string }> }) {
  await requireRole("HR", "ADMIN");
  const { invitationId } = await params;
  const { invitation: inv, version, answers, progress, timeline, analysis, processing, decision, feedback } = await loadReview(invitationId);
  const analysedQuestions = answers.map((a) => ({ number: a.number, prompt: a.question.prompt, type: a.question.type, responseId: a.response?.id ?? null }));

  return (
    <div className="space-y-6">
      <RefreshWhileProcessing active={processing} />
      <Suspense>
        <SeekFromLink />
      </Suspense>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/invitations" className="text-brand-700 underline-offset-2 hover:underline">
          Invitations
        </Link>
      </nav>
      <PageHeader
        title={inv.candidateName}
        description={`${inv.candidateEmail} · ${version.title} (version ${version.version})${inv.candidateSkills.length ? ` · Skills: ${inv.candidateSkills.join(", ")}` : ""}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <InvitationActions
              invitationId={inv.id}
              candidateName={inv.candidateName}
              expiresAt={inv.expiresAt}
              expired={inv.status === "EXPIRED"}
              canResend={inv.canResend}
              canCancel={inv.canCancel}
            />
            <DeleteInterviewButton invitationId={inv.id} candidateName={inv.candidateName} afterPath="/invitations" label="Delete data" />
          </div>
        }
      />

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Status</dt>
          <dd className="mt-1">
            <InvitationStatusBadge status={inv.status} />
            <LastSeen status={inv.status} lastSeenAt={inv.lastSeenAt} />
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Answered</dt>
          <dd className="mt-1 font-semibold">
            {progress.answered} of {progress.total}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Sent</dt>
          <dd className="mt-1 font-semibold">{formatDate(inv.sentAt)}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">{inv.status === "EXPIRED" ? "Expired" : "Link valid until"}</dt>
          <dd className="mt-1 font-semibold">{formatDateTime(inv.expiresAt)}</dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          {inv.humanReviewRequestedAt ? (
            <Alert tone="info" title="No AI analysis for this interview">
              {inv.candidateName} asked on {formatDate(inv.humanReviewRequestedAt)} for people only to review their answers, so the AI analysis is not run and
              any earlier one was deleted. Review the recordings and answers below yourselves.
            </Alert>
          ) : (
            <AnalysisSection invitationId={inv.id} initial={analysis} questions={analysedQuestions} />
          )}
          <section aria-label="Answers" className="min-w-0 space-y-4">
            {answers.map((a) => (
              <AnswerCard key={a.question.id} answer={a} />
            ))}
          </section>
          <TeamRatings invitationId={inv.id} questions={analysedQuestions} completed={inv.completedAt !== null} />
          <TeamComments invitationId={inv.id} />
        </div>

        <aside className="space-y-4">
          <DecisionCard invitationId={inv.id} completed={decision.completed} decision={decision.decision} />
          <TeamReviewed invitationId={inv.id} completed={inv.completedAt !== null} />
          <TeamShare invitationId={inv.id} completed={inv.completedAt !== null} />
          <FeedbackCard invitationId={inv.id} feedback={feedback} />
          <AccommodationsCard
            invitationId={inv.id}
            values={{ extraThinkPct: inv.extraThinkPct, extraAnswerPct: inv.extraAnswerPct, extraRetakes: inv.extraRetakes }}
            editable={inv.status === "SENT" || inv.status === "OPENED" || inv.status === "IN_PROGRESS"}
          />
          <Card>
            <section aria-labelledby="timeline-heading">
              <CardHeader>
                <CardTitle id="timeline-heading">Timeline</CardTitle>
              </CardHeader>
              <CardContent>
                <Timeline events={timeline} />
              </CardContent>
            </section>
          </Card>
          {inv.message ? (
            <Card>
              <CardHeader>
                <CardTitle>Message sent with the invitation</CardTitle>
              </CardHeader>
              <CardContent>
                <p className="whitespace-pre-line text-sm text-slate-700">{inv.message}</p>
              </CardContent>
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
