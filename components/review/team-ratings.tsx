"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm, type FieldPath } from "react-hook-form";
import { formatDateTime } from "@/components/format";
import { Alert, Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Select, Textarea } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import type { RatingView } from "@/server/review/team-ratings";
import { NOTE_MAX, RATING_MAX, RATING_MIN, rateAnswerInput, type RateAnswerForm, type RateAnswerInput } from "@/server/review/team.schema";

export type RatedQuestion = { number: number; prompt: string; responseId: string | null };

const resolver = zodResolver(rateAnswerInput);
const SCORES = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

function RatingForm({
  question,
  responseId,
  saved,
  onSaved,
}: {
  question: RatedQuestion;
  responseId: string;
  saved: RatingView | undefined;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
    reset,
  } = useForm<RateAnswerForm, unknown, RateAnswerInput>({
    defaultValues: { responseId, score: saved?.score ?? Number.NaN, note: saved?.note ?? "" },
    resolver,
  });
  const rate = useMutation(
    trpc.review.rate.mutationOptions({
      onSuccess: (row) => {
        reset({ responseId, score: row.score, note: row.note ?? "" });
        onSaved();
      },
      onError: (e) => {
        for (const [path, message] of Object.entries(fieldErrors(e))) setError(path as FieldPath<RateAnswerForm>, { type: "server", message });
      },
    }),
  );
  const otherError = errors.responseId?.message ?? (rate.error && Object.keys(fieldErrors(rate.error)).length === 0 ? errorMessage(rate.error) : undefined);
  return (
    <form
      className="space-y-3 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0"
      noValidate
      aria-label={`Your rating of answer ${question.number}`}
      onSubmit={(e) => void handleSubmit((input) => rate.mutate({ ...input, note: input.note ?? undefined }))(e)}
    >
      <p className="text-sm font-medium text-slate-900">
        {question.number}. {question.prompt}
      </p>
      <div className="grid gap-3 sm:grid-cols-[8rem_minmax(0,1fr)]">
        <Field label={`Rating of answer ${question.number}`} error={errors.score?.message} required>
          {(props) => (
            <Select {...props} {...register("score", { valueAsNumber: true })}>
              <option value="">Choose…</option>
              {SCORES.map((s) => (
                <option key={s} value={s}>
                  {s} of {RATING_MAX}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={`Note on answer ${question.number}`} error={errors.note?.message}>
          {(props) => <Textarea {...props} rows={2} maxLength={NOTE_MAX + 50} {...register("note")} />}
        </Field>
      </div>
      {otherError ? <Alert tone="danger">{otherError}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" variant="outline" loading={rate.isPending}>
          Save rating
        </Button>
        {saved && !isDirty ? <span className="text-xs text-slate-600">Saved</span> : null}
      </div>
    </form>
  );
}

/**
 * Each reviewer rates each answer 1-5 with a note, then submits. The server shows the other
 * reviewers' ratings only after that (no anchoring), and submitted ratings are final.
 */
export function TeamRatings({ invitationId, questions, completed }: { invitationId: string; questions: RatedQuestion[]; completed: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ratings = useQuery(trpc.review.ratings.queryOptions({ invitationId }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.review.ratings.queryKey({ invitationId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.review.state.queryKey({ invitationId }) });
  };
  const submit = useMutation(trpc.review.submitRatings.mutationOptions({ onSuccess: refresh }));
  const rated = questions.filter((q): q is RatedQuestion & { responseId: string } => q.responseId !== null);
  const data = ratings.data;
  const mine = new Map((data?.mine ?? []).map((r) => [r.responseId, r]));

  return (
    <Card>
      <section aria-labelledby="team-ratings-heading">
        <CardHeader>
          <CardTitle id="team-ratings-heading">Team ratings</CardTitle>
          <CardDescription>
            {!completed
              ? "Answers can be rated once the candidate has completed the interview."
              : data?.submittedAt
                ? `You submitted your ratings ${formatDateTime(data.submittedAt)}.`
                : `Rate each answer from 1 to 5. The team's ratings stay hidden until you submit yours${data && data.othersSubmitted > 0 ? ` (${data.othersSubmitted} submitted so far)` : ""}.`}
          </CardDescription>
        </CardHeader>
        {completed && data ? (
          <CardContent className="space-y-4">
            {data.submittedAt ? (
              <RatingsTable questions={rated} mine={data.mine} others={data.others ?? []} />
            ) : (
              <>
                {rated.map((q) => (
                  <RatingForm key={q.responseId} question={q} responseId={q.responseId} saved={mine.get(q.responseId)} onSaved={refresh} />
                ))}
                {submit.error ? <Alert tone="danger">{errorMessage(submit.error)}</Alert> : null}
                <Button onClick={() => submit.mutate({ invitationId })} loading={submit.isPending} disabled={mine.size < rated.length}>
                  Submit my ratings
                </Button>
                <p className="text-xs text-slate-600">Once submitted, your ratings are final and you see the others&apos;.</p>
              </>
            )}
          </CardContent>
        ) : null}
        {ratings.error ? (
          <CardContent>
            <Alert tone="danger">{errorMessage(ratings.error)}</Alert>
          </CardContent>
        ) : null}
      </section>
    </Card>
  );
}

function RatingsTable({
  questions,
  mine,
  others,
}: {
  questions: (RatedQuestion & { responseId: string })[];
  mine: RatingView[];
  others: { reviewer: { id: string; name: string }; ratings: RatingView[] }[];
}) {
  const people = [{ name: "You", ratings: mine }, ...others.map((o) => ({ name: o.reviewer.name, ratings: o.ratings }))];
  return (
    <div className="space-y-4">
      {others.length === 0 ? <p className="text-sm text-slate-600">No one else has submitted ratings yet.</p> : null}
      {questions.map((q) => (
        <div key={q.responseId} className="space-y-2">
          <p className="text-sm font-medium text-slate-900">
            {q.number}. {q.prompt}
          </p>
          <ul className="space-y-1">
            {people.map((p) => {
              const r = p.ratings.find((x) => x.responseId === q.responseId);
              return (
                <li key={p.name} className="flex flex-wrap items-baseline gap-2 text-sm">
                  <span className="font-medium">{p.name}</span>
                  <Badge tone="info">{r ? `${r.score} of ${RATING_MAX}` : "not rated"}</Badge>
                  {r?.note ? <span className="text-slate-700">{r.note}</span> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
