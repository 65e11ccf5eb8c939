import { Badge, Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import { formatDateTime, formatDuration } from "@/components/format";
import type { InterviewReview } from "@/server/review/interview";
import { ChoiceAnswer } from "./choice-answer";
import { AnswerRecording } from "./recording-player";
import { RetryProcessingButton } from "./pipeline-controls";
import { ResponseStatusBadge } from "./response-status-badge";

type Answer = InterviewReview["answers"][number];

function missingVideoText(answer: Answer): string {
  const status = answer.response?.status ?? "PENDING";
  if (answer.hasRecording) return "The recording exists but cannot be played right now. Reload the page to try again.";
  if (status === "PENDING") return "Not answered yet.";
  if (status === "UPLOADING") return "The candidate's recording is still uploading.";
  if (status === "FAILED") return "The recording could not be processed.";
  return "The recording is being processed and will appear here.";
}

export function AnswerCard({ answer }: { answer: Answer }) {
  const { question: q, response: r } = answer;
  const headingId = `question-${answer.number}`;
  return (
    <Card>
      <section aria-labelledby={headingId}>
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <CardTitle id={headingId}>Question {answer.number}</CardTitle>
            <Badge tone="neutral">{q.type === "VIDEO" ? "Video" : q.type === "MULTIPLE_CHOICE" ? "Multiple choice" : "Written"}</Badge>
            <ResponseStatusBadge status={r?.status ?? "PENDING"} resuming={r?.resuming ?? false} />
          </div>
          <p className="mt-2 whitespace-pre-line text-slate-800">{q.prompt}</p>
        </CardHeader>
        <CardContent className="space-y-3">
          {q.type === "VIDEO" ? (
            <>
              {answer.playback ? null : (
                <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">{missingVideoText(answer)}</p>
              )}
              {r && (answer.playback || answer.transcript) ? (
                <AnswerRecording
                  responseId={r.id}
                  playback={answer.playback}
                  label={`Recorded answer to question ${answer.number}`}
                  transcript={answer.transcript}
                  captionsUrl={answer.captionsUrl}
                  transcriptHeadingId={`transcript-${answer.number}`}
                />
              ) : null}
            </>
          ) : q.type === "MULTIPLE_CHOICE" ? (
            <>
              <ChoiceAnswer options={q.options ?? []} chosen={r?.choices ?? []} scored={q.scoreByKey ?? false} />
              {r?.submittedAt ? null : <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">Not answered yet.</p>}
            </>
          ) : r?.textAnswer ? (
            <blockquote className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 text-slate-900">{r.textAnswer}</blockquote>
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">Not answered yet.</p>
          )}

          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            {q.type === "VIDEO" && r?.durationMs ? (
              <div className="flex gap-1">
                <dt>Length</dt>
                <dd className="font-medium text-slate-900">{formatDuration(r.durationMs)}</dd>
              </div>
            ) : null}
            {q.type === "VIDEO" ? (
              <div className="flex gap-1">
                <dt>Takes used</dt>
                <dd className="font-medium text-slate-900">{r?.takesUsed ?? 0}</dd>
              </div>
            ) : r?.textAnswer && q.type === "TEXT" ? (
              <div className="flex gap-1">
                <dt>Characters</dt>
                <dd className="font-medium text-slate-900">
                  {r.textAnswer.length}
                  {q.maxChars ? ` of ${q.maxChars}` : ""}
                </dd>
              </div>
            ) : null}
            {r?.submittedAt ? (
              <div className="flex gap-1">
                <dt>Submitted</dt>
                <dd className="font-medium text-slate-900">{formatDateTime(r.submittedAt)}</dd>
              </div>
            ) : null}
          </dl>

          {r?.status === "FAILED" ? (
            <div className="flex flex-wrap items-center gap-3 rounded-md bg-red-50 p-3">
              <p className="text-sm text-red-800">{r.failureReason ?? "Processing this answer failed."}</p>
              {r.submittedAt && q.type === "VIDEO" ? <RetryProcessingButton responseId={r.id} /> : null}
            </div>
          ) : null}

          {q.criteria ? (
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium">What a good answer shows</summary>
              <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{q.criteria}</p>
            </details>
          ) : null}
        </CardContent>
      </section>
    </Card>
  );
}
