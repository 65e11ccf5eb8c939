"use client";

import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { errorMessage, fieldErrors, trpcErrorCode } from "@/components/trpc/errors";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import type { SubmittedAnswer } from "@/server/interview/answers";
import { textLimit } from "@/server/interview/interview-rules";
import type { InterviewQuestion } from "@/server/interview/state";
import { untilAnswered } from "./retry";

const draftKey = (responseId: string) => `interview-draft:${responseId}`;

function readDraft(responseId: string): string {
  try {
    return localStorage.getItem(draftKey(responseId)) ?? "";
  } catch {
    return "";
  }
}

/** A written answer, with its character limit shown as the candidate types and kept as a draft across reloads. */
export function TextQuestion({
  token,
  question,
  onSubmitted,
}: {
  token: string;
  question: InterviewQuestion;
  onSubmitted: (result: SubmittedAnswer | null) => void;
}) {
  const client = useInterviewClient();
  const id = useId();
  const limit = textLimit(question.maxChars);
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The draft lives in localStorage, which the server render cannot read: it is loaded once mounted.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setText(readDraft(question.responseId)), [question.responseId]);

  function change(value: string) {
    setText(value);
    try {
      localStorage.setItem(draftKey(question.responseId), value);
    } catch {
      // A full or disabled storage only costs the draft.
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!text.trim()) return setError("Write your answer before submitting.");
    if (text.length > limit) return setError(`Shorten your answer to ${limit} characters.`);
    setPending(true);
    try {
      const result = await untilAnswered(() => client.interview.submitText.mutate({ token, responseId: question.responseId, text }), { onWaiting: setWaiting });
      localStorage.removeItem(draftKey(question.responseId));
      onSubmitted(result);
    } catch (e) {
      if (trpcErrorCode(e) === "CONFLICT") {
        localStorage.removeItem(draftKey(question.responseId));
        onSubmitted(null);
        return;
      }
      setError(fieldErrors(e).text || errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const over = text.length > limit;
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" noValidate>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Your answer
      </label>
      <Textarea
        id={id}
        value={text}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => change(e.target.value)}
        maxLength={limit}
        rows={8}
        aria-describedby={`${id}-count`}
        aria-invalid={over || undefined}
        className="w-full"
      />
      <p id={`${id}-count`} className={`text-right text-sm ${over ? "text-red-700" : "text-slate-600"}`} aria-live="polite">
        {text.length} / {limit} characters
      </p>
      {waiting ? <Alert tone="warning">You are offline. Your answer will be sent when the connection is back; keep this page open.</Alert> : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button type="submit" loading={pending} className="w-full sm:w-auto">
        Submit answer
      </Button>
    </form>
  );
}
