"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Dialog, Field, Textarea, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import type { FeedbackView } from "@/server/feedback/feedback";
import { FEEDBACK_MAX_CHARS } from "@/server/feedback/feedback.schema";

/** Written feedback to the candidate: a draft from the analysis that HR edits, approves and sends once. */
export function FeedbackCard({ invitationId, feedback }: { invitationId: string; feedback: FeedbackView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState(feedback.state === "draft" ? feedback.body : "");
  const send = useMutation(
    trpc.feedback.send.mutationOptions({
      onSuccess: (sent) => {
        setOpen(false);
        toast({ title: "Feedback sent", description: `It is on its way to ${sent.state === "sent" ? sent.candidateEmail : "the candidate"}.` });
        router.refresh();
      },
    }),
  );

  return (
    <Card>
      <section aria-labelledby="feedback-heading">
        <CardHeader>
          <CardTitle id="feedback-heading">Feedback to the candidate</CardTitle>
          <CardDescription>
            {feedback.state === "sent"
              ? `Sent ${formatDateTime(feedback.sentAt)}${feedback.approvedBy ? ` by ${feedback.approvedBy}` : ""}.`
              : feedback.state === "draft"
                ? "A draft from the analysis, with no scores. Edit it; it is sent only when you approve it."
                : feedback.reason}
          </CardDescription>
        </CardHeader>
        {feedback.state === "sent" ? (
          <CardContent>
            <p className="whitespace-pre-line text-sm text-slate-700">{feedback.body}</p>
          </CardContent>
        ) : feedback.state === "draft" ? (
          <CardContent>
            <Button
              variant="outline"
              onClick={() => {
                send.reset();
                setOpen(true);
              }}
            >
              Write feedback
            </Button>
            <Dialog
              open={open}
              onOpenChange={(next) => !send.isPending && setOpen(next)}
              title="Feedback to the candidate"
              description={`Sent by email to ${feedback.candidateEmail} once you approve it. Put in quotation marks only words the candidate said.`}
              className="sm:max-w-2xl"
            >
              <form
                className="space-y-4"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  send.mutate({ invitationId, body });
                }}
              >
                <Field label="Feedback" error={send.error ? fieldErrors(send.error).body : undefined}>
                  {(props) => <Textarea {...props} rows={14} maxLength={FEEDBACK_MAX_CHARS} value={body} onChange={(e) => setBody(e.target.value)} />}
                </Field>
                {send.error && !fieldErrors(send.error).body ? <Alert tone="danger">{errorMessage(send.error)}</Alert> : null}
                <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                  <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={send.isPending}>
                    Back
                  </Button>
                  <Button type="submit" loading={send.isPending}>
                    Approve and send
                  </Button>
                </div>
              </form>
            </Dialog>
          </CardContent>
        ) : null}
      </section>
    </Card>
  );
}
