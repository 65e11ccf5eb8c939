"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage, fieldErrors, trpcErrorCode } from "@/components/trpc/errors";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import type { SubmittedAnswer } from "@/server/interview/answers";
import type { InterviewQuestion } from "@/server/interview/state";
import { untilAnswered } from "./retry";

/**
 * A multiple-choice answer: radio buttons when one option is right, checkboxes when several may be.
 * The options come in this candidate's own order from the server, which keeps the key to itself.
 */
export function ChoiceQuestion({
  token,
  question,
  onSubmitted,
}: {
  token: string;
  question: InterviewQuestion;
  onSubmitted: (result: SubmittedAnswer | null) => void;
}) {
  const client = useInterviewClient();
  const [chosen, setChosen] = useState<string[]>(question.choices);
  const [pending, setPending] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const several = question.multiple;

  function toggle(id: string, on: boolean) {
    setChosen((current) => (several ? (on ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id)) : on ? [id] : []));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!chosen.length) return setError(several ? "Choose at least one option before submitting." : "Choose an answer before submitting.");
    setPending(true);
    try {
      const result = await untilAnswered(() => client.interview.submitChoices.mutate({ token, responseId: question.responseId, choices: chosen }), {
        onWaiting: setWaiting,
      });
      onSubmitted(result);
    } catch (e) {
      if (trpcErrorCode(e) === "CONFLICT") return onSubmitted(null);
      setError(fieldErrors(e).choices || errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" noValidate>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">{several ? "Choose every option that applies" : "Choose one option"}</legend>
        {(question.options ?? []).map((option) => (
          <label
            key={option.id}
            className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-slate-900 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
          >
            <input
              type={several ? "checkbox" : "radio"}
              name={`choice-${question.responseId}`}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(e) => toggle(option.id, e.target.checked)}
              className="mt-1 size-4 accent-brand-600"
            />
            <span className="break-words">{option.text}</span>
          </label>
        ))}
      </fieldset>
      {waiting ? <Alert tone="warning">You are offline. Your answer will be sent when the connection is back; keep this page open.</Alert> : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button type="submit" loading={pending} className="w-full sm:w-auto">
        Submit answer
      </Button>
    </form>
  );
}
