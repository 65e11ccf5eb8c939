"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import type { DecisionView } from "@/server/fairness/decision";
import { HIRING_DECISIONS, HIRING_DECISION_LABELS } from "@/server/fairness/decision.schema";

/** HR's advance / hold / reject on a candidate, with who decided and when. */
export function DecisionCard({ invitationId, completed, decision }: { invitationId: string; completed: boolean; decision: DecisionView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(trpc.fairness.decide.mutationOptions({ onSuccess: () => router.refresh() }));

  return (
    <Card>
      <section aria-labelledby="decision-heading">
        <CardHeader>
          <CardTitle id="decision-heading">Decision</CardTitle>
          <CardDescription>
            {decision
              ? `${HIRING_DECISION_LABELS[decision.decision]} · ${decision.decidedBy ?? "a former member"}, ${formatDateTime(decision.decidedAt)}`
              : completed
                ? "No decision yet. Yours is recorded with your name and the time."
                : "A decision can be recorded once the candidate has completed the interview."}
          </CardDescription>
        </CardHeader>
        {completed ? (
          <CardContent className="space-y-3">
            <div role="group" aria-label="Record a decision" className="flex flex-wrap gap-2">
              {HIRING_DECISIONS.map((value) => (
                <Button
                  key={value}
                  size="sm"
                  variant={decision?.decision === value ? "primary" : "outline"}
                  aria-pressed={decision?.decision === value}
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ invitationId, decision: value })}
                >
                  {HIRING_DECISION_LABELS[value]}
                </Button>
              ))}
            </div>
            {decide.error ? <Alert tone="danger">{errorMessage(decide.error)}</Alert> : null}
          </CardContent>
        ) : null}
      </section>
    </Card>
  );
}
