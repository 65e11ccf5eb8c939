"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";

/** The caller's own "reviewed" mark, which moves the interview out of "not yet reviewed by me" in the inbox. */
export function TeamReviewed({ invitationId, completed }: { invitationId: string; completed: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useQuery({ ...trpc.review.state.queryOptions({ invitationId }), enabled: completed });
  const mark = useMutation(
    trpc.review.markReviewed.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.review.state.queryKey({ invitationId }) }),
    }),
  );
  if (!completed) return null;
  const reviewedAt = state.data?.reviewedAt ?? null;
  return (
    <Card>
      <section aria-labelledby="reviewed-heading">
        <CardHeader>
          <CardTitle id="reviewed-heading">Your review</CardTitle>
          <CardDescription>
            {reviewedAt ? (
              <span className="inline-flex items-center gap-1">
                <CheckCircle2 className="size-4 text-emerald-700" aria-hidden="true" />
                {`Reviewed by you ${formatDateTime(reviewedAt)}`}
              </span>
            ) : (
              "Not reviewed by you yet. Submitting your ratings marks it reviewed too."
            )}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-2">
          {state.data ? (
            <Button size="sm" variant="outline" loading={mark.isPending} onClick={() => mark.mutate({ invitationId, reviewed: !reviewedAt })}>
              {reviewedAt ? "Mark not reviewed" : "Mark reviewed"}
            </Button>
          ) : null}
          {mark.error ? <Alert tone="danger">{errorMessage(mark.error)}</Alert> : null}
        </CardContent>
      </section>
    </Card>
  );
}
