"use client";

import { useState } from "react";
import { formatDate } from "@/components/format";
import { errorMessage } from "@/components/trpc/errors";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "./confirm-dialog";

/** Which interview the buttons act on: the link's token, or a signed-in candidate's invitation. */
export type RightsTarget = { token: string } | { invitationId: string };

type Props = {
  target: RightsTarget;
  organizationName: string;
  deletionDueAt: Date | null;
  humanReviewRequestedAt: Date | null;
};

/**
 * The candidate's rights over one interview: download everything held, ask for deletion, ask for
 * people only to review the answers. Each request is recorded by the server and shown back here.
 */
export function CandidateRights({ target, organizationName, deletionDueAt, humanReviewRequestedAt }: Props) {
  const client = useInterviewClient();
  const [deletion, setDeletion] = useState<{ dueAt: Date | null; pending: boolean; error: string | null }>({
    dueAt: deletionDueAt,
    pending: false,
    error: null,
  });
  const [review, setReview] = useState<{ at: Date | null; pending: boolean; error: string | null }>({
    at: humanReviewRequestedAt,
    pending: false,
    error: null,
  });

  async function requestDeletion() {
    setDeletion((s) => ({ ...s, pending: true, error: null }));
    try {
      const { dueAt } = "token" in target ? await client.interview.requestDeletion.mutate(target) : await client.candidate.requestDeletion.mutate(target);
      setDeletion({ dueAt, pending: false, error: null });
    } catch (e) {
      setDeletion((s) => ({ ...s, pending: false, error: errorMessage(e) }));
    }
  }

  async function requestReview() {
    setReview((s) => ({ ...s, pending: true, error: null }));
    try {
      const { humanReviewRequestedAt: at } =
        "token" in target ? await client.interview.requestHumanReview.mutate(target) : await client.candidate.requestHumanReview.mutate(target);
      setReview({ at, pending: false, error: null });
    } catch (e) {
      setReview((s) => ({ ...s, pending: false, error: errorMessage(e) }));
    }
  }

  return (
    <div className="space-y-3 text-sm">
      <form method="post" action="/api/privacy/export">
        {"token" in target ? (
          <input type="hidden" name="token" value={target.token} />
        ) : (
          <input type="hidden" name="invitationId" value={target.invitationId} />
        )}
        <Button type="submit" variant="outline" size="sm">
          Download my data
        </Button>
        <span className="ml-2 text-slate-600">A zip of your invitation, answers, transcripts, their analysis and your recordings.</span>
      </form>

      {review.at ? (
        <p role="status">You asked for people only to review your answers ({formatDate(review.at)}): no automatic analysis is run on them.</p>
      ) : (
        <ConfirmDialog
          trigger={(open) => (
            <Button variant="outline" size="sm" onClick={open}>
              Ask for a human-only review
            </Button>
          )}
          title="Ask for a human-only review?"
          description={`People at ${organizationName} will review your answers without the automatic analysis, and any automatic read already made is deleted. This cannot be undone.`}
          confirmLabel="Ask for a human-only review"
          tone="primary"
          pending={review.pending}
          error={review.error}
          onConfirm={() => void requestReview()}
        />
      )}

      {deletion.dueAt ? (
        <p role="status">
          You asked for your data to be deleted. It will be deleted by {formatDate(deletion.dueAt)} at the latest; you will get an email when it is done.
        </p>
      ) : (
        <ConfirmDialog
          trigger={(open) => (
            <Button variant="outline" size="sm" onClick={open}>
              Ask for my data to be deleted
            </Button>
          )}
          title="Delete your interview data?"
          description={`Your recordings, transcripts, answers and their analysis will be deleted within 30 days, sooner if ${organizationName} does it first, and ${organizationName} can no longer consider this interview. You and ${organizationName} get an email now.`}
          confirmLabel="Ask for deletion"
          pending={deletion.pending}
          error={deletion.error}
          onConfirm={() => void requestDeletion()}
        />
      )}
    </div>
  );
}
